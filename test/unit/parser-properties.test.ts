/**
 * Property-based tests of every parser: for arbitrary input, and for near-valid documents of each format with hostile
 * strings in their fields, a parser never throws, finishes in bounded time, and lets no control character into an
 * article. The plain-text parser's "no character lost" property is in plain-text-properties.test.ts.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Article, ParseResult} from '../../source/article.js';
import {parseDate} from '../../source/formats/dates.js';
import {decodeBytes} from '../../source/formats/decode.js';
import {detectFormat, formatNames} from '../../source/formats/detect.js';
import type {FormatName} from '../../source/formats/format.js';
import {htmlToLine, htmlToText} from '../../source/formats/html-text.js';
import {parseText} from '../../source/formats/parsers.js';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {sanitizeText} from '../../source/text/sanitize-text.js';
import {stringsOf} from '../helpers/articles.js';
import {linearParseBudgetMs, processorMs} from '../helpers/processor-time.js';

/** How long one input of these sizes may take to parse, even on a loaded machine. */
const inputBudgetMs = 1000;

/** Property runs per arbitrary; the totals are what the report counts. */
const runCount = {arbitrary: 300, structured: 300, small: 1000} as const;

// What must never reach an article: C0 controls but tab and line feed, DEL, C1, bidi overrides and isolates,
// zero-width characters that hide text, the soft hyphen (no column to string-width, one to a terminal), the
// byte-order mark and interlinear annotations.
 // eslint-disable-next-line no-misleading-character-class -- the sanitiser's own list, lone joiners included
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;

/** Pieces of text that try to take over a terminal or break a parser. */
const hostilePiece = fc.constantFrom(
	'\u001B]0;pwned\u0007',
	'\u001B]52;c;ZXZpbA==\u001B\\',
	'\u001B[31m',
	'\u001B[2J',
	'\u001B[6n',
	'\u001BPq#0;2\u001B\\',
	'\u009B2J',
	'\u009D0;title\u009C',
	'\u0000',
	'\u0007',
	'\u0008',
	'\u007F',
	'\u0085',
	'\u202E',
	'\u2066',
	'\u200B',
	'\u00AD',
	'\u061C',
	'\u2028',
	'\u{E0041}',
	'\u3164',
	'\u206B',
	'&shy;',
	'\uFEFF',
	'\uD800',
	'\r',
	'\r\n',
	'\t',
	'\f',
	'\v',
	'&',
	'&amp;',
	'&#27;',
	'&#x1b;',
	'&#x9b;',
	'&#0;',
	'&#xD800;',
	'&nbsp;',
	'<',
	'>',
	']]>',
	'<![CDATA[',
	'<p>',
	'</p>',
	'<b>',
	'<script>alert(1)</script>',
	'<a href="javascript:alert(1)">x</a>',
	'<a href="https://example.com/\u001B[31m">x</a>',
	'"',
	"'",
	',',
	'\\',
	'{',
	'}',
	'[',
	']',
	'---',
	'# ',
	'CANCER:',
	'Tue, 10 Jun 2003 04:00:00 GMT',
	'2003-06-10T04:00:00Z',
	'習近平',
	'👩‍👩‍👧',
);

/** A string mixing hostile pieces with arbitrary characters (including lone surrogates and every control). */
const hostileString = fc
	.array(fc.oneof(hostilePiece, fc.string({maxLength: 8}), fc.string({unit: 'binary', maxLength: 8})), {maxLength: 10})
	.map(parts => parts.join(''));

/** Arbitrary text of any shape: ASCII, full Unicode, or hostile pieces. */
const anyText = fc.oneof(fc.string({maxLength: 400}), fc.string({unit: 'binary', maxLength: 300}), hostileString);

const xmlEscaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const inCdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** Text put into XML: escaped, in CDATA, or raw (which may well break the document: the parser must cope). */
const xmlField = fc.tuple(hostileString, fc.constantFrom('escaped', 'cdata', 'raw')).map(([text, encoding]) =>
	encoding === 'escaped' ? xmlEscaped(text) : encoding === 'cdata' ? inCdata(text) : text,
);

