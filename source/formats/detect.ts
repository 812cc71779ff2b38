import type {FormatName} from './format.js';

const formatByExtension: Readonly<Record<string, FormatName>> = {
	rss: 'rss',
	rdf: 'rss',
	atom: 'atom',
	json: 'json',
	ndjson: 'ndjson',
	jsonl: 'ndjson',
	csv: 'csv',
	tsv: 'tsv',
	tab: 'tsv',
	md: 'markdown',
	markdown: 'markdown',
	txt: 'text',
	text: 'text',
};

/** The format a file name suggests (`news.jsonl.gz` → ndjson), if any. The content decides; this only breaks ties. */
export function formatFromFileName(fileName: string): FormatName | undefined {
	const parts = fileName.toLowerCase().split('.').slice(1).filter(part => part !== 'gz' && part !== 'gzip');
	const extension = parts.at(-1);
	return extension === undefined ? undefined : formatByExtension[extension];
}

/** The names `--format` accepts. */
export const formatNames: readonly FormatName[] = ['rss', 'atom', 'json-feed', 'json', 'ndjson', 'csv', 'tsv', 'markdown', 'text'];

function xmlFormat(head: string): FormatName | 'html' | undefined {
	const withoutPrologue = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gu, '').trimStart();
	const rootName = /^<([\w:.-]+)/u.exec(withoutPrologue)?.[1]?.toLowerCase();
	if (rootName === undefined) {
		return undefined;
	}

	if (rootName === 'feed' || rootName.endsWith(':feed') || rootName === 'entry') {
		return 'atom';
	}

	if (rootName === 'rss' || rootName === 'rdf:rdf' || rootName.endsWith(':rdf') || rootName === 'channel' || rootName === 'item') {
		return 'rss';
	}

	return rootName === 'html' || rootName === 'head' || rootName === 'body' ? 'html' : undefined;
}

function jsonFormat(head: string, text: string): FormatName {
	if (/^\{\s*"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//u.test(head) || /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//u.test(head)) {
		return 'json-feed';
	}

	// Two or more lines that each start an object, with the first closing on its own line: NDJSON.
	const lines = text.slice(0, 64 * 1024).split('\n', 3).map(line => line.trim());
	const [first, second] = lines;
	if (first?.startsWith('{') && first.endsWith('}') && second?.startsWith('{')) {
		return 'ndjson';
	}

	return 'json';
}

/** Counts `separator` outside double quotes in one line. */
function fieldCount(line: string, separator: string): number {
	let count = 1;
	let isQuoted = false;
	for (const character of line) {
		if (character === '"') {
			isQuoted = !isQuoted;
		} else if (character === separator && !isQuoted) {
			count++;
		}
	}

	return count;
}

/** CSV or TSV: a header row of two or more short names, and the next rows with as many fields. */
function delimitedFormat(head: string): 'csv' | 'tsv' | undefined {
	const lines = head.split(/\r?\n/u).filter(line => line.trim() !== '').slice(0, 6);
	const [header] = lines;
	if (header === undefined || lines.length < 2) {
		return undefined;
	}

	for (const [separator, format] of [['\t', 'tsv'], [',', 'csv']] as const) {
		const columnCount = fieldCount(header, separator);
		const names = header.split(separator);
		const isHeader = columnCount >= 2 && names.every(name => name.trim().replace(/^"|"$/gu, '').length <= 40);
		// Rows may hold quoted line breaks, so later rows need only as many fields or more.
		if (isHeader && lines.slice(1, 3).every(line => fieldCount(line, separator) >= columnCount)) {
			return format;
		}
	}

	return undefined;
}

/** Markdown: front matter, or a `#` heading line near the top. */
function isMarkdown(head: string): boolean {
	return /^---\r?\n[\s\S]*?\r?\n---\r?\n/u.test(head) || /^#{1,6} \S/mu.test(head.slice(0, 4096));
}

/**
 * The format of decoded `text`, from its content: XML by its root element, JSON by its first character,
 * then CSV or TSV, Markdown, and plain text. `fileName`'s extension breaks ties (a `.md` file without headings).
 * An HTML page answers `html`, which no parser reads.
 */
export function detectFormat(text: string, fileName?: string): FormatName | 'html' {
	const head = text.slice(0, 16 * 1024).replace(/^\uFEFF/u, '');
	const start = head.trimStart();
	const hinted = fileName ? formatFromFileName(fileName) : undefined;
	if (start.startsWith('<')) {
		return xmlFormat(start) ?? (hinted === 'markdown' ? 'markdown' : 'text');
	}

	if (start.startsWith('{') || start.startsWith('[')) {
		return jsonFormat(start, start);
	}

	if (hinted === 'markdown' || isMarkdown(head)) {
		return 'markdown';
	}

	if (hinted === 'csv' || hinted === 'tsv') {
		return hinted;
	}

	return delimitedFormat(head) ?? 'text';
}
