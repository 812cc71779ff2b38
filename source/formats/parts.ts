import type {FormatName, PlainTextLayout} from './format.js';
import {csvDelimiter, headerLine} from './csv.js';
import {hasSeparators, plainTextLayoutFromHead, storyBoundaryAfter} from './plain-text.js';

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
	/** What separates the fields of CSV and TSV: a quote opens a quoted field only after it (or at a line's start). */
	readonly delimiter?: string;
};

/**
 * Where a part may end: after the line feed that ends one of these lines (a line of JSON Lines ends anywhere), or
 * after a form feed, which plain text reads as a separator line wherever it is.
 */
const recordEndPatterns = {
	separators: /\n[ \t]*-{3,}[ \t]*\r?\n|\f/gu,
	blankLines: /\n[ \t]*\r?\n/gu,
};

/**
 * How `text` in `format` can be parsed in parts, or undefined when it must be parsed whole. `headLength` is about
 * how much of plain text is looked at to tell its layout when it has no separator lines. `text` may be the head of
 * a bigger input, when `textHasSeparators` tells whether the whole has separator lines.
 */
export function partPlanFor(text: string, format: FormatName, headLength: number, textHasSeparators?: boolean): PartPlan | undefined {
	if (format === 'ndjson') {
		// A pretty-printed JSON document read as JSON Lines (`--format ndjson`) is read as JSON (see parseNdjson), whole:
		// only text whose first line is JSON by itself can be cut.
		return isFirstLineJson(text) ? {format} : undefined;
	}

	if (format === 'csv' || format === 'tsv') {
		return {format, partHeader: `${headerLine(text)}\n`, delimiter: format === 'tsv' ? '\t' : csvDelimiter(text)};
	}

	if (format !== 'text') {
		return undefined;
	}

	const headEnd = endAfter(text, 0, headLength, recordEndPatterns.blankLines);
	const layout = plainTextLayoutFromHead(text.slice(0, headEnd), textHasSeparators ?? hasSeparators(text));
	return layout === undefined || layout === 'lines' ? undefined : {format, plainTextLayout: layout};
}

/** Whether the first line of `text` that is not blank is a JSON value by itself. */
function isFirstLineJson(text: string): boolean {
	const start = text.search(/[^\s\uFEFF]/u);
	if (start === -1) {
		return false;
	}

	const lineEnd = text.indexOf('\n', start);
	try {
		JSON.parse(text.slice(start, lineEnd === -1 ? text.length : lineEnd));
		return true;
	} catch {
		return false;
	}
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

		case 'stories': {
			// Only before a headline block that leads paragraphs: a part must hold whole stories.
			return storyBoundaryAfter(text, start + Math.max(1, length) - 1);
		}

		default: {
			if (plan.delimiter !== undefined) {
				return endOutsideQuotes(text, start, length, plan.delimiter);
			}

			const from = start + Math.max(1, length);
			const lineEnd = from >= text.length ? -1 : text.indexOf('\n', from - 1);
			return lineEnd === -1 ? text.length : lineEnd + 1;
		}
	}
}

/**
 * Where a CSV record ends at least `length` after `start`: at a line feed outside quoted fields. The quotes are read
 * as Papa Parse reads them (see csv.ts), so that a stray one (`a 12" record` in an unquoted field) does not make a
 * part end inside a quoted field that holds a line break: a quote opens a field only at its start, and closes it only
 * before a delimiter, a line break or the end (spaces between allowed); `""` inside is a quote.
 */
function endOutsideQuotes(text: string, start: number, length: number, delimiter: string): number {
	const from = start + Math.max(1, length);
	if (from >= text.length) {
		return text.length;
	}

	let lineEnd = text.indexOf('\n', from);
	let isQuoted = false;
	for (let quote = text.indexOf('"', start); ; quote = text.indexOf('"', quote + 1)) {
		if (lineEnd === -1) {
			return text.length;
		}

		if (!isQuoted && (quote === -1 || lineEnd < quote)) {
			return lineEnd + 1;
		}

		if (quote === -1) {
			// A quoted field that never closes runs to the end, as Papa Parse reads it.
			return text.length;
		}

		if (!isQuoted) {
			isQuoted = isFieldStart(text, start, quote, delimiter);
		} else if (text[quote + 1] === '"') {
			quote++;
		} else if (isFieldEnd(text, quote + 1, delimiter)) {
			isQuoted = false;
			if (lineEnd < quote) {
				lineEnd = text.indexOf('\n', quote);
			}
		}
	}
}

function isFieldStart(text: string, partStart: number, index: number, delimiter: string): boolean {
	const before = text[index - 1];
	return index === partStart || before === '\n' || before === delimiter || (index === 1 && before === '\uFEFF');
}

/** Whether a quote before `index` closes a quoted field: spaces, then a delimiter, a line break or the end. */
function isFieldEnd(text: string, index: number, delimiter: string): boolean {
	let after = index;
	while (text[after] === ' ' || (text[after] === '\t' && delimiter !== '\t')) {
		after++;
	}

	return after === text.length || text[after] === delimiter || text[after] === '\n' || text[after] === '\r';
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
