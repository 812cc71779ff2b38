import {describe, expect, it} from 'vitest';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {articleKey, foldedMarks, withFlag} from '../../source/read-state/marks.js';
import {isArticleRead, isArticleStarred, selectedArticle, selectHits} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {newsArticles} from '../helpers/articles.js';

const now = Date.UTC(2026, 10, 28, 12);
const narrow = {columnCount: 80, rowCount: 24};
const wide = {columnCount: 120, rowCount: 30};
/** Presses keys at `now`. */
const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys, now});
const headlines = (state: State) => selectHits(state).map(hit => hit.article.headline);
const readHeadlines = (state: State) => state.articles.filter(article => isArticleRead(state, article)).map(article => article.headline);
const starredHeadlines = (state: State) => state.articles.filter(article => isArticleStarred(state, article)).map(article => article.headline);
const [copper, lighthouse, storm, chess, council] = newsArticles.map(article => article.headline);

describe('what counts as read', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('starts with every article unread', () => {
		expect(readHeadlines(start)).toEqual([]);
	});

	it('marks an article read when it is opened with Enter, l, → or Tab, and records when', () => {
		for (const key of ['enter', 'l', 'right', 'tab']) {
			const opened = press(start, 'j', key);
			expect(readHeadlines(opened)).toEqual([lighthouse]);
			expect(opened.readMarks.changed.get(articleKey(newsArticles[1]!))).toEqual({read: {isOn: true, changedAt: now}});
		}
	});

	it('does not mark the articles the selection passes over, even when the pane beside the list shows them', () => {
		const split = createState(newsArticles, {viewport: wide});
		expect(readHeadlines(press(split, 'j', 'j', 'k', 'G', 'g'))).toEqual([]);
	});

	it('marks the articles reached with J and K while reading', () => {
		expect(readHeadlines(press(start, 'enter', 'J', 'J', 'K'))).toEqual([copper, lighthouse, storm]);
	});

	it('leaves an article unread with M while reading it, through scrolling and the help overlay', () => {
		const state = press(start, 'enter', 'M', 'j', 'k', '?', '?', 'escape');
		expect(readHeadlines(state)).toEqual([]);
		expect(readHeadlines(press(state, 'enter'))).toEqual([copper]);
	});
});

describe('u, m and s', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('toggles the selected article read and unread with u', () => {
		const once = press(start, 'j', 'u');
		expect(readHeadlines(once)).toEqual([lighthouse]);
		expect(readHeadlines(press(once, 'u'))).toEqual([]);
		expect(press(once, 'u').readMarks.changed.get(articleKey(newsArticles[1]!))).toEqual({read: {isOn: false, changedAt: now}});
	});

	it('marks every article of the filtered list read with m, and no other', () => {
		let state = press(start, '/', ...'harbour');
		state = update(state, {type: 'search-finished', query: 'harbour', hits: selectHits(state).filter(hit => hit.article.headline === council)});
		state = press(state, 'enter', 'm', 'y');
		expect(readHeadlines(state)).toEqual([council]);
		expect(readHeadlines(press(start, 'm', 'y'))).toEqual([copper, lighthouse, storm, chess, council]);
	});

	it('stars and unstars the selected article with s, in the list and while reading', () => {
		const starred = press(start, 's', 'j', 'enter', 's');
		expect(starredHeadlines(starred)).toEqual([copper, lighthouse]);
		expect(starredHeadlines(press(starred, 'escape', 'k', 's'))).toEqual([lighthouse]);
	});

	it('changes nothing on an empty list', () => {
		const empty = createState([], {viewport: narrow});
		expect(press(empty, 'u', 's')).toBe(empty);
		expect(press(empty, 'm', 'y')).toMatchObject({readMarks: empty.readMarks, mode: {name: 'browse'}});
	});

	it('keeps the marks saved by earlier sessions, and lets the session change them', () => {
		const saved = withFlag(
			{saved: new Map(), changed: new Map()},
			[articleKey(newsArticles[2]!)],
			'read',
			true,
			now - 1000,
		);
		const state = createState(newsArticles, {viewport: narrow, readMarks: {saved: saved.changed, changed: new Map()}});
		expect(readHeadlines(state)).toEqual([storm]);
		expect(readHeadlines(press(state, 'j', 'j', 'u'))).toEqual([]);
	});
});

