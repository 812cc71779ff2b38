import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, beforeEach, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import type {ParseOptions} from '../../source/formats/format.js';
import {parseText} from '../../source/formats/parsers.js';
import {type DecodedInput, InputsParse, openBigFile} from '../../source/load/parse-inputs.js';

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-parts-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

const inputOf = (text: string, file = 'news.txt'): DecodedInput => ({path: file, file, name: file, source: file, text, byteCount: text.length});

let fileCount = 0;
/**
 * `text` written to a file and opened to be read a chunk at a time, its articles keeping their bodies in it (as a big
 * file is): in chunks of a few bytes, so that chunks end inside records and inside characters. A format that cannot be
 * cut (JSON) is read whole, as a big file of it is.
 */
async function fileInputOf(text: string, file: string, chunkByteCount: number): Promise<DecodedInput> {
	const path = join(directory, `${fileCount++}-${file}`);
	writeFileSync(path, text);
	const bigFile = await openBigFile(path, file, undefined, {minimumByteCount: 0, chunkByteCount});
	if (!file.endsWith('.json')) {
		expect(bigFile).toBeDefined();
	}

	return bigFile ? {path: file, file, name: file, source: file, ...bigFile, byteCount: bigFile.fileText.byteCount} : inputOf(text, file);
}

/** An article as plain data, its paragraphs read (from the file, for an article that keeps its body there). */
const plain = (article: Article) => ({
	id: article.id,
	headline: article.headline,
	headlineSource: article.headlineSource,
	kicker: article.kicker,
	deck: article.deck,
	paragraphs: [...article.paragraphs],
	source: article.source,
	author: article.author,
	publishedAt: article.publishedAt,
	url: article.url,
	categories: article.categories,
	links: article.links,
});

/** How the tests below read an input: from a string in memory, or from a file a chunk at a time. */
type Reading = 'in memory' | 'from a file';
let reading: Reading = 'in memory';

/**
 * Parses `text` in parts of at least `partLength` characters, a part at a time, as the interface does after its
 * first frame: read as {@link reading} says.
 */
async function parseInParts(text: string, file: string, partLength: number, options: ParseOptions = {}) {
	const input = reading === 'in memory' ? inputOf(text, file) : await fileInputOf(text, file, (partLength % 13) + 1);
	const parse = new InputsParse([input], {...options, partLength});
	let partCount = 0;
	while (!parse.isComplete) {
		parse.parseFor(0);
		partCount++;
	}

	return {articles: parse.parsedInputs.flatMap(input => input.articles).map(article => plain(article)), warnings: parse.warnings, failures: parse.failures.map(failure => failure.message), partCount};
}

function parseWhole(text: string, file: string, options: ParseOptions = {}) {
	const {articles, problems} = parseText(text, file, {...options, fileName: file});
	return {articles: articles.map(article => plain(article)), warnings: problems.map(problem => `${file}: ${problem}`)};
}

const word = fc.constantFrom('minister', 'Taipei', 'rain', 'said', 'the', 'CANCER:', 'Storm', 'budget', 'vote', 'port', '習近平', 'é');
const sentence = fc.array(word, {minLength: 1, maxLength: 12}).map(words => `${words.join(' ')}.`);
const headline = fc.array(word, {minLength: 2, maxLength: 8}).map(words => words.join(' '));
// Few distinct headlines, so that repeats (and their numbered ids) cross part boundaries.
const repeatedHeadline = fc.oneof(headline, fc.constantFrom('Same story', 'Same story', 'Another repeat'));
const body = fc.array(fc.array(sentence, {minLength: 1, maxLength: 4}).map(sentences => sentences.join(' ')), {minLength: 1, maxLength: 3});

