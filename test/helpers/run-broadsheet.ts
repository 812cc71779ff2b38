/**
 * Shared ground for the end-to-end tests: the built command, the sample, ways to start it in a real pseudo
 * terminal or with plain pipes, fixtures in a temporary directory, and readings of the screen a user would see.
 *
 * The tests run `dist/broadsheet.js` as built by `npm run build` (which `npm test` runs first).
 */
import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, afterEach} from 'vitest';
import {
	runPiped,
	startInTerminal,
	type PipedResult,
	type RunPipedOptions,
	type ScreenCondition,
	type TerminalSession,
} from './pty-terminal.js';

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
/** The classic terminal: one pane at a time. */
export const singlePaneSize: TerminalSize = {columnCount: 80, rowCount: 24};

/**
 * The environment every run starts from, whatever the machine's: a UTF-8 locale (so Unicode chrome), colour
 * allowed, a config directory with no config file in it (so a user's config.json never changes a test), and a cache
 * directory of the tests' own.
 */
export const testEnvironment: Readonly<Record<string, string | undefined>> = {
	LANG: 'C.UTF-8',
	LC_ALL: undefined,
	LC_CTYPE: undefined,
	NO_COLOR: undefined,
	XDG_CONFIG_HOME: join(tmpdir(), 'broadsheet-e2e-no-config'),
	// The code cache and the parse cache of the tests' own, shared by them (so their starts are quick), never the user's.
	XDG_CACHE_HOME: join(tmpdir(), 'broadsheet-e2e-cache'),
};

const openSessions: TerminalSession[] = [];

/** Holds a fresh state directory for every program a test starts, so that no test reads or writes ~/.local/state. */
const stateHomesRoot = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-state-'));
let stateHomeCount = 0;
afterAll(() => {
	rmSync(stateHomesRoot, {recursive: true, force: true});
});

/** A new, empty `XDG_STATE_HOME` (not created yet: Broadsheet creates its directory when it first saves). */
export function freshStateHome(): string {
	stateHomeCount++;
	return join(stateHomesRoot, String(stateHomeCount));
}

/** Options for starting the command: environment overrides, merged over `process.env` and a fresh `XDG_STATE_HOME`. */
export type StartOptions = {readonly env?: Record<string, string | undefined>};
/** Whether the emulator is inside a frame Ink has begun and not yet finished, per session. */
const framesBeingDrawn = new WeakMap<TerminalSession, {isDrawing: boolean}>();
/** Synchronized output (DEC private mode 2026): Ink brackets each frame with `CSI ?2026h` … `CSI ?2026l`. */
const synchronizedOutputMode = 2026;

afterEach(() => {
	for (const session of openSessions.splice(0)) {
		session.dispose();
	}
});

/**
 * Follows the frame brackets as the emulator parses them, so that {@link waitForFrame} can tell a finished frame
 * from one the pty handed over in several chunks. Must run before any output is parsed.
 */
function trackFrames(session: TerminalSession): TerminalSession {
	const frame = {isDrawing: false};
	for (const final of ['h', 'l'] as const) {
		session.terminal.parser.registerCsiHandler({prefix: '?', final}, parameters => {
			if (parameters.includes(synchronizedOutputMode)) {
				frame.isDrawing = final === 'h';
			}

			return false; // Let the emulator handle the mode as usual.
		});
	}

	framesBeingDrawn.set(session, frame);
	openSessions.push(session);
	return session;
}

const execFileAsync = promisify(execFile);

/** The terminal device (`/dev/pts/3`) the process `pid` runs in. */
async function terminalDeviceOf(pid: number): Promise<string> {
	const {stdout} = await execFileAsync('ps', ['-o', 'tty=', '-p', String(pid)]);
	return `/dev/${stdout.trim()}`;
}

/** Whether the terminal `device` is in raw mode (no line editing), as `stty` reports it. */
async function isRawMode(device: string): Promise<boolean> {
	const {stdout} = await execFileAsync('sh', ['-c', 'stty -a < "$0"', device]);
	return /(?:^|\s)-icanon(?:\s|$)/u.test(stdout);
}

/**
 * Resolves once the program has drawn its first frame and turned raw mode on. Ink turns raw mode on only after
 * the first frame, so a key pressed in between is echoed by the terminal onto the screen's last row, and tests that
 * look at the whole screen would fail at random.
 */
async function waitUntilReadyForKeys(session: TerminalSession): Promise<TerminalSession> {
	await waitForFrame(session, function firstFrame(screen) {
		return screen.trim() !== '';
	});
	let hasExited = false;
	void session.exited.then(() => {
		hasExited = true;
	});
	const device = await terminalDeviceOf(session.pid);
	const deadline = Date.now() + 5000;
	// Each check runs stty, which takes a few milliseconds: that is the polling interval.
	while (hasExited || !(await isRawMode(device))) {
		if (hasExited || Date.now() > deadline) {
			throw new Error(`The terminal never went into raw mode; the screen:\n${session.screen()}`);
		}
	}

	return session;
}

