import {describe, expect, it} from 'vitest';
import {absoluteDateLabel, readingTimeLabel, relativeDateColumnCount, relativeDateLabel} from '../../source/state/date-labels.js';

// Tests run with TZ=UTC (vitest.config.ts): calendar dates are UTC ones.
const now = Date.UTC(2026, 10, 28, 14, 5);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('relative dates in the list', () => {
	it.each([
		['just now', now, 'now'],
		['30 seconds ago', now - 30_000, 'now'],
		['30 seconds ahead (clocks differ)', now + 30_000, 'now'],
		['a minute ago', now - minute, '1m ago'],
		['59 minutes ago', now - 59 * minute - 59_000, '59m ago'],
		['an hour ago', now - hour, '1h ago'],
		['23 hours ago', now - 23 * hour - 59 * minute, '23h ago'],
		['a day ago', now - day, '1d ago'],
		['6 days ago', now - 6 * day - 23 * hour, '6d ago'],
		['a week ago', now - 7 * day, 'Nov 21'],
		['earlier this year', Date.UTC(2026, 2, 4, 8), 'Mar 4'],
		['the first minute of the year', Date.UTC(2026, 0, 1, 0, 0), 'Jan 1'],
		['the last minute of last year', Date.UTC(2025, 11, 31, 23, 59), '2025'],
		['years ago', Date.UTC(2019, 5, 1), '2019'],
		['tomorrow (a date in the future)', now + day, 'Nov 29'],
		['next year', Date.UTC(2027, 0, 2), '2027'],
	])('%s: %s', (_name, publishedAt, label) => {
		expect(relativeDateLabel(publishedAt, now)).toBe(label);
	});

	it('never needs more than its column', () => {
		for (let ageMs = -2 * day; ageMs < 800 * day; ageMs += 37 * minute) {
			expect(relativeDateLabel(now - ageMs, now).length).toBeLessThanOrEqual(relativeDateColumnCount);
		}
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
