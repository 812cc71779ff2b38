import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {layoutOf} from '../../source/state/layout.js';
import {activeQuery, selectArticleSearch, selectedArticle, shownArticleLines} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';

const paragraphs = Array.from({length: 30}, (_, index) =>
	index % 10 === 4 ? `Paragraph ${index + 1} mentions the lighthouse keeper once.` : `Paragraph ${index + 1} is about something else entirely.`,
);
const articles: Article[] = [
	{
		id: 'first',
		headline: 'The lighthouse',
		headlineSource: 'title',
		paragraphs,
		source: 'news.txt',
		url: 'https://example.com/lighthouse',
		links: ['https://example.com/one', 'https://example.com/two'],
	},
	{id: 'second', headline: 'Second story', headlineSource: 'title', paragraphs: ['The lighthouse again.'], source: 'news.txt'},
];
const viewport = {columnCount: 80, rowCount: 12};
const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
// Reading, with the outbox run by the shell (opening the article asked to save its read mark).
const opened = press(createState(articles, {viewport}), 'enter');
const reading = update(opened, {type: 'effects-run', effects: opened.effects});
/** The line index of the current match's first line. */
const currentLine = (state: State) => {
	const search = selectArticleSearch(state);
	return search?.matches[search.currentIndex]?.ranges[0]?.lineIndex;
};

const isInView = (state: State, lineIndex: number | undefined) =>
	lineIndex !== undefined && lineIndex >= state.articleScrollTop && lineIndex < state.articleScrollTop + layoutOf(state).articleRowCount;

describe('searching the article being read', () => {
	it('opens the article search line with / in the article, and the headline filter with / in the list', () => {
		expect(press(reading, '/').mode).toEqual({name: 'article-search', draft: '', scrollTopBefore: 0});
		expect(press(createState(articles, {viewport}), '/').mode.name).toBe('filter');
	});

	it('types the query, finds every match and scrolls to the first, like less', () => {
		const typing = press(reading, '/', 'k', 'e', 'e', 'p', 'e', 'r');
		expect(typing.mode).toMatchObject({name: 'article-search', draft: 'keeper'});
		const search = selectArticleSearch(typing);
		expect(search?.matches).toHaveLength(3);
		expect(search?.currentIndex).toBe(0);
		expect(isInView(typing, currentLine(typing))).toBe(true);
		expect(typing.articleScrollTop).toBeGreaterThan(0);
		// Printable keys type: q does not quit, n is a letter, ? is no help.
		expect(press(typing, 'space', 'q', 'n', '?').mode).toMatchObject({draft: 'keeper qn?'});
	});

	it('keeps the search on Enter and moves with n and N, wrapping around with a note', () => {
		const kept = press(reading, '/', 'k', 'e', 'e', 'p', 'e', 'r', 'enter');
		expect(kept.mode.name).toBe('read');
		expect(kept.articleSearch).toEqual({articleId: 'first', query: 'keeper', matchIndex: 0});
		const second = press(kept, 'n');
		expect(selectArticleSearch(second)?.currentIndex).toBe(1);
		expect(isInView(second, currentLine(second))).toBe(true);
		expect(second.notice).toBeUndefined();
		const third = press(second, 'n');
		expect(selectArticleSearch(third)?.currentIndex).toBe(2);
		const wrapped = press(third, 'n');
		expect(selectArticleSearch(wrapped)?.currentIndex).toBe(0);
		expect(wrapped.notice).toBe('search hit the end, continuing at the top');
		expect(isInView(wrapped, currentLine(wrapped))).toBe(true);
		const back = press(wrapped, 'N');
		expect(selectArticleSearch(back)?.currentIndex).toBe(2);
		expect(back.notice).toBe('search hit the top, continuing at the end');
		// The note lasts until the next key.
		expect(press(back, 'j').notice).toBeUndefined();
	});

	it('cancels with Esc: the previous search and the scroll position come back', () => {
		const kept = press(reading, '/', 'k', 'e', 'e', 'p', 'e', 'r', 'enter', 'n');
		const cancelled = press(kept, '/', 'p', 'a', 'r', 'a', 'escape');
		expect(cancelled.mode.name).toBe('read');
		expect(cancelled.articleSearch).toEqual(kept.articleSearch);
		expect(cancelled.articleScrollTop).toBe(kept.articleScrollTop);
	});

	it('smartcase: a capital makes the search tell case', () => {
		expect(selectArticleSearch(press(reading, '/', 'p', 'a', 'r', 'a'))?.matches).toHaveLength(30);
		expect(selectArticleSearch(press(reading, '/', 'P', 'a', 'r', 'a'))?.matches).toHaveLength(30);
		expect(selectArticleSearch(press(reading, '/', 'P', 'A', 'R', 'A'))?.matches).toHaveLength(0);
	});

	it('says so when nothing matches, and when n has no search to repeat', () => {
		const nothing = press(reading, '/', 'x', 'y', 'z');
		expect(selectArticleSearch(nothing)?.matches).toEqual([]);
		expect(nothing.articleScrollTop).toBe(0);
		expect(press(nothing, 'enter').notice).toBe('no match for xyz');
		expect(press(nothing, 'enter', 'n').notice).toBe('no match for xyz');
		expect(press(reading, 'n').notice).toBe('no search in this article: / searches it');
	});

	it('erases with Backspace, Ctrl-W and Ctrl-U, and an empty search kept on Enter clears the highlights', () => {
		const typed = press(reading, '/', 'k', 'e', 'e', 'p', 'space', 'o', 'n');
		expect(press(typed, 'backspace').mode).toMatchObject({draft: 'keep o'});
		expect(press(typed, 'ctrl+w').mode).toMatchObject({draft: 'keep '});
		expect(press(typed, 'ctrl+u').mode).toMatchObject({draft: ''});
		const cleared = press(press(reading, '/', 'k', 'e', 'e', 'p', 'enter'), '/', 'enter');
		expect(cleared.articleSearch).toBeUndefined();
		expect(selectArticleSearch(cleared)).toBeUndefined();
	});

	it('forgets the search when another article is selected', () => {
		const kept = press(reading, '/', 'k', 'e', 'e', 'p', 'e', 'r', 'enter');
		const next = press(kept, 'J');
		expect(selectedArticle(next)?.id).toBe('second');
		expect(next.articleSearch).toBeUndefined();
		expect(selectArticleSearch(next)).toBeUndefined();
		expect(press(next, 'K', 'n').notice).toBe('no search in this article: / searches it');
		// Going back to the list and into the same article keeps it.
		expect(press(kept, 'escape', 'enter').articleSearch).toEqual(kept.articleSearch);
	});

	it('leaves the headline filter alone and keeps the filter line for its own line', () => {
		const filtered = press(createState(articles, {viewport, query: ''}), 'enter', '/', 'x');
		expect(activeQuery(filtered)).toBe('');
		expect(layoutOf(filtered).hasFilterLine).toBe(true);
		expect(layoutOf(press(filtered, 'escape')).hasFilterLine).toBe(false);
	});

	it('clamps the current match when a resize leaves fewer matches', () => {
		const kept = press(reading, '/', 'k', 'e', 'e', 'p', 'e', 'r', 'enter', 'n', 'n');
		const resized = update(kept, {type: 'viewport-resized', viewport: {columnCount: 30, rowCount: 8}});
		const search = selectArticleSearch(resized);
		expect(search?.currentIndex).toBeLessThan(search?.matches.length ?? 0);
		expect(shownArticleLines(resized).length).toBeGreaterThan(shownArticleLines(kept).length);
	});
});

