import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {datedYears, defaultOrderFor, groupKey, groupLabel, hasGroups, hasSeveralSources, isListOrder, listOrders, orderArticles, sourceGroups} from '../../source/state/list-order.js';
import {type ListRow, listRows} from '../../source/state/list-rows.js';
import {unfilteredHits} from '../../source/search/search.js';

const day = 24 * 60 * 60 * 1000;

/** An article with just what ordering looks at. */
function article(headline: string, source: string, dayNumber?: number): Article {
	return {
		id: headline,
		headline,
		headlineSource: 'title',
		paragraphs: [],
		source,
		...(dayNumber === undefined ? {} : {publishedAt: dayNumber * day}),
	};
}

// In the inputs' order: two sources interleaved as two feeds would not be, one undated article.
const articles = [
	article('banana crop fails', 'Reuters', 3),
	article('Apple harvest early', 'AP', 5),
	article('cherry prices', 'Reuters'),
	article('Date palms 10', 'AP', 1),
	article('Date palms 9', 'Reuters', 4),
];
const headlinesIn = (list: readonly Article[]) => list.map(entry => entry.headline);

describe('orderArticles', () => {
	it('keeps the inputs’ order for file, and answers the same list', () => {
		expect(orderArticles(articles, 'file')).toBe(articles);
	});

	it('puts the newest first and the oldest first, undated articles last in both', () => {
		expect(headlinesIn(orderArticles(articles, 'newest'))).toEqual(['Apple harvest early', 'Date palms 9', 'banana crop fails', 'Date palms 10', 'cherry prices']);
		expect(headlinesIn(orderArticles(articles, 'oldest'))).toEqual(['Date palms 10', 'banana crop fails', 'Date palms 9', 'Apple harvest early', 'cherry prices']);
	});

	it('keeps file order for newest and oldest when nothing is dated', () => {
		const undated = articles.map(({publishedAt: _, ...rest}) => rest);
		expect(orderArticles(undated, 'newest')).toBe(undated);
		expect(orderArticles(undated, 'oldest')).toBe(undated);
	});

	it('groups by source in the order the sources first appear, newest first within each', () => {
		expect(orderArticles(articles, 'source').map(entry => `${entry.source}: ${entry.headline}`)).toEqual([
			'Reuters: Date palms 9',
			'Reuters: banana crop fails',
			'Reuters: cherry prices',
			'AP: Apple harvest early',
			'AP: Date palms 10',
		]);
	});

	it('groups by subscription-list group in the order groups first appear, newest first within each, articles in no group last (issue 15.2)', () => {
		const filed = (entry: Article, groups?: string[]) => (groups ? {...entry, groups} : entry);
		const grouped = [
			filed(articles[0]!, ['News', 'World']),
			filed(articles[1]!),
			filed(articles[2]!, ['tech']),
			filed(articles[3]!, ['News', 'World']),
			filed(articles[4]!, ['tech']),
		];
		expect(orderArticles(grouped, 'group').map(entry => `${groupLabel(entry) ?? '-'}: ${entry.headline}`)).toEqual([
			'News / World: banana crop fails',
			'News / World: Date palms 10',
			'tech: Date palms 9',
			'tech: cherry prices',
			'-: Apple harvest early',
		]);
		expect(sourceGroups(orderArticles(grouped, 'group'), entry => entry, groupKey).map(group => `${group.source} (${group.articleCount})`)).toEqual(['News / World (2)', 'tech (2)', 'no group (1)']);
		expect(hasGroups(grouped)).toBe(true);
		expect(hasGroups(articles)).toBe(false);
	});

	it('sorts headlines A to Z without regard to case, numbers by value', () => {
		expect(headlinesIn(orderArticles(articles, 'headline'))).toEqual(['Apple harvest early', 'banana crop fails', 'cherry prices', 'Date palms 9', 'Date palms 10']);
	});

	it('never loses or repeats an article', () => {
		for (const order of listOrders) {
			expect(new Set(orderArticles(articles, order)), order).toEqual(new Set(articles));
		}
	});
});

