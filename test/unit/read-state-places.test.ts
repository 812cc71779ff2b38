import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseStateFile, stateFileText} from '../../source/read-state/marks.js';
import {inputSetKey, maximumPlaceCount, mergePlaces, type Place, prunedPlaces} from '../../source/read-state/places.js';
import {openReadStateStore, stateFileName} from '../../source/read-state/store.js';
import {createState} from '../../source/state/initial-state.js';
import {selectedArticle, selectedIndex} from '../../source/state/selectors.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {articleKey} from '../../source/read-state/marks.js';
import {numberedArticles} from '../helpers/articles.js';

const root = mkdtempSync(join(tmpdir(), 'broadsheet-places-'));
afterAll(() => {
	rmSync(root, {recursive: true, force: true});
});

const now = Date.UTC(2026, 10, 28, 12);
const place = (articleKey: string, changedAt = now): Place => ({articleKey, changedAt});

describe('the key of a set of inputs', () => {
	it('is the same in any order, and for an input given twice', () => {
		expect(inputSetKey(['/a.xml', '/b.xml'])).toBe(inputSetKey(['/b.xml', '/a.xml', '/b.xml']));
		expect(inputSetKey(['/a.xml'])).not.toBe(inputSetKey(['/a.xml', '/b.xml']));
		expect(inputSetKey(['https://example.org/feed.xml'])).toBe('["https://example.org/feed.xml"]');
	});

	it('is none for stdin, which is new every time', () => {
		expect(inputSetKey(['-'])).toBeUndefined();
		expect(inputSetKey(['/a.xml', '-'])).toBeUndefined();
		expect(inputSetKey([])).toBeUndefined();
	});
});

describe('places in the state file', () => {
	it('are written with the marks and read back; a file without them reads as before', () => {
		const places = new Map([['["/news.txt"]', place('news.txt/abc')], ['["/b.xml"]', place('https://example.org/1', now - 5)]]);
		const marks = new Map([['news.txt/abc', {read: {isOn: true, changedAt: now}}]]);
		expect(parseStateFile(stateFileText(marks, places))).toEqual({kind: 'marks', marks, places});
		expect(parseStateFile(stateFileText(marks))).toEqual({kind: 'marks', marks});
	});

	it('skip entries that make no sense', () => {
		const parsed = parseStateFile('{"version":1,"articles":{},"places":{"a":{"article":"x","at":5},"b":{"article":3,"at":5},"c":7,"d":{"article":"y"}}}');
		expect(parsed).toEqual({kind: 'marks', marks: new Map(), places: new Map([['a', place('x', 5)]])});
		expect(parseStateFile('{"version":1,"articles":{},"places":[1]}')).toEqual({kind: 'marks', marks: new Map()});
	});

	it('merge as marks do: the place left last wins, in any order', () => {
		const older = new Map([['a', place('one', 1)], ['b', place('two', 5)]]);
		const newer = new Map([['a', place('three', 2)], ['b', place('four', 4)]]);
		expect(mergePlaces(older, newer)).toEqual(new Map([['a', place('three', 2)], ['b', place('two', 5)]]));
		expect(mergePlaces(newer, older)).toEqual(mergePlaces(older, newer));
	});

	it(`are kept for the ${maximumPlaceCount} sets of inputs left last`, () => {
		const many = new Map(Array.from({length: maximumPlaceCount + 20}, (_, index) => [`set ${index}`, place(`article ${index}`, index)] as const));
		const pruned = prunedPlaces(many);
		expect(pruned.size).toBe(maximumPlaceCount);
		expect(pruned.has('set 19')).toBe(false);
		expect(pruned.has('set 20')).toBe(true);
		expect(pruned.has(`set ${maximumPlaceCount + 19}`)).toBe(true);
	});

	it('are saved by the store atomically with the marks, merged with what the file holds, and bounded', () => {
		const directory = join(root, 'state');
		const store = openReadStateStore(directory);
		store.load(now);
		for (let index = 0; index < maximumPlaceCount + 5; index++) {
			expect(store.save(new Map(), now + index, {inputSetKey: `set ${index}`, articleKey: `article ${index}`}).isSaved).toBe(true);
		}

		const other = openReadStateStore(directory);
		other.load(now);
		expect(other.placeOf(`set ${maximumPlaceCount + 4}`)).toBe(`article ${maximumPlaceCount + 4}`);
		expect(other.placeOf('set 0')).toBeUndefined();
		expect(other.placeOf('set 5')).toBe('article 5');
		// A save of marks alone keeps every place.
		other.save(new Map([['k', {read: {isOn: true, changedAt: now}}]]), now + 1000);
		const parsed = parseStateFile(readFileSync(join(directory, stateFileName), 'utf8'));
		expect(parsed.kind === 'marks' ? parsed.places?.size : parsed).toBe(maximumPlaceCount);
	});
});

