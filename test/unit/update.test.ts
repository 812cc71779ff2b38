import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import type {Mode} from '../../source/mode.js';
import {createSearchIndex, type SearchIndex} from '../../source/search/search.js';
import {layoutOf} from '../../source/state/layout.js';
import {activeQuery, isReading, isShownArticleBehind, pendingQuery, selectHitList, selectHits, selectedArticle, selectedIndex, shownArticle, slowSearch} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {newsArticles, numberedArticles} from '../helpers/articles.js';

const searchIndexes = new WeakMap<readonly Article[], SearchIndex>();

/** The results of the search the state waits for, as the shell would report them. */
function searchFinished(state: State, query = pendingQuery(state) ?? '') {
	let index = searchIndexes.get(state.articles);
	if (!index) {
		index = createSearchIndex(state.articles);
		searchIndexes.set(state.articles, index);
	}

	return {type: 'search-finished', query, hits: index.search(query)} as const;
}

/** The state once the shell has run the search it asks for, if any. */
const settle = (state: State) => (pendingQuery(state) === undefined ? state : update(state, searchFinished(state)));
/** Presses keys, then lets the search they start finish, as a user who pauses would see it. */
const press = (state: State, ...keys: string[]) => settle(update(state, {type: 'keys-pressed', keys}));
/** Presses keys without waiting for any search. */
const pressOnly = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
const headlineOf = (state: State) => selectedArticle(state)?.headline;
const narrow = {columnCount: 80, rowCount: 24};
const wide = {columnCount: 120, rowCount: 30};

describe('moving through the list', () => {
	const start = createState(numberedArticles(100), {viewport: narrow});

	it('starts on the first headline', () => {
		expect(headlineOf(start)).toBe('Headline number 1');
	});

	it('moves with j/k and the arrows, and stops at the ends', () => {
		expect(headlineOf(press(start, 'j', 'j', 'down'))).toBe('Headline number 4');
		expect(headlineOf(press(start, 'j', 'j', 'k', 'up'))).toBe('Headline number 1');
		expect(headlineOf(press(start, 'k'))).toBe('Headline number 1');
		expect(press(start, 'k')).toBe(start);
	});

	it('jumps to the ends with g/G and Home/End', () => {
		expect(headlineOf(press(start, 'G'))).toBe('Headline number 100');
		expect(headlineOf(press(start, 'end', 'home'))).toBe('Headline number 1');
		expect(headlineOf(press(start, 'G', 'g'))).toBe('Headline number 1');
	});

	it('scrolls the window to keep the selection in view', () => {
		const {listRowCount} = layoutOf(start);
		const moved = press(start, ...Array.from({length: listRowCount}, () => 'j'));
		expect(selectedIndex(moved)).toBe(listRowCount);
		expect(moved.listTop).toBe(1);
		const atEnd = press(start, 'G');
		expect(atEnd.listTop).toBe(100 - listRowCount);
	});

	it('pages with PgDn/PgUp and space/b, window and selection together', () => {
		const {listRowCount} = layoutOf(start);
		const paged = press(start, 'pagedown');
		expect(selectedIndex(paged)).toBe(listRowCount);
		expect(paged.listTop).toBe(listRowCount);
		expect(selectedIndex(press(start, 'space', 'space', 'b'))).toBe(listRowCount);
		expect(selectedIndex(press(paged, 'pageup'))).toBe(0);
	});
});