/** Options for starting the command: environment variables to set over {@link testEnvironment} (`undefined` removes one). */
export type BroadsheetOptions = {
	readonly env?: Record<string, string | undefined>;
	/**
	 * The `TERM` the command sees, where the pseudo terminal would set its own (`xterm-256color`); null unsets it.
	 * Only {@link runBroadsheetInTerminal} takes it.
	 */
	readonly term?: string | null;
};

/** Starts `node dist/broadsheet.js …args` in a pseudo terminal, without waiting for anything; disposed after the test. */
export async function spawnBroadsheet(args: readonly string[], size: TerminalSize, options: BroadsheetOptions = {}): Promise<TerminalSession> {
	return trackFrames(
		await startInTerminal(process.execPath, [commandPath, ...args], {
			...size,
			cwd: repositoryRoot,
			env: {...testEnvironment, XDG_STATE_HOME: freshStateHome(), ...options.env},
		}),
	);
}

/** What a run of the command in a terminal gave: its exit code and everything it wrote, in the session. */
export type TerminalRun = {
	readonly exitCode: number;
	/** Everything the command wrote to the terminal, as the terminal received it. */
	readonly output: string;
	/** The screen's rows, without the line that reports the exit. */
	readonly rows: string[];
	readonly session: TerminalSession;
};

const exitReport = /\r?\n\[broadsheet exited with (\d+)\]\r?\n/u;

/**
 * Runs `node dist/broadsheet.js …args` to its end in a pseudo terminal, for commands that print and exit. The
 * command runs under a shell that keeps the terminal open a moment after it ends: node-pty can close the terminal
 * before the last output of a program that exits at once has been read (under load it lost kilobytes).
 */
export async function runBroadsheetInTerminal(args: readonly string[], size: TerminalSize, options: BroadsheetOptions = {}): Promise<TerminalRun> {
	// node-pty sets TERM to the terminal's name: the script sets the one asked for over it.
	const termSetup = options.term === undefined ? '' : options.term === null ? 'unset TERM; ' : 'TERM="$BROADSHEET_TEST_TERM"; export TERM; ';
	const script = termSetup + '"$@"; printf \'\\n[broadsheet exited with %s]\\n\' "$?"; sleep 10';
	const session = trackFrames(
		await startInTerminal('sh', ['-c', script, 'sh', process.execPath, commandPath, ...args], {
			...size,
			cwd: repositoryRoot,
			env: {...testEnvironment, XDG_STATE_HOME: freshStateHome(), BROADSHEET_TEST_TERM: options.term ?? undefined, ...options.env},
		}),
	);
	await session.waitFor(/\[broadsheet exited with \d+\]/u, 20_000);
	const rawOutput = session.rawOutput();
	const exitCode = Number(exitReport.exec(rawOutput)?.[1]);
	return {
		exitCode,
		output: rawOutput.replace(exitReport, ''),
		rows: session.lines().filter(row => !row.startsWith('[broadsheet exited with ')),
		session,
	};
}

/**
 * Starts `node dist/broadsheet.js …args` in a pseudo terminal and resolves once it is ready for keys (first frame
 * drawn, raw mode on); the session is disposed after the test.
 */
export async function startBroadsheet(args: readonly string[], size: TerminalSize, options: BroadsheetOptions = {}): Promise<TerminalSession> {
	return waitUntilReadyForKeys(await spawnBroadsheet(args, size, options));
}

/**
 * Resolves with the screen once it matches `condition` and Ink has finished the frame it was drawing: a frame can
 * reach the emulator in several chunks, and half a frame matches too early. Rejects like `session.waitFor`.
 */
export async function waitForFrame(session: TerminalSession, condition: ScreenCondition, timeoutMs?: number): Promise<string> {
	const matches = (screen: string): boolean => {
		if (typeof condition === 'string') {
			return screen.includes(condition);
		}

		if (typeof condition === 'function') {
			return condition(screen);
		}

		condition.lastIndex = 0;
		return condition.test(screen);
	};

	const isFrameComplete = (screen: string) => framesBeingDrawn.get(session)?.isDrawing !== true && matches(screen);
	const description = typeof condition === 'function' ? condition.name || 'a predicate' : String(condition);
	Object.defineProperty(isFrameComplete, 'name', {value: `a finished frame matching ${description}`});
	return session.waitFor(isFrameComplete, timeoutMs);
}

