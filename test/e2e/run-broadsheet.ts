/**
 * Shared ground for the end-to-end tests: the built command, the sample, ways to start it in a real pseudo
 * terminal or with plain pipes, fixtures in a temporary directory, and readings of the screen a user would see.
 *
 * The tests run `dist/broadsheet.js` as built by `npm run build` (which `npm test` runs first).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {afterAll, afterEach} from 'vitest';
import {runPiped, startInTerminal, type PipedResult, type RunPipedOptions, type TerminalSession} from '../helpers/pty-terminal.js';

/** The repository's root directory; programs run there. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled command under test. */
export const commandPath = join(repositoryRoot, 'dist', 'broadsheet.js');
/** The sample everybody can open, relative to the repository root. */
export const samplePath = 'samples/taipei-times.txt';

/** The start of each of the sample's headlines, kicker first, as short as fits the narrowest list pane. */
export const sampleHeadlines = [
	'Japan and the US agreed in top-level talks',
	'EUROPEAN FUTURE? Albanian Prime Minister',
	'FRAUD ALLEGED: The leader of an opposition',
	'CANCER: Jose Mujica earned the moniker',
	'Myanmar’s junta chief met Chinese President',
] as const;

/** A terminal size in character cells. */
export type TerminalSize = {readonly columnCount: number; readonly rowCount: number};

/** Wide enough for the list and the article side by side. */
export const splitSize: TerminalSize = {columnCount: 120, rowCount: 30};
/** Columns of the list pane at {@link splitSize}; the separator `│` follows, then the article. */
export const splitListColumnCount = 48;
/** The classic terminal: one pane at a time. */
export const singlePaneSize: TerminalSize = {columnCount: 80, rowCount: 24};

const openSessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of openSessions.splice(0)) {
		session.dispose();
	}
});

/** Starts `node dist/broadsheet.js …args` in a pseudo terminal; the session is disposed after the test. */
export async function startBroadsheet(args: readonly string[], size: TerminalSize): Promise<TerminalSession> {
	const session = await startInTerminal(process.execPath, [commandPath, ...args], {...size, cwd: repositoryRoot});
	openSessions.push(session);
	return session;
}

/**
 * Starts `sh -c script` in a pseudo terminal, for what happens around the command: text before it, `stty` after it,
 * a pipe into it. In the script, `$BROADSHEET` runs the built command. The session is disposed after the test.
 */
export async function startShell(script: string, size: TerminalSize): Promise<TerminalSession> {
	const session = await startInTerminal('sh', ['-c', script], {
		...size,
		cwd: repositoryRoot,
		env: {BROADSHEET: `${process.execPath} ${commandPath}`},
	});
	openSessions.push(session);
	return session;
}

/** Runs `node dist/broadsheet.js …args` with plain pipes (no terminal anywhere). */
export async function runBroadsheetPiped(args: readonly string[], options: RunPipedOptions = {}): Promise<PipedResult> {
	return runPiped(process.execPath, [commandPath, ...args], {cwd: repositoryRoot, ...options});
}

/**
 * A temporary directory for the fixtures of one test file, removed after its tests. Returns a function that writes
 * one file into it and answers its path.
 */
export function useFixtureDirectory(): (name: string, content: string | Uint8Array) => string {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-'));
	afterAll(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return (name, content) => {
		const path = join(directory, name);
		writeFileSync(path, content);
		return path;
	};
}

/** The row the status line sits on: the frame is one row shorter than the terminal, so the second-to-last. */
export function statusRowIndex(session: TerminalSession): number {
	return session.terminal.rows - 2;
}

/** The screen as rows of text (right-trimmed), always one entry per terminal row. */
export function rowsOf(session: TerminalSession): string[] {
	return session.lines();
}

/** The list's position as its title row shows it (`3/5`), when that title row is the screen's top row. */
export function listPositionOnTopRow(screen: string): string | undefined {
	return /^ Headlines +(\d+\/\d+)(?: |$)/u.exec(screen.split('\n')[0] ?? '')?.[1];
}

/** Whether the screen's top row is the list's title showing `position` (e.g. `'4/5'`). */
export function showsPositionOnTopRow(position: string): (screen: string) => boolean {
	return screen => listPositionOnTopRow(screen) === position;
}

/** Indexes of the rows among `rowIndexes` whose cell at `column` is drawn inverse. */
export function inverseRows(session: TerminalSession, rowIndexes: readonly number[], column: number): number[] {
	const buffer = session.terminal.buffer.active;
	return rowIndexes.filter(rowIndex => {
		const cell = buffer.getLine(buffer.viewportY + rowIndex)?.getCell(column);
		return Boolean(cell?.isInverse());
	});
}

/** Indexes of the rows the emulator had to wrap onto from the row above: text wider than the terminal. */
export function wrappedRows(session: TerminalSession): number[] {
	const buffer = session.terminal.buffer.active;
	const result: number[] = [];
	for (let rowIndex = 0; rowIndex < session.terminal.rows; rowIndex++) {
		if (buffer.getLine(buffer.viewportY + rowIndex)?.isWrapped) {
			result.push(rowIndex);
		}
	}

	return result;
}

/** Lines that look like a JavaScript stack trace or an uncaught error, to assert there are none. */
export function crashLines(text: string): string[] {
	return text.split(/\r?\n/u).filter(line => /^\s+at .+[(:]\d+|\b\w*Error\b|internal error/u.test(line));
}
