import Papa from 'papaparse';
import type {ParseResult} from '../article.js';
import {type ArticleDraft, buildArticles} from './build-articles.js';
import {draftFromRecord, missingFieldProblems, planFields, planHasText} from './fields.js';
import {createProblemLog, withoutBom} from './format.js';
import type {ParseOptions} from './format.js';
import {lineBreakCount} from '../text/line-breaks.js';

/*
CSV and TSV with a header row (RFC 4180 quoting: fields in double quotes may hold delimiters, line breaks and doubled
quotes). The header names the columns, and field inference (fields.ts) maps them to article fields, so AG News's
`label,title,description` gives headline = title, body = description, categories = [label]. A row with more or fewer
fields than the header is reported and still read.
*/

type Delimiter = ',' | ';' | '\t';

/** How many times `character` occurs outside double quotes in `line`. */
function countOutsideQuotes(line: string, character: string): number {
	let count = 0;
	let isQuoted = false;
	for (const each of line) {
		if (each === '"') {
			isQuoted = !isQuoted;
		} else if (each === character && !isQuoted) {
			count++;
		}
	}

	return count;
}

/** The header line: the first line, or more when a quoted name holds a line break. */
export function headerLine(text: string): string {
	const head = text.slice(0, 64 * 1024);
	let end = head.indexOf('\n');
	while (end !== -1 && (head.slice(0, end).split('"').length - 1) % 2 === 1) {
		end = head.indexOf('\n', end + 1);
	}

	return end === -1 ? head : head.slice(0, end);
}

/** The delimiter of a file read as CSV: a comma, unless the header holds more semicolons (as European CSV does) or tabs. */
export function csvDelimiter(text: string): Delimiter {
	const header = headerLine(text);
	const counts = ([',', ';', '\t'] as const).map(delimiter => [delimiter, countOutsideQuotes(header, delimiter)] as const);
	const [best] = [...counts].sort((first, second) => second[1] - first[1]);
	return best && best[1] > 0 ? best[0] : ',';
}

/** Column names from the header row: trimmed, with a name made up for an empty one. */
function columnNames(header: readonly string[]): string[] {
	return header.map((name, index) => {
		const trimmed = name.trim();
		return trimmed === '' ? `column ${index + 1}` : trimmed;
	});
}

function parseDelimited(text: string, source: string, options: ParseOptions, delimiter: Delimiter): ParseResult {
	const clean = withoutBom(text);
	const parsed = Papa.parse<string[]>(clean, {delimiter, header: false, skipEmptyLines: false});
	const rows = parsed.data;
	const header = rows[0];
	if (header === undefined || (header.length === 1 && header[0]!.trim() === '')) {
		return {articles: [], problems: []};
	}

	const names = columnNames(header);
	const plan = planFields(names, options.fieldMap);
	const leadingProblems = missingFieldProblems(plan.missingMapped, options.fieldMap, names);
	if (!planHasText(plan)) {
		return {
			articles: [],
			problems: [
				...leadingProblems,
				`no column holds a headline or text (columns: ${names.join(', ')}); name them with --fields headline=COLUMN,body=COLUMN`,
			],
		};
	}

	// Papa Parse numbers rows; problems name lines, which differ where quoted fields hold line breaks.
	const lineBreak = parsed.meta.linebreak.endsWith('\r') ? '\r' : '\n';
	const lineBreaksIn = (row: readonly string[]): number => row.reduce((count, field) => count + lineBreakCount(field, lineBreak), 0);

	const problemsByRow = new Map<number, string[]>();
	for (const error of parsed.errors) {
		const row = error.row ?? 0;
		const messages = problemsByRow.get(row) ?? [];
		if (!messages.includes(error.message)) {
			messages.push(error.message);
		}

		problemsByRow.set(row, messages);
	}

	const problems = options.problemLog ?? createProblemLog();
	const drafts: ArticleDraft[] = [];
	const columnCount = names.length;
	// Each column's name, or nothing for a second column of one name: the first wins. A row is read for as many fields as
	// it has, not for every column: a header of thousands of columns over thousands of short rows took seconds.
	const namesSeen = new Set<string>();
	const columnNameAt = names.map(name => {
		if (namesSeen.has(name)) {
			return undefined;
		}

		namesSeen.add(name);
		return name;
	});
	// A part of a bigger input (see parts.ts) starts with the header, then rows from line `firstLineNumber` on.
	const firstLineNumber = options.firstLineNumber ?? 1;
	let line = firstLineNumber > 1 ? firstLineNumber : 1 + lineBreaksIn(header) + 1;
	for (let rowIndex = 1; rowIndex < rows.length; rowIndex++) {
		const row = rows[rowIndex]!;
		const rowLine = line;
		line += 1 + lineBreaksIn(row);
		for (const message of problemsByRow.get(rowIndex) ?? []) {
			problems.add(`line ${rowLine}: ${message}`);
		}

		if (row.every(field => field.trim() === '')) {
			continue;
		}

		if (row.length !== columnCount) {
			problems.add(`line ${rowLine}: ${row.length} ${row.length === 1 ? 'field' : 'fields'} where the header has ${columnCount}; read as far as they go`);
		}

		const record: Record<string, string> = {};
		const fieldCount = Math.min(row.length, columnCount);
		for (let index = 0; index < fieldCount; index++) {
			const name = columnNameAt[index];
			if (name !== undefined) {
				record[name] = row[index]!;
			}
		}

		const draft = draftFromRecord(record, plan);
		if (draft === undefined) {
			problems.add(`line ${rowLine}: no headline or text, skipped`);
		} else {
			drafts.push(draft);
		}
	}

	return {articles: buildArticles(drafts, source, options.identityCounts), problems: [...leadingProblems, ...problems.list()]};
}

