/** Dates as feeds write them: RFC 822 / 1123 / 2822, ISO 8601 / W3C-DTF, and their common broken variants. */

// Month names in English and in the languages whose feeds most often write them in RFC 822 dates anyway
// (`Seg, 24 Set 2018`): Spanish, Portuguese, French, German, Italian, Dutch; with and without accents.
const monthNames: ReadonlyArray<readonly string[]> = [
	['january', 'enero', 'janeiro', 'janvier', 'januar', 'januari', 'gennaio'],
	['february', 'febrero', 'fevereiro', 'février', 'fevrier', 'februar', 'februari', 'febbraio'],
	['march', 'marzo', 'março', 'marco', 'mars', 'märz', 'maerz', 'mrz', 'maart', 'mrt'],
	['april', 'abril', 'avril', 'aprile'],
	['may', 'mayo', 'maio', 'mai', 'maggio', 'mei'],
	['june', 'junio', 'junho', 'juin', 'juni', 'giugno'],
	['july', 'julio', 'julho', 'juillet', 'juli', 'luglio'],
	['august', 'agosto', 'août', 'aout', 'augustus'],
	['september', 'septiembre', 'setiembre', 'setembro', 'septembre', 'settembre'],
	['october', 'octubre', 'outubro', 'octobre', 'oktober', 'ottobre'],
	['november', 'noviembre', 'novembro', 'novembre'],
	['december', 'diciembre', 'dezembro', 'décembre', 'decembre', 'dezember', 'dicembre'],
];
const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

// Offsets in minutes east of UTC. North American names as RFC 822 defines them, plus the ones feeds commonly use.
const zoneOffsets: ReadonlyMap<string, number> = new Map(Object.entries({
	ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
	est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
	akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
	bst: 60, cet: 60, cest: 120, met: 60, mest: 120, west: 60, eet: 120, eest: 180, msk: 180,
	ist: 330, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
}));

// Words that carry no date information: a weekday (often wrong), "at", "on", "the".
const ignoredWords = new Set(['at', 'on', 'the', 'of']);

const isoPattern =
	/^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:(?:[Tt]|\s+)(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*([Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/u;
const timePattern = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(am|pm|a\.m\.|p\.m\.)?(.*)$/iu;
const offsetPattern = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/iu;

/** Milliseconds since the epoch for a UTC calendar time, or undefined when a field is out of range. */
function utcTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number | undefined {
	if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 60) {
		return undefined;
	}

	if (hour === 24 && (minute > 0 || second > 0)) {
		return undefined;
	}

	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	// 31 June and 29 February 2003 roll over into the next month: refuse them.
	if (date.getUTCMonth() !== month - 1) {
		return undefined;
	}

	// A leap second (:60) is counted as :59.
	return date.getTime() + (hour * 3600 + minute * 60 + Math.min(second, 59)) * 1000 + millisecond;
}

function parseIsoDate(text: string): number | undefined {
	const match = isoPattern.exec(text);
	if (!match) {
		return undefined;
	}

	const [, year, month = '1', day = '1', hour, minute, second, fraction, zone] = match;
	const millisecond = fraction ? Math.round(Number(`0.${fraction.slice(0, 6)}`) * 1000) : 0;
	const time = utcTime(Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), millisecond);
	const offset = zone === undefined ? 0 : zoneOffset(zone);
	return time === undefined || offset === undefined ? undefined : time - offset * 60_000;
}

/** Minutes east of UTC for `+0200`, `-05:00`, `GMT+2`, `PDT`, `Z`, …; undefined when it is not a zone. */
function zoneOffset(token: string): number | undefined {
	const lower = token.toLowerCase();
	const named = zoneOffsets.get(lower);
	if (named !== undefined) {
		return named;
	}

	const match = offsetPattern.exec(token);
	if (match) {
		const [, sign, hours = '0', minutes = '0'] = match;
		if (Number(hours) > 23 || Number(minutes) > 59) {
			return undefined;
		}

		return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
	}

	// RFC 822's military zones are notoriously misused (RFC 2822 §4.3): read them as UTC.
	return /^[a-ik-y]$/u.test(lower) ? 0 : undefined;
}

const monthCache = new Map<string, number | undefined>();

/** The month (1-12) a word names (`Jun`, `june`, `Sept.`), if any. */
function monthOf(word: string): number | undefined {
	const lower = word.toLowerCase().replace(/\.$/u, '');
	if (lower.length < 3) {
		return undefined;
	}

	if (monthCache.has(lower)) {
		return monthCache.get(lower);
	}

	// A prefix of names of two months (`jui`: juin, juillet) names neither.
	const months = monthNames.flatMap((names, index) => (names.some(name => name.startsWith(lower)) ? [index + 1] : []));
	const month = months.length === 1 ? months[0] : undefined;
	if (monthCache.size < 1000) {
		monthCache.set(lower, month);
	}

	return month;
}

function isWeekday(word: string): boolean {
	const lower = word.toLowerCase().replace(/\.$/u, '');
	return lower.length >= 2 && weekdayNames.some(name => name.startsWith(lower));
}

/** Splits a loose date into words: commas and comments go, `10-Jun-2003` becomes three words. */
function wordsOf(text: string): string[] {
	return text
		.replace(/\([^)]*\)/gu, ' ')
		.split(/[\s,]+/u)
		.flatMap(word => (/^[\p{L}\d]+(?:[-/][\p{L}\d]+)+$/u.test(word) && /\p{L}/u.test(word) ? word.split(/[-/]/u) : [word]))
		.filter(word => word !== '');
}

