import type {ArticleLine, ArticleLineStyle} from './article-lines.js';

/** Part of one screen line: UTF-16 offsets into its text, `end` exclusive. */
export type LineRange = {readonly lineIndex: number; readonly start: number; readonly end: number};

/**
 * One match of an in-article search, on the wrapped lines as the pane shows them. A match that runs over a
 * wrapped line break has a range on each line.
 */
export type ArticleMatch = {readonly ranges: readonly LineRange[]};

/** The line a match starts on. */
export const firstLineOf = (match: ArticleMatch): number => match.ranges[0]?.lineIndex ?? 0;
/** The line a match ends on. */
export const lastLineOf = (match: ArticleMatch): number => match.ranges.at(-1)?.lineIndex ?? 0;

/**
 * Whether a search for `query` tells capitals from small letters: only when it holds a capital, as less's and
 * vim's smartcase do (`korea` finds Korea; `Korea` does not find korea).
 */
export function isCaseSensitive(query: string): boolean {
	return query !== query.toLowerCase();
}

/** Styles whose consecutive lines are one wrapped paragraph: a search may run from one such line into the next. */
const flowingStyles: ReadonlySet<ArticleLineStyle> = new Set(['kicker', 'headline', 'deck', 'meta', 'body', 'heading']);

// eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
const asciiOnly = /^[\u0000-\u007F]*$/u;

/**
 * Lower-cases `text` without moving any character: a few characters (`İ`) lower-case to longer strings, and the
 * offsets of matches must stay those of the text on screen.
 */
function foldCase(text: string): string {
	if (asciiOnly.test(text)) {
		return text.toLowerCase();
	}

	let folded = '';
	for (const character of text) {
		const lower = character.toLowerCase();
		folded += lower.length === character.length ? lower : character;
	}

	return folded;
}

/**
 * The text searched, with where each line starts in it. Lines of one wrapped paragraph are joined by a space,
 * which is what the wrap took away (a word too long for a line and broken inside is the exception: a query
 * across that break finds nothing). Other lines are joined by a line feed, which no query holds, so that no match
 * runs from one paragraph, heading or link into the next.
 */
function searchedText(lines: readonly ArticleLine[]): {text: string; lineStarts: number[]} {
	let text = '';
	const lineStarts: number[] = [];
	for (const [index, line] of lines.entries()) {
		if (index > 0) {
			const previous = lines[index - 1]!;
			text += previous.style === line.style && flowingStyles.has(line.style) ? ' ' : '\n';
		}

		lineStarts.push(text.length);
		text += line.text;
	}

	return {text, lineStarts};
}

/** Cuts the span [start, end) of the searched text into a range on each line it covers. */
function rangesOf(start: number, end: number, lines: readonly ArticleLine[], lineStarts: readonly number[]): LineRange[] {
	// The last line starting at or before `start`.
	let low = 0;
	let high = lineStarts.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (lineStarts[middle]! <= start) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	const ranges: LineRange[] = [];
	for (let lineIndex = low; lineIndex < lines.length && lineStarts[lineIndex]! < end; lineIndex++) {
		const lineStart = lineStarts[lineIndex]!;
		const lineLength = lines[lineIndex]!.text.length;
		const rangeStart = Math.max(0, start - lineStart);
		const rangeEnd = Math.min(lineLength, end - lineStart);
		// The joining space itself belongs to no line.
		if (rangeEnd > rangeStart) {
			ranges.push({lineIndex, start: rangeStart, end: rangeEnd});
		}
	}

	return ranges;
}

const cache = new WeakMap<readonly ArticleLine[], Map<string, readonly ArticleMatch[]>>();

/**
 * Every match of `query` in the article's screen lines, top to bottom, not overlapping. Smartcase: without a
 * capital in the query, case is ignored. An empty query matches nothing. Memoised per lines and query, since the
 * pane asks on every frame.
 */
export function findMatches(lines: readonly ArticleLine[], query: string): readonly ArticleMatch[] {
	if (query === '') {
		return [];
	}

	const byQuery = cache.get(lines) ?? new Map<string, readonly ArticleMatch[]>();
	cache.set(lines, byQuery);
	const cached = byQuery.get(query);
	if (cached) {
		return cached;
	}

	const {text, lineStarts} = searchedText(lines);
	const isExact = isCaseSensitive(query);
	const haystack = isExact ? text : foldCase(text);
	const needle = isExact ? query : foldCase(query);
	const matches: ArticleMatch[] = [];
	for (let start = haystack.indexOf(needle); start !== -1; start = haystack.indexOf(needle, start + needle.length)) {
		const ranges = rangesOf(start, start + needle.length, lines, lineStarts);
		if (ranges.length > 0) {
			matches.push({ranges});
		}
	}

	// One query at a time is typed; keep the last few.
	if (byQuery.size > 8) {
		byQuery.clear();
	}

	byQuery.set(query, matches);
	return matches;
}

