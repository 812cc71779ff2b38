import {existsSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {keys, startInTerminal, type TerminalSession} from '../helpers/pty-terminal.js';
import {commandPath, repositoryRoot, splitSize, startBroadsheet, statusRowIndex, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';
import {waitUntil} from '../helpers/wait-until.js';

let session: TerminalSession | undefined;
afterEach(() => {
	session?.dispose();
});

describe('while the input loads', () => {
	it('shows what it is waiting for, and q still quits', async () => {
		// bash waits for broadsheet alone here, not for the silent writer of the pipe.
		const script = `"${process.execPath}" "${commandPath}" < <(sleep 20); echo "EXIT $?"; sleep 20`;
		session = await startInTerminal('bash', ['-c', script], {columnCount: 80, rowCount: 24, cwd: repositoryRoot});
		await session.waitFor('Reading stdin…');
		session.press('q');
		const screen = await session.waitFor('EXIT 0');
		expect(screen).not.toContain('Reading stdin…');
	});

	const fixtures = useFixtureDirectory();
	let heldBackCount = 0;
	/** Broadsheet reading the sample from a pipe that stays silent until the test creates `go`. */
	const startHeldBack = async () => {
		const goPath = join(fixtures.path, `go-${++heldBackCount}`);
		const sample = join(repositoryRoot, 'samples', 'taipei-times.txt');
		const script = `"${process.execPath}" "${commandPath}" < <(until [ -e "${goPath}" ]; do sleep 0.05; done; cat "${sample}"); echo "EXIT $?"; sleep 20`;
		session = await startInTerminal('bash', ['-c', script], {columnCount: 120, rowCount: 30, cwd: repositoryRoot});
		await session.waitFor('Reading stdin…');
		return {session, go: () => writeFileSync(goPath, '')};
	};

	it('keeps the keys typed before the first frame and acts on them once it is drawn, as less does', async () => {
		const {session: terminal, go} = await startHeldBack();
		terminal.press('j', 'j');
		go();
		await waitForFrame(terminal, /Headlines · file order +3\/5/u);
		expect(terminal.screen()).not.toContain('EXIT');
	});

	it('reads a filter typed ahead as a filter: a q inside it does not quit', async () => {
		const {session: terminal, go} = await startHeldBack();
		terminal.press('/', 'q', 'u');
		go();
		const screen = await waitForFrame(terminal, /^\/qu +1 match of 5$/mu);
		expect(screen).toMatch(/Headlines · best match +1\/1/u);
		expect(screen).not.toContain('EXIT');
	});
});

describe('a big input', () => {
	const fixtures = useFixtureDirectory();
	const lineCount = 40_000;
	const badLine = lineCount - 5;
	// JSON Lines with a broken line near the end, which only the parsing after the first frame reaches.
	const path = fixtures.write(
		'wire.jsonl',
		Array.from({length: lineCount}, (_, index) =>
			index + 1 === badLine ? '{"title": "cut off' : JSON.stringify({title: `Wire story ${index + 1}`, body: `What happened in story ${index + 1}, in a few words.`}),
		).join('\n'),
	);

	it('shows its first stories while the rest load, then all of them, and names the bad line on exit', async () => {
		const terminal = await startBroadsheet([path], splitSize);
		const first = terminal.lines();
		// File order: the first story tops the list from the first frame on, whatever has arrived since.
		expect(first.find(line => line.includes('Wire story'))).toContain('Wire story 1 ');
		await waitForFrame(terminal, new RegExp(` ${(lineCount - 1).toLocaleString('en-US')} articles · 1 warning `, 'u'), 20_000);
		expect(terminal.lines()[statusRowIndex(terminal)]).not.toContain('loading');
		// The first frame came with a part of the stories, saying so.
		const firstCount = Number(/ ([\d,]+) articles · loading \d+%/u.exec(terminal.rawOutput())?.[1]?.replaceAll(',', ''));
		expect(firstCount).toBeGreaterThanOrEqual(500);
		expect(firstCount).toBeLessThan(lineCount - 1);
		terminal.press('G');
		await waitForFrame(terminal, `Wire story ${lineCount}`);
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
		expect(terminal.screen().replaceAll('\n', '')).toContain(`broadsheet: warning: ${path}: line ${badLine}, column `);
	});
});

describe('a file big enough to keep its articles\' text in the file (32 MiB and more)', () => {
	const fixtures = useFixtureDirectory();
	const articleCount = 36_000;
	const story = (index: number, detail: string) =>
		`Council story ${index}\n\n${'The council met on Tuesday and agreed the budget for the coming year after a long debate. '.repeat(10)}\n\nIn story ${index} ${detail}.\n`;
	const text = (detail: (index: number) => string) => Array.from({length: articleCount}, (_, index) => story(index, detail(index))).join('---\n');
	const path = fixtures.write('council.txt', text(index => (index === 7000 ? 'a zeppelin landed' : 'nothing flew')));

	it('shows, searches and reloads their text, and says so when the file was changed under it', async () => {
		expect(text(() => 'nothing flew').length).toBeGreaterThan(32 * 1024 * 1024);
		const terminal = await startBroadsheet([path], splitSize);
		await waitForFrame(terminal, new RegExp(` ${articleCount.toLocaleString('en-US')} articles `, 'u'), 20_000);
		// A word only the body of one article holds, near the end of the file.
		terminal.press('/zeppelin');
		await waitForFrame(terminal, screen => screen.includes('Council story 7000') && screen.includes('a zeppelin landed'), 20_000);
		terminal.press(keys.escape);
		// The file rewritten in place, each article where it was, but the last one's headline changed.
		writeFileSync(path, text(() => 'nothing flew').replace(`Council story ${articleCount - 1}`, `Council storm ${articleCount - 1}`));
		terminal.press('G');
		await waitForFrame(terminal, 'the file has changed since');
		terminal.press('R');
		await waitForFrame(terminal, screen => screen.includes(`Council storm ${articleCount - 1}`) && screen.includes(`In story ${articleCount - 1} nothing flew.`), 20_000);
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
	});

	it('opens again from what the first open kept: every article at once, searchable, and parses afresh once the file changes (issue 16)', async () => {
		const cacheHome = join(fixtures.path, 'cache');
		const parses = join(cacheHome, 'broadsheet', 'parses');
		const kept = fixtures.write('kept.txt', text(index => (index === 35_000 ? 'a balloon rose' : 'nothing flew')));
		const env = {XDG_CACHE_HOME: cacheHome};
		const first = await startBroadsheet([kept], splitSize, {env});
		await waitForFrame(first, new RegExp(` ${articleCount.toLocaleString('en-US')} articles `, 'u'), 20_000);
		// The entry is written once the word index is built, in the background.
		await waitUntil(() => existsSync(parses) && readdirSync(parses).some(name => name.endsWith('.parse')), 20_000);
		first.press('q');
		expect(await first.exited).toEqual({exitCode: 0});

		const second = await startBroadsheet([kept], splitSize, {env});
		// The first frame has them all: nothing is left to load.
		const screen = await waitForFrame(second, new RegExp(` ${articleCount.toLocaleString('en-US')} articles `, 'u'), 20_000);
		expect(screen).not.toContain('loading');
		second.press('/balloon');
		await waitForFrame(second, screen => screen.includes(`Council story 35000`) && screen.includes('a balloon rose'), 20_000);
		second.press(keys.escape, 'q');
		expect(await second.exited).toEqual({exitCode: 0});

		// Another word of the same length: the entry, whose index lacks it, is not for this file any more.
		writeFileSync(kept, text(index => (index === 35_000 ? 'a kitesx7 rose' : 'nothing flew')));
		const third = await startBroadsheet([kept], splitSize, {env});
		third.press('/kitesx7');
		await waitForFrame(third, screen => screen.includes('a kitesx7 rose') && !screen.includes('loading'), 20_000);
		third.press(keys.escape, 'q');
		expect(await third.exited).toEqual({exitCode: 0});
	});
});
