import type {MatchRanges} from '../search/search.js';
import {displayWidth, prefixForWidth} from '../terminal/text-width.js';
import {graphemesOf} from '../terminal/graphemes.js';

/** A run of text drawn in one style. */
export type Segment = {readonly text: string; readonly isMatch: boolean};

/**
 * Cuts `text` to `columnCount` columns (by display width, ending in `ellipsis` when cut) and splits it into runs,
 * marking the characters inside `ranges` (inclusive [start, end] offsets into `text`) as matches.
 */
export function highlightedSegments(text: string, ranges: MatchRanges, columnCount: number, ellipsis = '…'): Segment[] {
	const visible = prefixForWidth(text, columnCount);
	const isFullWidth = visible === text && displayWidth(text) <= columnCount;
	const limit = isFullWidth ? columnCount : Math.max(0, columnCount - displayWidth(ellipsis));
	const segments: Segment[] = [];
	let width = 0;
	for (const {segment, index} of graphemesOf(visible)) {
		const segmentWidth = displayWidth(segment);
		if (width + segmentWidth > limit) {
			break;
		}

		width += segmentWidth;
		const isMatch = ranges.some(([start, end]) => index >= start && index <= end);
		const last = segments.at(-1);
		if (last?.isMatch === isMatch) {
			segments[segments.length - 1] = {text: last.text + segment, isMatch};
		} else {
			segments.push({text: segment, isMatch});
		}
	}

	if (!isFullWidth && columnCount > 0) {
		segments.push({text: ellipsis.slice(0, columnCount), isMatch: false});
	}

	return segments;
}