describe.each<Reading>(['in memory', 'from a file'])('parsing an input in parts, read %s', readingHere => {
	beforeEach(() => {
		reading = readingHere;
	});

	it('gives plain text with separator lines (or form feeds) the articles and ids of one parse of the whole', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(repeatedHeadline, body), {minLength: 1, maxLength: 25}),
				fc.integer({min: 1, max: 400}),
				fc.constantFrom('\n', '\r\n'),
				fc.constantFrom('---', '\f', 'form feed inside a line'),
				async (articles, partLength, lineEnd, separator) => {
					const stories = articles.map(([title, paragraphs]) => [title, '', ...paragraphs.flatMap(paragraph => [paragraph, ''])].join(lineEnd));
					const text = separator === '---' ? stories.join(`---${lineEnd}`) : separator === '\f' ? stories.join(`\f${lineEnd}`) : stories.join('\f');
					const parts = await parseInParts(text, 'news.txt', partLength);
					expect(parts.articles).toEqual(parseWhole(text, 'news.txt').articles);
					// A part ends at the first separator at least a part's length in: one before that is passed over.
					if (separator !== '---' && articles.length > 1 && partLength <= text.indexOf('\f') + 1) {
						// Cut at form feeds too: a file separated by them is not one part.
						expect(parts.partCount).toBeGreaterThan(1);
					}
				},
			),
			{numRuns: 300},
		);
	});

	it('gives plain text whose articles are separated by blank lines the articles of one parse of the whole', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(repeatedHeadline, sentence), {minLength: 2, maxLength: 25}), fc.integer({min: 1, max: 300}), async (articles, partLength) => {
				const text = articles.map(([title, paragraph]) => `${title}\n${paragraph}`).join('\n\n');
				expect((await parseInParts(text, 'news.txt', partLength)).articles).toEqual(parseWhole(text, 'news.txt').articles);
			}),
			{numRuns: 200},
		);
	});

	it('reads plain text in the layout of one parse of the whole when its separator lines need sanitising', async () => {
		const stories = Array.from({length: 30}, (_, index) => `Story ${index}\n\nBody of story ${index}.`);
		for (const separator of ['\u001B[2m---\u001B[0m\n', '---\r']) {
			const text = stories.join(`\n${separator}`);
			const whole = parseWhole(text, 'news.txt');
			expect(whole.articles).toHaveLength(30);
			expect((await parseInParts(text, 'news.txt', 40)).articles).toEqual(whole.articles);
		}
	});

	it('gives JSON Lines the articles, ids and problems (with their line numbers) of one parse of the whole', async () => {
		const line = fc.oneof(
			fc.record({title: repeatedHeadline, body: sentence}).map(record => JSON.stringify(record)),
			fc.record({title: headline, guid: fc.constantFrom('a', 'b', 'c')}).map(record => JSON.stringify(record)),
			fc.constantFrom('{"title": broken', '', '[1, 2]', '{"count": 3}'),
		);
		await fc.assert(
			fc.asyncProperty(fc.array(line, {minLength: 1, maxLength: 40}), fc.integer({min: 1, max: 500}), async (lines, partLength) => {
				// Two objects first: the file reads as JSON Lines whatever follows.
				const text = ['{"title": "First", "body": "Opens the file."}', '{"title": "Second"}', ...lines].join('\n');
				const whole = parseWhole(text, 'wire.jsonl');
				const parts = await parseInParts(text, 'wire.jsonl', partLength);
				expect(parts.articles).toEqual(whole.articles);
				expect(parts.warnings).toEqual(whole.warnings);
			}),
			{numRuns: 200},
		);
	});

	it('gives CSV (quoted line breaks, short rows, repeated ids) the articles and problems of one parse of the whole', async () => {
		const field = fc.oneof(sentence, headline, fc.constantFrom('"Quoted, with a comma"', '"Two\nlines"', '"A ""quote"" inside"', 'A 12" record', '"Spaced"  ', ''));
		const row = fc.oneof(
			fc.tuple(repeatedHeadline, field, fc.constantFrom('a', 'b', '')).map(([title, body, id]) => `${title},${body},${id}`),
			fc.constantFrom('Short row only', '', ',,', 'Too,many,fields,here'),
		);
		await fc.assert(
			fc.asyncProperty(fc.array(row, {minLength: 1, maxLength: 40}), fc.integer({min: 1, max: 300}), fc.constantFrom('\n', '\r\n'), async (rows, partLength, lineEnd) => {
				const text = ['title,description,id', 'First story,Opens the file.,', ...rows].join(lineEnd);
				const whole = parseWhole(text, 'news.csv');
				const parts = await parseInParts(text, 'news.csv', partLength);
				expect(parts.articles).toEqual(whole.articles);
				expect(parts.warnings).toEqual(whole.warnings);
			}),
			{numRuns: 200},
		);
	});

	it('does not cut CSV or TSV inside a quoted field that follows a stray quote in an unquoted field', async () => {
		for (const [file, delimiter] of [['news.csv', ','], ['news.tsv', '\t']] as const) {
			const text = [
				['title', 'body'],
				['A 12" record', '"Its sleeve\nand its label"'],
				['Plain', 'Plain body'],
				['Another', '"Two\nlines"'],
				['Last', 'Last body'],
			].map(fields => fields.join(delimiter)).join('\n');
			const whole = parseWhole(text, file);
			expect(whole.articles.map(article => article.headline)).toEqual(['A 12" record', 'Plain', 'Another', 'Last']);
			for (let partLength = 1; partLength < text.length; partLength++) {
				const parts = await parseInParts(text, file, partLength);
				expect(parts.articles).toEqual(whole.articles);
				expect(parts.warnings).toEqual(whole.warnings);
			}
		}
	});

	it('warns of a --fields key in JSON Lines only when no part had it, as one parse of the whole does', async () => {
		const text = ['{"title": "First", "body": "One."}', '{"title": "Second", "body": "Two."}', '{"headline": "Third", "text": "Three."}'].join('\n');
		for (const fieldMap of [{headline: 'title'}, {headline: 'subject'}]) {
			const whole = parseWhole(text, 'wire.jsonl', {fieldMap});
			for (let partLength = 1; partLength < text.length; partLength += 7) {
				expect((await parseInParts(text, 'wire.jsonl', partLength, {fieldMap})).warnings).toEqual(whole.warnings);
			}
		}

		expect(parseWhole(text, 'wire.jsonl', {fieldMap: {headline: 'subject'}}).warnings).toEqual([
			'wire.jsonl: --fields headline=subject: no such field (fields: title, body, headline, text)',
		]);
	});

	it('reads a pretty-printed JSON document given as JSON Lines (--format ndjson) whole, as JSON, as before', async () => {
		const text = JSON.stringify(Array.from({length: 30}, (_, index) => ({title: `Story ${index}`, body: 'Text.'})), undefined, 2);
		const parse = new InputsParse([inputOf(text, 'dump.jsonl')], {format: 'ndjson', partLength: 50});
		parse.parseUntilCount(Number.POSITIVE_INFINITY);
		expect(parse.failures).toEqual([]);
		expect(parse.parsedInputs[0]?.articles).toEqual(parseText(text, 'dump.jsonl', {format: 'ndjson'}).articles);
		expect(parse.parsedInputs[0]?.articles).toHaveLength(30);
	});

	it('cuts a big input into many parts, and a small one parses in one', async () => {
		const text = Array.from({length: 200}, (_, index) => JSON.stringify({title: `Story ${index}`, body: 'Text.'})).join('\n');
		expect((await parseInParts(text, 'wire.jsonl', 500)).partCount).toBeGreaterThan(10);
		expect((await parseInParts(text, 'wire.jsonl', 1_000_000)).partCount).toBe(1);
	});

	it('parses a format that cannot be cut whole, in one part', async () => {
		const text = `${JSON.stringify(Array.from({length: 50}, (_, index) => ({title: `Story ${index}`})))}\n`;
		const parts = await parseInParts(text, 'dump.json', 10);
		expect(parts.partCount).toBe(1);
		expect(parts.articles).toHaveLength(50);
	});

	it('parses up to a count first, then the rest, telling how much is parsed', async () => {
		const text = Array.from({length: 300}, (_, index) => `Story ${index}\n\nBody of story ${index}.\n---`).join('\n');
		const parse = new InputsParse([inputOf(text)], {partLength: 1000});
		parse.parseUntilCount(40);
		expect(parse.articleCount).toBeGreaterThanOrEqual(40);
		expect(parse.articleCount).toBeLessThan(300);
		expect(parse.parsedShare).toBeGreaterThan(0);
		expect(parse.parsedShare).toBeLessThan(0.5);
		while (!parse.parseFor(1)) {
			// Parts until done.
		}

		expect(parse.articleCount).toBe(300);
		expect(parse.parsedShare).toBe(1);
		expect(parse.parsedInputs[0]!.articles.map(article => article.headline).at(-1)).toBe('Story 299');
	});

	it('reports an input that ends with no articles as a failure, not its problems as warnings', async () => {
		const parse = new InputsParse([inputOf('{"count": 1}\n{"count": 2}', 'counts.jsonl'), inputOf('A story\n\nIts body.', 'news.txt')]);
		parse.parseUntilCount(Number.POSITIVE_INFINITY);
		expect(parse.failures.map(failure => failure.message)).toEqual([expect.stringMatching(/^counts\.jsonl: line 1: no headline or text/u)]);
		expect(parse.warnings).toEqual([]);
		expect(parse.parsedInputs.map(input => input.file)).toEqual(['news.txt']);
	});
});