type LooseDate = {
	year?: number;
	month?: number;
	day?: number;
	hour: number;
	minute: number;
	second: number;
	offset?: number;
};

/** Reads one word into `date`; false when the word makes no sense in a date. */
function readWord(word: string, date: LooseDate): boolean {
	const time = timePattern.exec(word);
	if (time) {
		const [, hour = '0', minute = '0', second = '0', meridiem, rest = ''] = time;
		date.hour = Number(hour);
		date.minute = Number(minute);
		date.second = Number(second);
		if (meridiem) {
			applyMeridiem(date, meridiem);
		}

		return rest === '' || readWord(rest, date);
	}

	if (/^\d+(?:st|nd|rd|th)?$/iu.test(word)) {
		return readNumber(word.replace(/\D+$/u, ''), date);
	}

	const month = monthOf(word);
	if (month !== undefined && date.month === undefined) {
		date.month = month;
		return true;
	}

	const lower = word.toLowerCase();
	if (/^[ap]\.?m\.?$/u.test(lower)) {
		applyMeridiem(date, lower);
		return true;
	}

	const offset = zoneOffset(word);
	if (offset !== undefined && date.offset === undefined) {
		date.offset = offset;
		return true;
	}

	return isWeekday(word) || ignoredWords.has(lower);
}

function applyMeridiem(date: LooseDate, meridiem: string) {
	if (date.hour > 12) {
		return;
	}

	const isAfternoon = meridiem.toLowerCase().startsWith('p');
	date.hour = (date.hour % 12) + (isAfternoon ? 12 : 0);
}

function readNumber(digits: string, date: LooseDate): boolean {
	const value = Number(digits);
	if (digits.length === 4 && date.year === undefined) {
		date.year = value;
		return true;
	}

	if (digits.length <= 2 && date.day === undefined) {
		date.day = value;
		return true;
	}

	// A two-digit year: 00-49 is this century, 50-99 the last (RFC 2822 §4.3).
	if (digits.length <= 2 && date.year === undefined) {
		date.year = value < 50 ? 2000 + value : 1900 + value;
		return true;
	}

	return false;
}

// RFC 822 as most feeds write it: `Tue, 10 Jun 2003 04:00:00 GMT`; read without splitting into words.
const rfc822Pattern = /^(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([A-Z]{1,4}|[+-]\d{4})$/;

function parseRfc822Date(text: string): number | undefined {
	const match = rfc822Pattern.exec(text);
	if (!match) {
		return undefined;
	}

	const [, day, monthName = '', year, hour, minute, second, zone = ''] = match;
	const month = monthOf(monthName);
	const offset = zoneOffset(zone);
	const time = month === undefined ? undefined : utcTime(Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? 0));
	return time === undefined || offset === undefined ? undefined : time - offset * 60_000;
}

