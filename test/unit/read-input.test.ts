import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {decodeInput, loadInputs, readFileBytes} from '../../source/load/read-input.js';

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-read-input-'));

describe('readFileBytes', () => {
	it('reads a file into one buffer of its size, never a copy twice as big', async () => {
		const path = join(directory, 'twenty-megabytes.txt');
		const content = Buffer.alloc(20 * 1024 * 1024, 'news ');
		writeFileSync(path, content);
		const bytes = await readFileBytes(path);
		expect(bytes.equals(content)).toBe(true);
		expect(bytes.buffer.byteLength).toBeLessThan(content.length + 8192);
	});

	it('reports its progress up to the whole size', async () => {
		const path = join(directory, 'small.txt');
		writeFileSync(path, 'A headline\n\nA body.\n');
		const progress: Array<[number, number]> = [];
		await readFileBytes(path, (byteCount, totalByteCount) => progress.push([byteCount, totalByteCount]));
		expect(progress.at(-1)).toEqual([20, 20]);
	});

	it('reads everything from a file that reports no size, such as /proc files', async () => {
		const bytes = await readFileBytes('/proc/self/status');
		expect(bytes.toString('utf8')).toMatch(/^Name:/u);
		expect(bytes.toString('utf8')).toMatch(/VmRSS|Pid:/u);
	});
});

describe('decodeInput', () => {
	it('gives the text and the byte count, and a clear line for binary bytes', () => {
		expect(decodeInput(Buffer.from('Café\n'), 'news.txt')).toEqual({text: 'Café\n', byteCount: 6});
		expect(() => decodeInput(Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]), 'data.bin')).toThrow('data.bin is not a text file (it looks binary)');
	});
});

describe('loadInputs', () => {
	it('gives the same story in two files ids of its own, so that each can be selected', async () => {
		const story = JSON.stringify({title: 'Harbour reopens after the storm', url: 'https://example.com/harbour', body: 'Ships came back on Monday.'});
		const first = join(directory, 'morning.ndjson');
		const second = join(directory, 'evening.ndjson');
		writeFileSync(first, `${story}\n`);
		writeFileSync(second, `${story}\n${JSON.stringify({title: 'Second story', url: 'https://example.com/second', body: 'More.'})}\n`);
		const {articles} = await loadInputs([first, second], process.stdin);
		expect(articles.map(article => article.id)).toEqual(['https://example.com/harbour', 'https://example.com/harbour#2', 'https://example.com/second']);
		expect(articles.map(article => article.source)).toEqual(['morning.ndjson', 'evening.ndjson', 'evening.ndjson']);
	});

	it('fails as the first input does when every input fails the same way, and with one line for them all otherwise', async () => {
		const first = join(directory, 'missing-a.txt');
		const second = join(directory, 'missing-b.txt');
		await expect(loadInputs([first, second], process.stdin)).rejects.toMatchObject({message: `${first}: no such file`, exitCode: 3});
		const binary = join(directory, 'binary.bin');
		writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]));
		await expect(loadInputs([first, binary], process.stdin)).rejects.toMatchObject({
			message: `${first}, ${binary}: none of 2 files has articles; first, ${first}: no such file`,
			exitCode: 6,
		});
	});
});