/**
 * Starts `sh -c script` in a pseudo terminal, for what happens around the command: text before it, `stty` after it,
 * a pipe into it. In the script, the shell function `broadsheet` runs the built command (as a child of the shell).
 * Resolves once the command is ready for keys; the session is disposed after the test.
 */
export async function startShell(script: string, size: TerminalSize): Promise<TerminalSession> {
	const session = await startInTerminal('sh', ['-c', `broadsheet() { "$BROADSHEET_NODE" "$BROADSHEET_COMMAND" "$@"; }\n${script}`], {
		...size,
		cwd: repositoryRoot,
		env: {...testEnvironment, BROADSHEET_NODE: process.execPath, BROADSHEET_COMMAND: commandPath, XDG_STATE_HOME: freshStateHome()},
	});
	return waitUntilReadyForKeys(trackFrames(session));
}

/** The process ids of the children of process `pid` (in a shell session: the command it runs). */
export async function childProcessIds(pid: number): Promise<number[]> {
	const {stdout} = await execFileAsync('pgrep', ['-P', String(pid)]);
	return stdout.split('\n').filter(Boolean).map(Number);
}

/** Runs `node dist/broadsheet.js …args` with plain pipes (no terminal anywhere). */
export async function runBroadsheetPiped(args: readonly string[], options: RunPipedOptions = {}): Promise<PipedResult> {
	return runPiped(process.execPath, [commandPath, ...args], {
		cwd: repositoryRoot,
		...options,
		env: {...testEnvironment, XDG_STATE_HOME: freshStateHome(), ...options.env},
	});
}

/** A temporary directory for the fixtures of one test file. */
export type FixtureDirectory = {
	readonly path: string;
	/** Writes one file into the directory and answers its path. */
	write(name: string, content: string | Uint8Array): string;
};

/** Creates a temporary directory for the fixtures of one test file, removed after its tests. */
export function useFixtureDirectory(): FixtureDirectory {
	const path = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-'));
	afterAll(() => {
		rmSync(path, {recursive: true, force: true});
	});
	return {
		path,
		write(name, content) {
			const filePath = join(path, name);
			writeFileSync(filePath, content);
			return filePath;
		},
	};
}

/** The row the status line sits on: the terminal's last (the frame is as tall as the terminal). */
export function statusRowIndex(session: TerminalSession): number {
	return session.terminal.rows - 1;
}

/** The list's position as its title row shows it (`3/5`), when that title row is the screen's top row. */
export function listPositionOnTopRow(screen: string): string | undefined {
	return /^ Headlines [·-] [^\d]+? +(\d+\/\d+)(?: |$)/u.exec(screen.split('\n')[0] ?? '')?.[1];
}

/** Indexes of the rows among `rowIndexes` whose cell at `column` is drawn inverse. */
export function inverseRows(session: TerminalSession, rowIndexes: readonly number[], column: number): number[] {
	const buffer = session.terminal.buffer.active;
	return rowIndexes.filter(rowIndex => {
		const cell = buffer.getLine(buffer.viewportY + rowIndex)?.getCell(column);
		return Boolean(cell?.isInverse());
	});
}

/** The pane separator between the list and the article. */
export const paneSeparator = '│';

/** The characters in column `column` of each of the rows `rowIndexes` (`''` for the right half of a wide character). */
export function columnCells(session: TerminalSession, rowIndexes: readonly number[], column: number): string[] {
	const buffer = session.terminal.buffer.active;
	return rowIndexes.map(rowIndex => buffer.getLine(buffer.viewportY + rowIndex)?.getCell(column)?.getChars() ?? '');
}

/** The column of the pane separator on the top row, when the panes stand side by side. */
export function separatorColumn(session: TerminalSession): number | undefined {
	const line = session.terminal.buffer.active.getLine(session.terminal.buffer.active.viewportY);
	for (let column = 0; column < session.terminal.cols; column++) {
		if (line?.getCell(column)?.getChars() === paneSeparator) {
			return column;
		}
	}

	return undefined;
}

/** The article pane's part of a row when the panes stand side by side: what follows the separator and its margin. */
export function articleSide(row: string | undefined): string {
	const separatorIndex = row?.indexOf(paneSeparator) ?? -1;
	return separatorIndex === -1 ? '' : (row?.slice(separatorIndex + 2) ?? '');
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

/**
 * Resolves with a file's text once it exists (and, with `hasText`, once it is not empty): for commands that run
 * in their own time, such as a browser started detached or a shell reporting how a command ended.
 */
export async function waitForFile(path: string, {timeoutMs = 10_000, hasText = false} = {}): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	while (!existsSync(path) || (hasText && readFileSync(path, 'utf8') === '')) {
		if (Date.now() > deadline) {
			throw new Error(`${path} never appeared`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	return readFileSync(path, 'utf8');
}