// `26-FEB-1987 15:01:01.79`, as wire archives write it; read without splitting into words, as parseLooseDate would.
const dayMonthYearPattern = /^(\d{1,2})-([A-Za-z]{3,9})-(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/u;

function parseDayMonthYearDate(text: string): number | undefined {
	const match = dayMonthYearPattern.exec(text);
	if (!match) {
		return undefined;
	}

	const [, day, monthName = '', year, hour, minute, second] = match;
	const month = monthOf(monthName);
	return month === undefined ? undefined : utcTime(Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? 0));
}

function parseLooseDate(text: string): number | undefined {
	const date: LooseDate = {hour: 0, minute: 0, second: 0};
	// A word before a comma at the start is the weekday, in whatever language (`Seg, 24 Set 2018`).
	const weekday = /^\s*(\p{L}+)\.?\s*,/u.exec(text);
	const rest = weekday && monthOf(weekday[1]!) === undefined ? text.slice(weekday[0].length) : text;
	for (const word of wordsOf(rest)) {
		if (!readWord(word, date)) {
			return undefined;
		}
	}

	if (date.year === undefined || date.month === undefined || date.day === undefined) {
		return undefined;
	}

	const time = utcTime(date.year, date.month, date.day, date.hour, date.minute, date.second);
	return time === undefined ? undefined : time - (date.offset ?? 0) * 60_000;
}

/** `2020/1/10 14:33:00` (year first, slashes) and `10.01.2020 14:33` (day first, dots), each with an optional time. */
const numericDatePatterns: ReadonlyArray<{readonly pattern: RegExp; readonly order: 'year-month-day' | 'day-month-year'}> = [
	{pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(\S+))?$/u, order: 'year-month-day'},
	{pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(\S+))?$/u, order: 'day-month-year'},
];

/** A date written in numbers only (see {@link numericDatePatterns}); a time without a zone is UTC. */
function parseNumericDate(text: string): number | undefined {
	for (const {pattern, order} of numericDatePatterns) {
		const match = pattern.exec(text);
		if (!match) {
			continue;
		}

		const [, first = '', second = '', third = '', hour = '0', minute = '0', seconds = '0', zone] = match;
		const [year, month, day] = order === 'year-month-day' ? [first, second, third] : [third, second, first];
		const time = utcTime(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(seconds), 0);
		const offset = zone === undefined ? 0 : zoneOffset(zone);
		return time === undefined || offset === undefined ? undefined : time - offset * 60_000;
	}

	return undefined;
}

/**
 * Milliseconds since the epoch for a date as feeds write it, or undefined when the text is not a date.
 * Reads RFC 822 / 1123 / 2822 (`Tue, 10 Jun 2003 04:00:00 GMT`, with `+0000`, zone names, two-digit years, no
 * weekday), ISO 8601 (`2003-06-10T04:00:00.000+02:00`, date only, no zone) and their usual slips (lower-case or full
 * month names, a wrong weekday, `UT`, no seconds, extra spaces, `10-Jun-2003`, `June 10, 2003 4:00 PM`), and dates
 * in numbers only: `2020/1/10 14:33:00` (year first) and `10.01.2020 14:33` (day first, as in much of Europe). A time
 * without a zone is taken as UTC. Never throws.
 */
export function parseDate(text: string): number | undefined {
	const trimmed = text.trim();
	// Nothing that long is a date; the bound also keeps the patterns cheap on hostile input.
	if (trimmed === '' || trimmed.length > 80) {
		return undefined;
	}

	const time = parseNumericDate(trimmed) ?? (/^\d{4}/u.test(trimmed) ? (parseIsoDate(trimmed) ?? parseLooseDate(trimmed)) : (parseRfc822Date(trimmed) ?? parseDayMonthYearDate(trimmed) ?? parseLooseDate(trimmed)));
	return time !== undefined && Number.isFinite(time) ? time : undefined;
}
