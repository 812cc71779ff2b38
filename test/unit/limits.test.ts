import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {articleWithinLimits, maximumLineLength, maximumParagraphLength} from '../../source/formats/limits.js';
import {parseText} from '../../source/formats/parsers.js';

const article = (fields: Partial<Article>): Article => ({id: 'a', headline: 'Harbour news', headlineSource: 'title', paragraphs: ['The ferry runs.'], source: 'news.txt', ...fields});

describe('articleWithinLimits', () => {
	it('leaves an article within the limits as it is', () => {
		const within = article({deck: 'A short deck.'});
		expect(articleWithinLimits(within)).toBe(within);
	});

	it('cuts a paragraph past the limit at a space, and says how much is not shown', () => {
		const paragraph = 'word '.repeat(maximumParagraphLength / 5 + 100_000).trim();
		const [cut] = articleWithinLimits(article({paragraphs: [paragraph]})).paragraphs;
		const shown = cut!.slice(0, cut!.indexOf(' [… '));
		expect(shown.length).toBeLessThanOrEqual(maximumParagraphLength);
		expect(shown.endsWith('word')).toBe(true);
		expect(cut).toMatch(/ \[… 500,\d{3} more characters of this paragraph are not shown\]$/u);
		expect(paragraph.startsWith(shown)).toBe(true);
	});

	it('cuts a headline, kicker, author and source past the line limit with an ellipsis', () => {
		const long = 'x'.repeat(maximumLineLength * 3);
		const cut = articleWithinLimits(article({headline: long, kicker: long, author: long, source: long}));
		for (const line of [cut.headline, cut.kicker!, cut.author!, cut.source]) {
			expect(line).toHaveLength(maximumLineLength);
			expect(line.endsWith('…')).toBe(true);
		}
	});

	it('is applied to every format: a plain-text line of 3 million characters', () => {
		const line = 'word '.repeat(600_000);
		const {articles} = parseText(`${line}\n`, 'news.txt');
		expect(articles[0]!.headline.length).toBeLessThanOrEqual(maximumLineLength);
		expect(articles[0]!.paragraphs.join('').length).toBeLessThan(maximumParagraphLength + 200);
	});
});