describe('opening and going back', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('opens with Enter, l and Right, and goes back with Esc, h and Left', () => {
		for (const open of ['enter', 'l', 'right']) {
			expect(press(start, open).mode.name).toBe('read');
		}

		for (const back of ['escape', 'h', 'left']) {
			expect(press(start, 'enter', back).mode.name).toBe('browse');
		}
	});

	it('moves focus between the panes with Tab', () => {
		expect(press(start, 'tab').mode.name).toBe('read');
		expect(press(start, 'tab', 'tab').mode.name).toBe('browse');
	});

	it('scrolls the article, not the list, while reading, and clamps at its end', () => {
		const long = createState(numberedArticles(3).map(article => ({...article, paragraphs: Array.from({length: 60}, (_, index) => `Paragraph ${index}.`)})), {viewport: narrow});
		const reading = press(long, 'enter', 'j', 'j');
		expect(reading.articleScrollTop).toBe(2);
		expect(selectedIndex(reading)).toBe(0);
		const atEnd = press(reading, 'G');
		expect(atEnd.articleScrollTop).toBeGreaterThan(50);
		expect(press(atEnd, 'j')).toBe(atEnd);
		expect(press(atEnd, 'g').articleScrollTop).toBe(0);
	});

	it('starts a newly selected article at its top', () => {
		const reading = press(createState(numberedArticles(3), {viewport: wide}), 'enter', 'j');
		expect(press(reading, 'J').articleScrollTop).toBe(0);
		expect(headlineOf(press(reading, 'J'))).toBe('Headline number 2');
	});
});

describe('the article beside the list', () => {
	const long = numberedArticles(5).map(article => ({...article, paragraphs: Array.from({length: 80}, (_, index) => `Paragraph ${index}.`)}));
	const shownHeadline = (state: State) => shownArticle(state)?.headline;
	const rest = (state: State) => update(state, {type: 'selection-rested', articleId: selectedArticle(state)?.id});

	it('keeps showing the article it shows while the selection moves, and catches up once the selection rests', () => {
		const start = createState(long, {viewport: wide});
		const moved = press(start, 'j', 'j');
		expect(headlineOf(moved)).toBe('Headline number 3');
		expect(shownHeadline(moved)).toBe('Headline number 1');
		expect(isShownArticleBehind(moved)).toBe(true);
		const rested = rest(moved);
		expect(shownHeadline(rested)).toBe('Headline number 3');
		expect(isShownArticleBehind(rested)).toBe(false);
		expect(rest(rested)).toBe(rested);
	});

	it('does not follow when the article that rested is no longer selected: a key came as the rest ended', () => {
		const moved = press(createState(long, {viewport: wide}), 'j');
		const restedArticleId = selectedArticle(moved)?.id;
		const movedAgain = press(moved, 'j');
		expect(update(movedAgain, {type: 'selection-rested', articleId: restedArticleId})).toBe(movedAgain);
		expect(shownHeadline(rest(movedAgain))).toBe('Headline number 3');
	});

	it('keeps the shown article scrolled where it was until it changes, then starts the new one at its top', () => {
		const scrolled = press(createState(long, {viewport: wide}), 'enter', 'j', 'j', 'j', 'escape');
		expect(scrolled.articleScrollTop).toBe(3);
		const moved = press(scrolled, 'j');
		expect(moved.articleScrollTop).toBe(3);
		expect(rest(moved).articleScrollTop).toBe(0);
	});

	it('follows at once when the article is opened, or read, or not beside the list', () => {
		const start = createState(long, {viewport: wide});
		expect(shownHeadline(press(start, 'j', 'enter'))).toBe('Headline number 2');
		expect(shownHeadline(press(start, 'enter', 'J', 'J'))).toBe('Headline number 3');
		expect(shownHeadline(press(createState(long, {viewport: narrow}), 'j'))).toBe('Headline number 2');
	});

	it('follows the best match of a filter once it rests, and at once on a resize to one pane', () => {
		const filtered = press(createState(newsArticles, {viewport: wide}), '/', ...'chess');
		expect(headlineOf(filtered)).toMatch(/Chess/u);
		expect(shownHeadline(filtered)).not.toMatch(/Chess/u);
		expect(shownHeadline(rest(filtered))).toMatch(/Chess/u);
		expect(shownHeadline(update(filtered, {type: 'viewport-resized', viewport: narrow}))).toMatch(/Chess/u);
	});
});

