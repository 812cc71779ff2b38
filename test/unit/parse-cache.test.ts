import {chmodSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, closeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {type CachedArticle, type KeptParse, parseCacheKey, readParseCache, type ParseCacheKey, type ParseToKeep, writeParseCache} from '../../source/load/parse-cache.js';
import {prepareWordIndex} from '../../source/search/prepared-word-indexes.js';
import {createSearchIndex} from '../../source/search/search.js';
import {buildWordIndex} from '../../source/search/word-index.js';
import {numberedArticles} from '../helpers/articles.js';

let directory: string;
let cacheDirectory: string;
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'broadsheet-parse-cache-'));
	cacheDirectory = join(directory, 'cache');
});
afterEach(() => {
	rmSync(directory, {recursive: true, force: true});
});

const articles: readonly Article[] = numberedArticles(5000).map((article, index) => ({
	...article,
	kicker: index % 3 === 0 ? 'HARBOUR' : undefined,
	author: index % 4 === 0 ? 'Ada Okafor' : undefined,
	publishedAt: index % 2 === 0 ? Date.UTC(2024, 0, 1) + index * 60_000 : undefined,
	url: index % 5 === 0 ? `https://example.org/${index}` : undefined,
	categories: index === 7 ? ['ports', 'weather'] : undefined,
	links: index === 8 ? ['https://example.org/a'] : undefined,
	bodyChecksum: index * 7,
	// Kept once each, and numbered for each article.
	source: index % 10 === 0 ? 'wire.txt' : article.source,
}));

/** A file of `text`, its key, and what a parse of it kept. */
function keptFile(text = 'some text of a big file\n'.repeat(1000)) {
	const file = join(directory, 'news.txt');
	writeFileSync(file, text);
	const key = keyOf(file);
	const parse: ParseToKeep = {
		format: 'text',
		plan: {format: 'text', plainTextLayout: 'separators'},
		problems: ['line 3: a problem'],
		units: [{byteStart: 0, byteLength: 100, isFirst: true, articleCount: 2500}, {byteStart: 100, byteLength: 100, isFirst: false, articleCount: 2500}],
		articles: articles.map((article, index) => ({...article, index: index % 2500})),
		unitNumbers: Int32Array.from(articles, (_, index) => (index < 2500 ? 0 : 1)),
		wordIndex: buildWordIndex(articles),
	};
	return {file, key, parse};
}

function keyOf(file: string, source = 'news.txt'): ParseCacheKey {
	const descriptor = openSync(file, 'r');
	try {
		return parseCacheKey(file, descriptor, {source})!;
	} finally {
		closeSync(descriptor);
	}
}

/** The articles an entry keeps, each copied (forEachArticle hands out one object). */
function articlesOf(kept: KeptParse): CachedArticle[] {
	const list: CachedArticle[] = [];
	kept.forEachArticle(article => {
		list.push({...article});
	});
	return list;
}

/** Where section `position` of an entry lies (counted from the end when negative), and its length in bytes. */
function sectionOf(bytes: Buffer, position: number): [start: number, length: number] {
	const headLength = bytes.readUInt32LE(12);
	const {sections} = JSON.parse(bytes.toString('utf8', 16, 16 + headLength)) as {sections: Array<[string, number]>};
	const align = (offset: number) => Math.ceil(offset / 8) * 8;
	const wanted = position < 0 ? sections.length + position : position;
	let start = align(16 + headLength);
	for (const [, length] of sections.slice(0, wanted)) {
		start = align(start + length);
	}

	return [start, sections[wanted]![1]];
}

const entryPath = () => join(cacheDirectory, readdirSync(cacheDirectory).find(name => name.endsWith('.parse'))!);

