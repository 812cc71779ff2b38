import {describe, expect, it} from 'vitest';
import {createSearchIndex} from '../../source/search/search.js';
import {layoutOf} from '../../source/state/layout.js';
import {displayedOrder, pendingQuery, selectHits, selectListRows, selectedArticle, selectedIndex} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {newsArticles, numberedArticles} from '../helpers/articles.js';

const narrow = {columnCount: 80, rowCount: 24};
const sourceNames = ['Reuters', 'AP', 'BBC'];
/** 90 numbered articles from three sources, interleaved in the file, so that grouping moves them. */
const mixed = numberedArticles(90).map((article, index) => ({...article, source: sourceNames[index % 3]!}));
const mixedIndex = createSearchIndex(mixed);

const press = (state: State, ...keys: string[]) => {
	const pressed = update(state, {type: 'keys-pressed', keys});
	const query = pendingQuery(pressed);
	const index = pressed.articles === mixed ? mixedIndex : createSearchIndex(pressed.articles);
	return query === undefined ? pressed : update(pressed, {type: 'search-finished', query, hits: index.search(query)});
};

const headlineOf = (state: State) => selectedArticle(state)?.headline;
/** The rows on screen, as the list pane draws them. */
const screenRows = (state: State) =>
	selectListRows(state)
		.slice(state.listTop, state.listTop + layoutOf(state).listRowCount)
		.map(row => (row.kind === 'group' ? `── ${row.source}` : row.hit.article.headline));

describe('S cycles the order', () => {
	it('goes file order, newest, oldest, A–Z and back, skipping by-source with one source', () => {
		let state = createState(numberedArticles(12), {viewport: narrow});
		const seen = [displayedOrder(state)];
		for (let step = 0; step < 4; step++) {
			state = press(state, 'S');
			seen.push(displayedOrder(state));
		}

		expect(seen).toEqual(['file', 'newest', 'oldest', 'headline', 'file']);
	});

	it('offers by-source with several sources', () => {
		const state = press(createState(mixed, {viewport: narrow, order: 'oldest'}), 'S');
		expect(displayedOrder(state)).toBe('source');
	});

	it('keeps the selected article, scrolling the list to it', () => {
		const start = press(createState(numberedArticles(100), {viewport: narrow}), ...Array.from({length: 4}, () => 'j'));
		expect(headlineOf(start)).toBe('Headline number 5');
		const byHeadline = press(start, 'S', 'S', 'S');
		expect(displayedOrder(byHeadline)).toBe('headline');
		expect(headlineOf(byHeadline)).toBe('Headline number 5');
		// A–Z with numbers by value keeps 1…100, so the article stays at position 5 …
		expect(selectedIndex(byHeadline)).toBe(4);
		// … and in a reversed order it is far down, yet in view.
		const reversed = press(createState(numberedArticles(100).map((article, index) => ({...article, publishedAt: index})), {viewport: narrow}), 'j');
		expect(headlineOf(reversed)).toBe('Headline number 99');
		const oldest = press(reversed, 'S');
		expect(displayedOrder(oldest)).toBe('oldest');
		expect(headlineOf(oldest)).toBe('Headline number 99');
		expect(selectedIndex(oldest)).toBe(98);
		expect(screenRows(oldest)).toContain('Headline number 99');
	});
});