const rssItem = fc
	.record({title: xmlField, link: xmlField, description: xmlField, content: xmlField, author: xmlField, category: xmlField, date: xmlField, guid: xmlField})
	.map(item =>
		`<item><title>${item.title}</title><link>${item.link}</link><description>${item.description}</description>`
		+ `<content:encoded>${item.content}</content:encoded><dc:creator>${item.author}</dc:creator>`
		+ `<category>${item.category}</category><pubDate>${item.date}</pubDate><guid>${item.guid}</guid></item>`,
	);

const rssFeed = fc
	.tuple(xmlField, fc.array(rssItem, {maxLength: 5}), fc.boolean())
	.map(([title, items, isTruncated]) => {
		const feed = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title>${items.join('\n')}</channel></rss>`;
		return isTruncated ? feed.slice(0, Math.floor(feed.length / 2)) : feed;
	});

const atomEntry = fc
	.record({title: xmlField, id: xmlField, summary: xmlField, content: xmlField, author: xmlField, updated: xmlField, href: hostileString, type: fc.constantFrom('text', 'html', 'xhtml')})
	.map(entry =>
		`<entry><title type="html">${entry.title}</title><id>${entry.id}</id><updated>${entry.updated}</updated>`
		+ `<link rel="alternate" href="${xmlEscaped(entry.href).replaceAll('"', '&quot;')}"/><summary>${entry.summary}</summary>`
		+ `<content type="${entry.type}">${entry.type === 'xhtml' ? `<div xmlns="http://www.w3.org/1999/xhtml">${entry.content}</div>` : entry.content}</content>`
		+ `<author><name>${entry.author}</name></author></entry>`,
	);

const atomFeed = fc
	.tuple(xmlField, fc.array(atomEntry, {maxLength: 5}))
	.map(([title, entries]) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${entries.join('')}</feed>`);

/** A value a JSON field may hold: mostly hostile strings, sometimes numbers, lists, objects or null. */
const jsonValue = fc.oneof(
	{weight: 6, arbitrary: hostileString},
	{weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null))},
	{weight: 1, arbitrary: fc.array(hostileString, {maxLength: 3})},
	{weight: 1, arbitrary: fc.record({name: hostileString, rendered: hostileString}, {requiredKeys: []})},
);

const jsonFeed = fc
	.record({
		title: jsonValue,
		items: fc.array(
			fc.record(
				{id: jsonValue, url: jsonValue, title: jsonValue, content_html: jsonValue, content_text: jsonValue, summary: jsonValue, date_published: jsonValue, authors: fc.array(fc.record({name: jsonValue}), {maxLength: 2}), tags: jsonValue},
				{requiredKeys: []},
			),
			{maxLength: 5},
		),
	})
	.map(feed => JSON.stringify({version: 'https://jsonfeed.org/version/1.1', ...feed}));

/** A news record with the keys field inference looks for, and some it does not know. */
const jsonRecord = fc.record(
	{
		title: jsonValue,
		headline: jsonValue,
		body: jsonValue,
		content: jsonValue,
		description: jsonValue,
		summary: jsonValue,
		url: jsonValue,
		author: jsonValue,
		published_at: jsonValue,
		section: jsonValue,
		tags: jsonValue,
		id: jsonValue,
		source: jsonValue,
		other: jsonValue,
	},
	{requiredKeys: []},
);

const jsonDocument = fc.oneof(
	fc.array(jsonRecord, {maxLength: 6}).map(records => JSON.stringify(records)),
	fc.tuple(fc.constantFrom('articles', 'items', 'data', 'results', 'posts'), fc.array(jsonRecord, {maxLength: 6})).map(([key, records]) => JSON.stringify({[key]: records})),
	jsonRecord.map(record => JSON.stringify(record)),
	fc.array(jsonRecord, {maxLength: 6}).map(records => JSON.stringify(records).slice(0, -3)),
);

const ndjsonDocument = fc
	.array(fc.oneof({weight: 4, arbitrary: jsonRecord.map(record => JSON.stringify(record))}, {weight: 1, arbitrary: hostileString}), {maxLength: 8})
	.map(lines => lines.join('\n'));

const csvQuoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

const csvDocument = fc
	.tuple(
		fc.subarray(['title', 'body', 'author', 'url', 'date', 'label', 'description'], {minLength: 1}),
		fc.array(fc.array(fc.tuple(hostileString, fc.boolean()), {minLength: 1, maxLength: 8}), {maxLength: 8}),
	)
	.map(([header, rows]) => [header.join(','), ...rows.map(row => row.map(([text, isQuoted]) => (isQuoted ? csvQuoted(text) : text)).join(','))].join('\r\n'));

const tsvDocument = fc
	.tuple(fc.subarray(['title', 'body', 'author', 'url', 'date'], {minLength: 1}), fc.array(fc.array(hostileString, {minLength: 1, maxLength: 6}), {maxLength: 8}))
	.map(([header, rows]) => [header.join('\t'), ...rows.map(row => row.join('\t'))].join('\n'));

const markdownDocument = fc
	.tuple(
		fc.option(fc.record({title: hostileString, author: hostileString, date: hostileString, tags: hostileString, url: hostileString})),
		fc.array(fc.tuple(fc.constantFrom('# ', '## ', '### '), hostileString, fc.array(hostileString, {maxLength: 4})), {maxLength: 6}),
	)
	.map(([frontMatter, sections]) => {
		const head = frontMatter
			? `---\n${Object.entries(frontMatter).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n')}\n---\n\n`
			: '';
		return head + sections.map(([marker, heading, paragraphs]) => `${marker}${heading}\n\n${paragraphs.join('\n\n')}`).join('\n\n');
	});

/** Runs `parse` on `input`, checking that it returns within the budget and that its articles are clean. */
function expectCleanParse<Result extends ParseResult>(input: string, parse: () => Result): Result {
	const started = performance.now();
	const result = parse();
	const elapsedMs = performance.now() - started;
	expect(elapsedMs, `took ${Math.round(elapsedMs)} ms on ${JSON.stringify(input.slice(0, 200))}`).toBeLessThan(inputBudgetMs);
	for (const article of result.articles) {
		expect(article.headline.trim(), 'every article has a headline').not.toBe('');
		for (const field of stringsOf(article)) {
			expect(unsafe.test(field), `unsafe character in ${JSON.stringify(field)} from ${JSON.stringify(input.slice(0, 200))}`).toBe(false);
		}

		if (article.publishedAt !== undefined) {
			expect(Number.isFinite(article.publishedAt)).toBe(true);
		}
	}

	for (const problem of result.problems) {
		expect(typeof problem).toBe('string');
	}

	return result;
}

describe('every parser on arbitrary text', () => {
	it.each(formatNames)('%s: never throws, stays in budget, lets no control character through', format => {
		fc.assert(
			fc.property(anyText, input => {
				expectCleanParse(input, () => parseText(input, 'fuzz', {format}));
			}),
			{numRuns: runCount.arbitrary},
		);
	});

	it('detection and dispatch (parseText without a format): the same, with any file name', () => {
		fc.assert(
			fc.property(anyText, fc.option(fc.constantFrom('a.xml', 'a.json', 'a.jsonl', 'a.csv', 'a.tsv', 'a.md', 'a.txt', 'a.gz', 'noextension')), (input, fileName) => {
				const result = expectCleanParse(input, () => parseText(input, 'fuzz', fileName === null ? {} : {fileName}));
				expect(formatNames).toContain(result.format);
			}),
			{numRuns: runCount.small},
		);
	});
});

describe('every parser on near-valid documents with hostile fields', () => {
	const documents: Array<[FormatName, fc.Arbitrary<string>]> = [
		['rss', rssFeed],
		['atom', atomFeed],
		['json-feed', jsonFeed],
		['json', jsonDocument],
		['ndjson', ndjsonDocument],
		['csv', csvDocument],
		['tsv', tsvDocument],
		['markdown', markdownDocument],
	];

	it.each(documents)('%s: never throws, stays in budget, lets no control character through', (format, document) => {
		fc.assert(
			fc.property(document, input => {
				expectCleanParse(input, () => parseText(input, 'fuzz', {format}));
				// Detection must cope with the same document, whatever it decides.
				expectCleanParse(input, () => parseText(input, 'fuzz'));
			}),
			{numRuns: runCount.structured},
		);
	});

	it.each(documents)('%s: still parses with a hostile source name', (format, document) => {
		fc.assert(
			fc.property(document, hostileString, (input, source) => {
				expectCleanParse(input, () => parseText(input, source, {format}));
			}),
			{numRuns: runCount.structured / 3},
		);
	});
});

/**
 * What the plain-text parser may drop: separator lines, form feeds, and what sanitising removes by design (control
 * sequences, controls, invisible characters and soft hyphens, see sanitize-text.ts). Nothing else counts as lost.
 */
function keptText(input: string): string {
	return sanitizeText(input.replaceAll('\f', '\n'))
		.split('\n')
		.filter(line => !/^[ \t]*-{3,}[ \t]*$/u.test(line))
		.join('\n');
}

const withoutSpace = (text: string) => text.replace(/\s+/gu, '');

function plainTextOf(article: Article): string {
	const headline = article.headlineSource === 'title' ? article.headline : '';
	const deck = article.headlineSource === 'deck' ? (article.deck ?? '') : '';
	return [article.kicker ?? '', headline, deck, ...article.paragraphs].join('');
}

describe('plain text through detection', () => {
	it('loses no character when detection picks plain text, hostile pieces and all', () => {
		fc.assert(
			fc.property(fc.oneof(hostileString, fc.string({maxLength: 300})), input => {
				const result = expectCleanParse(input, () => parseText(input, 'fuzz.txt', {fileName: 'fuzz.txt'}));
				if (result.format === 'text') {
					expect(result.articles.map(article => withoutSpace(plainTextOf(article))).join('')).toBe(withoutSpace(keptText(input)));
				}
			}),
			{numRuns: runCount.small},
		);
	});

	it('reads the same articles whether the text comes alone or through parseText', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 300}), input => {
				expect(parseText(input, 'fuzz', {format: 'text'}).articles).toEqual(parsePlainText(input, 'fuzz').articles);
			}),
			{numRuns: runCount.arbitrary},
		);
	});
});

