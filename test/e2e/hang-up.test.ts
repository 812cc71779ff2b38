import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterAll, describe, expect, it} from 'vitest';
import {startInTerminal} from '../helpers/pty-terminal.js';
import {commandPath, crashLines, repositoryRoot, samplePath, singlePaneSize, waitForFile} from '../helpers/run-broadsheet.js';

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-hang-up-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('the terminal going away (an SSH link dropping)', () => {
	it('ends Broadsheet at once with the status of SIGHUP and nothing on stderr', async () => {
		const stderrPath = join(directory, 'stderr');
		const statusPath = join(directory, 'status');
		// The shell ignores the hang-up so that it lives to write down how Broadsheet ended.
		const session = await startInTerminal('sh', ['-c', `trap '' HUP; "$0" "$1" --no-state "$2" 2>"$3"; echo "$?" > "$4"`, process.execPath, commandPath, samplePath, stderrPath, statusPath], {
			...singlePaneSize,
			cwd: repositoryRoot,
		});
		await session.waitFor('5 articles', 10_000);

		session.hangUp();
		await waitForFile(statusPath);

		// The shell reports the signal (`Hangup`); Broadsheet itself says nothing, and never a native stack trace.
		expect(readFileSync(stderrPath, 'utf8').split('\n').filter(line => line !== '' && line !== 'Hangup')).toEqual([]);
		expect(readFileSync(statusPath, 'utf8').trim()).toBe('129');
		expect(crashLines(session.rawOutput())).toEqual([]);
	}, 30_000);
});
