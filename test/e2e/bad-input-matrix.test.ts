/**
 * Runs every row of the bad-input matrix (test/e2e/bad-inputs.ts, also readme.md's troubleshooting table) against the
 * built command: the exact lines on stderr, each one starting `broadsheet:`, never a stack trace, and the exit code.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {keys, runPiped, startInTerminal, type TerminalSession} from '../helpers/pty-terminal.js';
import {type BadInput, badInputs} from '../helpers/bad-inputs.js';
import {commandPath, crashLines, repositoryRoot, waitForFile} from '../helpers/run-broadsheet.js';

const rootDirectory = mkdtempSync(join(tmpdir(), 'broadsheet-matrix-'));
const binDirectory = join(rootDirectory, 'bin');
mkdirSync(binDirectory);
// A real `broadsheet` on the PATH, so that rows can hand it to other commands (`setsid -w broadsheet`).
writeFileSync(join(binDirectory, 'broadsheet'), '#!/bin/sh\nexec "$BROADSHEET_NODE" "$BROADSHEET_COMMAND" "$@"\n', {mode: 0o755});
const environment = {PATH: `${binDirectory}:${process.env['PATH'] ?? ''}`, BROADSHEET_NODE: process.execPath, BROADSHEET_COMMAND: commandPath};

const cleanups: Array<() => void> = [];
const sessions: TerminalSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}

	for (const cleanup of cleanups.splice(0)) {
		cleanup();
	}
});
afterAll(() => {
	rmSync(rootDirectory, {recursive: true, force: true});
});

type Outcome = {readonly stderr: string; readonly stdout?: string; readonly exitCode: number};

/** Runs the row's command with plain pipes, or in a pseudo terminal when it needs one. */
async function run(row: BadInput, directory: string): Promise<Outcome> {
	if (!row.needsTerminal) {
		const result = await runPiped('bash', ['-c', `set -o pipefail\n${row.command}`], {cwd: directory, env: environment});
		return {stderr: result.stderr, stdout: result.stdout, exitCode: result.exitCode};
	}

	const stderrPath = join(rootDirectory, `stderr-${Date.now()}-${Math.random()}`);
	const session = await startInTerminal('bash', ['-c', `set -o pipefail\n{ ${row.command} ; } 2>"$BROADSHEET_STDERR"`], {
		columnCount: 80,
		rowCount: 24,
		cwd: directory,
		env: {...environment, BROADSHEET_STDERR: stderrPath},
	});
	sessions.push(session);
	if (row.interruptAfter) {
		await waitForFile(join(directory, row.interruptAfter));
		session.press(keys.ctrlC);
	}

	const exit = await session.exited;
	// A shell reports a command killed by a signal as 128 plus the signal's number.
	return {stderr: readFileSync(stderrPath, 'utf8'), exitCode: exit.signal ? 128 + exit.signal : exit.exitCode};
}

describe('the bad-input matrix', () => {
	const isRoot = process.getuid?.() === 0;
	it.each(badInputs.map(row => [row.problem, row] as const))('%s', async (_problem, row) => {
		if (row.isSkippedAsRoot && isRoot) {
			return;
		}

		if (row.testedIn) {
			// Shown by a test of its own: it must be there.
			expect(readFileSync(join(repositoryRoot, row.testedIn.file), 'utf8')).toContain(row.testedIn.test);
			return;
		}

		const directory = mkdtempSync(join(rootDirectory, 'row-'));
		const cleanup = row.setup?.(directory);
		if (cleanup) {
			cleanups.push(cleanup);
		}

		const outcome = await run(row, directory);
		const stderrLines = outcome.stderr.split('\n').filter(line => line !== '');

		expect(stderrLines).toEqual(row.stderr);
		for (const line of stderrLines) {
			expect(line).toMatch(/^broadsheet: /u);
		}

		expect(crashLines(outcome.stderr)).toEqual([]);
		expect(outcome.exitCode).toBe(row.exitCode);
		if (row.stdout !== undefined) {
			expect(outcome.stdout?.trimEnd()).toBe(row.stdout);
		}
	}, 60_000);
});