describe('the parse cache (issue 16)', () => {
	it('gives back what a parse kept: every field of every article, the units, the problems and the word index', async () => {
		const {key, parse} = keptFile();
		expect(await writeParseCache(key, parse, cacheDirectory)).toBe(true);
		const kept = readParseCache(key, cacheDirectory)!;
		expect(kept.problems).toEqual(parse.problems);
		expect(kept.units).toEqual(parse.units);
		expect(kept.plan).toEqual(parse.plan);
		expect(kept.articleCount).toBe(articles.length);
		const keptArticles = articlesOf(kept);
		expect(keptArticles).toHaveLength(articles.length);
		for (const [index, article] of articles.entries()) {
			const {paragraphs: _paragraphs, ...fields} = article;
			expect(keptArticles[index]).toEqual({...fields, unit: index < 2500 ? 0 : 1, index: index % 2500});
		}

		const wordIndex = await kept.wordIndex;
		const built = buildWordIndex(articles);
		expect(wordIndex.vocabulary).toBe(built.vocabulary);
		expect([...wordIndex.segments[1]!.slots]).toEqual([...built.segments[1]!.slots]);
		expect([...wordIndex.firstWords]).toEqual([...built.firstWords]);
	});

	it('has nothing when there is no entry', () => {
		const {key} = keptFile();
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
	});

	it('has nothing for the file once it has changed: other bytes, another size, another time', async () => {
		const {file, key, parse} = keptFile();
		await writeParseCache(key, parse, cacheDirectory);
		// The same size and time, other bytes in the middle.
		const text = readFileSync(file, 'utf8');
		writeFileSync(file, text.slice(0, 12_000) + 'X' + text.slice(12_001));
		utimesSync(file, key.modifiedMs / 1000, key.modifiedMs / 1000);
		expect(readParseCache(keyOf(file), cacheDirectory)).toBeUndefined();
		writeFileSync(file, text + 'more\n');
		expect(readParseCache(keyOf(file), cacheDirectory)).toBeUndefined();
		writeFileSync(file, text);
		utimesSync(file, 1, 1);
		expect(readParseCache(keyOf(file), cacheDirectory)).toBeUndefined();
	});

	it('has nothing for the file read another way (another source name, --fields or --format)', async () => {
		const {file, key, parse} = keptFile();
		await writeParseCache(key, parse, cacheDirectory);
		expect(readParseCache(keyOf(file, 'other.txt'), cacheDirectory)).toBeUndefined();
		expect(readParseCache({...key, options: {...key.options, format: 'csv'}}, cacheDirectory)).toBeUndefined();
		expect(readParseCache(key, cacheDirectory)).toBeDefined();
	});

	it('has nothing from an entry cut short, or with a damaged head', async () => {
		const {key, parse} = keptFile();
		await writeParseCache(key, parse, cacheDirectory);
		const bytes = readFileSync(entryPath());
		writeFileSync(entryPath(), bytes.subarray(0, bytes.length / 3));
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
		const damaged = Buffer.from(bytes);
		damaged[40]! ^= 0xff;
		writeFileSync(entryPath(), damaged);
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
	});

	it('lets a search build its own index when the entry\'s index is damaged, and still gives the articles', async () => {
		const {key, parse} = keptFile();
		await writeParseCache(key, parse, cacheDirectory);
		const bytes = readFileSync(entryPath());
		// The last segment's offsets end past its slots: a search would read beyond them.
		const [offsetsStart, offsetsLength] = sectionOf(bytes, -2);
		bytes.writeUInt32LE(0xff_ff_ff, offsetsStart + offsetsLength - 4);
		writeFileSync(entryPath(), bytes);
		const kept = readParseCache(key, cacheDirectory)!;
		expect(articlesOf(kept)).toHaveLength(articles.length);
		await expect(kept.wordIndex).rejects.toThrow(/damaged/u);
	});

	it('gives an index whose slots are damaged as it is: a search with it misleads at worst, and never fails', async () => {
		const {key, parse} = keptFile();
		await writeParseCache(key, parse, cacheDirectory);
		const bytes = readFileSync(entryPath());
		// The last segment's slots, every one of them past its articles' slots (not checked: see isWellShaped).
		const [slotsStart, slotsLength] = sectionOf(bytes, -1);
		bytes.fill(0xff, slotsStart, slotsStart + slotsLength);
		writeFileSync(entryPath(), bytes);
		const kept = readParseCache(key, cacheDirectory)!;
		const keptArticles = articlesOf(kept).map(article => ({...article, paragraphs: [`Body of article ${article.index}.`]}));
		prepareWordIndex(keptArticles, kept.wordIndex, () => 0);
		// The index comes in the background: the search waits for it as the interface does, a step at a time.
		const steps = createSearchIndex(keptArticles).searchInSteps('harbour');
		let step = steps.next();
		while (!step.done) {
			await step.value.awaited;
			step = steps.next();
		}

		const hits = step.value;
		expect(hits.length).toBeLessThanOrEqual(articles.length);
		expect(hits.every(hit => keptArticles.includes(hit.article as typeof keptArticles[number]))).toBe(true);
	});

	it('has nothing from another build or another Node.js, or from an entry others could have written', async () => {
		const {key, parse} = keptFile();
		await writeParseCache(key, parse, cacheDirectory);
		const bytes = readFileSync(entryPath());
		const headLength = bytes.readUInt32LE(12);
		const head = bytes.toString('utf8', 16, 16 + headLength);
		expect(head).toContain('"build":"');
		chmodSync(entryPath(), 0o666);
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
		chmodSync(entryPath(), 0o600);
		expect(readParseCache(key, cacheDirectory)).toBeDefined();
		// Another build: the same entry, its head naming another (and checksummed again, as a real one would be).
		const otherHead = Buffer.from(head.replace(/"build":"[^"]*"/u, '"build":"2:another-build:x64"'), 'utf8');
		const other = Buffer.concat([bytes.subarray(0, 16), otherHead, bytes.subarray(16 + headLength)]);
		other.writeUInt32LE(otherHead.length, 12);
		const {crc32} = await import('node:zlib');
		other.writeUInt32LE(crc32(otherHead), 8);
		writeFileSync(entryPath(), other);
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
		// This build on another Node.js, which may lower-case, and so index, some words otherwise.
		const otherNodeHead = Buffer.from(head.replace(`:${process.version}:`, ':v18.20.8:'), 'utf8');
		expect(otherNodeHead.toString('utf8')).not.toBe(head);
		const otherNode = Buffer.concat([bytes.subarray(0, 16), otherNodeHead, bytes.subarray(16 + headLength)]);
		otherNode.writeUInt32LE(otherNodeHead.length, 12);
		otherNode.writeUInt32LE(crc32(otherNodeHead), 8);
		writeFileSync(entryPath(), otherNode);
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
		writeFileSync(entryPath(), bytes);
		expect(readParseCache(key, cacheDirectory)).toBeDefined();
	});

	it('costs nothing but speed when it cannot be written', async () => {
		const {key, parse} = keptFile();
		writeFileSync(cacheDirectory, 'a file where the directory should be');
		expect(await writeParseCache(key, parse, cacheDirectory)).toBe(false);
		rmSync(cacheDirectory);
		// A directory under a file: no user, root included, can make it.
		expect(await writeParseCache(key, parse, join(directory, 'news.txt', 'cache'))).toBe(false);
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
	});

	it('stays within its size, dropping the least recently used entries', async () => {
		const {key, parse} = keptFile();
		await writeParseCache(key, parse, cacheDirectory);
		const entrySize = readFileSync(entryPath()).length;
		const other = join(directory, 'other.txt');
		writeFileSync(other, 'other text\n'.repeat(2000));
		await writeParseCache(keyOf(other, 'other.txt'), parse, cacheDirectory, entrySize * 1.5);
		expect(readdirSync(cacheDirectory).filter(name => name.endsWith('.parse'))).toHaveLength(1);
		expect(readParseCache(key, cacheDirectory)).toBeUndefined();
		expect(readParseCache(keyOf(other, 'other.txt'), cacheDirectory)).toBeDefined();
	});
});
