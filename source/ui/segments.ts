import type {MatchRanges} from '../search/search.js';
import {displayWidth, prefixForWidth} from '../text/text-width.js';
import {graphemesOf} from '../text/graphemes.js';

/** A run of text drawn in one style. */
export type Segment = {readonly text: string; readonly isMatch: boolean};

const asciiPrintable = /^[\u0020-\u007E]*$/u;

/**
 * Where each grapheme of `text` starts, up to the ones that fit in `limit` columns, and where the last one that fits
 * ends. Plain ASCII (most headlines) needs no splitting: each character is a grapheme one column wide.
 */
function graphemeStartsWithin(text: string, limit: number): {readonly starts?: readonly number[]; readonly end: number} {
	if (asciiPrintable.test(text)) {
		return {end: Math.min(text.length, Math.max(0, limit))};
	}

	const starts: number[] = [];
	let width = 0;
	for (const {segment, index} of graphemesOf(text)) {
		const segmentWidth = displayWidth(segment);
		if (width + segmentWidth > limit) {
			return {starts, end: index};
		}

		width += segmentWidth;
		starts.push(index);
	}

	return {starts, end: text.length};
}

/**
 * Cuts `text` to `columnCount` columns (by display width, ending in `ellipsis` when cut) and splits it into runs,
 * marking the characters inside `ranges` (inclusive [start, end] offsets into `text`) as matches. A grapheme of
 * several code units is a match when its first one is.
 */
export function highlightedSegments(text: string, ranges: MatchRanges, columnCount: number, ellipsis = '…'): Segment[] {
	const visible = prefixForWidth(text, columnCount);
	const isFullWidth = visible === text && displayWidth(text) <= columnCount;
	const limit = isFullWidth ? columnCount : Math.max(0, columnCount - displayWidth(ellipsis));
	const {starts, end} = graphemeStartsWithin(visible, limit);
	const isMatched = new Uint8Array(end);
	for (const [start, last] of ranges) {
		isMatched.fill(1, Math.max(0, start), Math.min(end, last + 1));
	}

	const segments: Segment[] = [];
	let runStart = 0;
	let isRunMatch = false;
	const graphemeCount = starts ? starts.length : end;
	for (let grapheme = 0; grapheme < graphemeCount; grapheme++) {
		const index = starts ? starts[grapheme]! : grapheme;
		const isMatch = isMatched[index] === 1;
		if (isMatch !== isRunMatch && index > runStart) {
			segments.push({text: visible.slice(runStart, index), isMatch: isRunMatch});
			runStart = index;
		}

		isRunMatch = isMatch;
	}

	if (end > runStart) {
		segments.push({text: visible.slice(runStart, end), isMatch: isRunMatch});
	}

	if (!isFullWidth && columnCount > 0) {
		segments.push({text: ellipsis.slice(0, columnCount), isMatch: false});
	}

	return segments;
}
