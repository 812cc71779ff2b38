import {mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {crc32, gzipSync} from 'node:zlib';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {type Article, bodyChecksum, withId} from '../../source/article.js';
import {FileText, storedBodiesFromByteCount} from '../../source/load/file-text.js';
import {parseText} from '../../source/formats/parsers.js';
import {type DecodedInput, InputsParse, openBigFile} from '../../source/load/parse-inputs.js';
import {ndjsonLines, outputPieces, printedArticles} from '../../source/output.js';
import {loadInputs} from '../../source/load/read-input.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {ArticleWithStoredBody, changedOnDiskParagraphs} from '../../source/load/stored-articles.js';

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-stored-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

let fileCount = 0;
function write(text: string | Uint8Array, name = 'news.txt'): string {
	const path = join(directory, `${fileCount++}-${name}`);
	writeFileSync(path, text);
	return path;
}

const small = {minimumByteCount: 0, chunkByteCount: 16};

/** The file at `path` opened to be read a chunk at a time, as a big file is; undefined when it is to be read whole. */
const open = async (path: string, name = 'news.txt') => openBigFile(path, name, undefined, small);

/** Parses the file at `path`, read a chunk at a time, in parts of `partLength` characters. */
async function parseFile(path: string, partLength = 64): Promise<Article[]> {
	const bigFile = await open(path);
	expect(bigFile).toBeDefined();
	const input: DecodedInput = {path, file: path, name: 'news.txt', source: 'news.txt', ...bigFile!, byteCount: bigFile!.fileText.byteCount};
	const parse = new InputsParse([input], {partLength});
	parse.parseUntilCount(Number.POSITIVE_INFINITY);
	return parse.parsedInputs[0]!.articles.slice();
}

/** Parses the file at `path` as a big file is, in parts of the usual length read in chunks of the usual size. */
async function parseBigFile(path: string, name = 'news.txt'): Promise<readonly Article[]> {
	const bigFile = await openBigFile(path, name, undefined, {minimumByteCount: 0});
	const input: DecodedInput = {path, file: path, name, source: name, ...bigFile!, byteCount: bigFile!.fileText.byteCount};
	const parse = new InputsParse([input]);
	parse.parseUntilCount(Number.POSITIVE_INFINITY);
	return parse.parsedInputs[0]!.articles;
}

/** How much of the heap is in use once the garbage is collected. */
function heapUsedAfterCollecting(): number {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
	return process.memoryUsage().heapUsed;
}

const stories = (count: number, body = (index: number) => `What happened in story ${index}.`) =>
	Array.from({length: count}, (_, index) => `Story ${index}\n\n${body(index)}\n`).join('---\n');

describe('which files are read a chunk at a time', () => {
	it('only files at least 32 MiB big by default', async () => {
		expect(await openBigFile(write(stories(3)), 'news.txt', undefined)).toBeUndefined();
		expect(storedBodiesFromByteCount).toBe(32 * 1024 * 1024);
		expect(await open(write(stories(3)))).toBeDefined();
	});

	it('not files that are not UTF-8 throughout, compressed, UTF-16, binary or declare another encoding', async () => {
		const text = stories(200);
		// A stray byte well past the first chunks.
		const stray = Buffer.concat([Buffer.from(text), Buffer.from([0xff]), Buffer.from('\nMore\n')]);
		expect(await open(write(stray))).toBeUndefined();
		expect(await open(write(gzipSync(text)))).toBeUndefined();
		expect(await open(write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])))).toBeUndefined();
		expect(await open(write(Buffer.from(text, 'utf16le')))).toBeUndefined();
		expect(await open(write(Buffer.concat([Buffer.from(text), Buffer.alloc(10)])))).toBeUndefined();
		expect(await open(write(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${text}`))).toBeUndefined();
		expect(await open(join(directory, 'missing.txt'))).toBeUndefined();
		expect(await open(directory)).toBeUndefined();
	});

	it('not formats that cannot be cut into parts, nor plain text whose layout only the whole tells', async () => {
		expect(await open(write(`${JSON.stringify([{title: 'One'}, {title: 'Two'}])}\n`), 'dump.json')).toBeUndefined();
		// One paragraph a line, no blank lines.
		const lines = `${Array.from({length: 30}, (_, index) => `ECONOMY: Line story ${index} tells its tale in one line.`).join('\n')}\n`;
		expect(await open(write(lines))).toBeUndefined();
		// Separator lines only far past the first chunk: found by reading on.
		const late = `${Array.from({length: 120_000}, (_, index) => `Story ${index}`).join('\n\n')}\n---\nLast story\n\nIts body.\n`;
		expect((await open(write(late)))?.plan.plainTextLayout).toBe('separators');
	});
});

describe('articles that keep their bodies in the file', () => {
	it('read as the whole text parsed at once does, a byte-order mark and characters split across chunks included', async () => {
		const text = stories(40, index => `Café ${index} 習近平 said 🌧 rain.\n\nA second paragraph.`);
		const articles = await parseFile(write(`\uFEFF${text}`), 50);
		expect(articles.every(article => article instanceof ArticleWithStoredBody)).toBe(true);
		const whole = parseText(text, 'news.txt', {fileName: 'news.txt'}).articles;
		expect(articles.map(article => [article.id, article.headline, article.paragraphs])).toEqual(whole.map(article => [article.id, article.headline, article.paragraphs]));
	});

	it('show a note instead of other text when the file is changed where they lie, and their own text when it is renamed over', async () => {
		const path = write(stories(100));
		const articles = await parseFile(path);
		expect(articles[10]!.paragraphs).toEqual(['What happened in story 10.']);
		// Saved by renaming a new file over it, as editors do: the open file still holds the old text.
		const replacement = write(stories(100, index => `What happened at story ${index}.`));
		renameSync(replacement, path);
		expect(articles[60]!.paragraphs).toEqual(['What happened in story 60.']);
		// Rewritten in place: the old text is gone. An article whose place now holds another shows the note; one whose
		// place holds the same headline shows what is there now.
		const rewritten = await parseFile(path);
		writeFileSync(path, stories(100, index => `What happened to story ${index}.`).replace('Story 80', 'Storm 80'));
		expect(rewritten[80]!.paragraphs).toEqual(changedOnDiskParagraphs);
		expect(rewritten[20]!.paragraphs).toEqual(['What happened to story 20.']);
		// Cut short: the note too.
		writeFileSync(path, 'Short\n');
		expect(rewritten[90]!.paragraphs).toEqual(changedOnDiskParagraphs);
	});

	it('keep their body under another id (the same story in two files)', async () => {
		const [article] = await parseFile(write(stories(5)));
		const renamed = withId(article!, 'other#2');
		expect(renamed.id).toBe('other#2');
		expect(renamed.headline).toBe('Story 0');
		expect(renamed.paragraphs).toEqual(['What happened in story 0.']);
	});

	it('count as changed on reload only when their text changed', async () => {
		const path = write(stories(30));
		const state = createState(await parseFile(path), {viewport: {columnCount: 80, rowCount: 24}});
		expect(update(state, {type: 'articles-loaded', articles: await parseFile(path), failures: []}).notice).toBe('reloaded: no changes');
		writeFileSync(path, stories(30, index => (index === 7 ? 'A new body.' : `What happened in story ${index}.`)));
		expect(update(state, {type: 'articles-loaded', articles: await parseFile(path), failures: []}).notice).toBe('reloaded: 1 changed');
		// Against the same articles held in memory, the same.
		const inMemory = parseText(stories(30), 'news.txt', {fileName: 'news.txt'}).articles;
		expect(update(createState(inMemory, {viewport: {columnCount: 80, rowCount: 24}}), {type: 'articles-loaded', articles: await parseFile(path), failures: []}).notice).toBe('reloaded: 1 changed');
	});

	it('are printed in an order of their own (newest first, A–Z) reading each part of the file once, not once an article', async () => {
		const path = write(stories(300));
		const articles = await parseFile(path) as ArticleWithStoredBody[];
		const unitCount = new Set(articles.map(article => article.unit)).size;
		expect(unitCount).toBeGreaterThan(50);
		// Every fifth article, then every fifth from the second, …: no two in a row from one part.
		const order = (list: readonly Article[]) => list.map((article, index) => ({article, index})).sort((left, right) => (left.index % 5) - (right.index % 5) || left.index - right.index).map(({article}) => article);
		const whole = order(parseText(stories(300), 'news.txt', {fileName: 'news.txt'}).articles);
		const reads = vi.spyOn(FileText.prototype, 'textAt');
		try {
			expect(ndjsonLines(order(articles))).toBe(ndjsonLines(whole));
			expect(reads.mock.calls.length).toBe(unitCount);
			reads.mockClear();
			expect(printedArticles(order(articles), 60)).toBe(printedArticles(whole, 60));
			expect(reads.mock.calls.length).toBe(unitCount);
			// In the file's order, nothing is read ahead: all the bodies are never in memory at once.
			reads.mockClear();
			const pieces = outputPieces(await parseFile(path), 'json', 60);
			pieces.next();
			expect(reads.mock.calls.length).toBe(1);
		} finally {
			reads.mockRestore();
		}
	});

	it('hold none of the file\'s text once parsed, ids cut from it (a CSV column of addresses) included', async () => {
		const body = 'The council met on Tuesday and agreed the budget for the coming year after a long debate. '.repeat(20);
		const rowCount = 10_000;
		// Made in a function, so that none of it is left on the heap.
		const {path, byteCount} = (() => {
			const rows = Array.from({length: rowCount}, (_, index) => `Story ${index},https://news.example.com/2024/story-${index}.html,"${body}"`);
			const text = `title,url,body\n${rows.join('\n')}\n`;
			return {path: write(text, 'news.csv'), byteCount: text.length};
		})();
		const heapBefore = heapUsedAfterCollecting();
		const articles = await parseBigFile(path, 'news.csv');
		const heapGrowth = heapUsedAfterCollecting() - heapBefore;
		expect(articles).toHaveLength(rowCount);
		expect(articles[rowCount - 1]!.id).toBe(`https://news.example.com/2024/story-${rowCount - 1}.html`);
		// The text is 19 MB; the articles' headlines, ids and addresses take about 7.
		expect(heapGrowth).toBeLessThan(byteCount / 2);
	});

	it('are printed without keeping their text in memory', async () => {
		const body = (index: number) => `In story ${index} ${'the council met on Tuesday and agreed the budget for the coming year after a long debate, '.repeat(30)}`;
		const articles = await parseBigFile(write(stories(5000, body)));
		const heapBefore = heapUsedAfterCollecting();
		let printedLength = 0;
		for (const piece of outputPieces(articles, 'print', 80)) {
			printedLength += piece.length;
		}

		const heapGrowth = heapUsedAfterCollecting() - heapBefore;
		expect(articles).toHaveLength(5000);
		// 14 MB printed.
		expect(heapGrowth).toBeLessThan(printedLength / 4);
	});

	it('are what a big file gives when it is loaded', async () => {
		const body = 'The council met on Tuesday and agreed the budget for the coming year. '.repeat(6);
		const line = (index: number) => JSON.stringify({title: `Wire story ${index}`, body: `${body}Story ${index}.`});
		const lineCount = Math.ceil(storedBodiesFromByteCount / line(0).length) + 100;
		const path = write(Array.from({length: lineCount}, (_, index) => line(index)).join('\n'), 'wire.jsonl');
		const loaded = await loadInputs([path], Readable.from([]));
		expect(loaded.articles).toHaveLength(lineCount);
		expect(loaded.articles.every(article => article instanceof ArticleWithStoredBody)).toBe(true);
		expect(loaded.articles[lineCount - 1]!.paragraphs).toEqual([`${body.trim()} Story ${lineCount - 1}.`.replace('  ', ' ')]);
	});
});

describe('the checksum of a body', () => {
	const articleWith = (paragraphs: readonly string[]): Article => ({id: 'a', headline: 'A headline', headlineSource: 'title', paragraphs, source: 'test'});

	it('is the CRC-32 of the paragraphs joined by blank lines, marks and all', () => {
		for (const paragraphs of [[], [''], ['One.'], ['One.', '', 'Three “quoted” — ünïcode.'], ['\uFFFBcode\n  indented', '\uFFF9Heading', 'Text.']]) {
			expect(bodyChecksum(articleWith(paragraphs))).toBe(crc32(paragraphs.join('\n\n')));
		}
	});

	it('tells apart bodies that differ only where their paragraphs break', () => {
		expect(bodyChecksum(articleWith(['One two.']))).not.toBe(bodyChecksum(articleWith(['One', 'two.'])));
		expect(bodyChecksum(articleWith(['One.', 'Two.']))).not.toBe(bodyChecksum(articleWith(['One.\n\nTwo.', ''])));
	});

	it('is the one an article kept from an earlier parse carries, unread', () => {
		expect(bodyChecksum({...articleWith(['Anything.']), bodyChecksum: 12_345})).toBe(12_345);
	});
});
