import {looksLikeCsv} from './csv.js';
import type {FormatName} from './format.js';
import {looksLikeNdjson} from './json.js';
import {looksLikeMarkdown} from './markdown.js';
import {looksLikeSfeed} from './sfeed.js';
import {subscriptionListKind} from './subscriptions.js';

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
	html: 'html',
	htm: 'html',
};

/** The format a file name suggests (`news.jsonl.gz` → ndjson), if any. The content decides; this only breaks ties. */
export function formatFromFileName(fileName: string): FormatName | undefined {
	const parts = fileName.toLowerCase().split('.').slice(1).filter(part => part !== 'gz' && part !== 'gzip');
	const extension = parts.at(-1);
	return extension === undefined ? undefined : formatByExtension[extension];
}

/** The names `--format` accepts. */
export const formatNames: readonly FormatName[] = ['rss', 'atom', 'json-feed', 'json', 'ndjson', 'csv', 'tsv', 'sfeed', 'markdown', 'text', 'html'];

function xmlFormat(head: string): FormatName | undefined {
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

	return undefined;
}

function jsonFormat(head: string): FormatName {
	// Slashes may be escaped (`https:\/\/jsonfeed.org\/version\/1.1`); a version further in is found by parseJson.
	if (/"version"\s*:\s*"https?:(?:\\?\/){2}jsonfeed\.org\\?\/version\\?\//u.test(head)) {
		return 'json-feed';
	}

	return looksLikeNdjson(head) ? 'ndjson' : 'json';
}

/**
 * The format of decoded `text`, from its content: markup by its root element (any markup goes to the feed parser),
 * JSON by its first character, then Markdown, CSV or TSV, and plain text. `fileName`'s extension breaks ties
 * (a `.md` file without headings, a `.txt` file that starts with `<`).
 */
export function detectFormat(text: string, fileName?: string): FormatName {
	const head = text.slice(0, 16 * 1024).replace(/^\uFEFF/u, '');
	const start = head.trimStart();
	const hinted = fileName ? formatFromFileName(fileName) : undefined;
	if (subscriptionListKind(head) !== undefined) {
		// An OPML file or a newsboat `urls` file: feeds to fetch, not articles.
		return 'subscriptions';
	}

	if (start.startsWith('<')) {
		// A feed's root element decides whatever the file is called (`feed.txt` holding RSS is still RSS), and so does an
		// XML declaration. Other markup goes to the feed parser too unless the name says text or Markdown: the parser
		// finds a feed wrapped in an XHTML page, and otherwise says what the document is (an HTML page, or no feed at all).
		const feedFormat = xmlFormat(start);
		if (feedFormat !== undefined) {
			return feedFormat;
		}

		if (/^<\?xml\s/iu.test(start) || (hinted !== 'text' && hinted !== 'markdown')) {
			return 'rss';
		}
	}

	if (start.startsWith('{') || start.startsWith('[')) {
		return jsonFormat(start);
	}

	if (hinted === 'markdown' || looksLikeMarkdown(head)) {
		return 'markdown';
	}

	if (head.includes('\t') && looksLikeSfeed(head)) {
		return 'sfeed';
	}

	if (hinted === 'csv' || hinted === 'tsv') {
		return hinted;
	}

	return looksLikeCsv(head) ?? 'text';
}
