// Reading a 200 KB publisher's page as one article (issue 15): 21 generated pages (bench/article-page.ts), each with
// another story, read with the HTML article-page format. Used by `npm run bench:parse` and, with --json, by
// `npm run bench` (bench/web-measurements.js). Times in milliseconds.
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import type {Article} from '../source/article.js';
import {parseText} from '../source/formats/parsers.js';
import {publisherPage} from './article-page.js';
import {ensureGeneratedCorpus} from './generate-corpus.js';

/** What reading the pages took: the median and p95 of the wall time per page, the median processor time, the first page. */
export type PageExtraction = {pageCount: number; kilobytes: number; median: number; p95: number; cpuMedian: number; firstMs: number};

const sortedOf = (values: readonly number[]) => [...values].sort((left, right) => left - right);
const median = (values: readonly number[]) => sortedOf(values)[Math.floor(values.length / 2)]!;
const p95 = (values: readonly number[]) => sortedOf(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;

/** Reads `pageCount` pages built from `articles`; the first page (which loads Readability and linkedom) apart. */
export function measurePageExtraction(articles: readonly Article[], pageCount = 21): PageExtraction {
	const story = (index: number): Article => ({...articles[index]!, paragraphs: [0, 1, 2].flatMap(offset => articles[index + offset]!.paragraphs)});
	const pages = Array.from({length: pageCount}, (_, index) => publisherPage(story(index * 3), articles.slice(1000 + index * 50, 1100 + index * 50)));
	const loadStarted = performance.now();
	parseText(pages[0]!, 'bench', {format: 'html'});
	const firstMs = performance.now() - loadStarted;
	const cpuTimes: number[] = [];
	const times = pages.map(page => {
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		const {articles: [article]} = parseText(page, 'bench', {format: 'html'});
		const cpu = process.cpuUsage(cpuStarted);
		cpuTimes.push((cpu.user + cpu.system) / 1000);
		if (article === undefined) {
			throw new Error('a bench page gave no article');
		}

		return performance.now() - started;
	});
	const kilobytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0) / pageCount / 1000;
	return {pageCount, kilobytes, median: median(times), p95: p95(times), cpuMedian: median(cpuTimes), firstMs};
}

/** The generated 10k corpus's articles, the pages' material. */
export function benchArticles(): readonly Article[] {
	return parseText(readFileSync(ensureGeneratedCorpus(10_000), 'utf8'), 'bench', {format: 'text'}).articles;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--json')) {
	console.log(JSON.stringify(measurePageExtraction(benchArticles())));
}