/**
 * The match `n` (direction 1) or `N` (direction -1) goes to from match `currentIndex`, with the view at lines
 * [viewTop, viewTop + rowCount): the next or previous one when the current match is in view, else the first below
 * the view's top (or the last above its bottom), as less searches from the screen. Wraps around at the ends.
 */
export function stepMatch(
	matches: readonly ArticleMatch[],
	currentIndex: number,
	direction: 1 | -1,
	view: {readonly top: number; readonly rowCount: number},
): {index: number; hasWrapped: boolean} | undefined {
	if (matches.length === 0) {
		return undefined;
	}

	const current = matches[currentIndex];
	const viewBottom = view.top + view.rowCount;
	const isCurrentInView = current !== undefined && firstLineOf(current) >= view.top && firstLineOf(current) < viewBottom;
	let index: number;
	if (isCurrentInView) {
		index = currentIndex + direction;
	} else if (direction === 1) {
		index = matches.findIndex(match => firstLineOf(match) >= view.top);
		index = index === -1 ? matches.length : index;
	} else {
		index = matches.findLastIndex(match => firstLineOf(match) < viewBottom);
	}

	if (index >= matches.length) {
		return {index: 0, hasWrapped: true};
	}

	if (index < 0) {
		return {index: matches.length - 1, hasWrapped: true};
	}

	return {index, hasWrapped: false};
}

/** The first match at or below line `top` (wrapping to the first of all): where a new search starts, as in less. */
export function firstMatchFrom(matches: readonly ArticleMatch[], top: number): number {
	const index = matches.findIndex(match => firstLineOf(match) >= top);
	return index === -1 ? 0 : index;
}

/** A highlighted part of a line: a match, and whether it is the current one. */
export type LineHighlight = {readonly start: number; readonly end: number; readonly isCurrent: boolean};

const highlightCache = new WeakMap<readonly ArticleMatch[], Map<number, ReadonlyMap<number, readonly LineHighlight[]>>>();

/** The highlights of every match, by line, the current match marked. */
export function highlightsByLine(matches: readonly ArticleMatch[], currentIndex: number): ReadonlyMap<number, readonly LineHighlight[]> {
	const byCurrent = highlightCache.get(matches) ?? new Map<number, ReadonlyMap<number, readonly LineHighlight[]>>();
	highlightCache.set(matches, byCurrent);
	const cached = byCurrent.get(currentIndex);
	if (cached) {
		return cached;
	}

	const byLine = new Map<number, LineHighlight[]>();
	for (const [index, match] of matches.entries()) {
		for (const {lineIndex, start, end} of match.ranges) {
			const highlights = byLine.get(lineIndex) ?? [];
			highlights.push({start, end, isCurrent: index === currentIndex});
			byLine.set(lineIndex, highlights);
		}
	}

	byCurrent.clear();
	byCurrent.set(currentIndex, byLine);
	return byLine;
}

const wordsCache = new WeakMap<readonly ArticleLine[], {readonly key: string; readonly matches: readonly ArticleMatch[]}>();

/** Whether match `left` starts before match `right`. */
const startsBefore = (left: LineRange, right: LineRange) => left.lineIndex < right.lineIndex || (left.lineIndex === right.lineIndex && left.start < right.start);

/**
 * Every match of any of `words` in the article's screen lines, top to bottom, not overlapping (where two overlap, the
 * one that starts first, and then the longer, stays): the filter's words carried into the article. Smartcase, as
 * {@link findMatches}.
 */
export function findWordMatches(lines: readonly ArticleLine[], words: readonly string[]): readonly ArticleMatch[] {
	const key = words.join('\n');
	const cached = wordsCache.get(lines);
	if (cached?.key === key) {
		return cached.matches;
	}

	const all = [...new Set(words)].flatMap(word => findMatches(lines, word).map(match => ({match, length: word.length})));
	all.sort((left, right) => {
		const [leftStart, rightStart] = [left.match.ranges[0]!, right.match.ranges[0]!];
		return startsBefore(leftStart, rightStart) ? -1 : startsBefore(rightStart, leftStart) ? 1 : right.length - left.length;
	});
	const matches: ArticleMatch[] = [];
	for (const {match} of all) {
		const previousEnd = matches.at(-1)?.ranges.at(-1);
		const start = match.ranges[0]!;
		if (!previousEnd || previousEnd.lineIndex < start.lineIndex || (previousEnd.lineIndex === start.lineIndex && previousEnd.end <= start.start)) {
			matches.push(match);
		}
	}

	wordsCache.set(lines, {key, matches});
	return matches;
}
