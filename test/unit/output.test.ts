import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/formats/parsers.js';
import {articleRecord, headlineLines, ndjsonLines, printedArticles} from '../../source/output.js';
import {displayWidth} from '../../source/terminal/text-width.js';

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
});
