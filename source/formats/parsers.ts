import type {ParseResult} from '../article.js';
import {detectFormat} from './detect.js';
import type {FormatName, ParseOptions, Parser} from './format.js';
import {parsePlainText} from './plain-text.js';

/** The parser for each format. */
const parsers: Readonly<Record<FormatName, Parser>> = {
	rss: parsePlainText,
	atom: parsePlainText,
	'json-feed': parsePlainText,
	json: parsePlainText,
	ndjson: parsePlainText,
	csv: parsePlainText,
	tsv: parsePlainText,
	markdown: parsePlainText,
	text: parsePlainText,
};

/** A parse result, with the format that read it. */
export type ParsedInput = ParseResult & {readonly format: FormatName | 'html'};

/**
 * Parses decoded `text` in `format`, or in the format its content shows (`fileName` only breaks ties).
 * An HTML page gives no articles and a problem saying so.
 */
export function parseText(text: string, source: string, options: ParseOptions & {format?: FormatName; fileName?: string} = {}): ParsedInput {
	const format = options.format ?? detectFormat(text, options.fileName);
	if (format === 'html') {
		return {format, articles: [], problems: ['this is an HTML page, not a feed']};
	}

	return {format, ...parsers[format](text, source, options)};
}