describe('HTML to text', () => {
	const htmlish = fc.array(fc.oneof(hostilePiece, fc.constantFrom('<ul><li>', '</li></ul>', '<ol><li>', '<blockquote>', '</blockquote>', '<pre>', '</pre>', '<a href="/x">', '</a>', '<br>', '<base href="https://example.com/">', '<td>', '<table>'), fc.string({maxLength: 10})), {maxLength: 30}).map(parts => parts.join(''));

	it('never throws and stays in budget, with or without a base address', () => {
		fc.assert(
			fc.property(fc.oneof(htmlish, anyText), fc.option(fc.constantFrom('https://example.com/a/', 'not a url', '')), (html, baseUrl) => {
				const started = performance.now();
				const {paragraphs, links} = htmlToText(html, baseUrl ?? undefined);
				htmlToLine(html);
				expect(performance.now() - started).toBeLessThan(inputBudgetMs);
				// No blank paragraph, none that is only a citation; leading space is kept only in <pre>.
				for (const paragraph of paragraphs) {
					expect(paragraph).toBe(paragraph.trimEnd());
					expect(paragraph).not.toMatch(/^\s*(?:\[\d+\])?$/u);
				}

				// Absolute and allowed, or relative with nothing to resolve it against, shown as written (never opened).
				for (const link of links) {
					expect(link).toMatch(/^(?:https?:|mailto:|[^a-z\s\u0000-\u001F#][^\s\u0000-\u001F]*$|[a-z][^:\s\u0000-\u001F]*$)/iu);
				}
			}),
			{numRuns: runCount.small},
		);
	});

	it('keeps every letter of text without markup', () => {
		const plain = fc.string({maxLength: 200}).filter(text => !/[<&]/u.test(text));
		fc.assert(
			fc.property(plain, text => {
				expect(withoutSpace(htmlToText(text).paragraphs.join(''))).toBe(withoutSpace(text));
			}),
			{numRuns: runCount.small},
		);
	});
});

describe('dates', () => {
	// Between 1970 and 9999, in whole seconds: what the RFC 822 form can say.
	const instant = fc.integer({min: 0, max: 253_402_300_799}).map(seconds => new Date(seconds * 1000));

	it('never throws on arbitrary text, and answers a finite time or nothing', () => {
		fc.assert(
			fc.property(fc.oneof(anyText, fc.string({maxLength: 100}).map(text => `Tue, ${text}`), fc.string({maxLength: 100}).map(text => `2003-${text}`)), text => {
				const started = performance.now();
				const time = parseDate(text);
				expect(performance.now() - started).toBeLessThan(inputBudgetMs);
				expect(time === undefined || Number.isFinite(time)).toBe(true);
			}),
			{numRuns: runCount.small},
		);
	});

	it('reads back ISO 8601 and RFC 822 dates exactly', () => {
		fc.assert(
			fc.property(instant, date => {
				expect(parseDate(date.toISOString())).toBe(date.getTime());
				expect(parseDate(date.toUTCString())).toBe(date.getTime());
			}),
			{numRuns: runCount.small},
		);
	});
});

describe('decoding bytes', () => {
	/** Text that no decoder may take for binary or for another encoding: no controls. */
	const textWithoutControls = fc.string({unit: 'grapheme', maxLength: 300}).filter(text => !/[\u0000-\u001F\u007F-\u009F]/u.test(text) && !text.startsWith('\uFEFF'));

	it('never throws on arbitrary bytes, and decodes or names a reason', () => {
		fc.assert(
			fc.property(fc.oneof(fc.uint8Array({maxLength: 2000}), fc.uint8Array({maxLength: 200}).map(bytes => Uint8Array.of(0x1f, 0x8b, ...bytes))), bytes => {
				const started = performance.now();
				const decoded = decodeBytes(bytes);
				expect(performance.now() - started).toBeLessThan(inputBudgetMs);
				if ('text' in decoded) {
					expect(typeof decoded.text).toBe('string');
				} else {
					expect(['binary', 'bad-compression', 'too-large']).toContain(decoded.reason);
				}
			}),
			{numRuns: runCount.small},
		);
	});

	it('reads UTF-8, UTF-8 with a mark, UTF-16 with a mark and gzip back to the same text', () => {
		fc.assert(
			fc.property(textWithoutControls, text => {
				const utf8 = Buffer.from(text, 'utf8');
				const utf16 = Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]);
				for (const bytes of [utf8, Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), utf8]), utf16, gzipSync(utf8)]) {
					const decoded = decodeBytes(bytes);
					expect('text' in decoded ? decoded.text : decoded.reason).toBe(text);
				}
			}),
			{numRuns: runCount.small},
		);
	});

	it('decodes invalid UTF-8 without loss of the valid parts', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(textWithoutControls.map(text => Buffer.from(text)), fc.constantFrom(Buffer.of(0xff), Buffer.of(0xc3), Buffer.of(0xe2, 0x82))), {maxLength: 10}), parts => {
				const decoded = decodeBytes(Buffer.concat(parts));
				expect('text' in decoded).toBe(true);
			}),
			{numRuns: runCount.small},
		);
	});
});

