import type {ParseResult} from '../article.js';
import {parseArticlePage} from './article-page.js';
import {detectFormat} from './detect.js';
import type {FormatName, ParseOptions, Parser} from './format.js';
import {parseCsv, parseTsv} from './csv.js';
import {htmlPageProblem, parseFeed} from './feed.js';
import {parseJson, parseNdjson} from './json.js';
import {parseJsonFeed} from './json-feed.js';
import {articleWithinLimits} from './limits.js';
import {parseMarkdown} from './markdown.js';
import {parsePlainText} from './plain-text.js';
import {parseSfeed} from './sfeed.js';
import {parseSubscriptionList} from './subscriptions.js';

/** The parser for each format. RSS and Atom share one: the document's root element tells them apart. */
const parsers: Readonly<Record<FormatName, Parser>> = {
	rss: parseFeed,
	atom: parseFeed,
	'json-feed': parseJsonFeed,
	json: parseJson,
	ndjson: parseNdjson,
	csv: parseCsv,
	tsv: parseTsv,
	sfeed: parseSfeed,
	markdown: parseMarkdown,
	text: parsePlainText,
	html: parseArticlePage,
	subscriptions: parseSubscriptionList,
};

/** A parse result, with the format that read it. */
export type ParsedInput = ParseResult & {readonly format: FormatName};

/** Parses decoded `text` in `format`, or in the format its content shows (`fileName` only breaks ties). */
export function parseText(text: string, source: string, options: ParseOptions & {format?: FormatName; fileName?: string} = {}): ParsedInput {
	const detected = options.format ?? detectFormat(text, options.fileName);
	let format = detected;
	let parsed = parsers[detected](text, source, options);
	if (detected === 'rss' && parsed.articles.length === 0 && parsed.problems[0] === htmlPageProblem) {
		// Markup that holds no feed (not even one wrapped in XHTML) and is a web page: read it as one article.
		format = 'html';
		parsed = parseArticlePage(text, source, options);
	}

	const result = {...parsed, articles: parsed.articles.map(article => articleWithinLimits(article))};
	if (options.format === undefined && (format === 'csv' || format === 'tsv') && result.articles.length === 0) {
		// Detection guessed a table and the table gave nothing: text that is not clearly a table is read as text.
		const asText = parsePlainText(text, source, options);
		if (asText.articles.length > 0) {
			return {format: 'text', articles: asText.articles, problems: [`read as plain text: it did not read as ${format === 'csv' ? 'CSV' : 'TSV'}`]};
		}
	}

	return {format, ...result};
}
