import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {detectFormat} from '../../source/formats/detect.js';
import {parseText} from '../../source/formats/parsers.js';
import {looksLikeSfeed, parseSfeed} from '../../source/formats/sfeed.js';

const harbour = readFileSync(new URL('../fixtures/sfeed/harbour', import.meta.url), 'utf8');

describe('sfeed files (issue 13)', () => {
	it('are told from their shape, with no extension, and ordinary TSV with a header is not', () => {
		expect(detectFormat(harbour, 'harbour')).toBe('sfeed');
		expect(looksLikeSfeed('title\tbody\tauthor\nFerry\tThe ferry runs.\tAnn\n')).toBe(false);
		expect(detectFormat('title\tbody\tauthor\nFerry\tThe ferry runs.\tAnn\n', 'news.tsv')).toBe('tsv');
		expect(looksLikeSfeed('A story\n\nIts text.\n')).toBe(false);
	});

	it('read each line as an item: time, title, link, HTML content with its links, id, author, enclosure, categories', () => {
		const {articles, problems} = parseSfeed(harbour, 'harbour');
		expect(problems).toEqual([]);
		expect(articles[0]).toMatchObject({
			id: 'ferry-1',
			headline: 'Ferry returns to the harbour',
			url: 'https://harbour.example/ferry',
			author: 'Ann Quay',
			publishedAt: 1_733_400_000_000,
			categories: ['local', 'transport'],
			paragraphs: ['The ferry sails again.', 'Tickets at the office [1].', 'Audio [2]'],
			links: ['https://harbour.example/tickets', 'https://harbour.example/ferry.mp3'],
			source: 'harbour',
		});
	});

	it('unescape plain content: \\n, \\t and \\\\', () => {
		const {articles} = parseSfeed(harbour, 'harbour');
		expect(articles[1]?.paragraphs).toEqual(['The pier is open. Bring a coat.', 'Cafe \\ kiosk nearby.']);
		expect(articles[1]?.author).toBeUndefined();
	});

	it('report a line of another shape by number, and read the rest', () => {
		const {articles, problems} = parseText(`${harbour}not an item at all\n`, 'harbour', {format: 'sfeed'});
		expect(articles).toHaveLength(2);
		expect(problems).toEqual(['line 3: not an sfeed item (time, title, link, content, content type, …, separated by tabs); skipped']);
	});
});
