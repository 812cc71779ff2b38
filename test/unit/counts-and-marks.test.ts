import {describe, expect, it} from 'vitest';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {layoutOf} from '../../source/state/layout.js';
import {isArticleRead, isArticleStarred, questionText, selectedArticle, selectHits} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {newsArticles, numberedArticles} from '../helpers/articles.js';

const narrow = {columnCount: 80, rowCount: 24};
const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys, now: 1000});
const headlineOf = (state: State) => selectedArticle(state)?.headline;
const readHeadlines = (state: State) => state.articles.filter(article => isArticleRead(state, article)).map(article => article.headline);
const [copper, lighthouse, storm, chess, council] = newsArticles.map(article => article.headline);

/** One article of 200 short paragraphs, `Line 1` to `Line 200`, each a line of text with a blank line after it. */
const longArticle = parsePlainText(
	`A long read\n\n${Array.from({length: 200}, (_, index) => `Line ${index + 1}.`).join('\n\n')}`,
	'long.txt',
).articles;

describe('counts before a motion (5j, 10k, 3G)', () => {
	const start = createState(numberedArticles(100), {viewport: narrow});

	it('moves by the count with j and k', () => {
		expect(headlineOf(press(start, '5', 'j'))).toBe('Headline number 6');
		expect(headlineOf(press(start, '2', '0', 'j', '1', '0', 'k'))).toBe('Headline number 11');
		expect(headlineOf(press(start, '5', 'down'))).toBe('Headline number 6');
	});

	it('goes to the numbered headline with G and g', () => {
		expect(headlineOf(press(start, '3', 'G'))).toBe('Headline number 3');
		expect(headlineOf(press(start, 'G', '4', '2', 'g'))).toBe('Headline number 42');
		expect(headlineOf(press(start, '9', '9', '9', 'G'))).toBe('Headline number 100');
	});

	it('applies a count to the next key only', () => {
		expect(headlineOf(press(start, '5', 'j', 'j'))).toBe('Headline number 7');
		expect(press(start, '5', 'j').pendingNumber).toBeUndefined();
	});

	it('shows the pending count in the status line while it waits', () => {
		expect(press(start, '1', '2').notice).toContain('12');
		expect(press(start, '1', '2', 'j').notice).toBeUndefined();
	});

	it('moves the article text by the count while reading, and 3G goes to its third line', () => {
		const reading = press(createState(longArticle, {viewport: narrow}), 'enter');
		expect(press(reading, '5', 'j').articleScrollTop).toBe(5);
		expect(press(reading, '9', 'j', '4', 'k').articleScrollTop).toBe(5);
		expect(press(reading, '3', 'G').articleScrollTop).toBe(2);
	});

	it('keeps digits before o and y a link number', () => {
		expect(press(createState(newsArticles, {viewport: narrow}), '2', 'o').notice).toBe('no link [2]: this article has no links');
	});
});

describe('half pages (Ctrl-D, Ctrl-U; d and u in an article)', () => {
	it('moves the selection by half the list in the list', () => {
		const start = createState(numberedArticles(100), {viewport: narrow});
		const half = Math.floor(layoutOf(start).listRowCount / 2);
		expect(headlineOf(press(start, 'ctrl+d'))).toBe(`Headline number ${1 + half}`);
		expect(headlineOf(press(start, 'ctrl+d', 'ctrl+d', 'ctrl+u'))).toBe(`Headline number ${1 + half}`);
		expect(headlineOf(press(start, '2', 'ctrl+d'))).toBe(`Headline number ${1 + 2 * half}`);
	});

	it('scrolls the article by half its pane with d and u, as less does', () => {
		const reading = press(createState(longArticle, {viewport: narrow}), 'enter');
		const half = Math.floor(layoutOf(reading).articleRowCount / 2);
		expect(press(reading, 'd').articleScrollTop).toBe(half);
		expect(press(reading, 'ctrl+d').articleScrollTop).toBe(half);
		expect(press(reading, 'd', 'd', 'u').articleScrollTop).toBe(half);
		expect(press(reading, 'd', 'ctrl+u').articleScrollTop).toBe(0);
	});

	it('leaves the read mark alone with u in an article; M toggles it there', () => {
		const reading = press(createState(newsArticles, {viewport: narrow}), 'enter', 'u');
		expect(readHeadlines(reading)).toEqual([copper]);
		expect(readHeadlines(press(reading, 'M'))).toEqual([]);
	});
});

