import {describe, expect, it} from 'vitest';
import {buildArticles} from '../../source/formats/build-articles.js';
import {articleLines} from '../../source/state/article-lines.js';
import {displayWidth} from '../../source/text/text-width.js';
import {asciiGlyphs} from '../../source/text/glyphs.js';

const [article] = buildArticles(
	[
		{
			kicker: 'HARBOURS:',
			headline: 'New quay opens on the east side',
			deck: 'The council says the quay will double the port’s capacity',
			paragraphs: ['The quay opened on Monday [1].', 'Ships will berth from May.'],
			author: 'Ana Ruiz',
			publishedAt: Date.UTC(2025, 4, 14, 9, 30),
			url: 'https://example.com/news/a-very-long-address-that-does-not-fit-in-forty-columns/2025/05/14',
			categories: ['Ports'],
			links: ['https://example.com/quay'],
		},
	],
	'feed.xml',
);

describe('article lines', () => {
	const lines = articleLines(article!, 40);

	it('puts kicker, headline, by-line and address before the deck and the text', () => {
		expect(lines.map(line => line.style).slice(0, 7)).toEqual(['kicker', 'headline', 'meta', 'meta', 'link', 'blank', 'deck']);
		expect(articleLines(article!, 100)[2]?.text).toBe('By Ana Ruiz · Wed 14 May 2025 09:30 UTC · 1 min read · Ports');
	});

	it('draws the by-line and bullets in ASCII with ASCII glyphs', () => {
		const [listArticle] = buildArticles([{headline: 'Lists', paragraphs: ['• first item', 'Plain • text'], publishedAt: Date.UTC(2025, 4, 14, 9, 30)}], 'feed.xml');
		const ascii = articleLines(listArticle!, 100, asciiGlyphs).map(line => line.text);
		expect(ascii).toEqual(['Lists', 'Wed 14 May 2025 09:30 UTC - 1 min read', '', '* first item', '', 'Plain • text']);
	});

	it('wraps text to the width but never an address', () => {
		for (const line of lines.filter(line => line.style !== 'link')) {
			expect(displayWidth(line.text)).toBeLessThanOrEqual(40);
		}

		expect(lines[4]?.text).toBe(article?.url);
		expect(lines[4]?.link).toEqual({url: article?.url, start: 0});
	});

	it('lists the numbered links under the text', () => {
		expect(lines.at(-1)).toEqual({text: '[1] https://example.com/quay', style: 'link', link: {url: 'https://example.com/quay', start: 4}});
	});
});

describe('lists in the article (issue 13)', () => {
	it('puts a list\'s items on consecutive lines, set apart from other paragraphs by a blank line', () => {
		const [article] = buildArticles([{headline: 'Ferry changes', paragraphs: ['What changes:', '• Earlier boats', '• Later boats', 'From Monday.', '1. First', '2. Second']}], 'news.txt');
		const body = articleLines(article!, 60).map(line => line.text).slice(3);
		expect(body).toEqual(['What changes:', '', '• Earlier boats', '• Later boats', '', 'From Monday.', '', '1. First', '2. Second']);
	});
});
