/**
 * Dates as people read them: in the list, as mail clients show them (`14:05` today, `Tue` this week, `3 Mar` this
 * year, `3 Mar 1987` before it; a list whose dates all fall in one year leaves the year out), and in the article in
 * full (`Sat 28 Nov 2026 14:05 UTC`). Pure: the current time is passed in. Calendar dates are in the local time zone.
 */

const dayMs = 24 * 60 * 60_000;

/** The years a list's dates span (local calendar years), or undefined when none has a date. */
export type DateYears = {readonly earliest: number; readonly latest: number};

/**
 * `publishedAt` as the list shows it, seen from `now` (both in milliseconds since the epoch): the time on the same day,
 * the weekday within the six days before, the day and month within the year, and the year too before or after it,
 * unless `showsYear` is false (every date of the list falls in one year).
 */
export function listDateLabel(publishedAt: number, now: number, showsYear = true): string {
	const published = new Date(publishedAt);
	const today = new Date(now);
	const isSameDay = published.getFullYear() === today.getFullYear() && published.getMonth() === today.getMonth() && published.getDate() === today.getDate();
	if (isSameDay) {
		return `${String(published.getHours()).padStart(2, '0')}:${String(published.getMinutes()).padStart(2, '0')}`;
	}

	const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
	if (publishedAt < startOfToday && publishedAt >= startOfToday - 6 * dayMs) {
		return weekdayNames[published.getDay()]!;
	}

	const dayMonth = `${published.getDate()} ${monthNames[published.getMonth()]!}`;
	return published.getFullYear() === today.getFullYear() || !showsYear ? dayMonth : `${dayMonth} ${published.getFullYear()}`;
}

/**
 * The columns the list's dates take: none without dates; `23 Mar 1987` when some fall in another year than `now`'s
 * and the list spans more than one year; `23 Mar` otherwise.
 */
export function listDateColumnCount(years: DateYears | undefined, now: number): number {
	if (years === undefined) {
		return 0;
	}

	const thisYear = new Date(now).getFullYear();
	const isOneYear = years.earliest === years.latest;
	return !isOneYear && (years.earliest !== thisYear || years.latest !== thisYear) ? 11 : 6;
}

/** Whether the list shows years: its dates span more than one year. */
export function listShowsYears(years: DateYears | undefined): boolean {
	return years !== undefined && years.earliest !== years.latest;
}

const weekdayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Three-letter month names, as the list's `24 Sep` uses. */
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Two digits: `05`. */
function twoDigits(value: number): string {
	return String(value).padStart(2, '0');
}

/** The local time zone at `date` as its offset from UTC: `UTC`, `UTC+1`, `UTC-5`, `UTC+5:30`. */
function zoneLabel(date: Date): string {
	const minutesEast = -date.getTimezoneOffset();
	if (minutesEast === 0) {
		return 'UTC';
	}

	const hours = Math.floor(Math.abs(minutesEast) / 60);
	const minutes = Math.abs(minutesEast) % 60;
	return `UTC${minutesEast > 0 ? '+' : '-'}${hours}${minutes === 0 ? '' : ':' + twoDigits(minutes)}`;
}

/**
 * `publishedAt` in full, in the local time zone: `Sat 28 Nov 2026 14:05 UTC` (`UTC+1` in Paris in winter). Made from
 * the date's own fields rather than with `Intl.DateTimeFormat`: the first `Intl` object a process makes loads ICU's
 * data (about 18 ms), and the article's header is on the first frame.
 */
export function absoluteDateLabel(publishedAt: number): string {
	const date = new Date(publishedAt);
	if (Number.isNaN(date.getTime())) {
		return '';
	}

	return `${weekdayNames[date.getDay()]} ${date.getDate()} ${monthNames[date.getMonth()]} ${date.getFullYear()} ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())} ${zoneLabel(date)}`;
}

/** Words a minute a reader gets through, on average, reading news on a screen. */
export const wordsPerMinute = 230;

/** How long `wordCount` words take to read, rounded, at least a minute: `4 min read`. */
export function readingTimeLabel(wordCount: number): string {
	return `${Math.max(1, Math.round(wordCount / wordsPerMinute))} min read`;
}
