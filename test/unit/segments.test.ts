import {describe, expect, it} from 'vitest';
import type {MatchRanges} from '../../source/search/search.js';
import {graphemesOf} from '../../source/text/graphemes.js';
import {displayWidth} from '../../source/text/text-width.js';
import {highlightedSegments, type Segment} from '../../source/ui/segments.js';

/** The same cut and runs, one grapheme at a time: slow, plain, and what the quick version must agree with. */
function referenceSegments(text: string, ranges: MatchRanges, columnCount: number, ellipsis = '…'): Segment[] {
	const isFullWidth = displayWidth(text) <= columnCount;
	const limit = isFullWidth ? columnCount : Math.max(0, columnCount - displayWidth(ellipsis));
	const segments: Segment[] = [];
	let width = 0;
	for (const {segment, index} of graphemesOf(text)) {
		width += displayWidth(segment);
		if (width > limit) {
			break;
		}

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

describe('highlighted segments of a headline', () => {
	it('splits plain text into runs at the matched ranges', () => {
		expect(highlightedSegments('Prime minister resigns', [[6, 13]], 40)).toEqual([
			{text: 'Prime ', isMatch: false},
			{text: 'minister', isMatch: true},
			{text: ' resigns', isMatch: false},
		]);
	});

	it('joins touching ranges into one run, and starts with a match when the text does', () => {
		expect(highlightedSegments('minimum', [[0, 1], [2, 3], [5, 6]], 40)).toEqual([
			{text: 'mini', isMatch: true},
			{text: 'm', isMatch: false},
			{text: 'um', isMatch: true},
		]);
	});

	it('cuts to the columns with an ellipsis, a match running into the cut included', () => {
		expect(highlightedSegments('The minister of finance', [[4, 11]], 10)).toEqual([
			{text: 'The ', isMatch: false},
			{text: 'minis', isMatch: true},
			{text: '…', isMatch: false},
		]);
	});

	it.each<[string, MatchRanges, number]>([
		['Prime minister resigns', [[6, 13]], 40],
		['Prime minister resigns', [[6, 13], [18, 30]], 12],
		['Prime minister resigns', [], 5],
		['Prime minister resigns', [[0, 21]], 0],
		['首相が辞任 minister 東京', [[0, 1], [6, 13]], 14],
		['首相が辞任 minister 東京', [[2, 8]], 9],
		['Café de l’Opéra: e\u0301té', [[0, 3], [17, 19]], 18],
		['Emoji 👍🏽 thumbs', [[6, 9], [10, 15]], 11],
		['Emoji 👍🏽 thumbs', [[7, 7]], 40],
		['tab\tand more', [[2, 4]], 8],
	])('agrees with the grapheme-by-grapheme cut for %j %j at %i columns', (text, ranges, columnCount) => {
		expect(highlightedSegments(text, ranges, columnCount)).toEqual(referenceSegments(text, ranges, columnCount));
		expect(highlightedSegments(text, ranges, columnCount, '...')).toEqual(referenceSegments(text, ranges, columnCount, '...'));
	});
});