describe('starting at the place left', () => {
	const articles = numberedArticles(60);
	const viewport = {columnCount: 80, rowCount: 24};

	it('selects the article last selected, scrolled into view', () => {
		const state = createState(articles, {viewport, selectedKey: articleKey(articles[44]!)});
		expect(selectedArticle(state)?.headline).toBe('Headline number 45');
		expect(state.listTop).toBeLessThanOrEqual(44);
		expect(state.listTop + 20).toBeGreaterThan(44);
		expect(state.shownArticleId).toBe(articles[44]!.id);
	});

	it('starts at the top when that article is gone, or a filter is asked for', () => {
		expect(selectedArticle(createState(articles, {viewport, selectedKey: 'numbered.txt/gone'}))?.headline).toBe('Headline number 1');
		expect(createState(articles, {viewport, selectedKey: articleKey(articles[44]!), query: 'harbour'}).selectedId).not.toBe(articles[44]!.id);
	});
});

describe('starting at the place left, in an input still loading', () => {
	const viewport = {columnCount: 120, rowCount: 30};
	const all = numberedArticles(300).map((article, index) => ({...article, publishedAt: Date.UTC(2026, 0, 1) + index * 60_000}));
	const arrive = (state: State, count: number, loadingShare: number | undefined) => update(state, {type: 'articles-arrived', articles: all.slice(0, count), loadingShare, inputWarningCount: 0});
	const place = articleKey(all[150]!);

	it('selects the article once it arrives, scrolled into view', () => {
		const first = createState(all.slice(0, 100), {viewport, loadingShare: 0.3, selectedKey: place});
		expect(selectedArticle(first)?.headline).toBe('Headline number 100');
		const more = arrive(first, 140, 0.5);
		expect(selectedArticle(more)?.headline).toBe('Headline number 140');
		const arrived = arrive(more, 200, 0.7);
		expect(selectedArticle(arrived)?.headline).toBe('Headline number 151');
		expect(selectedIndex(arrived)).toBeGreaterThanOrEqual(arrived.listTop);
		expect(selectedIndex(arrived)).toBeLessThan(arrived.listTop + 28);
		// Once there, later arrivals keep it, as they keep any selection.
		expect(selectedArticle(arrive(arrived, 300, undefined))?.headline).toBe('Headline number 151');
	});

	it('gives up at the first key, or when every article is in without it', () => {
		const first = createState(all.slice(0, 100), {viewport, loadingShare: 0.3, selectedKey: place});
		const moved = update(update(first, {type: 'keys-pressed', keys: ['j']}), {type: 'keys-pressed', keys: ['k']});
		expect(selectedArticle(arrive(moved, 300, undefined))?.headline).not.toBe('Headline number 151');
		const gone = createState(all.slice(0, 100), {viewport, loadingShare: 0.3, selectedKey: 'numbered.txt/gone'});
		const done = arrive(gone, 300, undefined);
		expect(selectedArticle(done)?.headline).toBe('Headline number 300');
		expect(done.placeToRestore).toBeUndefined();
	});
});
