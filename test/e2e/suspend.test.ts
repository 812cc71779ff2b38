import process from 'node:process';
import {describe, expect, it} from 'vitest';
import {startInTerminal} from '../helpers/pty-terminal.js';
import {childProcessIds, commandPath, crashLines, repositoryRoot, samplePath, singlePaneSize} from '../helpers/run-broadsheet.js';

const ctrlZ = '\u001A';
const prompt = 'PROMPT$ ';

/** An interactive bash with job control at its prompt, `$BROADSHEET_NODE "$BROADSHEET_COMMAND"` runs Broadsheet. */
async function startInteractiveShell() {
	const session = await startInTerminal('bash', ['--norc', '--noprofile', '-i'], {
		...singlePaneSize,
		cwd: repositoryRoot,
		env: {PS1: prompt, BROADSHEET_NODE: process.execPath, BROADSHEET_COMMAND: commandPath},
	});
	await session.waitFor(prompt.trimEnd());
	return session;
}

/** Whether the screen shows the list whole: its title at `position` on top, every headline, and the status line. */
function showsWholeList(position: string) {
	return function wholeList(screen: string): boolean {
		const rows = screen.split('\n');
		return (
			/^ Headlines\b.* (\d+\/\d+)$/u.exec(rows[0] ?? '')?.[1] === position
			&& rows.filter(row => /^[ •*]\s?\S/u.test(row)).length >= 6
			&& rows.some(row => row.includes('taipei-times.txt · 5 articles'))
		);
	};
}

describe('Ctrl-Z in an interactive shell', () => {
	it('suspends to the shell with the terminal restored, and fg redraws the list whole with the keys working', async () => {
		const session = await startInteractiveShell();
		try {
			session.press(`"$BROADSHEET_NODE" "$BROADSHEET_COMMAND" --no-state ${samplePath}\r`);
			await session.waitFor(showsWholeList('1/5'), 10_000);
			session.press('j');
			await session.waitFor(showsWholeList('2/5'));

			session.press(ctrlZ);
			const stopped = await session.waitFor(screen => /Stopped/u.test(screen) && screen.trimEnd().endsWith(prompt.trimEnd()));
			expect(session.isAlternateScreen()).toBe(false);
			expect(session.cursorVisible()).toBe(true);
			expect(stopped).not.toContain('Headlines');

			session.press('fg\r');
			await session.waitFor(showsWholeList('2/5'), 10_000);
			expect(session.isAlternateScreen()).toBe(true);
			session.press('j');
			await session.waitFor(showsWholeList('3/5'));

			session.press('q');
			await session.waitFor(screen => screen.trimEnd().endsWith(prompt.trimEnd()) && !screen.includes('Headlines'));
			expect(session.isAlternateScreen()).toBe(false);
			expect(session.cursorVisible()).toBe(true);
			session.press('stty -a | grep -o -- "-\\?icanon"; echo "status $?"\r');
			const after = await session.waitFor(/^status \d+$/mu);
			expect(after.split('\n')).toContain('icanon');
			expect(crashLines(session.rawOutput())).toEqual([]);
		} finally {
			session.dispose();
		}
	}, 30_000);
});

describe('signals from outside (issue 17)', () => {
	/** Broadsheet in the foreground of an interactive shell, with its process id, for the signal. */
	const startInShell = async () => {
		const session = await startInteractiveShell();
		session.press(`"$BROADSHEET_NODE" "$BROADSHEET_COMMAND" --no-state ${samplePath}\r`);
		await session.waitFor(showsWholeList('1/5'), 10_000);
		const [pid] = await childProcessIds(session.pid);
		return {session, pid: pid!};
	};

	it('handles SIGTSTP from outside as Ctrl-Z: the shell gets its terminal, and fg redraws with raw mode back', async () => {
		const {session, pid} = await startInShell();
		try {
			process.kill(pid, 'SIGTSTP');
			await session.waitFor(screen => /Stopped/u.test(screen) && screen.trimEnd().endsWith(prompt.trimEnd()));
			expect(session.isAlternateScreen()).toBe(false);
			expect(session.cursorVisible()).toBe(true);

			session.press('fg\r');
			await session.waitFor(showsWholeList('1/5'), 10_000);
			session.press('j');
			await session.waitFor(showsWholeList('2/5'));
			session.press('q');
			await session.waitFor(screen => screen.trimEnd().endsWith(prompt.trimEnd()) && !screen.includes('Headlines'));
		} finally {
			session.dispose();
		}
	}, 30_000);

	it.each(['SIGQUIT', 'SIGUSR2'] as const)('puts the terminal back on %s before ending with it', async signal => {
		const {session, pid} = await startInShell();
		try {
			process.kill(pid, signal);
			await session.waitFor(screen => screen.trimEnd().endsWith(prompt.trimEnd()) && !screen.includes('Headlines'));
			expect(session.isAlternateScreen()).toBe(false);
			expect(session.cursorVisible()).toBe(true);
			session.press('stty -a | grep -o -- "-\\?icanon"; echo "status $?"\r');
			const after = await session.waitFor(/^status \d+$/mu);
			expect(after.split('\n')).toContain('icanon');
		} finally {
			session.dispose();
		}
	}, 30_000);
});