describe('asking for links', () => {
	it('o and y ask to open or copy the article address, from the list or the article', () => {
		const start = createState(articles, {viewport});
		expect(press(start, 'o').effects).toEqual([{kind: 'link', action: 'open', url: 'https://example.com/lighthouse'}]);
		expect(press(reading, 'y').effects).toEqual([{kind: 'link', action: 'copy', url: 'https://example.com/lighthouse'}]);
		expect(press(reading, 'y', 'y').effects).toHaveLength(2);
	});

	it('a number before o or y picks a link the text cites, and says so while it is typed', () => {
		const numbered = press(reading, '2');
		expect(numbered.pendingNumber).toBe(2);
		expect(numbered.notice).toBe('2: a count for j, k, G, Ctrl-D…; o opens link [2], y copies it');
		expect(press(numbered, 'o').effects.at(-1)).toMatchObject({action: 'open', url: 'https://example.com/two'});
		expect(press(reading, '1', 'y').effects.at(-1)).toMatchObject({action: 'copy', url: 'https://example.com/one'});
		expect(press(reading, '1', '2', 'o')).toMatchObject({effects: [], notice: 'no link [12]: this article has 2 links'});
		// Any other key forgets the number.
		expect(press(reading, '2', 'j', 'o').effects.at(-1)).toMatchObject({url: 'https://example.com/lighthouse'});
	});

	it('explains when there is nothing to open', () => {
		const moved = press(reading, 'J');
		const second = update(moved, {type: 'effects-run', effects: moved.effects});
		expect(press(second, 'o')).toMatchObject({effects: [], notice: 'this article has no address'});
		expect(press(second, '1', 'o').notice).toBe('no link [1]: this article has no links');
	});

	it('shows what the shell reports until the next key', () => {
		const shown = update(reading, {type: 'notice-shown', text: 'copied'});
		expect(shown.notice).toBe('copied');
		expect(press(shown, 'j').notice).toBeUndefined();
	});
});
