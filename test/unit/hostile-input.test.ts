import {describe, expect, it} from 'vitest';
import type {FormatName} from '../../source/formats/format.js';
import {parseText} from '../../source/formats/parsers.js';
import {stringsOf} from '../helpers/articles.js';
import {linearParseBudgetMs, processorMs} from '../helpers/processor-time.js';

// Everything a file might carry to take over a terminal: window title (OSC 0), clipboard (OSC 52), colours (CSI),
// screen clear, a device query, DCS, 8-bit CSI, a bell, backspaces, bidi overrides and zero-width characters.
const hostile = [
	'\u001B]0;pwned\u0007',
	'\u001B]52;c;ZXZpbA==\u001B\\',
	'\u001B[31m',
	'\u001B[2J',
	'\u001B[6n',
	'\u001BPq#0;2;0;0;0\u001B\\',
	'\u009B2J',
	'\u0007\u0008\u0008',
	'\u202Egnp.exe',
	'\u200B',
].join('');

const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

const jsonString = (text: string) => JSON.stringify(text);
const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const inputs: Array<[FormatName, string]> = [
	['text', `Title ${hostile}\n\nBody ${hostile} text.\n---\nSecond ${hostile}\n\nMore.`],
	['rss', `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${xmlText(hostile)}</title><item><title>T ${xmlText(hostile)}</title><link>https://x.example/${xmlText(hostile)}</link><author>${xmlText(hostile)}</author><description>&lt;p&gt;${xmlText(hostile)} body&lt;/p&gt;</description><category>${xmlText(hostile)}</category></item></channel></rss>`],
	['atom', `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlText(hostile)}</title><entry><title>T ${xmlText(hostile)}</title><id>x</id><content type="html">${xmlText(`<p>${hostile} body</p>`)}</content><author><name>${xmlText(hostile)}</name></author></entry></feed>`],
	['json-feed', JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: hostile, items: [{id: '1', title: `T ${hostile}`, content_text: `${hostile} body`, authors: [{name: hostile}], tags: [hostile]}]})],
	['json', `[{"title": ${jsonString(`T ${hostile}`)}, "body": ${jsonString(`${hostile} body`)}, "author": ${jsonString(hostile)}, "source": ${jsonString(hostile)}, "tags": [${jsonString(hostile)}]}]`],
	['ndjson', `{"title": ${jsonString(`T ${hostile}`)}, "body": ${jsonString(`${hostile} body`)}}\n{"title": "ok", "body": ${jsonString(hostile)}}`],
	['csv', `title,body,author\n"T ${hostile.replaceAll('"', '""')}","${hostile} body","${hostile}"\n`],
	['tsv', `title\tbody\nT ${hostile}\t${hostile} body\n`],
	['markdown', `---\ntitle: ${jsonString(`T ${hostile}`)}\nauthor: ${jsonString(hostile)}\n---\n\n${hostile} body [link](https://x.example/${encodeURIComponent(hostile)})\n`],
];

describe('hostile text in every format', () => {
	it.each(inputs)('%s: no control character reaches any field', (format, text) => {
		const {articles} = parseText(text, `hostile ${hostile}`, {format});
		expect(articles.length, format).toBeGreaterThan(0);
		for (const article of articles) {
			for (const field of stringsOf(article)) {
				expect(unsafe.test(field), `${format}: ${JSON.stringify(field)}`).toBe(false);
			}
		}
	});
});

describe('inputs of hostile shape', () => {
	it('survives JSON nested 200,000 deep', () => {
		const deep = '['.repeat(200_000) + ']'.repeat(200_000);
		const started = performance.now();
		const result = parseText(deep, 'deep.json', {format: 'json'});
		expect(result.articles).toEqual([]);
		expect(result.problems.length).toBeGreaterThan(0);
		expect(performance.now() - started).toBeLessThan(5000);
	});

	it('survives XML nested 200,000 deep', () => {
		const deep = '<rss><channel><item><title>Deep</title><description>' + '<b>'.repeat(200_000) + 'text' + '</b>'.repeat(200_000) + '</description></item></channel></rss>';
		const result = parseText(deep, 'deep.xml', {format: 'rss'});
		expect(result.articles.length + result.problems.length).toBeGreaterThan(0);
	});

	it('reads a single 20 MB line of plain text in bounded time', () => {
		const started = performance.now();
		const result = parseText('word '.repeat(4_000_000), 'long.txt', {format: 'text'});
		expect(result.articles).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(10_000);
	});

	it('reads a page whose head holds 20,000 tags in linear time', () => {
		// linkedom makes an element's list of children anew each time it is asked: asked for each child, a head of 5,000
		// <meta> tags took 2.5 s, 20,000 of them would take 40.
		const page = `<!doctype html><html><head>${'<meta name="x" content="y">'.repeat(20_000)}<title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable changes</h1>${'<p>The ferry runs every forty minutes from Monday, the operator said, citing fewer winter passengers.</p>'.repeat(5)}</article></body></html>`;
		const started = processorMs();
		const result = parseText(page, 'page.html', {format: 'html'});
		const elapsedMs = processorMs() - started;
		expect(result.articles.map(article => article.headline)).toEqual(['Ferry timetable changes']);
		expect(elapsedMs).toBeLessThan(linearParseBudgetMs(page.length));
	}, 60_000);

	it('reads a million tiny articles', () => {
		const text = Array.from({length: 1_000_000}, (_, index) => `{"title":"t${index}"}`).join('\n');
		expect(parseText(text, 'tiny.ndjson', {format: 'ndjson'}).articles).toHaveLength(1_000_000);
	}, 60_000);
});
