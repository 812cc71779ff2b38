/**
 * Hostile files, round two (issue 17): what a file can make reach the terminal, or make the program do, through
 * paths other than the articles' text.
 */
import {execFileSync, spawn} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {keys} from '../helpers/pty-terminal.js';
import {crashLines, runBroadsheetPiped, singlePaneSize, splitSize, startBroadsheet} from '../helpers/run-broadsheet.js';

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-hostile-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

/** A body long enough that the file reads as text, not binary. */
const body = Array.from({length: 40}, (_, index) => `The council met again on day ${index + 1} and agreed on the budget for the harbour.`).join('\n');
const clipboardAndTitle = '\u001B]52;c;UFdORUQ=\u0007\u001B]2;PWNTITLE\u0007';

/** Files whose parsers warn, each warning quoting the hostile bytes if it could. */
const warningFiles: ReadonlyArray<readonly [string, string]> = [
	['front-matter.md', `---\n!!${clipboardAndTitle} x: 1\ntitle: Hello\n---\n\n# Harbour news\n\n${body}\n`],
	['unresolved-tag.md', `---\ntitle: !!weird${clipboardAndTitle} Hello\n---\n\n# Harbour news\n\n${body}\n`],
	['broken.json', `[{"title": "Harbour news", "body": "fine"}, {"title": "${clipboardAndTitle}`],
	['lines.ndjson', `{"title": "Harbour news", "body": "fine"}\n{"title": ${clipboardAndTitle}}\n`],
	['feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Harbour news</title><description>${body}</description></item><item><title>${clipboardAndTitle}`],
	['table.csv', `title,body\nHarbour news,"fine"\n"${clipboardAndTitle}",x,y,z\n`],
];

describe('warnings of the parsers and of the libraries', () => {
	it.each(warningFiles)('reach stderr as one clean line each, never as escape sequences (%s)', async (name, content) => {
		const path = join(directory, name);
		writeFileSync(path, content);
		const result = await runBroadsheetPiped(['--list', path]);

		expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u);
		expect(result.stderr).not.toContain('YAMLWarning');
		expect(result.stderr).not.toContain('(node:');
		for (const line of result.stderr.split('\n').filter(line => line !== '')) {
			expect(line).toMatch(/^broadsheet: /u);
		}

		expect(crashLines(result.stderr)).toEqual([]);
	});

	it('names an unresolved YAML tag in one line of its own', async () => {
		const path = join(directory, 'tag.md');
		writeFileSync(path, `---\ntitle: !!weird Hello\n---\n\n# Harbour news\n\n${body}\n`);
		const result = await runBroadsheetPiped(['--list', path]);

		expect(result.stdout.trim()).toBe('Harbour news');
		expect(result.stderr.trim().split('\n')).toEqual([`broadsheet: warning: ${path}: front matter, line 2: Unresolved tag: tag:yaml.org,2002:weird`]);
	});

	it('sets neither the clipboard nor the window title when the interface opens such a file', async () => {
		const path = join(directory, 'open-me.md');
		writeFileSync(path, warningFiles[0]![1]);
		const session = await startBroadsheet([path], singlePaneSize);
		await session.waitFor('Harbour news');
		session.press('q');
		await session.exited;

		expect(session.rawOutput()).not.toContain('52;c;');
		expect(session.rawOutput()).not.toContain('PWNTITLE');
		expect(crashLines(session.rawOutput())).toEqual([]);
	});
});

describe('a headline of a megabyte', () => {
	it('filters without overflowing the stack, and the screen shows the match, not a stack trace', async () => {
		const words = ['word', 'world', 'wordy', 'sword', 'ward', 'worn', 'cord', 'lord'];
		let seed = 1;
		const headline = Array.from({length: 200_000}, () => {
			seed = (seed * 1_103_515_245 + 12_345) & 0x7F_FF_FF_FF;
			return words[seed % words.length];
		}).join(' ');
		const path = join(directory, 'long-headline.txt');
		writeFileSync(path, `${headline}\n\nThe body of the story is short.\n\n---\n\nSecond story\n\nAnother body here.\n`);
		const session = await startBroadsheet([path], singlePaneSize);
		await session.waitFor('Second story');
		session.press('/', 'w', 'o', 'r', 'd');
		const screen = await session.waitFor(/1 match of 2/u);
		session.press(keys.escape);
		await session.waitFor(/1\/2/u);
		session.press('q');
		const exit = await session.exited;

		expect(screen).toMatch(/• (?:word|world|wordy|sword|ward|worn|cord|lord) /u);
		expect(crashLines(session.rawOutput())).toEqual([]);
		expect(session.rawOutput()).not.toContain('internal error');
		expect(exit).toEqual({exitCode: 0});
	});
});

