import type {ParseResult} from '../article.js';
import {type ArticleDraft, buildArticles} from './build-articles.js';
import {enclosureOf, withEnclosures} from './enclosures.js';
import type {ParseOptions} from './format.js';
import {htmlToLine, htmlToText, textToParagraphs} from './html-text.js';

/*
sfeed's files (https://codemadness.org/sfeed.html): one feed a file, named for the feed, no header, one item a line,
its fields separated by tabs: UNIX time, title, link, content, content type (`html` or `plain`), id, author,
enclosure, categories (separated by `|`). In content, a line feed is written `\n`, a tab `\t` and a backslash `\\`.
*/

const field = {time: 0, title: 1, link: 2, content: 3, contentType: 4, id: 5, author: 6, enclosure: 7, categories: 8} as const;

/** Whether one line has sfeed's shape: a UNIX time (or none), then at least up to the content type, which is known. */
function isSfeedLine(line: string): boolean {
	const fields = line.split('\t');
	return fields.length >= 5 && fields.length <= 9 && /^\d{0,12}$/u.test(fields[field.time]!) && /^(?:html|plain|)$/u.test(fields[field.contentType]!) && (fields[field.title] !== '' || fields[field.link] !== '');
}

/**
 * Whether `head` (the start of a file) is sfeed's: at least nine in ten of its first 20 lines (the last, perhaps cut
 * short, aside) have sfeed's shape. An ordinary TSV file has a header row of names, which never does.
 */
export function looksLikeSfeed(head: string): boolean {
	const lines = head.split('\n');
	if (lines.length > 1 && !head.endsWith('\n')) {
		lines.pop();
	}

	const sample = lines.filter(line => line.trim() !== '').slice(0, 20);
	return sample.length > 0 && sample.filter(line => isSfeedLine(line)).length * 10 >= sample.length * 9;
}

/** Content as sfeed escapes it, unescaped: `\n`, `\t` and `\\`. */
function unescaped(text: string): string {
	return text.includes('\\') ? text.replaceAll(/\\([nt\\])/gu, (_, letter: string) => (letter === 'n' ? '\n' : letter === 't' ? '\t' : '\\')) : text;
}

/** Parses sfeed's lines; a line of another shape is reported by number and skipped. */
export function parseSfeed(text: string, source: string, _options: ParseOptions = {}): ParseResult {
	const drafts: ArticleDraft[] = [];
	const problems: string[] = [];
	for (const [index, rawLine] of text.split('\n').entries()) {
		const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
		if (line.trim() === '') {
			continue;
		}

		if (!isSfeedLine(line)) {
			if (problems.length < 20) {
				problems.push(`line ${index + 1}: not an sfeed item (time, title, link, content, content type, …, separated by tabs); skipped`);
			}

			continue;
		}

		const fields = line.split('\t');
		const value = (name: keyof typeof field) => fields[field[name]]?.trim() || undefined;
		const link = value('link');
		const content = unescaped(fields[field.content] ?? '');
		const body = withEnclosures(
			value('contentType') === 'html' ? htmlToText(content, link) : {paragraphs: textToParagraphs(content), links: [] as string[]},
			[enclosureOf(value('enclosure'), undefined, undefined, link)],
		);
		const time = value('time');
		const title = value('title');
		drafts.push({
			...(title === undefined ? {} : {headline: htmlToLine(title)}),
			paragraphs: body.paragraphs,
			links: body.links,
			url: link,
			guid: value('id'),
			author: value('author'),
			...(time === undefined ? {} : {publishedAt: Number(time) * 1000}),
			categories: (value('categories') ?? '').split('|').map(category => category.trim()).filter(category => category !== ''),
		});
	}

	return {articles: buildArticles(drafts, source), problems};
}
