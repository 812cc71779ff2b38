import process from 'node:process';
import {describe, expect, it} from 'vitest';
import {keys, type TerminalExit, type TerminalSession} from '../helpers/pty-terminal.js';
import {childProcessIds, crashLines, samplePath, singlePaneSize, startBroadsheet, startShell} from '../helpers/run-broadsheet.js';

/** One way the program can end, and how it should exit. */
type Ending = {
	readonly name: string;
	/** Ends the program whose process id is `pid`, running in `session`. */
	readonly end: (session: TerminalSession, pid: number) => void;
	readonly isClean: boolean;
};

const endings: readonly Ending[] = [
	{name: 'q', end: session => session.press('q'), isClean: true},
	{name: 'Ctrl-C', end: session => session.press(keys.ctrlC), isClean: true},
	{name: 'SIGTERM', end: (_session, pid) => process.kill(pid, 'SIGTERM'), isClean: false},
	{name: 'SIGHUP', end: (_session, pid) => process.kill(pid, 'SIGHUP'), isClean: false},
];

/** A clean ending exits 0; a signal ends it with a non-zero status or the signal itself. */
function expectExit(exit: TerminalExit, ending: Ending): void {
	if (ending.isClean) {
		expect(exit).toEqual({exitCode: 0});
	} else {
		expect(exit.exitCode !== 0 || exit.signal !== undefined).toBe(true);
	}
}

describe.each(endings)('ending with $name', ending => {
	it('leaves the alternate screen with the cursor shown and no error', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		expect(session.isAlternateScreen()).toBe(true);
		expect(session.cursorVisible()).toBe(false);

		ending.end(session, session.pid);
		const exit = await session.exited;

		expectExit(exit, ending);
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.cursorVisible()).toBe(true);
		expect(crashLines(session.rawOutput())).toEqual([]);
		expect(session.screen().trim()).toBe('');
	});

	it('turns raw mode off, so the shell gets its line editing back', async () => {
		const session = await startShell(
			`broadsheet ${samplePath}; echo "exit status $?"; stty -a | grep -o -- "-\\?icanon"; stty -a | grep -o -- "-\\?echo\\b"; echo DONE`,
			singlePaneSize,
		);
		const [pid] = await childProcessIds(session.pid);

		ending.end(session, pid!);
		await session.waitFor(/^DONE$/mu);
		const rows = session.lines();

		expect(rows).toContain('icanon');
		expect(rows).toContain('echo');
		expect(rows).not.toContain('-icanon');
		expect(rows).not.toContain('-echo');
		expect(rows.find(row => row.startsWith('exit status'))).toMatch(ending.isClean ? /^exit status 0$/u : /^exit status [1-9]\d*$/u);
		expect(crashLines(session.screen())).toEqual([]);
	});
});

describe('the main screen', () => {
	it('keeps what was printed before Broadsheet started, with nothing of Broadsheet left on it', async () => {
		const session = await startShell(`echo BEFORE; broadsheet ${samplePath}; echo AFTER`, singlePaneSize);

		session.press('q');
		await session.exited;
		const rows = session.lines();

		expect(rows.slice(0, 2)).toEqual(['BEFORE', 'AFTER']);
		expect(rows.slice(2).filter(row => row !== '')).toEqual([]);
		expect(session.terminal.buffer.normal.length).toBe(singlePaneSize.rowCount);
	});
});
