import {describe, expect, it} from 'vitest';
import {buildArticles} from '../../source/formats/build-articles.js';
import {articleLines} from '../../source/state/article-lines.js';
import {displayWidth} from '../../source/terminal/text-width.js';

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
		expect(lines.map(line => line.style).slice(0, 6)).toEqual(['kicker', 'headline', 'meta', 'link', 'blank', 'deck']);
		expect(lines[2]?.text).toBe('By Ana Ruiz · 14 May 2025, 09:30 · Ports');
	});

	it('wraps text to the width but never an address', () => {
		for (const line of lines.filter(line => line.style !== 'link')) {
			expect(displayWidth(line.text)).toBeLessThanOrEqual(40);
		}

		expect(lines[3]?.text).toBe(article?.url);
		expect(lines[3]?.link).toEqual({url: article?.url, start: 0});
	});

	it('lists the numbered links under the text', () => {
		expect(lines.at(-1)).toEqual({text: '[1] https://example.com/quay', style: 'link', link: {url: 'https://example.com/quay', start: 4}});
	});
});