describe('next and previous unread (] and [)', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('skips read articles in the list, both ways', () => {
		const someRead = press(start, 'j', 'u', 'j', 'u', 'g');
		expect(readHeadlines(someRead)).toEqual([lighthouse, storm]);
		expect(headlineOf(press(someRead, ']'))).toBe(chess);
		expect(headlineOf(press(someRead, ']', ']', '['))).toBe(chess);
		expect(headlineOf(press(someRead, ']', '['))).toBe(copper);
	});

	it('says so when there is no unread article that way', () => {
		const atEnd = press(start, 'G');
		expect(headlineOf(press(atEnd, ']'))).toBe(council);
		expect(press(atEnd, ']').notice).toBe('no unread article below');
		expect(press(start, '[').notice).toBe('no unread article above');
	});

	it('opens the next unread article from inside an article, and marks it read', () => {
		const someRead = press(start, 'j', 'u', 'g');
		const reading = press(someRead, 'enter', ']');
		expect(reading.mode.name).toBe('read');
		expect(headlineOf(reading)).toBe(storm);
		expect(readHeadlines(reading)).toEqual([copper, lighthouse, storm]);
		// Every article above is read now: [ stays.
		expect(headlineOf(press(reading, ']', '['))).toBe(chess);
		expect(press(reading, ']', '[').notice).toBe('no unread article above');
	});
});

describe('m asks first, says what it did, and U undoes it', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('asks before marking, counting the unread articles of the list', () => {
		const asked = press(start, 'j', 'u', 'm');
		expect(asked.mode).toMatchObject({name: 'confirm'});
		expect(questionText(asked)).toBe('Mark 4 articles read? y/n');
		expect(readHeadlines(asked)).toEqual([lighthouse]);
	});

	it('writes big counts with separators', () => {
		const asked = press(createState(numberedArticles(1234), {viewport: narrow}), 'm');
		expect(questionText(asked)).toBe('Mark 1,234 articles read? y/n');
	});

	it('marks them on y and says so', () => {
		const marked = press(start, 'm', 'y');
		expect(readHeadlines(marked)).toEqual([copper, lighthouse, storm, chess, council]);
		expect(marked.notice).toBe('marked 5 articles read (U undoes)');
		expect(marked.mode.name).toBe('browse');
	});

	it('marks nothing on n, Esc or any other key', () => {
		for (const key of ['n', 'escape', 'j', 'm']) {
			const answered = press(start, 'm', key);
			expect(readHeadlines(answered)).toEqual([]);
			expect(answered.mode.name).toBe('browse');
			expect(answered.notice).toBe('nothing marked');
		}
	});

	it('goes back to the article it was asked from', () => {
		expect(press(start, 'enter', 'm', 'y').mode.name).toBe('read');
		expect(press(start, 'enter', 'm', 'n').mode.name).toBe('read');
	});

	it('undoes the marking with U, leaving the articles read before as they were', () => {
		const marked = press(start, 'j', 'u', 'm', 'y');
		const undone = press(marked, 'U');
		expect(readHeadlines(undone)).toEqual([lighthouse]);
		expect(undone.notice).toBe('undone: marked 4 articles read');
		expect(readHeadlines(press(undone, 'U'))).toEqual([]);
		expect(press(undone, 'U', 'U').notice).toBe('nothing to undo');
	});

	it('shows a notice for every change of read or star, and undoes stars too', () => {
		expect(press(start, 'u').notice).toBe('marked read (U undoes)');
		expect(press(start, 'u', 'u').notice).toBe('marked unread (U undoes)');
		expect(press(start, 's').notice).toBe('starred (U undoes)');
		expect(press(start, 's', 's').notice).toBe('unstarred (U undoes)');
		const unstarred = press(start, 's', 'U');
		expect(isArticleStarred(unstarred, newsArticles[0]!)).toBe(false);
		expect(unstarred.notice).toBe('undone: starred');
	});

	it('asks nothing when every article is read already', () => {
		const allRead = press(start, 'm', 'y', 'm');
		expect(allRead.mode.name).toBe('browse');
		expect(allRead.notice).toBe('every article here is read already');
	});

	it('counts only the articles of the filtered list', () => {
		let state = press(start, '/', ...'tram');
		state = update(state, {type: 'search-finished', query: 'tram', hits: selectHits(state).filter(hit => hit.article.headline === council)});
		expect(questionText(press(state, 'enter', 'm'))).toBe('Mark 1 article read? y/n');
	});
});
