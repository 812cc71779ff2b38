import process from 'node:process';
import {afterEach, describe, expect, it} from 'vitest';
import {keys, runPiped, startInTerminal, type TerminalSession} from '../helpers/pty-terminal.js';

/**
 * A tiny full-screen program: enters the alternate screen, hides the cursor, reports its
 * size (again on every resize), names each key it receives, and on "q" restores the
 * terminal and exits with code 7.
 */
const fullScreenProgram = String.raw`
const keyNames = {'\x1b[A': 'up', '\x1b[B': 'down', '\r': 'enter', '\x1b': 'escape', '\x1b[6~': 'pageDown', '\x03': 'ctrlC'};
const write = text => process.stdout.write(text);
// Raw mode before announcing readiness, so that the test's first key is never echoed or line-buffered.
process.stdin.setRawMode(true);
write('\x1b[?1049h\x1b[?25l\x1b[H');
write('ready ' + process.stdout.columns + 'x' + process.stdout.rows + ' tty=' + process.stdout.isTTY + '\r\n');
process.stdout.on('resize', () => write('size ' + process.stdout.columns + 'x' + process.stdout.rows + '\r\n'));
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => {
	if (chunk === 'q') {
		write('\x1b[?25h\x1b[?1049l');
		write('bye\r\n');
		process.exit(7);
	}
	write('got ' + (keyNames[chunk] ?? JSON.stringify(chunk)) + '\r\n');
});
`;

const sessions: TerminalSession[] = [];

async function start(script: string, columnCount = 40, rowCount = 10, env?: Record<string, string | undefined>): Promise<TerminalSession> {
	const session = await startInTerminal(process.execPath, ['-e', script], {columnCount, rowCount, env});
	sessions.push(session);
	return session;
}

afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

describe('startInTerminal', () => {
	it('shows the program output in a real TTY of the requested size', async () => {
		const session = await start(fullScreenProgram);
		const screen = await session.waitFor('ready');

		expect(screen.split('\n')[0]).toBe('ready 40x10 tty=true');
		expect(session.lines()).toHaveLength(10);
		expect(session.screen()).toBe(screen);
		expect(session.rawOutput()).toContain('\u001B[?1049h');
	});

	it('tracks the alternate screen and cursor visibility, and reports the exit code', async () => {
		const session = await start(fullScreenProgram);
		await session.waitFor('ready');

		expect(session.isAlternateScreen()).toBe(true);
		expect(session.cursorVisible()).toBe(false);

		session.press('q');
		const exit = await session.exited;

		expect(exit).toEqual({exitCode: 7});
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.cursorVisible()).toBe(true);
		expect(session.screen()).toContain('bye');
		expect(session.screen()).not.toContain('ready');
		expect(() => {
			session.press('x');
		}).toThrow(/exited/);
	});

	it('delivers key presses as raw bytes', async () => {
		const session = await start(fullScreenProgram);
		await session.waitFor('ready');

		const beforeKeys = session.mark();
		session.press(keys.up);
		await session.waitFor('got up');
		session.press(keys.pageDown);
		await session.waitFor('got pageDown');
		session.press(keys.ctrlC); // Raw mode: Ctrl+C is a byte, not SIGINT.
		await session.waitFor('got ctrlC');
		session.press('é');
		const screen = await session.waitFor(/got "é"/);

		expect(screen.split('\n').slice(1, 5)).toEqual(['got up', 'got pageDown', 'got ctrlC', 'got "é"']);
		// The pty's output processing (ONLCR) may turn "\n" into "\r\n", so allow extra bytes.
		expect(session.bytesWrittenSince(beforeKeys)).toBeGreaterThanOrEqual(Buffer.byteLength('got up\r\ngot pageDown\r\ngot ctrlC\r\ngot "é"\r\n'));
	});

	it('resizes the emulator and signals the program', async () => {
		const session = await start(fullScreenProgram);
		await session.waitFor('ready 40x10');

		session.resize(60, 15);
		await session.waitFor('size 60x15');

		expect(session.lines()).toHaveLength(15);
		expect(session.terminal.cols).toBe(60);
	});

	it('accepts a predicate and resolves with the matching screen', async () => {
		const session = await start(fullScreenProgram);
		const screen = await session.waitFor(text => text.startsWith('ready'));

		expect(screen).toMatch(/^ready/);
	});

	it('rejects on timeout with the current screen in the message', async () => {
		const session = await start(fullScreenProgram);
		await session.waitFor('ready');

		const failure = session.waitFor('never shown', 100);

		await expect(failure).rejects.toThrow(/Timed out after 100ms waiting for "never shown"/);
		await expect(failure).rejects.toThrow(/\|ready 40x10 tty=true +\|/);
	});

	it('rejects as soon as the program exits without the screen matching', async () => {
		const session = await start('process.stdout.write("only this"); process.exit(3);');

		await expect(session.waitFor('something else', 20_000)).rejects.toThrow(/Program (already )?exited \(code 3\)[\s\S]*only this/);
		await expect(session.exited).resolves.toEqual({exitCode: 3});
	});

	it('reports termination by a signal', async () => {
		const session = await start(fullScreenProgram);
		await session.waitFor('ready');

		session.kill('SIGTERM');

		await expect(session.exited).resolves.toEqual({exitCode: 0, signal: 15});
	});

	it('answers terminal queries like a real terminal', async () => {
		const session = await start(String.raw`
			process.stdin.setRawMode(true);
			process.stdin.setEncoding('utf8');
			process.stdin.once('data', reply => {
				process.stdout.write('reply ' + JSON.stringify(reply) + '\r\n');
				process.exit(0);
			});
			process.stdout.write('\x1b[3;5H\x1b[6n');
		`);

		const screen = await session.waitFor('reply');

		expect(screen).toContain(String.raw`reply "\u001b[3;5R"`);
	});

	it('sets TERM and removes CI variables so Ink renders interactively', async () => {
		const previousCi = process.env['CI'];
		process.env['CI'] = 'true';
		try {
			const session = await start(
				String.raw`process.stdout.write([process.env.TERM, process.env.CI, process.env.EXTRA].join(',') + '\r\n');`,
				40,
				10,
				{EXTRA: 'extra'},
			);
			await session.exited;

			expect(session.lines()[0]).toBe('xterm-256color,,extra');
		} finally {
			if (previousCi === undefined) {
				delete process.env['CI'];
			} else {
				process.env['CI'] = previousCi;
			}
		}
	});
});

describe('runPiped', () => {
	it('runs without a TTY, feeds stdin, and captures stdout, stderr and the exit code', async () => {
		const result = await runPiped(
			process.execPath,
			['-e', String.raw`
				let input = '';
				process.stdin.setEncoding('utf8');
				process.stdin.on('data', chunk => { input += chunk; });
				process.stdin.on('end', () => {
					process.stdout.write(input.toUpperCase() + ' tty=' + Boolean(process.stdout.isTTY));
					process.stderr.write('warning: ' + process.env.GREETING);
					process.exitCode = 3;
				});
			`],
			{input: 'hello news', env: {GREETING: 'hi'}},
		);

		expect(result).toEqual({stdout: 'HELLO NEWS tty=false', stderr: 'warning: hi', exitCode: 3});
	});
});