describe('filtering', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('narrows the list with each typed key and selects the best match', () => {
		const typing = press(start, '/', 's', 't', 'o', 'r', 'm');
		expect(typing.mode).toEqual({name: 'filter', draft: 'storm'});
		expect(selectHits(typing).map(hit => hit.article.headline)).toEqual(['Storm Agnes heads for the coast']);
		expect(headlineOf(typing)).toBe('Storm Agnes heads for the coast');
	});

	it('types keys that are bindings elsewhere (j, q, space) into the query', () => {
		expect(activeQuery(press(start, '/', 'j', 'q', 'space', 'g'))).toBe('jq g');
	});

	it('keeps the filter on Enter and clears it on Esc', () => {
		const kept = press(start, '/', 'c', 'h', 'e', 's', 's', 'enter');
		expect(kept.mode.name).toBe('browse');
		expect(kept.query).toBe('chess');
		expect(selectHits(kept)).toHaveLength(1);
		// Esc once the matches are in: the article selected among them stays selected.
		const cleared = press(press(start, '/', 'c', 'h', 'e', 's', 's'), 'escape');
		expect(cleared.query).toBe('');
		expect(selectHits(cleared)).toHaveLength(5);
		expect(headlineOf(cleared)).toBe('Chess prodigy wins national title');
	});

	it('erases with Backspace, Ctrl-W and Ctrl-U', () => {
		const typed = press(start, '/', 'o', 'l', 'd', 'space', 't', 'o', 'w', 'n');
		expect(activeQuery(press(typed, 'backspace'))).toBe('old tow');
		expect(activeQuery(press(typed, 'ctrl+w'))).toBe('old ');
		expect(activeQuery(press(typed, 'ctrl+u'))).toBe('');
	});

	it('moves through matches with the arrows while typing', () => {
		const typing = press(start, '/', 'h', 'a', 'r', 'b', 'o', 'u', 'r');
		expect(selectHits(typing).length).toBeGreaterThan(0);
		expect(selectedIndex(press(typing, 'down'))).toBe(Math.min(1, selectHits(typing).length - 1));
	});

	it('shows an empty list for a query nothing matches, and recovers on Backspace', () => {
		const nothing = press(start, '/', 'x', 'q', 'z', 'j');
		expect(selectHits(nothing)).toEqual([]);
		expect(selectedIndex(nothing)).toBe(-1);
		expect(press(nothing, 'enter', 'enter').mode.name).toBe('browse');
		expect(selectHits(press(nothing, 'ctrl+u'))).toHaveLength(5);
	});

	it('starts with --filter applied', () => {
		const filtered = settle(createState(newsArticles, {viewport: narrow, query: 'lighthouse'}));
		expect(selectHits(filtered).map(hit => hit.article.headline)).toEqual(['Lighthouse keeper retires after forty years']);
		expect(press(filtered, 'escape').query).toBe('');
	});
});