describe('the order at start', () => {
	it('is newest first when any article has a date, else file order', () => {
		expect(defaultOrderFor(articles)).toBe('newest');
		expect(defaultOrderFor([article('a', 'x'), article('b', 'x')])).toBe('file');
	});

	it('knows the names --sort accepts', () => {
		expect(listOrders.every(name => isListOrder(name))).toBe(true);
		expect(isListOrder('date')).toBe(false);
	});

	it('tells one source from several', () => {
		expect(hasSeveralSources(articles)).toBe(true);
		expect(hasSeveralSources(articles.filter(entry => entry.source === 'AP'))).toBe(false);
	});
});

describe('group rows', () => {
	const ordered = orderArticles(articles, 'source');
	const hits = unfilteredHits(ordered);
	const rows = listRows(hits, sourceGroups(hits, hit => hit.article));
	const describeRow = (row: ListRow) => (row.kind === 'group' ? `── ${row.source} (${row.articleCount})` : `${row.articleIndex} ${row.hit.article.headline}`);

	it('puts a header above each source, counting its articles', () => {
		expect(rows.rowCount).toBe(7);
		expect(rows.articleCount).toBe(5);
		expect(rows.slice(0, 7).map(row => describeRow(row))).toEqual([
			'── Reuters (3)',
			'0 Date palms 9',
			'1 banana crop fails',
			'2 cherry prices',
			'── AP (2)',
			'3 Apple harvest early',
			'4 Date palms 10',
		]);
	});

	it('slices any window of rows, starting or ending on a header', () => {
		const all = rows.slice(0, 7).map(row => describeRow(row));
		for (let start = 0; start <= 7; start++) {
			for (let end = start; end <= 7; end++) {
				expect(rows.slice(start, end).map(row => describeRow(row)), `${start}..${end}`).toEqual(all.slice(start, end));
			}
		}
	});

	it('maps articles to rows and rows to articles, a header to the article under it', () => {
		expect([0, 1, 2, 3, 4].map(index => rows.rowOfArticle(index))).toEqual([1, 2, 3, 5, 6]);
		expect([0, 1, 2, 3, 4].map(index => rows.topRowOfArticle(index))).toEqual([0, 2, 3, 4, 6]);
		expect([-3, 0, 1, 2, 3, 4, 5, 6, 7, 99].map(row => rows.articleAtRow(row))).toEqual([0, 0, 0, 1, 2, 3, 3, 4, 4, 4]);
	});

	it('is one row an article without groups', () => {
		const plain = listRows(hits);
		expect(plain.rowCount).toBe(5);
		expect(plain.slice(1, 3).map(row => describeRow(row))).toEqual(['1 banana crop fails', '2 cherry prices']);
		expect(plain.rowOfArticle(3)).toBe(3);
		expect(plain.articleAtRow(9)).toBe(4);
	});
});

describe('the years the dates span', () => {
	const onDate = (headline: string, date: string | undefined): Article => ({
		id: headline,
		headline,
		headlineSource: 'title',
		paragraphs: [],
		source: 'test',
		...(date === undefined ? {} : {publishedAt: new Date(date).getTime()}),
	});

	it('are the years of the earliest and the latest date, wherever they stand in the list', () => {
		const list = [onDate('a', '2024-06-01T12:00:00'), onDate('b', undefined), onDate('c', '2019-12-31T23:30:00'), onDate('d', '2026-01-01T00:30:00'), onDate('e', '2021-03-03T03:03:00')];
		expect(datedYears(list)).toEqual({earliest: 2019, latest: 2026});
	});

	it('are one year for dates within it, and none without a date', () => {
		expect(datedYears([onDate('a', '2025-02-01T10:00:00'), onDate('b', '2025-11-30T10:00:00')])).toEqual({earliest: 2025, latest: 2025});
		expect(datedYears([onDate('a', undefined), onDate('b', undefined)])).toBeUndefined();
	});
});
