import stringWidth from 'string-width';
import {graphemesOf} from './graphemes.js';

const asciiPrintable = /^[\u0020-\u007E]*$/u;

/** Columns `text` takes in a terminal: a wide (CJK) character takes two, a combining mark none. */
export function displayWidth(text: string): number {
	return asciiPrintable.test(text) ? text.length : stringWidth(text);
}

/**
 * The start of `text` that decides how it is cut to `columnCount` columns: `text` itself when it is short, or a
 * prefix already wider than the columns. Splitting a 50 MB headline into graphemes for one row takes seconds.
 */
export function prefixForWidth(text: string, columnCount: number): string {
	const prefixLength = Math.max(0, columnCount) * 8 + 64;
	if (text.length <= prefixLength) {
		return text;
	}

	const prefix = text.slice(0, prefixLength);
	// The margin covers a grapheme that the slice may have cut in two at its end.
	return displayWidth(prefix) > columnCount + 4 ? prefix : text;
}

/** Cuts `text` to at most `columnCount` columns, ending in `ellipsis` (`…` or `...`) when it had to cut. */
export function truncateToWidth(text: string, columnCount: number, ellipsis = '…'): string {
	const visible = prefixForWidth(text, columnCount);
	if (visible === text && displayWidth(text) <= columnCount) {
		return text;
	}

	if (columnCount <= 0) {
		return '';
	}

	const ellipsisWidth = displayWidth(ellipsis);
	if (columnCount < ellipsisWidth) {
		return ellipsis.slice(0, columnCount);
	}

	let width = 0;
	let result = '';
	for (const {segment} of graphemesOf(visible)) {
		const segmentWidth = displayWidth(segment);
		if (width + segmentWidth > columnCount - ellipsisWidth) {
			break;
		}

		result += segment;
		width += segmentWidth;
	}

	return result + ellipsis;
}

/** Pads `text` with spaces to exactly `columnCount` columns (after truncating it to fit, with `ellipsis`). */
export function padToWidth(text: string, columnCount: number, ellipsis = '…'): string {
	const fitted = truncateToWidth(text, columnCount, ellipsis);
	return fitted + ' '.repeat(Math.max(0, columnCount - displayWidth(fitted)));
}

/** `line` with each tab replaced by the spaces that reach the next tab stop (every `tabSize` columns), as a terminal would. */
export function expandTabs(line: string, tabSize = 8): string {
	if (!line.includes('\t')) {
		return line;
	}

	let expanded = '';
	let column = 0;
	for (const [index, part] of line.split('\t').entries()) {
		if (index > 0) {
			const spaceCount = tabSize - (column % tabSize);
			expanded += ' '.repeat(spaceCount);
			column += spaceCount;
		}

		expanded += part;
		column += displayWidth(part);
	}

	return expanded;
}

/**
 * Word-wraps one paragraph to lines of at most `columnCount` columns. Words longer than a line are broken
 * (by grapheme, so a wide character is never split).
 */
export function wrapParagraph(paragraph: string, columnCount: number): string[] {
	return wrapWords(paragraph, columnCount).map(line => line.replaceAll(citationGlue, ' '));
}

// Joins a citation to its word while wrapping; it prints as a plain space.
const citationGlue = '\u00A0';

function wrapWords(paragraph: string, columnCount: number): string[] {
	const width = Math.max(1, columnCount);
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	// A link's number stays with the word it cites: `text [1]` never leaves `[1]` alone at the start of a line.
	const glued = paragraph.replace(/ (\[\d+\])/gu, `${citationGlue}$1`);
	for (const word of glued.split(/[ \t\n\r\f\v]+/u).filter(Boolean)) {
		const wordWidth = displayWidth(word);
		if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
			line += ' ' + word;
			lineWidth += 1 + wordWidth;
			continue;
		}

		if (lineWidth > 0) {
			lines.push(line);
		}

		if (wordWidth <= width) {
			line = word;
			lineWidth = wordWidth;
			continue;
		}

		// A word wider than the line: CJK text without spaces, or a long URL.
		line = '';
		lineWidth = 0;
		for (const {segment} of graphemesOf(word)) {
			const segmentWidth = displayWidth(segment);
			if (lineWidth + segmentWidth > width) {
				lines.push(line);
				line = '';
				lineWidth = 0;
			}

			line += segment;
			lineWidth += segmentWidth;
		}
	}

	if (lineWidth > 0 || lines.length === 0) {
		lines.push(line);
	}

	return lines;
}
