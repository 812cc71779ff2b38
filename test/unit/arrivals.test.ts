import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {parseInBackground} from '../../source/load/parse-in-background.js';
import {loadInputs, type LoadResult, type RemainingLoad} from '../../source/load/read-input.js';
import {createSearchIndex} from '../../source/search/search.js';
import {pendingQuery, selectHits, selectedArticle, selectedIndex} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {Readable} from 'node:stream';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll} from 'vitest';
import {numberedArticles} from '../helpers/articles.js';

const viewport = {columnCount: 120, rowCount: 30};
const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
const arrive = (state: State, articles: readonly Article[], loadingShare: number | undefined, inputWarningCount = 0) =>
	update(state, {type: 'articles-arrived', articles, loadingShare, inputWarningCount});
/** Articles whose dates grow with their number: the last in the file is the newest. */
const dated = (count: number) => numberedArticles(count).map((article, index) => ({...article, publishedAt: Date.UTC(2026, 0, 1) + index * 60_000}));

describe('articles arriving while the inputs are parsed', () => {
	it('keeps the first row selected when newer articles arrive, as long as no key moved it', () => {
		const all = dated(300);
		const first = createState(all.slice(0, 100), {viewport, loadingShare: 0.3});
		expect(selectedArticle(first)?.headline).toBe(all[99]!.headline);
		const more = arrive(first, all.slice(0, 200), 0.6);
		expect(selectedIndex(more)).toBe(0);
		expect(selectedArticle(more)?.headline).toBe(all[199]!.headline);
		expect(more.loadingShare).toBe(0.6);
		const done = arrive(more, all, undefined);
		expect(selectedArticle(done)?.headline).toBe(all[299]!.headline);
		expect(done.loadingShare).toBeUndefined();
		expect(done.articles).toHaveLength(300);
	});

	it('keeps the selection on its article once a key has moved it, and the list window around it', () => {
		const all = dated(300);
		const moved = press(createState(all.slice(0, 100), {viewport, loadingShare: 0.3}), 'j', 'j');
		const chosen = selectedArticle(moved);
		const more = arrive(moved, all, undefined);
		expect(selectedArticle(more)).toBe(chosen);
		// The 200 newer articles came above it; it stays on the third row of the list, where it was.
		expect(selectedIndex(more)).toBe(202);
		expect(more.listTop).toBe(200);
	});

	it('leaves the article being read alone', () => {
		const all = dated(300);
		const reading = press(createState(all.slice(0, 100), {viewport, loadingShare: 0.3}), 'enter');
		const read = selectedArticle(reading);
		const more = arrive(reading, all, undefined);
		expect(more.mode.name).toBe('read');
		expect(selectedArticle(more)).toBe(read);
	});

	it('in file order, keeps the list as it was and adds the newcomers below', () => {
		const all = numberedArticles(300);
		const first = createState(all.slice(0, 100), {viewport, loadingShare: 0.3});
		const more = arrive(first, all, undefined);
		expect(selectHits(more).slice(0, 100).map(hit => hit.article)).toEqual(all.slice(0, 100));
		expect(selectedIndex(more)).toBe(0);
	});

	it('while loading, filters the first articles without searching again at each arrival; once all are in, searches them all', () => {
		const all = numberedArticles(300);
		const typed = press(createState(all.slice(0, 100), {viewport, loadingShare: 0.3}), '/', '2', '5');
		const query = pendingQuery(typed)!;
		const first = typed.searchedArticles;
		const more = arrive(typed, all.slice(0, 200), 0.6);
		// A search of the first articles, begun before the arrival, still counts.
		expect(more.searchedArticles).toBe(first);
		const found = update(more, {type: 'search-finished', query, hits: createSearchIndex(first).search(query), articles: first});
		expect(pendingQuery(found)).toBeUndefined();
		expect(selectHits(found).map(hit => hit.article.headline)).toContain(all[24]!.headline);
		expect(pendingQuery(arrive(found, all.slice(0, 250), 0.8))).toBeUndefined();
		const done = arrive(found, all, undefined);
		expect(done.searchedArticles).toBe(done.articles);
		expect(pendingQuery(done)).toBe('25');
		// Results of the first articles that come after that are dropped.
		expect(update(done, {type: 'search-finished', query, hits: [], articles: first})).toBe(done);
	});

	it('searches again, over the newcomers too, when a filter is in force', () => {
		const all = numberedArticles(300);
		const typed = press(createState(all.slice(0, 100), {viewport, loadingShare: 0.3}), '/', '2', '5', '0');
		const query = pendingQuery(typed)!;
		const filtered = update(typed, {type: 'search-finished', query, hits: createSearchIndex(typed.articles).search(query)});
		expect(pendingQuery(filtered)).toBeUndefined();
		const more = arrive(filtered, all, undefined);
		expect(pendingQuery(more)).toBe('250');
		const found = update(more, {type: 'search-finished', query: '250', hits: createSearchIndex(more.articles).search('250'), articles: more.articles});
		expect(selectHits(found).map(hit => hit.article.headline)).toContain(all[249]!.headline);
	});

	it('counts the warnings parsing has given so far', () => {
		const state = arrive(createState(numberedArticles(10), {viewport, loadingShare: 0.1, inputWarningCount: 1}), numberedArticles(20), 0.5, 3);
		expect(state.inputWarningCount).toBe(3);
	});
});

