import {describe, expect, it} from 'vitest';
import {namesAlone, parseCommandLine, readCommandLine} from '../../source/command-line.js';

describe('the command line', () => {
	// readCommandLine leaves meow out for these: meow must read them the same, or a start on files alone would differ.
	const commandLinesOfNames: ReadonlyArray<readonly string[]> = [
		['news.txt'],
		['samples/taipei-times.txt', 'feed.xml', 'https://example.org/feed?a=1&b=2'],
		['123', '0x1f', '1e3', 'NaN', 'true', 'null'],
		['a=b', 'with space', '', 'x--y', 'ñews.txt', '新聞.txt'],
	];

	it.each(commandLinesOfNames)('reads names alone as meow does: %j', async (...argv) => {
		const alone = namesAlone(argv);
		expect(alone).toBeDefined();
		const byMeow = await parseCommandLine(argv);
		expect(alone).toEqual({input: byMeow.input, flags: byMeow.flags});
	});

	it('gives every option its default for names alone', () => {
		expect(namesAlone(['a.txt'])?.flags).toMatchObject({color: true, state: true, mouse: true, watch: false, list: false, fullText: []});
		expect(namesAlone(['a.txt'])?.flags.filter).toBeUndefined();
	});

	it('leaves a command line with any option, or with none at all, to meow', async () => {
		expect(namesAlone([])).toBeUndefined();
		expect(namesAlone(['a.txt', '-'])).toBeUndefined();
		expect(namesAlone(['--', 'a.txt'])).toBeUndefined();
		expect(namesAlone(['-f', 'korea', 'a.txt'])).toBeUndefined();
		const read = await readCommandLine(['--no-state', '--filter', 'korea', 'a.txt']);
		expect(read.input).toEqual(['a.txt']);
		expect(read.flags).toMatchObject({state: false, filter: 'korea', color: true});
	});

	it('refuses an option Broadsheet does not know, as the user typed it', async () => {
		await expect(readCommandLine(['a.txt', '--no-filter'])).rejects.toThrow('unknown option --no-filter; try broadsheet --help');
		await expect(readCommandLine(['--colour', 'a.txt'])).rejects.toThrow('unknown option --colour');
	});
});