describe('search results arriving after the keystroke', () => {
	const start = createState(newsArticles, {viewport: narrow});
	const headlinesOf = (state: State) => selectHits(state).map(hit => hit.article.headline);

	it('asks for a search when the query changes, and shows the last list until it comes', () => {
		const typing = pressOnly(start, '/', 's', 't', 'o', 'r', 'm');
		expect(pendingQuery(typing)).toBe('storm');
		expect(selectHits(typing)).toHaveLength(5);
		const found = update(typing, searchFinished(typing));
		expect(pendingQuery(found)).toBeUndefined();
		expect(headlinesOf(found)).toEqual(['Storm Agnes heads for the coast']);
		expect(headlineOf(found)).toBe('Storm Agnes heads for the coast');
		// Typing on keeps the last results in view.
		expect(headlinesOf(pressOnly(found, 'x'))).toEqual(['Storm Agnes heads for the coast']);
	});

	it('ignores the results of a query that has since changed', () => {
		const typing = pressOnly(start, '/', 's', 't', 'o');
		const stale = searchFinished(typing);
		const typedOn = pressOnly(typing, 'r', 'm');
		expect(update(typedOn, stale)).toBe(typedOn);
		expect(update(typedOn, searchFinished(typedOn, 'chess'))).toBe(typedOn);
	});

	it('takes the same results only once', () => {
		const found = press(start, '/', 'c', 'h', 'e', 's', 's');
		expect(update(found, searchFinished(found, 'chess'))).toBe(found);
	});

	it('drops the results when the query is emptied, so that the next query starts from every article', () => {
		const found = press(start, '/', 's', 't', 'o', 'r', 'm');
		const emptied = pressOnly(found, 'ctrl+u');
		expect(emptied.results).toBeUndefined();
		expect(selectHits(pressOnly(emptied, 'x'))).toHaveLength(5);
		expect(press(found, 'escape').results).toBeUndefined();
	});

	it('keeps the results when the filter is kept with Enter', () => {
		const kept = press(start, '/', 'c', 'h', 'e', 's', 's', 'space', 'enter');
		expect(kept.query).toBe('chess');
		expect(pendingQuery(kept)).toBeUndefined();
		expect(headlinesOf(kept)).toEqual(['Chess prodigy wins national title']);
	});

	it('keeps the article being read when the new results still have it', () => {
		const reading = pressOnly(start, '/', 'c', 'o', 'a', 's', 't', 'enter', 'j', 'j', 'enter');
		expect(reading.mode.name).toBe('read');
		expect(headlineOf(reading)).toBe('Storm Agnes heads for the coast');
		expect(headlineOf(settle(reading))).toBe('Storm Agnes heads for the coast');
	});

	it('reports a slow search for the query in force only', () => {
		const typing = pressOnly(start, '/', 's', 't', 'o');
		const progressed = update(typing, {type: 'search-progressed', query: 'sto', indexedShare: 0.5});
		expect(slowSearch(progressed)).toEqual({query: 'sto', indexedShare: 0.5});
		expect(update(progressed, {type: 'search-progressed', query: 'sto', indexedShare: 0.5})).toBe(progressed);
		expect(update(typing, {type: 'search-progressed', query: 'st', indexedShare: 0.5})).toBe(typing);
		// No results and no progress for 'stor' yet: the list still shows another query's, so no count, just searching.
		expect(slowSearch(pressOnly(progressed, 'r'))).toEqual({query: 'stor', indexedShare: 1});
		expect(slowSearch(update(progressed, searchFinished(progressed)))).toBeUndefined();
	});

	it('says a search is on, not that every article matches, before the first results for the query come', () => {
		// As after articles arrive while a big file loads: the search starts again, and its progress is not known yet.
		const typing = pressOnly(start, '/', 'o', 'i', 'l');
		expect(typing.results).toBeUndefined();
		expect(slowSearch(typing)).toEqual({query: 'oil', indexedShare: 1});
		expect(slowSearch(update(typing, searchFinished(typing)))).toBeUndefined();
	});

	it('highlights the rows in view, even far down a list longer than fuse.js ranks itself', () => {
		const long = press(createState(numberedArticles(200), {viewport: narrow}), '/', 'h', 'e', 'a', 'd', 'l', 'i', 'n', 'e');
		const list = selectHitList(long);
		expect(list.length).toBe(200);
		const rows = list.slice(150, 152);
		expect(rows.map(row => row.headlineMatches)).toEqual([[[0, 7]], [[0, 7]]]);
		expect(list.slice(150, 152)).toEqual(rows);
		expect(list.slice(151, 152)[0]).toBe(rows[1]);
	});

	it('shows provisional results at once and keeps asking for the final ones, which replace them', () => {
		const typing = pressOnly(start, '/', 'i', 'n');
		const {hits} = searchFinished(typing);
		expect(hits.length).toBeGreaterThan(1);
		const provisional = update(typing, {type: 'search-finished', query: 'in', hits: [...hits].reverse(), isProvisional: true});
		expect(headlinesOf(provisional)).toEqual([...headlinesOf(update(typing, searchFinished(typing)))].reverse());
		expect(headlineOf(provisional)).toBe(headlinesOf(provisional)[0]);
		expect(pendingQuery(provisional)).toBe('in');
		// The same provisional results again change nothing, since the query's results are still on their way.
		const final = update(provisional, searchFinished(provisional));
		expect(pendingQuery(final)).toBeUndefined();
		expect(headlinesOf(final)).toEqual(hits.map(hit => hit.article.headline));
		// The selection was on the provisional best match: it moves to the final one.
		expect(headlineOf(final)).toBe(headlinesOf(final)[0]);
		expect(update(final, {type: 'search-finished', query: 'in', hits, isProvisional: true})).toBe(final);
	});

	it('keeps a selection moved after provisional results when the final ones still have it', () => {
		const typing = pressOnly(start, '/', 'i', 'n');
		const {hits} = searchFinished(typing);
		expect(hits.length).toBeGreaterThan(1);
		const provisional = update(typing, {type: 'search-finished', query: 'in', hits, isProvisional: true});
		const moved = pressOnly(provisional, 'down');
		expect(headlineOf(moved)).toBe(hits[1]!.article.headline);
		expect(headlineOf(update(moved, searchFinished(moved)))).toBe(hits[1]!.article.headline);
		expect(headlineOf(update(moved, {type: 'search-finished', query: 'in', hits: [hits[0]!]}))).toBe(hits[0]!.article.headline);
	});

	it('starts with the results of --filter when they came before the first frame', () => {
		const results = {query: 'lighthouse', hits: createSearchIndex(newsArticles).search('lighthouse')};
		const filtered = createState(newsArticles, {viewport: narrow, query: 'lighthouse', results});
		expect(pendingQuery(filtered)).toBeUndefined();
		expect(headlineOf(filtered)).toBe('Lighthouse keeper retires after forty years');
		const pending = createState(newsArticles, {viewport: narrow, query: 'lighthouse'});
		expect(pendingQuery(pending)).toBe('lighthouse');
		expect(headlineOf(settle(pending))).toBe('Lighthouse keeper retires after forty years');
	});
});