/**
 * Parses CSV with a header row. The delimiter is a comma, or a semicolon or tab when the header holds more of them.
 * Never throws.
 */
export function parseCsv(text: string, source: string, options: ParseOptions = {}): ParseResult {
	return parseDelimited(text, source, options, csvDelimiter(withoutBom(text)));
}

/** Parses TSV (tab-separated values) with a header row. Never throws. */
export function parseTsv(text: string, source: string, options: ParseOptions = {}): ParseResult {
	return parseDelimited(text, source, options, '\t');
}

/**
 * Whether `text` looks like CSV or TSV, from its first 8 KB: a header of two or more short names, and the next rows
 * (up to eight), at least half of them with as many fields. Text that starts like JSON, XML, Markdown front matter or
 * a heading is none of these.
 */
export function looksLikeCsv(text: string): 'csv' | 'tsv' | undefined {
	const head = withoutBom(text.slice(0, 8 * 1024)).trimStart();
	if (/^(?:[{[<#]|---)/u.test(head)) {
		return undefined;
	}

	// Cut at the last line break, so that a row cut short does not count as ragged.
	const lastBreak = head.lastIndexOf('\n');
	const sample = lastBreak === -1 || head.length < 8 * 1024 - 1 ? head : head.slice(0, lastBreak);
	// A table's rows follow each other; prose puts blank lines between its paragraphs. A headline with a comma over a
	// sentence with one is a story, not a table of two columns.
	if (/^[^\n]*\S[^\n]*\r?\n[ \t]*\r?\n/u.test(sample)) {
		return undefined;
	}

	// A header without the delimiter has one field: no need to parse for it (unless a quoted name may hold a line break).
	const lineEnd = sample.indexOf('\n');
	const firstLine = lineEnd === -1 ? sample : sample.slice(0, lineEnd);
	for (const delimiter of ['\t', ',', ';'] as const) {
		if (!firstLine.includes(delimiter) && !firstLine.includes('"')) {
			continue;
		}

		const {data} = Papa.parse<string[]>(sample, {delimiter, preview: 9, skipEmptyLines: 'greedy'});
		const [header, ...rows] = data;
		if (header === undefined || header.length < 2 || rows.length === 0) {
			continue;
		}

		const isHeader = header.every(name => name.trim().length <= 64 && !/[.!?]$/u.test(name.trim()))
			&& header.filter(name => name.trim() !== '').length >= header.length - 1;
		const matchingCount = rows.filter(row => row.length === header.length).length;
		// Few rows are little evidence: then all of them must have the header's columns.
		const isEnough = rows.length < 3 ? matchingCount === rows.length : matchingCount * 2 >= rows.length;
		if (isHeader && isEnough) {
			return delimiter === '\t' ? 'tsv' : 'csv';
		}
	}

	return undefined;
}
