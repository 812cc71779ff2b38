import {afterEach, describe, expect, it} from 'vitest';
import {startInTerminal, type TerminalSession} from '../helpers/pty-terminal.js';
import {commandPath, repositoryRoot} from './run-broadsheet.js';

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
});
