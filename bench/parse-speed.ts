// npm run bench:parse — parsing speed per format, in MB/s, on ~20 MB inputs: the generated 10k-article corpus
// written out in each format, and ../shared/corpora/reuters21578.jsonl when present. Prints one table.
import {existsSync, readFileSync} from 'node:fs';
import type {Article} from '../source/article.js';
import {decodeBytes} from '../source/formats/decode.js';
import type {FormatName} from '../source/formats/format.js';
import {parseText} from '../source/formats/parsers.js';
import {measurePageExtraction} from './page-extraction.js';
import {ensureGeneratedCorpus} from './generate-corpus.js';

const runCount = 5;
const targets: Partial<Record<FormatName, number>> = {ndjson: 50, csv: 50, text: 50, rss: 20, atom: 20};

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeCsv = (text: string) => `"${text.replaceAll('"', '""')}"`;
const date = (index: number) => new Date(Date.UTC(2024, 0, 1) + index * 60_000);
const html = (article: Article) => article.paragraphs.map(paragraph => `<p>${paragraph}</p>`).join('');

/** The same articles in every format, so that the figures compare formats, not content. */
function writeFormats(articles: readonly Article[]): Array<{format: FormatName; text: string}> {
	return [
		{
			format: 'rss',
			text: `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench</title>\n${articles
				.map((article, index) => `<item><title>${escapeXml(article.headline)}</title><link>https://bench.example/${index}</link><pubDate>${date(index).toUTCString()}</pubDate><description>${escapeXml(html(article))}</description></item>\n`)
				.join('')}</channel></rss>\n`,
		},
		{
			format: 'atom',
			text: `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Bench</title>\n${articles
				.map((article, index) => `<entry><title>${escapeXml(article.headline)}</title><id>urn:bench:${index}</id><updated>${date(index).toISOString()}</updated><content type="html">${escapeXml(html(article))}</content></entry>\n`)
				.join('')}</feed>\n`,
		},
		{
			format: 'json-feed',
			text: JSON.stringify({
				version: 'https://jsonfeed.org/version/1.1',
				title: 'Bench',
				items: articles.map((article, index) => ({id: String(index), title: article.headline, content_html: html(article), date_published: date(index).toISOString()})),
			}),
		},
		{format: 'ndjson', text: articles.map((article, index) => JSON.stringify({id: index, title: article.headline, body: article.paragraphs.join('\n\n'), date: date(index).toISOString()})).join('\n')},
		{format: 'json', text: JSON.stringify({articles: articles.map((article, index) => ({id: index, title: article.headline, body: article.paragraphs.join('\n\n')}))})},
		{format: 'csv', text: 'title,body,date\n' + articles.map((article, index) => [article.headline, article.paragraphs.join('\n\n'), date(index).toISOString()].map(value => escapeCsv(value)).join(',')).join('\n')},
		{format: 'markdown', text: articles.map(article => `# ${article.headline}\n\n${article.paragraphs.join('\n\n')}\n`).join('\n')},
	];
}

function median(values: number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(name: string, format: FormatName, text: string): string {
	const megabytes = Buffer.byteLength(text) / 1e6;
	const seconds: number[] = [];
	let articleCount = 0;
	for (let run = 0; run < runCount; run++) {
		const started = performance.now();
		articleCount = parseText(text, 'bench', {format}).articles.length;
		seconds.push((performance.now() - started) / 1000);
	}

	const rate = megabytes / median(seconds);
	const target = targets[format];
	const verdict = target === undefined ? '' : rate >= target ? `met (≥ ${target})` : `missed (≥ ${target})`;
	return `| ${name} | ${format} | ${megabytes.toFixed(1)} | ${articleCount} | ${(median(seconds) * 1000).toFixed(0)} | ${rate.toFixed(1)} | ${verdict} |`;
}

const plainText = readFileSync(ensureGeneratedCorpus(10_000), 'utf8');
const articles = parseText(plainText, 'bench', {format: 'text'}).articles;
const rows = [measure('generated 10k', 'text', plainText)];
for (const {format, text} of writeFormats(articles)) {
	rows.push(measure('generated 10k', format, text));
}

const reutersPath = new URL('../../shared/corpora/reuters21578.jsonl', import.meta.url).pathname;
if (existsSync(reutersPath)) {
	const decoded = decodeBytes(readFileSync(reutersPath));
	if ('text' in decoded) {
		rows.push(measure('reuters21578.jsonl', 'ndjson', decoded.text));
	}
}

/** Reading a 200 KB publisher's page as one article (issue 15): the median of 21 pages, each with another story. */
function measurePages(): string {
	const target = 50;
	const {pageCount, kilobytes, median: milliseconds, cpuMedian, firstMs} = measurePageExtraction(articles);
	// CPU time beside the wall time: on a loaded machine the wall time counts other processes' turns too.
	return `| article pages (${pageCount}, ${kilobytes.toFixed(0)} KB each) | html | ${milliseconds.toFixed(1)} ms a page (CPU ${cpuMedian.toFixed(1)} ms; the first page, loading the extractor: ${firstMs.toFixed(0)} ms) | ${milliseconds <= target ? 'met' : 'missed'} (≤ ${target} ms a page) |`;
}

const pageRow = measurePages();

console.log(`Parsing speed, median of ${runCount} runs (node ${process.version}):\n`);
console.log('| input | format | MB | articles | ms | MB/s | target MB/s |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));

console.log('\nReading an HTML page as one article, median of the pages:\n');
console.log('| input | format | time | target |');
console.log('| --- | --- | --- | --- |');
console.log(pageRow);