describe('format detection', () => {
	it('answers a known format for any text and any file name, in budget', () => {
		fc.assert(
			fc.property(anyText, fc.option(fc.string({maxLength: 20})), (text, fileName) => {
				const started = performance.now();
				expect(formatNames).toContain(detectFormat(text, fileName ?? undefined));
				expect(performance.now() - started).toBeLessThan(inputBudgetMs);
			}),
			{numRuns: runCount.small},
		);
	});
});

/** Every fixture of every format, to be mutated. */
const fixtureDirectories = ['data', 'feeds'].map(name => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url)));
const fixtures = fixtureDirectories.flatMap(directory => readdirSync(directory).map(name => ({name, text: readFileSync(join(directory, name), 'utf8')})));


/** One edit of a document: what a broken save, a bad proxy or an attacker does to a file. */
const mutation = fc.oneof(
	// Cut it off anywhere.
	fc.record({kind: fc.constant('truncate' as const), at: fc.double({min: 0, max: 1, noNaN: true})}),
	// Drop a piece.
	fc.record({kind: fc.constant('delete' as const), at: fc.double({min: 0, max: 1, noNaN: true}), length: fc.integer({min: 1, max: 200})}),
	// Put hostile text in anywhere, markup and all.
	fc.record({kind: fc.constant('insert' as const), at: fc.double({min: 0, max: 1, noNaN: true}), text: hostileString}),
	// Repeat a piece many times: nested tags, opened and never closed, long runs of markup.
	fc.record({kind: fc.constant('repeat' as const), at: fc.double({min: 0, max: 1, noNaN: true}), length: fc.integer({min: 1, max: 20}), count: fc.integer({min: 2, max: 5000})}),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer Value> ? Value : never;

function mutated(text: string, edits: readonly Mutation[]): string {
	let result = text;
	for (const edit of edits) {
		const at = Math.floor(edit.at * result.length);
		switch (edit.kind) {
			case 'truncate': {
				result = result.slice(0, at);
				break;
			}

			case 'delete': {
				result = result.slice(0, at) + result.slice(at + edit.length);
				break;
			}

			case 'insert': {
				result = result.slice(0, at) + edit.text + result.slice(at);
				break;
			}

			case 'repeat': {
				result = result.slice(0, at) + result.slice(at, at + edit.length).repeat(edit.count) + result.slice(at);
				break;
			}
		}
	}

	return result;
}

describe('every format\'s fixtures, mutated (issue 17)', () => {
	it.each(fixtures.map(fixture => [fixture.name, fixture.text] as const))('%s: never throws, lets no control character through, parses in time linear in its size', (name, text) => {
		fc.assert(
			fc.property(fc.array(mutation, {minLength: 1, maxLength: 4}), edits => {
				const input = mutated(text, edits);
				const started = processorMs();
				const result = parseText(input, 'fuzz', {fileName: name});
				const elapsedMs = processorMs() - started;
				expect(elapsedMs, `took ${Math.round(elapsedMs)} ms on ${input.length} characters (${JSON.stringify(edits).slice(0, 300)})`).toBeLessThan(linearParseBudgetMs(input.length));
				for (const article of result.articles) {
					for (const field of stringsOf(article)) {
						expect(unsafe.test(field), `unsafe character in ${JSON.stringify(field.slice(0, 200))}`).toBe(false);
					}
				}
			}),
			// A failure reports its edits; shrinking it would run slow parses over and over.
			{numRuns: 40, endOnFailure: true},
		);
	}, 60_000);
});

/**
 * Mutations of the fixtures that the generator above found, or a longer run of the same kind of search did, each of
 * which took a parser seconds, some made longer here so that the old time stands out (a piece `length` characters long at `at` repeated `count` times, in order). Kept here so
 * that each stays checked on every run, not only when chance finds it again.
 */
const slowMutationsFound: ReadonlyArray<{readonly fixture: string; readonly what: string; readonly repeats: ReadonlyArray<readonly [at: number, length: number, count: number]>}> = [
	{fixture: 'sections.md', what: 'a list item that runs on for thousands of lines', repeats: [[410, 4, 5619], [11_100, 12, 5476]]},
	{fixture: 'digest.md', what: 'quotes nested a thousand deep', repeats: [[717, 6, 4718], [25_411, 2, 1042], [24_774, 12, 1823]]},
	{fixture: 'digest.md', what: 'a run of nineteen thousand emphasis marks', repeats: [[95, 2, 9500]]},
	{fixture: 'not-a-feed.html', what: 'thousands of tags under one element', repeats: [[35, 12, 5331], [14_922, 9, 2085]]},
	{fixture: 'not-a-feed.html', what: 'thousands of headings left open, each inside the last', repeats: [[174, 11, 3356], [13_866, 7, 2366], [41_406, 8, 5286]]},
	{fixture: 'ag-style.csv', what: 'a header of thousands of columns over thousands of rows', repeats: [[11, 1, 10_700], [3877, 5, 10_142], [7595, 2, 6796]]},
	{fixture: 'bad-front-matter.md', what: 'front matter of thousands of broken quotes', repeats: [[11, 1, 11_310], [1965, 10, 4906], [22_393, 6, 8702]]},
];

describe('mutations found slow, kept (issue 17)', () => {
	it.each(slowMutationsFound.map(found => [found.fixture, found.what, found] as const))('%s, %s: parses in time linear in its size', (_fixture, _what, found) => {
		let input = fixtures.find(fixture => fixture.name === found.fixture)!.text;
		for (const [at, length, count] of found.repeats) {
			input = input.slice(0, at) + input.slice(at, at + length).repeat(count) + input.slice(at);
		}

		const started = processorMs();
		parseText(input, 'fuzz', {fileName: found.fixture});
		const elapsedMs = processorMs() - started;
		expect(elapsedMs, `took ${Math.round(elapsedMs)} ms on ${input.length} characters`).toBeLessThan(linearParseBudgetMs(input.length));
	}, 60_000);
});