describe('groups by source', () => {
	const start = createState(mixed, {viewport: narrow, order: 'source'});
	const {listRowCount} = layoutOf(start);

	it('shows a header above each source and starts on the first article, header in view', () => {
		expect(screenRows(start).slice(0, 3)).toEqual(['── Reuters', 'Headline number 1', 'Headline number 4']);
		expect(headlineOf(start)).toBe('Headline number 1');
		expect(start.listTop).toBe(0);
	});

	it('skips the header when the cursor crosses into the next group, and shows it coming back', () => {
		const lastOfFirst = press(start, ...Array.from({length: 29}, () => 'j'));
		expect(headlineOf(lastOfFirst)).toBe('Headline number 88');
		const firstOfSecond = press(lastOfFirst, 'j');
		expect(headlineOf(firstOfSecond)).toBe('Headline number 2');
		expect(selectedIndex(firstOfSecond)).toBe(30);
		const back = press(firstOfSecond, 'k');
		expect(headlineOf(back)).toBe('Headline number 88');
		// Up from the first article of the second group at the top of the window brings its header into view.
		const secondOfSecond = press(firstOfSecond, 'j');
		const atWindowTop = {...secondOfSecond, listTop: selectListRows(secondOfSecond).rowOfArticle(31)};
		expect(screenRows(atWindowTop)[0]).toBe('Headline number 5');
		const upOne = press(atWindowTop, 'k');
		expect(headlineOf(upOne)).toBe('Headline number 2');
		expect(screenRows(upOne).slice(0, 2)).toEqual(['── AP', 'Headline number 2']);
	});

	it('goes to the very top with g, header included, and to the last article with G', () => {
		const atEnd = press(start, 'G');
		expect(headlineOf(atEnd)).toBe('Headline number 90');
		expect(selectedIndex(atEnd)).toBe(89);
		expect(atEnd.listTop).toBe(selectListRows(atEnd).rowCount - listRowCount);
		const atTop = press(atEnd, 'g');
		expect(atTop.listTop).toBe(0);
		expect(screenRows(atTop)[0]).toBe('── Reuters');
	});

	it('pages by a screen of rows, headers counted, keeping the selection in view and never on a header', () => {
		let state = start;
		const rows = selectListRows(start);
		expect(rows.rowCount).toBe(93);
		for (let page = 1; page <= 6; page++) {
			const before = state;
			state = press(state, 'pagedown');
			const row = rows.rowOfArticle(selectedIndex(state));
			expect(row, `page ${page}`).toBeGreaterThanOrEqual(state.listTop);
			expect(row, `page ${page}`).toBeLessThan(state.listTop + listRowCount);
			expect(state.listTop, `page ${page}`).toBe(Math.min(rows.rowCount - listRowCount, before.listTop + listRowCount));
		}

		expect(headlineOf(state)).toBe('Headline number 90');
		for (let page = 1; page <= 6; page++) {
			state = press(state, 'pageup');
		}

		expect(state.listTop).toBe(0);
		expect(headlineOf(state)).toBe('Headline number 1');
	});

	it('lands on the article under a header that a page move lands on', () => {
		// Row 31 is AP's header: from Reuters' row 31 - listRowCount, a page down lands there.
		const rows = selectListRows(start);
		const from = press(start, ...Array.from({length: 31 - listRowCount - 1}, () => 'j'));
		expect(rows.rowOfArticle(selectedIndex(from))).toBe(31 - listRowCount);
		const paged = press(from, 'pagedown');
		expect(headlineOf(paged)).toBe('Headline number 2');
	});

	it('does not group in another order', () => {
		const newest = press(start, 'S');
		expect(displayedOrder(newest)).toBe('headline');
		expect(screenRows(newest)).not.toContain('── Reuters');
	});
});

describe('the order with a filter', () => {
	const start = createState(newsArticles, {viewport: narrow, order: 'headline'});
	const filtered = press(start, '/', 'h', 'a', 'r', 'b', 'o', 'u', 'r', 'enter');

	it('shows the matches best first, as fzf does, and the title says so', () => {
		expect(displayedOrder(filtered)).toBe('relevance');
		expect(selectHits(filtered).length).toBeGreaterThan(0);
	});

	it('steps through relevance and every order with S, keeping the selection, then back to relevance', () => {
		const selected = headlineOf(filtered);
		const seen = [];
		let state = filtered;
		for (let step = 0; step < 5; step++) {
			state = press(state, 'S');
			seen.push(displayedOrder(state));
			expect(headlineOf(state)).toBe(selected);
		}

		expect(seen).toEqual(['file', 'newest', 'oldest', 'headline', 'relevance']);
	});

	it('applies a chosen order to the matches, and keeps it for the next filter', () => {
		const aToZ = press(filtered, 'S', 'S', 'S', 'S');
		expect(displayedOrder(aToZ)).toBe('headline');
		const headlines = selectHits(aToZ).map(hit => hit.article.headline);
		expect(headlines).toEqual(headlines.toSorted((left, right) => left.localeCompare(right)));
		const cleared = press(aToZ, 'escape');
		expect(displayedOrder(cleared)).toBe('headline');
		const again = press(cleared, '/', 't', 'h', 'e', 'enter');
		expect(displayedOrder(again)).toBe('headline');
	});

	it('leaves the matches best first when S changes the order without a filter', () => {
		const cleared = press(filtered, 'escape', 'S');
		expect(displayedOrder(cleared)).toBe('file');
		expect(displayedOrder(press(cleared, '/', 'h', 'a', 'r', 'b', 'o', 'u', 'r', 'enter'))).toBe('relevance');
	});
});

describe('the order of a filter\'s matches (issue 14)', () => {
	it('is the filtered list\'s own: S through the orders back to best match, then Esc, finds the whole list newest first', () => {
		let state = createState(newsArticles, {viewport: narrow, order: 'newest'});
		expect(displayedOrder(state)).toBe('newest');
		state = press(state, '/', 'e', 'enter');
		expect(displayedOrder(state)).toBe('relevance');
		const seen: string[] = [];
		do {
			state = press(state, 'S');
			seen.push(displayedOrder(state));
		} while (displayedOrder(state) !== 'relevance');

		expect(seen.length).toBeGreaterThan(2);
		state = press(state, 'escape');
		expect(displayedOrder(state)).toBe('newest');
	});

	it('sorting while filtered changes the filtered order only', () => {
		let state = press(createState(newsArticles, {viewport: narrow, order: 'newest'}), '/', 'e', 'enter');
		state = press(state, 'S');
		const filteredOrder = displayedOrder(state);
		expect(filteredOrder).not.toBe('relevance');
		state = press(state, 'escape');
		expect(displayedOrder(state)).toBe('newest');
		// The next filter finds the matches' order as the user left it.
		state = press(state, '/', 'a', 'enter');
		expect(displayedOrder(state)).toBe(filteredOrder);
	});
});