describe('InputsParse over many inputs (issue 17: a directory of 20,000 files took 37 s)', () => {
	const inputs = (count: number): DecodedInput[] => Array.from({length: count}, (_, index) => ({
		path: 'news',
		file: `news/${index}.txt`,
		name: `news/${index}.txt`,
		source: `${index}.txt`,
		byteCount: 40,
		text: `Story number ${index}\n\nThe ferry runs on day ${index}.\n`,
	}));

	it('keeps its counts as it goes: 100,000 inputs parse in linear time (quadratic took 40 s), counted and shared right', () => {
		const parse = new InputsParse(inputs(100_000));
		parse.parseUntilCount(50_000);
		expect(parse.articleCount).toBe(50_000);
		expect(parse.isComplete).toBe(false);
		expect(parse.parsedShare).toBeCloseTo(0.5, 1);
		parse.parseUntilCount(Number.POSITIVE_INFINITY);
		expect(parse.isComplete).toBe(true);
		expect(parse.articleCount).toBe(100_000);
		expect(parse.parsedShare).toBe(1);
		expect(parse.parsedInputs.at(-1)?.articles[0]?.headline).toBe('Story number 99999');
	}, 15_000);

	it('tells a part-parsed input\'s share', () => {
		const parse = new InputsParse([{path: 'a', file: 'a', name: 'a', source: 'a', byteCount: 4, text: 'One\n'}, {path: 'b', file: 'b', name: 'b', source: 'b', byteCount: 4, text: 'Two\n'}]);
		expect(parse.parsedShare).toBe(0);
		parse.parseUntilCount(1);
		expect(parse.parsedShare).toBe(0.5);
	});
});