describe('views: all, unread, starred (v)', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('cycles all → unread → starred → all', () => {
		const marked = press(start, 'enter', 'escape', 'j', 'j', 's');
		expect(marked.view.name).toBe('all');
		const unread = press(marked, 'v');
		expect(unread.view.name).toBe('unread');
		expect(headlines(unread)).toEqual([lighthouse, storm, chess, council]);
		const starred = press(unread, 'v');
		expect(starred.view.name).toBe('starred');
		expect(headlines(starred)).toEqual([storm]);
		expect(headlines(press(starred, 'v'))).toEqual([copper, lighthouse, storm, chess, council]);
	});

	it('keeps the selection when the new view has it, else selects the first article', () => {
		const onStorm = press(start, 'j', 'j', 's');
		expect(selectedArticle(press(onStorm, 'v'))?.headline).toBe(storm);
		const onCopperRead = press(start, 'u');
		expect(selectedArticle(press(onCopperRead, 'v'))?.headline).toBe(lighthouse);
	});

	it('keeps an article read in the unread view until the user leaves it, then drops it and selects the next', () => {
		const unread = press(start, 'v');
		const reading = press(unread, 'enter', 'j');
		expect(readHeadlines(reading)).toEqual([copper]);
		expect(headlines(reading)).toEqual([copper, lighthouse, storm, chess, council]);
		const back = press(reading, 'escape');
		expect(headlines(back)).toEqual([lighthouse, storm, chess, council]);
		expect(selectedArticle(back)?.headline).toBe(lighthouse);
	});

	it('keeps the articles read with J in the unread view until the user goes back to the list', () => {
		const reading = press(start, 'v', 'enter', 'J', 'J');
		expect(headlines(reading)).toEqual([copper, lighthouse, storm, chess, council]);
		expect(selectedArticle(reading)?.headline).toBe(storm);
		const back = press(reading, 'q');
		expect(headlines(back)).toEqual([chess, council]);
		expect(selectedArticle(back)?.headline).toBe(chess);
	});

	it('keeps an article marked read in the list (u, m) in the unread view until the view is chosen again', () => {
		const marked = press(start, 'v', 'u', 'm', 'y');
		expect(headlines(marked)).toEqual([copper, lighthouse, storm, chess, council]);
		expect(headlines(press(marked, 'v', 'v', 'v'))).toEqual([]);
	});

	it('filters within the view', () => {
		const twoStarred = press(start, 's', 'G', 's', 'v', 'v');
		expect(headlines(twoStarred)).toEqual([copper, council]);
		const typed = press(twoStarred, '/', ...'tram');
		const filtered = update(typed, {type: 'search-finished', query: 'tram', hits: selectHits({...typed, view: {name: 'all'}}).slice(4)});
		expect(headlines(filtered)).toEqual([council]);
	});
});

describe('saved marks', () => {
	it('takes the folded marks once saved, unless they changed meanwhile', () => {
		const start = press(createState(newsArticles, {viewport: narrow}), 'm', 'y');
		const folded = foldedMarks(start.readMarks);
		const saved = update(start, {type: 'read-marks-saved', marks: start.readMarks, folded});
		expect(saved.readMarks).toBe(folded);
		expect(readHeadlines(saved)).toEqual(readHeadlines(start));
		const changedSince = press(start, 'u');
		expect(update(changedSince, {type: 'read-marks-saved', marks: start.readMarks, folded})).toBe(changedSince);
	});
});

describe('warnings', () => {
	it('counts each distinct warning once', () => {
		const start = createState(newsArticles, {viewport: narrow});
		const warned = update(start, {type: 'warning-raised', message: 'cannot save'});
		expect(warned.warnings).toEqual(['cannot save']);
		expect(update(warned, {type: 'warning-raised', message: 'cannot save'})).toBe(warned);
	});
});

describe('article ids', () => {
	it('survive edits to the body and to other articles, and moves', () => {
		const before = parsePlainText('First story\n\nOld body.\n---\nSecond story\n\nBody two.', 'news.txt').articles;
		const after = parsePlainText('A new story on top\n\nNews.\n---\nSecond story\n\nBody two, corrected.\n---\nFirst story\n\nOld body, edited.', 'news.txt').articles;
		expect(after.find(article => article.headline === 'First story')?.id).toBe(before[0]!.id);
		expect(after.find(article => article.headline === 'Second story')?.id).toBe(before[1]!.id);
	});
});
