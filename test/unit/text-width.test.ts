import {describe, expect, it} from 'vitest';
import {displayWidth, padToWidth, truncateToWidth, wrapParagraph} from '../../source/text/text-width.js';
import {highlightedSegments} from '../../source/ui/segments.js';

describe('display width', () => {
	it('counts wide characters as two columns', () => {
		expect(displayWidth('Xi Jinping (習近平)')).toBe(19);
		expect(displayWidth('café')).toBe(4);
	});

	it('truncates by columns, never splitting a wide character', () => {
		expect(truncateToWidth('習近平習近平', 7)).toBe('習近平…');
		expect(displayWidth(truncateToWidth('習近平習近平', 7))).toBeLessThanOrEqual(7);
		expect(truncateToWidth('short', 10)).toBe('short');
		expect(truncateToWidth('exactly ten', 11)).toBe('exactly ten');
		expect(truncateToWidth('abcdef', 4)).toBe('abc…');
	});

	it('pads to an exact width', () => {
		expect(padToWidth('習', 4)).toBe('習  ');
		expect(displayWidth(padToWidth('a long line of text', 8))).toBe(8);
	});
});

describe('word wrapping', () => {
	it('wraps at word boundaries within the width', () => {
		expect(wrapParagraph('the quick brown fox jumps over the lazy dog', 15)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
	});

	it('breaks words longer than a line, and wide text by columns', () => {
		expect(wrapParagraph('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		const lines = wrapParagraph('習近平習近平習近平', 5);
		expect(lines.every(line => displayWidth(line) <= 5)).toBe(true);
		expect(lines.join('')).toBe('習近平習近平習近平');
	});

	it('gives one empty line for an empty paragraph', () => {
		expect(wrapParagraph('', 10)).toEqual(['']);
	});
});

describe('highlighted segments', () => {
	it('marks matched characters and cuts to the width', () => {
		expect(highlightedSegments('Jose Mujica earned', [[5, 10]], 30)).toEqual([
			{text: 'Jose ', isMatch: false},
			{text: 'Mujica', isMatch: true},
			{text: ' earned', isMatch: false},
		]);
		const cut = highlightedSegments('Jose Mujica earned', [[5, 10]], 8);
		expect(cut.map(segment => segment.text).join('')).toBe('Jose Mu…');
	});
});

describe('status line hints', () => {
	it('drops whole hints from the end to fit, keeping help', async () => {
		const {fittingHints} = await import('../../source/ui/status-line.js');
		const hints = [
			{keys: 'j/↓', hint: 'move'},
			{keys: 'Enter', hint: 'open'},
			{keys: '?', hint: 'help'},
			{keys: 'q', hint: 'quit'},
		];
		expect(fittingHints(hints, 100)).toEqual(hints);
		expect(fittingHints(hints, 28).map(hint => hint.hint)).toEqual(['move', 'open', 'help']);
		expect(fittingHints(hints, 16).map(hint => hint.hint)).toEqual(['move', 'help']);
		expect(fittingHints(hints, 6).map(hint => hint.hint)).toEqual(['help']);
	});
});

describe('wrapping citations', () => {
	it('keeps a link number with the word it cites', () => {
		expect(wrapParagraph('read the full ferry timetable [1]', 29)).toEqual(['read the full ferry', 'timetable [1]']);
	});
});

describe('very long text', () => {
	// A 50 MB single-line file makes a 50 MB headline: cutting it for a list row took 15 s, the first frame 25 s.
	const longHeadline = 'word 習近平 '.repeat(2_000_000);

	it('cuts a 20-million-character headline to a row at once', () => {
		const started = performance.now();
		const cut = truncateToWidth(longHeadline, 40);
		const segments = highlightedSegments(longHeadline, [[0, 3]], 40);
		// Not a speed target (bench/ has those): the cut used to take 15 s, and a loaded CI machine takes ~0.7 s now.
		expect(performance.now() - started).toBeLessThan(5000);
		expect(cut).toBe(truncateToWidth(longHeadline.slice(0, 100), 40));
		expect(displayWidth(cut)).toBeLessThanOrEqual(40);
		expect(segments.map(segment => segment.text).join('')).toBe(cut);
		expect(segments[0]).toEqual({text: 'word', isMatch: true});
	});

	it('still cuts text of many zero-width marks by its whole width', () => {
		const marks = 'e' + '\u0301'.repeat(10_000) + 'x';
		expect(truncateToWidth(marks, 2)).toBe(marks);
	});

	it('wraps a paragraph of hundreds of thousands of lines into article lines', async () => {
		const {articleLines} = await import('../../source/state/article-lines.js');
		const paragraph = 'word '.repeat(3_000_000);
		const lines = articleLines({id: 'x', headline: 'Long', headlineSource: 'title', paragraphs: [paragraph], source: 'long.txt'}, 80);
		expect(lines.length).toBeGreaterThan(150_000);
	});
});
