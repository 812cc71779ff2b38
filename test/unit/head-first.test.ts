import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {decodeInput} from '../../source/load/decode-input.js';
import {InputsParse} from '../../source/load/parse-inputs.js';
import {loadInputs} from '../../source/load/read-input.js';

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-head-first-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

/** The articles of `path` decoded whole and parsed in one go: what the head-first load must end with. */
function parsedWhole(path: string) {
	const {text, byteCount} = decodeInput(readFileSync(path), 'file');
	const parse = new InputsParse([{path, file: path, name: path.split('/').pop()!, source: path.split('/').pop()!, text, byteCount}]);
	parse.parseUntilCount(Number.POSITIVE_INFINITY);
	return parse.parsedInputs[0]!.articles;
}

/** Loads `path` as the interface does: the first articles, then the rest a slice at a time. */
async function loadedInSlices(path: string) {
	const first = await loadInputs([path], Readable.from([]), {firstArticleCount: 100});
	const {rest} = first;
	while (rest && !rest.parseFor(5)) {
		// Slices until done.
	}

	return {firstCount: first.articles.length, articles: rest ? rest.result().articles : first.articles};
}

describe('a file of 8 MiB or more: its first articles parsed from its head (4 MiB), before the rest is decoded', () => {
	it('gives JSON Lines the articles of one parse of the whole', async () => {
		const path = join(directory, 'stories.jsonl');
		writeFileSync(path, Array.from({length: 30_000}, (_, index) => JSON.stringify({title: `Story ${index}`, body: `What happened in story ${index}. `.repeat(8)})).join('\n') + '\n');
		const {firstCount, articles} = await loadedInSlices(path);
		expect(firstCount).toBeGreaterThanOrEqual(100);
		expect(firstCount).toBeLessThan(30_000);
		expect(articles).toHaveLength(30_000);
		expect(articles).toEqual(parsedWhole(path));
	});

	it('lays plain text out by separator lines that come only after the head', async () => {
		// Blank lines only in the head, a separator line near the end: the whole file decides the layout.
		const path = join(directory, 'late-separator.txt');
		const stories = Array.from({length: 22_000}, (_, index) => `Story ${index}\n\nWhat happened in story ${index}. ${'More words follow here. '.repeat(15)}`);
		writeFileSync(path, stories.slice(0, -1).join('\n\n') + '\n---\n' + stories.at(-1)! + '\n');
		const {articles} = await loadedInSlices(path);
		expect(articles).toEqual(parsedWhole(path));
		expect(articles).toHaveLength(2);
	});

	it('decodes the whole as one read would when the rest is not UTF-8 (windows-1252 here)', async () => {
		const path = join(directory, 'latin.txt');
		const head = Array.from({length: 22_000}, (_, index) => `Story ${index}\n\nWhat happened in story ${index}. ${'More words follow here. '.repeat(15)}`).join('\n---\n');
		writeFileSync(path, Buffer.concat([Buffer.from(head + '\n---\nCaf', 'latin1'), Buffer.from([0xE9]), Buffer.from(' story\n\nA body.\n', 'latin1')]));
		const {articles} = await loadedInSlices(path);
		expect(articles).toEqual(parsedWhole(path));
		expect(articles.at(-1)!.headline).toBe('Café story');
	});
});