describe('help and quitting', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('shows help over the current mode and returns to it', () => {
		expect(press(start, '?').mode).toEqual({name: 'help', returnTo: 'browse', scrollTop: 0});
		expect(press(start, 'enter', '?', '?').mode.name).toBe('read');
		expect(press(start, '?', 'escape').mode.name).toBe('browse');
	});

	it('quits on q, and on Ctrl-C in every mode, even while typing a filter', () => {
		expect(press(start, 'q').mode.name).toBe('quit');
		expect(press(start, '/', 'ctrl+c').mode.name).toBe('quit');
		expect(press(start, '?', 'ctrl+c').mode.name).toBe('quit');
		expect(press(start, '/', 'q').mode.name).toBe('filter');
	});

	it('ignores keys after quitting', () => {
		const quit = press(start, 'q');
		expect(press(quit, 'j')).toBe(quit);
	});
});

describe('resizing', () => {
	it('keeps the selection in view when the terminal shrinks', () => {
		const big = createState(numberedArticles(100), {viewport: {columnCount: 120, rowCount: 60}});
		const down = press(big, ...Array.from({length: 40}, () => 'j'));
		const small = update(down, {type: 'viewport-resized', viewport: {columnCount: 40, rowCount: 10}});
		const {listRowCount} = layoutOf(small);
		expect(selectedIndex(small)).toBeGreaterThanOrEqual(small.listTop);
		expect(selectedIndex(small)).toBeLessThan(small.listTop + listRowCount);
	});

	it('returns the same state for the same size', () => {
		const start = createState(newsArticles, {viewport: narrow});
		expect(update(start, {type: 'viewport-resized', viewport: {...narrow}})).toBe(start);
	});
});

describe('isReading: one answer for where the focus is', () => {
	it.each([
		[{name: 'read', scrollTop: 0}, true],
		[{name: 'article-search', query: 'x', returnTo: 'read'}, true],
		[{name: 'help', returnTo: 'read', scrollTop: 0}, true],
		[{name: 'help', returnTo: 'browse', scrollTop: 0}, false],
		[{name: 'messages', returnTo: 'read', scrollTop: 0}, true],
		[{name: 'messages', returnTo: 'browse', scrollTop: 0}, false],
		[{name: 'browse'}, false],
		[{name: 'filter', text: 'x'}, false],
	] as Array<[Mode, boolean]>)('%j → %s', (mode, expected) => {
		expect(isReading(mode)).toBe(expected);
	});
});
