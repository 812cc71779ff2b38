import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/formats/parsers.js';
import {articleRecord, headlineLines, ndjsonLines, outputPieces, printedArticles} from '../../source/output.js';
import type {Article} from '../../source/article.js';
import {displayWidth} from '../../source/text/text-width.js';

const feed = parseText(readFileSync(new URL('../fixtures/feeds/rss2.xml', import.meta.url), 'utf8'), 'rss2.xml').articles;
const seed = parseText(readFileSync(new URL('../../samples/taipei-times.txt', import.meta.url), 'utf8'), 'taipei-times.txt').articles;

describe('scripting output', () => {
	it('lists one headline a line, kicker first', () => {
		const lines = headlineLines(seed).split('\n');
		expect(lines).toHaveLength(6);
		expect(lines[3]).toMatch(/^CANCER: Jose Mujica earned/u);
		expect(lines[5]).toBe('');
	});

	it('writes NDJSON with the documented fields, dates in ISO 8601', () => {
		const records = ndjsonLines(feed).trimEnd().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(records).toHaveLength(feed.length);
		expect(records[0]).toMatchObject({
			id: 'gazette-1001',
			headline: 'Ferry timetable changes from Monday',
			author: 'Mira Okafor',
			published: '2024-05-03T08:30:00.000Z',
			url: 'https://gazette.example/2024/05/ferry-timetable',
			source: 'The Harbour Gazette',
			categories: ['Transport', 'Harbour'],
			links: ['https://gazette.example/timetable.pdf'],
		});
		expect(Object.keys(articleRecord(seed[0]!))).toEqual(['id', 'headline', 'body', 'paragraphs', 'source']);
	});

	it('prints articles wrapped to the width, a rule between them', () => {
		const text = printedArticles(seed.slice(0, 2), 60);
		expect(text).toContain('─'.repeat(40));
		for (const line of text.split('\n')) {
			expect(displayWidth(line)).toBeLessThanOrEqual(60);
		}
	});

	it('makes the output a piece an article, each only when it is asked for, so that a big output is written as it is made', () => {
		const read = new Set<number>();
		// Articles that note when their text is read.
		const noted: Article[] = seed.map((article, index) => ({
			...article,
			get paragraphs() {
				read.add(index);
				return article.paragraphs;
			},
		}));
		for (const mode of ['json', 'print'] as const) {
			read.clear();
			const pieces = outputPieces(noted, mode, 60);
			pieces.next();
			expect([...read]).toEqual([0]);
			expect([...pieces]).toHaveLength(seed.length - 1);
			expect(read.size).toBe(seed.length);
		}

		expect([...outputPieces(seed, 'print', 60)].join('')).toBe(printedArticles(seed, 60));
		expect([...outputPieces(seed, 'list', 60)].join('')).toBe(headlineLines(seed));
	});
});
