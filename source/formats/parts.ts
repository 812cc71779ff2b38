import type {FormatName, PlainTextLayout} from './format.js';
import {headerLine} from './csv.js';
import {plainTextLayoutFromHead} from './plain-text.js';

/*
A big input is parsed a part at a time, so that its first articles show while the rest is parsed. Each part ends
where a record ends (a line of JSON Lines, a separator line or a blank line of plain text, a line feed outside quotes
in CSV and TSV, whose parts after the first get the header row), so that it parses as it would within the whole: the
parser is told what one part cannot know (the layout, the line number, the identities seen so far: see PartOptions in
format.ts). Other formats (feeds, JSON, Markdown), and plain text whose layout only the whole can tell, are parsed
whole.
*/

/** How an input is cut into parts: where its records end. */
export type PartPlan = {
	readonly format: FormatName;
	readonly plainTextLayout?: PlainTextLayout;
	/** What each part but the first starts with: the header row of CSV and TSV, which names the columns. */
	readonly partHeader?: string;
};

/** Where a part may end: after the line feed that ends one of these lines (a line of JSON Lines ends anywhere). */
const recordEndPatterns = {
	separators: /\n[ \t]*-{3,}[ \t]*\r?\n/gu,
	blankLines: /\n[ \t]*\r?\n/gu,
};

/**
 * How `text` in `format` can be parsed in parts, or undefined when it must be parsed whole. `headLength` is about
 * how much of plain text is looked at to tell its layout when it has no separator lines.
 */
export function partPlanFor(text: string, format: FormatName, headLength: number): PartPlan | undefined {
	if (format === 'ndjson') {
		return {format};
	}

	if (format === 'csv' || format === 'tsv') {
		return {format, partHeader: `${headerLine(text)}\n`};
	}

	if (format !== 'text') {
		return undefined;
	}

	const headEnd = endAfter(text, 0, headLength, recordEndPatterns.blankLines);
	const layout = plainTextLayoutFromHead(text, text.slice(0, headEnd));
	return layout === undefined || layout === 'lines' ? undefined : {format, plainTextLayout: layout};
}

/** Where the part of `text` that starts at `start` ends: at the first record end at least `length` further on, or at the end. */
export function partEndOf(text: string, start: number, length: number, plan: PartPlan): number {
	switch (plan.plainTextLayout) {
		case 'separators': {
			return endAfter(text, start, length, recordEndPatterns.separators);
		}

		case 'blank-lines': {
			return endAfter(text, start, length, recordEndPatterns.blankLines);
		}

		default: {
			if (plan.partHeader !== undefined) {
				return endOutsideQuotes(text, start, length);
			}

			const from = start + Math.max(1, length);
			const lineEnd = from >= text.length ? -1 : text.indexOf('\n', from - 1);
			return lineEnd === -1 ? text.length : lineEnd + 1;
		}
	}
}

/** Where a CSV record ends at least `length` after `start`: at a line feed outside double quotes. */
function endOutsideQuotes(text: string, start: number, length: number): number {
	let from = start + Math.max(1, length);
	if (from >= text.length) {
		return text.length;
	}

	let quoteCount = quotesBetween(text, start, from);
	for (;;) {
		const lineEnd = text.indexOf('\n', from);
		if (lineEnd === -1) {
			return text.length;
		}

		quoteCount += quotesBetween(text, from, lineEnd);
		if (quoteCount % 2 === 0) {
			return lineEnd + 1;
		}

		from = lineEnd + 1;
	}
}

function quotesBetween(text: string, start: number, end: number): number {
	let count = 0;
	for (let index = text.indexOf('"', start); index !== -1 && index < end; index = text.indexOf('"', index + 1)) {
		count++;
	}

	return count;
}

function endAfter(text: string, start: number, length: number, pattern: RegExp): number {
	const from = start + Math.max(1, length) - 1;
	if (from >= text.length) {
		return text.length;
	}

	pattern.lastIndex = from;
	const match = pattern.exec(text);
	return match ? match.index + match[0].length : text.length;
}
