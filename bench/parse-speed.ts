// npm run bench:parse — parsing speed per format, in MB/s, on ~20 MB inputs: the generated 10k-article corpus
// written out in each format, and ../shared/corpora/reuters21578.jsonl when present. Prints one table.
// Each format is measured in a process of its own (this file, run with `--measure`), which holds that one input: as a
// user's process parses one file, and not with the other formats' 150 MB of text and articles in its heap, which made
// every garbage collection of the last formats measured slower.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Article} from '../source/article.js';
import {decodeBytes} from '../source/formats/decode.js';
import type {FormatName} from '../source/formats/format.js';
import {parseText} from '../source/formats/parsers.js';
import type {PageExtraction} from './page-extraction.js';
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

/**
 * What one format's process measured: the input's size, the articles it gave, the median time of the runs, and their
 * median processor time (all the process's threads: the garbage collector's helpers too).
 */
type Measured = {megabytes: number; articleCount: number; milliseconds: number; cpuMilliseconds: number};

/** Parses `text` as `format` {@link runCount} times, in this process. */
function measureHere(format: FormatName, text: string): Measured {
	const times: number[] = [];
	const cpuTimes: number[] = [];
	let articleCount = 0;
	for (let run = 0; run < runCount; run++) {
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		articleCount = parseText(text, 'bench', {format}).articles.length;
		const cpu = process.cpuUsage(cpuStarted);
		times.push(performance.now() - started);
		cpuTimes.push((cpu.user + cpu.system) / 1000);
	}

	return {megabytes: Buffer.byteLength(text) / 1e6, articleCount, milliseconds: median(times), cpuMilliseconds: median(cpuTimes)};
}

/** Measures `format` on the file at `path` in a fresh process (this file with `--measure`); one row of the table. */
function measure(name: string, format: FormatName, path: string): string {
	const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', format, path], {encoding: 'utf8', maxBuffer: 1024 * 1024});
	if (child.status !== 0) {
		return `| ${name} | ${format} | | | failed: ${(child.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${child.status}`} | | | |`;
	}

	const {megabytes, articleCount, milliseconds, cpuMilliseconds} = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
	const rate = megabytes / (milliseconds / 1000);
	const target = targets[format];
	const verdict = target === undefined ? '' : rate >= target ? `met (≥ ${target})` : `missed (≥ ${target})`;
	return `| ${name} | ${format} | ${megabytes.toFixed(1)} | ${articleCount} | ${milliseconds.toFixed(0)} | ${cpuMilliseconds.toFixed(0)} | ${rate.toFixed(1)} | ${verdict} |`;
}

/** The file's text as Broadsheet reads it: decoded from its bytes. */
function textOf(path: string): string {
	const decoded = decodeBytes(readFileSync(path));
	if (!('text' in decoded)) {
		throw new Error(`${path}: not text`);
	}

	return decoded.text;
}

const measureIndex = process.argv.indexOf('--measure');
if (measureIndex !== -1) {
	const [format, path] = process.argv.slice(measureIndex + 1) as [FormatName, string];
	console.log(JSON.stringify(measureHere(format, textOf(path))));
	process.exit(0);
}

const plainTextPath = ensureGeneratedCorpus(10_000);
const articles = parseText(readFileSync(plainTextPath, 'utf8'), 'bench', {format: 'text'}).articles;
const rows = [measure('generated 10k', 'text', plainTextPath)];
const formatsDirectory = join(tmpdir(), 'broadsheet-bench', 'parse-speed');
mkdirSync(formatsDirectory, {recursive: true});
for (const {format, text} of writeFormats(articles)) {
	const path = join(formatsDirectory, `generated-10k.${format}`);
	writeFileSync(path, text);
	rows.push(measure('generated 10k', format, path));
}

const reutersPath = new URL('../../shared/corpora/reuters21578.jsonl', import.meta.url).pathname;
if (existsSync(reutersPath)) {
	rows.push(measure('reuters21578.jsonl', 'ndjson', reutersPath));
}

/**
 * Reading a 200 KB publisher's page as one article (issue 15): 21 pages, each with another story, in a process of its
 * own too (bench/page-extraction.ts).
 */
function measurePages(): string {
	const target = 50;
	const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('page-extraction.ts', import.meta.url)), '--json'], {encoding: 'utf8'});
	if (child.status !== 0) {
		return `| article pages | html | failed: ${(child.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${child.status}`} | |`;
	}

	const {pageCount, kilobytes, median: milliseconds, p95, cpuMedian, firstMs} = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as PageExtraction;
	// CPU time beside the wall time: on a loaded machine the wall time counts other processes' turns too.
	return `| article pages (${pageCount}, ${kilobytes.toFixed(0)} KB each) | html | ${milliseconds.toFixed(1)} / ${p95.toFixed(1)} ms a page (median / p95; CPU ${cpuMedian.toFixed(1)} ms; the first page, loading the extractor: ${firstMs.toFixed(0)} ms) | ${p95 <= target ? 'met' : 'missed'} (p95 ≤ ${target} ms a page) |`;
}

const pageRow = measurePages();

console.log(`Parsing speed, median of ${runCount} runs, each format in a process of its own (node ${process.version}):\n`);
console.log('| input | format | MB | articles | ms | CPU ms | MB/s | target MB/s |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));

console.log('\nReading an HTML page as one article:\n');
console.log('| input | format | time | target |');
console.log('| --- | --- | --- | --- |');
console.log(pageRow);