/** A load that is done after `partCount` slices, with ten more articles each. */
function fakeRemainingLoad(partCount: number): RemainingLoad & {parsedParts: () => number} {
	let parsed = 0;
	const [article] = numberedArticles(1);
	const result = (): LoadResult => ({articles: Array.from({length: 10 * (parsed + 1)}, () => article!), warnings: [], label: 'news.txt', inputs: []});
	return {
		parseFor() {
			parsed = Math.min(partCount, parsed + 1);
			return parsed === partCount;
		},
		parsedShare: () => parsed / partCount,
		result,
		parsedParts: () => parsed,
	};
}

describe('parsing in the background', () => {
	it('starts when the interface listens, hands over the articles as they come, and ends with all of them', async () => {
		const remaining = fakeRemainingLoad(30);
		const {arrivals, loaded} = parseInBackground(remaining, {sliceMs: 1, arrivalIntervalMs: 0, longestArrivalIntervalMs: 0});
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(remaining.parsedParts()).toBe(0);
		const counts: Array<[number, number | undefined]> = [];
		arrivals.subscribe(arrival => counts.push([arrival.articles.length, arrival.loadingShare]));
		const result = await loaded;
		expect(result.articles).toHaveLength(310);
		expect(counts.at(-1)).toEqual([310, undefined]);
		expect(counts.length).toBeGreaterThan(1);
		expect(counts.slice(0, -1).every(([, share]) => share !== undefined && share < 1)).toBe(true);
	});

	it('stops parsing when the interface stops listening (it quit)', async () => {
		const remaining = fakeRemainingLoad(1_000_000);
		const {arrivals} = parseInBackground(remaining, {sliceMs: 1, arrivalIntervalMs: 0, longestArrivalIntervalMs: 0});
		const stop = arrivals.subscribe(() => {});
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		stop();
		const parsedWhenStopped = remaining.parsedParts();
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(remaining.parsedParts()).toBeLessThanOrEqual(parsedWhenStopped + 1);
	});
});

describe('parsing in the background while the word index worker is behind', () => {
	it('waits for the worker to catch up, then goes on', async () => {
		let release: () => void = () => {};
		let isBehind = true;
		const remaining = fakeRemainingLoad(30);
		const {arrivals, loaded} = parseInBackground({
			...remaining,
			indexingBacklog: () => (isBehind ? new Promise<void>(resolve => {
				release = resolve;
			}) : undefined),
		}, {sliceMs: 1, arrivalIntervalMs: 0, longestArrivalIntervalMs: 0});
		arrivals.subscribe(() => {});
		for (let turn = 0; turn < 20; turn++) {
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}

		// One slice, then nothing while the worker is behind.
		expect(remaining.parsedParts()).toBe(1);
		isBehind = false;
		release();
		await loaded;
		expect(remaining.parsedParts()).toBe(30);
	});
});

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-arrivals-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('loading the first articles first', () => {
	const path = join(directory, 'big.txt');
	writeFileSync(path, Array.from({length: 3000}, (_, index) => `Story number ${index}\n\nWhat happened in story ${index}.`).join('\n---\n'));

	it('parses about the count asked for, and the rest on demand, ending with what one parse gives', async () => {
		const first = await loadInputs([path], Readable.from([]), {firstArticleCount: 100});
		expect(first.articles.length).toBeGreaterThanOrEqual(100);
		expect(first.articles.length).toBeLessThan(3000);
		const {rest} = first;
		expect(rest).toBeDefined();
		while (!rest!.parseFor(5)) {
			// Slices until done.
		}

		const whole = await loadInputs([path], Readable.from([]));
		expect(whole.rest).toBeUndefined();
		expect(rest!.result().articles).toEqual(whole.articles);
		expect(rest!.parsedShare()).toBe(1);
	});

	it('parses everything at once without a count', async () => {
		const whole = await loadInputs([path], Readable.from([]));
		expect(whole.articles).toHaveLength(3000);
	});
});

describe('memory once the first load is complete', () => {
	const path = join(directory, 'kept.txt');
	writeFileSync(path, Array.from({length: 2000}, (_, index) => `Kept story ${index}\n\nWhat happened in story ${index}.`).join('\n---\n'));
	const collectGarbage = () => {
		setFlagsFromString('--expose-gc');
		(runInNewContext('gc') as () => void)();
	};

	it('keeps none of its articles in the background parse: a reload can replace them all', async () => {
		/** Loads the first articles and starts the background parse, keeping only what the interface keeps: the arrivals. */
		const start = async () => {
			const first = await loadInputs([path], Readable.from([]), {firstArticleCount: 100});
			const {arrivals, loaded} = parseInBackground(first.rest!, {sliceMs: 1, arrivalIntervalMs: 0, longestArrivalIntervalMs: 0});
			let lastArticles: WeakRef<readonly Article[]> | undefined;
			const unsubscribe = arrivals.subscribe(arrival => {
				lastArticles = new WeakRef(arrival.articles);
			});
			await loaded;
			return {arrivals, unsubscribe, lastArticles: () => lastArticles};
		};

		const session = await start();
		expect(session.lastArticles()?.deref()?.length).toBe(2000);
		// A weak reference keeps its target to the end of the job that made or read it.
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		collectGarbage();
		// Still subscribed, as the interface is: the complete list went to the listener, and nothing else holds it.
		expect(session.lastArticles()?.deref()).toBeUndefined();
		session.unsubscribe();
	});
});
