import {describe, expect, it} from 'vitest';
import {absoluteDateLabel, listDateColumnCount, listDateLabel, listShowsYears, readingTimeLabel} from '../../source/state/date-labels.js';

// Tests run with TZ=UTC (vitest.config.ts): calendar dates are UTC ones.
const now = Date.UTC(2026, 10, 28, 14, 5);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('dates in the list (issue 14.17)', () => {
	it.each([
		['just now', now, true, '14:05'],
		['this morning', Date.UTC(2026, 10, 28, 0, 1), true, '00:01'],
		['30 seconds ahead (clocks differ)', now + 30_000, true, '14:05'],
		['yesterday', now - day, true, 'Fri'],
		['six days ago', Date.UTC(2026, 10, 22, 0, 0), true, 'Sun'],
		['a week ago', Date.UTC(2026, 10, 21, 23, 59), true, '21 Nov'],
		['earlier this year', Date.UTC(2026, 2, 4, 8), true, '4 Mar'],
		['the first minute of the year', Date.UTC(2026, 0, 1, 0, 0), true, '1 Jan'],
		['the last minute of last year', Date.UTC(2025, 11, 31, 23, 59), true, '31 Dec 2025'],
		['years ago', Date.UTC(1987, 2, 3), true, '3 Mar 1987'],
		['years ago, in a list of one year', Date.UTC(1987, 2, 3), false, '3 Mar'],
		['tomorrow (a date in the future)', now + day, true, '29 Nov'],
		['next year', Date.UTC(2027, 0, 2), true, '2 Jan 2027'],
	])('%s: %s', (_name, publishedAt, showsYear, label) => {
		expect(listDateLabel(publishedAt, now, showsYear)).toBe(label);
	});

	it('tells apart the rows of an archive whose dates all fall in one year', () => {
		const years = {earliest: 1987, latest: 1987};
		expect(listShowsYears(years)).toBe(false);
		expect(listDateColumnCount(years, now)).toBe(6);
		expect(listDateLabel(Date.UTC(1987, 9, 19), now, listShowsYears(years))).toBe('19 Oct');
		expect(listDateLabel(Date.UTC(1987, 9, 20), now, listShowsYears(years))).toBe('20 Oct');
	});

	it('never needs more than its column', () => {
		for (const years of [{earliest: 2026, latest: 2026}, {earliest: 2019, latest: 2026}, {earliest: 1987, latest: 1987}]) {
			const columnCount = listDateColumnCount(years, now);
			for (let time = Date.UTC(years.earliest, 0, 1); time <= Math.min(now + 2 * day, Date.UTC(years.latest, 11, 31)); time += 37 * hour) {
				expect(listDateLabel(time, now, listShowsYears(years)).length, JSON.stringify(years)).toBeLessThanOrEqual(columnCount);
			}
		}

		expect(listDateColumnCount(undefined, now)).toBe(0);
	});
});

describe('the absolute date in the article', () => {
	it('gives weekday, day, month, year, time and zone', () => {
		expect(absoluteDateLabel(now)).toBe('Sat 28 Nov 2026 14:05 UTC');
		expect(absoluteDateLabel(Date.UTC(2024, 1, 29, 0, 0))).toBe('Thu 29 Feb 2024 00:00 UTC');
		// ICU's en-GB says `Sept`; the list says `Sep 24`, and so does the article.
		expect(absoluteDateLabel(Date.UTC(2026, 8, 24, 9, 30))).toBe('Thu 24 Sep 2026 09:30 UTC');
		expect(absoluteDateLabel(Date.UTC(2026, 5, 4, 9, 30))).toBe('Thu 4 Jun 2026 09:30 UTC');
		expect(absoluteDateLabel(Date.UTC(2026, 6, 2, 9, 30))).toBe('Thu 2 Jul 2026 09:30 UTC');
	});

	it('gives the local time and the zone as its offset from UTC, summer time included', () => {
		const zoneBefore = process.env['TZ'];
		try {
			process.env['TZ'] = 'Europe/Paris';
			expect(absoluteDateLabel(now)).toBe('Sat 28 Nov 2026 15:05 UTC+1');
			expect(absoluteDateLabel(Date.UTC(2026, 6, 2, 22, 30))).toBe('Fri 3 Jul 2026 00:30 UTC+2');
			process.env['TZ'] = 'America/New_York';
			expect(absoluteDateLabel(Date.UTC(2026, 0, 1, 3, 0))).toBe('Wed 31 Dec 2025 22:00 UTC-5');
			process.env['TZ'] = 'Asia/Kolkata';
			expect(absoluteDateLabel(now)).toBe('Sat 28 Nov 2026 19:35 UTC+5:30');
		} finally {
			process.env['TZ'] = zoneBefore;
		}

		expect(absoluteDateLabel(now)).toBe('Sat 28 Nov 2026 14:05 UTC');
	});
});

describe('the reading time', () => {
	it.each([
		[0, '1 min read'],
		[100, '1 min read'],
		[344, '1 min read'],
		[345, '2 min read'],
		[920, '4 min read'],
		[23_000, '100 min read'],
	])('%i words: %s', (wordCount, label) => {
		expect(readingTimeLabel(wordCount)).toBe(label);
	});
});
