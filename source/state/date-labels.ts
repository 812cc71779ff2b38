/**
 * Dates as people read them: relative in the list, as mail clients show them (`now`, `5m ago`, `3h ago`, `2d ago`,
 * then `Mar 4` within the year and `2019` before it), absolute in the article (`Sat 28 Nov 2026 14:05 UTC`).
 * Pure: the current time is passed in. Calendar dates are in the local time zone.
 */

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** The widest relative label (`59m ago`), so that a column of them can be sized once. */
export const relativeDateColumnCount = 7;

// The formats are made when first needed: making one loads ICU's calendar data, which start-up need not wait for.
let monthDay: Intl.DateTimeFormat | undefined;
let absoluteDate: Intl.DateTimeFormat | undefined;

/**
 * `publishedAt` relative to `now` (both in milliseconds since the epoch), in at most
 * {@link relativeDateColumnCount} columns. Dates up to a minute ahead (clocks differ) count as `now`; later ones,
 * like old ones, get their calendar date.
 */
export function relativeDateLabel(publishedAt: number, now: number): string {
	const ageMs = now - publishedAt;
	if (ageMs >= -minuteMs && ageMs < minuteMs) {
		return 'now';
	}

	if (ageMs > 0 && ageMs < hourMs) {
		return `${Math.floor(ageMs / minuteMs)}m ago`;
	}

	if (ageMs > 0 && ageMs < dayMs) {
		return `${Math.floor(ageMs / hourMs)}h ago`;
	}

	if (ageMs > 0 && ageMs < 7 * dayMs) {
		return `${Math.floor(ageMs / dayMs)}d ago`;
	}

	const published = new Date(publishedAt);
	if (published.getFullYear() !== new Date(now).getFullYear()) {
		return String(published.getFullYear());
	}

	monthDay ??= new Intl.DateTimeFormat('en-US', {month: 'short', day: 'numeric'});
	return monthDay.format(published);
}

/** Three-letter month names, as the list's `Sep 24` uses (en-GB ICU would say `Sept`). */
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `publishedAt` in full, in the local time zone: `Sat 28 Nov 2026 14:05 UTC`, always with a three-letter month. */
export function absoluteDateLabel(publishedAt: number): string {
	absoluteDate ??= new Intl.DateTimeFormat('en-GB', {
		weekday: 'short',
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZoneName: 'short',
	});
	const parts = Object.fromEntries(absoluteDate.formatToParts(publishedAt).map(part => [part.type, part.value]));
	const month = monthNames[Number(parts['month']) - 1] ?? parts['month'];
	return `${parts['weekday']} ${Number(parts['day'])} ${month} ${parts['year']} ${parts['hour']}:${parts['minute']} ${parts['timeZoneName']}`;
}

/** Words a minute a reader gets through, on average, reading news on a screen. */
export const wordsPerMinute = 230;

/** How long `wordCount` words take to read, rounded, at least a minute: `4 min read`. */
export function readingTimeLabel(wordCount: number): string {
	return `${Math.max(1, Math.round(wordCount / wordsPerMinute))} min read`;
}