describe('resizing to a smaller terminal', () => {
	it('never erases the scrollback (ESC[3J) of the screen it came from', async () => {
		const session = await startBroadsheet(['samples/taipei-times.txt'], {columnCount: 120, rowCount: 40});
		await session.waitFor('Headlines');
		for (const [columnCount, rowCount] of [[120, 30], [100, 20], [80, 12], [60, 10]] as const) {
			session.resize(columnCount, rowCount);
			await session.waitFor(screen => screen.split('\n').length === rowCount && screen.includes('Headlines'));
		}

		session.press('q');
		await session.exited;

		expect(session.rawOutput()).not.toContain('\u001B[3J');
	});
});

describe('a filter given on the command line', () => {
	it('shows in the filter line without its escape sequences acting on the terminal', async () => {
		const session = await startBroadsheet(['--filter', 'korea\u001B]0;PWNTITLE\u0007', 'samples/taipei-times.txt'], singlePaneSize);
		await session.waitFor('korea');
		session.press('Q');
		await session.exited;

		expect(session.rawOutput()).not.toContain('PWNTITLE');
	});
});

describe('a named pipe (FIFO) as FILE', () => {
	const story = 'Harbour ferry returns\n\nThe ferry sails again from Monday.\n\nSecond harbour story\n\nThe pier reopens on Friday.\n';
	const makePipe = (name: string) => {
		const path = join(directory, name);
		execFileSync('mkfifo', [path]);
		return path;
	};

	it('is read once, as a stream: what a writer sends is shown, and q ends the process', async () => {
		const path = makePipe('written.fifo');
		const session = await startBroadsheet([path], splitSize);
		try {
			await session.waitFor('Reading');
			writeFileSync(path, story);
			await session.waitFor('Second harbour story');
			session.press('q');
			expect((await session.exited).exitCode).toBe(0);
		} finally {
			session.dispose();
		}
	});

	it('with no writer yet, q while it waits ends the process', async () => {
		const path = makePipe('unwritten.fifo');
		const session = await startBroadsheet([path], splitSize);
		try {
			await session.waitFor('Reading');
			session.press('q');
			expect((await session.exited).exitCode).toBe(0);
		} finally {
			session.dispose();
		}
	});

	it('under --watch, SIGTERM ends the process with its status', async () => {
		const path = makePipe('watched.fifo');
		const session = await startBroadsheet(['--watch', path], splitSize);
		try {
			await session.waitFor('Reading');
			writeFileSync(path, story);
			await session.waitFor('Second harbour story');
			session.kill('SIGTERM');
			expect((await session.exited).exitCode).toBe(143);
		} finally {
			session.dispose();
		}
	});

	it('prints with --list as a file does', async () => {
		const path = makePipe('listed.fifo');
		const writer = spawn('sh', ['-c', `printf '%s' "$1" > "$2"`, 'sh', story, path], {stdio: 'ignore'});
		const result = await runBroadsheetPiped(['--list', path]);
		writer.kill();
		expect(result.stdout.trim().split('\n')).toEqual(['Harbour ferry returns', 'Second harbour story']);
		expect(result.exitCode).toBe(0);
	});
});

describe('markup that made parsing quadratic', () => {
	it('prints a Markdown paragraph of 200,000 `*a` as it is written, at once', async () => {
		const path = join(directory, 'stars.md');
		writeFileSync(path, `# Starry night\n\n${'*a'.repeat(200_000)}\n`);
		const result = await runBroadsheetPiped(['--print', path]);

		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('Starry night');
		expect(result.stdout).toContain('*a*a*a');
	}, 20_000);

	it('opens a feed whose description nests 200,000 lists, and q quits', async () => {
		const path = join(directory, 'nested.xml');
		writeFileSync(path, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Nested lists</title><description><![CDATA[${'<ul><li>'.repeat(200_000)}innermost${'</li></ul>'.repeat(200_000)}]]></description></item></channel></rss>`);
		const session = await startBroadsheet([path], splitSize);
		try {
			await session.waitFor('Nested lists', 15_000);
			session.press('q');
			expect((await session.exited).exitCode).toBe(0);
		} finally {
			session.dispose();
		}
	}, 20_000);
});

describe('a single line at the size limit', () => {
	it('reads a 499 MiB line within a 2 GB heap, its headline and paragraph cut with a note', async () => {
		const path = join(directory, 'one-line.txt');
		const chunk = Buffer.from('word '.repeat(1 << 20));
		const file = openSync(path, 'w');
		for (let written = 0; written + chunk.length < 499 * 1024 * 1024; written += chunk.length) {
			writeSync(file, chunk);
		}

		writeSync(file, 'end\n');
		closeSync(file);
		const result = await runBroadsheetPiped(['--json', path], {env: {NODE_OPTIONS: '--max-old-space-size=2048'}});
		rmSync(path);

		expect(crashLines(result.stderr)).toEqual([]);
		expect(result.exitCode).toBe(0);
		const [article] = result.stdout.trim().split('\n').map(line => JSON.parse(line) as {headline: string; body: string});
		expect(article!.headline).toMatch(/^word word .*…$/u);
		expect(article!.body).toMatch(/ \[… \d+\.\d million more characters of this paragraph are not shown\]$/u);
	}, 90_000);
});
