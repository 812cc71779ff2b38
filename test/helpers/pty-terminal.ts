/**
 * A real-pseudo-terminal test driver.
 *
 * `startInTerminal` runs a program inside a genuine pty (via `@lydell/node-pty`), so the
 * program sees `process.stdout.isTTY === true`, can enter raw mode, receives SIGWINCH on
 * resize, and so on. Everything the program writes is fed into a headless xterm.js
 * emulator (`@xterm/headless`) of the same size, so tests can assert on what a user
 * would actually see on screen, not on the raw escape-sequence soup.
 *
 * `runPiped` runs a program with plain pipes (no TTY) for testing non-interactive paths.
 */
import {spawn as spawnChildProcess} from 'node:child_process';
import {spawn as spawnPty, type IPty} from '@lydell/node-pty';
// `@xterm/headless` is a CommonJS webpack bundle: Node's ESM loader only exposes its
// `module.exports` as the default export (a named `import {Terminal}` fails at runtime).
import xtermHeadless from '@xterm/headless';
// Emoji two columns wide, as tmux, xterm and every current terminal draw them (xterm.js alone defaults to Unicode 6).
import unicode11 from '@xterm/addon-unicode11';

const {Terminal} = xtermHeadless;
type HeadlessTerminal = InstanceType<typeof Terminal>;

/**
 * Raw byte sequences for common keys, as an xterm-compatible terminal sends them
 * (normal cursor-key mode). Pass them to {@link TerminalSession.press}.
 */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	ctrlC: '\u0003',
} as const;

/** Options for {@link startInTerminal}. */
export type StartInTerminalOptions = {
	/** Terminal width in columns. */
	columnCount: number;
	/** Terminal height in rows. */
	rowCount: number;
	/** Working directory for the program; defaults to `process.cwd()`. */
	cwd?: string | undefined;
	/**
	 * Environment overrides, merged over `process.env`. A value of `undefined` removes the
	 * variable. `CI` and `CONTINUOUS_INTEGRATION` are removed by default (Ink renders only
	 * the final frame when it thinks it runs in CI); pass them here explicitly to keep them.
	 * `TERM` is always `xterm-256color`.
	 */
	env?: Record<string, string | undefined> | undefined;
	/** Not supported: stdin is always the pseudo terminal. Use {@link runPiped} for piped input. */
	stdinFile?: never;
};

/** How the program ended. */
export type TerminalExit = {
	/** The exit code (0 when the program was killed by a signal). */
	exitCode: number;
	/** The terminating signal number, if the program was killed by one. */
	signal?: number;
};

/** Something the screen can be waited for: a substring, a pattern, or a predicate over the screen text. */
export type ScreenCondition = string | RegExp | ((screen: string) => boolean);

/** A running program attached to a pseudo terminal and a headless terminal emulator. */
export type TerminalSession = {
	/**
	 * The visible viewport as text: one line per terminal row, each right-trimmed, joined
	 * with `'\n'`. Reflects only output that xterm has already parsed — call
	 * {@link TerminalSession.settle} first (or use {@link TerminalSession.waitFor}).
	 */
	screen(): string;
	/** The visible viewport as an array of right-trimmed lines (always `rowCount` entries). */
	lines(): string[];
	/** Everything the program has written so far, escape sequences included. */
	rawOutput(): string;
	/** The number of bytes (UTF-8) the program has written so far; pass to {@link TerminalSession.bytesWrittenSince}. */
	mark(): number;
	/** How many bytes the program has written since `mark` (a value returned by {@link TerminalSession.mark}). */
	bytesWrittenSince(mark: number): number;
	/**
	 * Resolves with the screen once it matches `condition`. The condition is re-checked after
	 * every chunk of output has been parsed by the emulator (no polling sleeps). Rejects
	 * with an error containing the current screen if `timeoutMs` passes first, or as soon as
	 * the program exits without the screen matching.
	 */
	waitFor(condition: ScreenCondition, timeoutMs?: number): Promise<string>;
	/**
	 * Writes raw strings to the program's terminal input, in order (see {@link keys}).
	 * Several keys written back-to-back may reach the program in a single read; a lone
	 * `keys.escape` followed immediately by another key may look like Alt+key. Before the
	 * program switches to raw mode, the pty is in cooked mode (echo, line buffering), so
	 * wait for the first render before pressing keys. Throws if the program has exited.
	 */
	press(...keysToPress: string[]): void;
	/** Resizes the emulator and then the pty (which sends SIGWINCH to the program). */
	resize(columnCount: number, rowCount: number): void;
	/** Whether the cursor is visible (DECTCEM, `CSI ?25 h` / `CSI ?25 l`), as of the parsed output. */
	cursorVisible(): boolean;
	/** Whether the alternate screen buffer is active (e.g. after `CSI ?1049 h`), as of the parsed output. */
	isAlternateScreen(): boolean;
	/** Resolves once the emulator has parsed all output received so far. */
	settle(): Promise<void>;
	/** Resolves when the program exits, after all its output has been received and parsed. */
	exited: Promise<TerminalExit>;
	/** Sends a signal to the program (default `SIGHUP`, as node-pty does). No-op after exit. */
	kill(signal?: string): void;
	/** Closes the terminal's master side, as a dropped SSH link does: the kernel hangs up on the program. */
	hangUp(): void;
	/**
	 * Kills the program (SIGKILL) if still running and frees the emulator. Safe to call more
	 * than once; `exited` still resolves afterwards. Call it in `afterEach`/`finally`.
	 */
	dispose(): void;
	/** The underlying emulator, for assertions the helpers above do not cover (colors, cursor position…). */
	readonly terminal: HeadlessTerminal;
	/** The process id of the program. */
	readonly pid: number;
};

/** Variables removed from the child's environment unless the caller sets them explicitly. */
const variablesRemovedByDefault = ['CI', 'CONTINUOUS_INTEGRATION'];

function buildEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string> {
	const merged: Record<string, string | undefined> = {...process.env};
	for (const name of variablesRemovedByDefault) {
		delete merged[name];
	}

	Object.assign(merged, overrides);
	const environment: Record<string, string> = {};
	for (const [name, value] of Object.entries(merged)) {
		if (value !== undefined) {
			environment[name] = value;
		}
	}

	return environment;
}

function describeCondition(condition: ScreenCondition): string {
	if (typeof condition === 'string') {
		return JSON.stringify(condition);
	}

	if (condition instanceof RegExp) {
		return String(condition);
	}

	return condition.name ? `predicate ${condition.name}` : 'predicate';
}

function screenMatches(screen: string, condition: ScreenCondition): boolean {
	if (typeof condition === 'string') {
		return screen.includes(condition);
	}

	if (condition instanceof RegExp) {
		condition.lastIndex = 0; // Global/sticky patterns are stateful; make each check independent.
		return condition.test(screen);
	}

	return condition(screen);
}

function frameScreen(screen: string, columnCount: number): string {
	const border = '-'.repeat(columnCount);
	return `+${border}+\n${screen.split('\n').map(line => `|${line.padEnd(columnCount)}|`).join('\n')}\n+${border}+`;
}

/**
 * Reads xterm's internal cursor-visibility flag. The public API (`terminal.modes`) does not
 * expose DECTCEM, but xterm tracks it as `coreService.isCursorHidden`. Returns `undefined`
 * if a future xterm version moves it, so the caller can fall back to scanning raw output.
 */
function readInternalCursorHidden(terminal: HeadlessTerminal): boolean | undefined {
	const core = (terminal as unknown as {_core?: {coreService?: {isCursorHidden?: unknown}}})._core;
	const hidden = core?.coreService?.isCursorHidden;
	return typeof hidden === 'boolean' ? hidden : undefined;
}

const cursorVisibilityPattern = /\u001B\[\?25([hl])/g;

function cursorVisibleFromRawOutput(output: string): boolean {
	let visible = true;
	for (const match of output.matchAll(cursorVisibilityPattern)) {
		visible = match[1] === 'h';
	}

	return visible;
}

type ScreenWaiter = {
	check(): void;
	rejectForExit(exit: TerminalExit): void;
};

/**
 * Starts `command` with `args` inside a real pseudo terminal (`TERM=xterm-256color`) of the
 * given size, and mirrors its output into a headless xterm emulator.
 *
 * Query responses from the emulator (e.g. the reply to a cursor-position request
 * `CSI 6 n`) are written back to the program, as a real terminal would.
 */
export async function startInTerminal(
	command: string,
	args: string[],
	options: StartInTerminalOptions,
): Promise<TerminalSession> {
	const {columnCount, rowCount} = options;
	const terminal = new Terminal({
		cols: columnCount,
		rows: rowCount,
		allowProposedApi: true,
		scrollback: 1000,
	});
	terminal.loadAddon(new unicode11.Unicode11Addon());
	terminal.unicode.activeVersion = '11';

	const pty: IPty = spawnPty(command, args, {
		name: 'xterm-256color',
		cols: columnCount,
		rows: rowCount,
		cwd: options.cwd ?? process.cwd(),
		env: buildEnvironment(options.env),
	});

	const outputChunks: string[] = [];
	let rawOutputCache: string | undefined = '';
	let bytesWritten = 0;
	/** Set as soon as the process is gone: no more writes, resizes or signals. */
	let processGone = false;
	/** Set once the exit has been observed and all output parsed: waiters are rejected from then on. */
	let hasExited = false;
	let isDisposed = false;
	let exitResult: TerminalExit | undefined;
	/** Resolves when xterm has parsed the most recent chunk (xterm parses writes in order). */
	let latestChunkParsed: Promise<void> = Promise.resolve();
	/** Resolvers of chunks xterm has not parsed yet; released on dispose so `settle` never hangs. */
	const pendingParseResolvers = new Set<() => void>();
	const waiters = new Set<ScreenWaiter>();

	const notifyWaiters = (): void => {
		for (const waiter of [...waiters]) {
			waiter.check();
		}
	};

	let lastOutputTime = performance.now();
	/** Resolves once no output has arrived for `quietMs`, or after `limitMs` at most. */
	const outputQuiet = async (quietMs = 60, limitMs = 1000): Promise<void> => {
		const deadline = performance.now() + limitMs;
		while (performance.now() - lastOutputTime < quietMs && performance.now() < deadline) {
			await new Promise(resolve => {
				setTimeout(resolve, quietMs);
			});
		}
	};

	const settle = async (): Promise<void> => {
		let awaited: Promise<void>;
		do {
			awaited = latestChunkParsed;
			await awaited;
		} while (awaited !== latestChunkParsed);
	};

	pty.onData(chunk => {
		outputChunks.push(chunk);
		lastOutputTime = performance.now();
		rawOutputCache = undefined;
		bytesWritten += Buffer.byteLength(chunk, 'utf8');
		if (isDisposed) {
			return;
		}

		latestChunkParsed = new Promise(resolve => {
			pendingParseResolvers.add(resolve);
			terminal.write(chunk, () => {
				pendingParseResolvers.delete(resolve);
				resolve();
				notifyWaiters();
			});
		});
	});

	// The emulator answers queries (DSR, DA, DECRQM…) via onData; forward them like a real terminal.
	terminal.onData(reply => {
		if (!processGone && !isDisposed) {
			pty.write(reply);
		}
	});

	const exited = new Promise<TerminalExit>(resolve => {
		pty.onExit(({exitCode, signal}) => {
			processGone = true;
			// node-pty can report the exit a moment before the last output (a shell's final lines) has been read:
			// wait until the output has been quiet for a while, then until the emulator has parsed all of it.
			void outputQuiet().then(settle).then(() => {
				hasExited = true;
				exitResult = signal ? {exitCode, signal} : {exitCode};
				for (const waiter of [...waiters]) {
					waiter.rejectForExit(exitResult);
				}

				resolve(exitResult);
			});
		});
	});

	const lines = (): string[] => {
		const buffer = terminal.buffer.active;
		const result: string[] = [];
		for (let row = 0; row < terminal.rows; row++) {
			result.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true).trimEnd() ?? '');
		}

		return result;
	};

	const screen = (): string => lines().join('\n');

	const rawOutput = (): string => {
		rawOutputCache ??= outputChunks.join('');
		return rawOutputCache;
	};

	const waitFor = async (condition: ScreenCondition, timeoutMs = 5000): Promise<string> => {
		await settle();
		const current = screen();
		if (screenMatches(current, condition)) {
			return current;
		}

		const describeFailure = (reason: string): Error => {
			const shown = screen();
			return new Error(
				`${reason} waiting for ${describeCondition(condition)} on the ${terminal.cols}x${terminal.rows} screen:\n`
				+ frameScreen(shown, terminal.cols),
			);
		};

		if (hasExited && exitResult) {
			throw describeFailure(`Program already exited (code ${exitResult.exitCode})`);
		}

		return new Promise<string>((resolve, reject) => {
			const finish = (): void => {
				clearTimeout(timer);
				waiters.delete(waiter);
			};

			const waiter: ScreenWaiter = {
				check() {
					let matched: boolean;
					try {
						matched = screenMatches(screen(), condition);
					} catch (error) {
						finish();
						reject(error instanceof Error ? error : new Error(String(error)));
						return;
					}

					if (matched) {
						finish();
						resolve(screen());
					}
				},
				rejectForExit(exit) {
					finish();
					const signalText = exit.signal ? `, signal ${exit.signal}` : '';
					reject(describeFailure(`Program exited (code ${exit.exitCode}${signalText})`));
				},
			};

			const timer = setTimeout(() => {
				finish();
				reject(describeFailure(`Timed out after ${timeoutMs}ms`));
			}, timeoutMs);

			waiters.add(waiter);
		});
	};

	const session: TerminalSession = {
		terminal,
		pid: pty.pid,
		screen,
		lines,
		rawOutput,
		mark: () => bytesWritten,
		bytesWrittenSince: mark => bytesWritten - mark,
		waitFor,
		press(...keysToPress) {
			if (processGone) {
				throw new Error(`Cannot press ${JSON.stringify(keysToPress)}: the program has exited.`);
			}

			for (const key of keysToPress) {
				pty.write(key);
			}
		},
		resize(newColumnCount, newRowCount) {
			terminal.resize(newColumnCount, newRowCount);
			if (!processGone) {
				pty.resize(newColumnCount, newRowCount);
			}
		},
		cursorVisible() {
			const hidden = readInternalCursorHidden(terminal);
			return hidden === undefined ? cursorVisibleFromRawOutput(rawOutput()) : !hidden;
		},
		isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
		settle,
		exited,
		kill(signal) {
			if (!processGone) {
				try {
					pty.kill(signal);
				} catch {
					// The process may have exited between the check and the signal.
				}
			}
		},
		hangUp() {
			processGone = true;
			(pty as IPty & {destroy(): void}).destroy();
		},
		dispose() {
			if (isDisposed) {
				return;
			}

			session.kill('SIGKILL');
			isDisposed = true;
			terminal.dispose();
			for (const resolve of pendingParseResolvers) {
				resolve();
			}

			pendingParseResolvers.clear();
		},
	};

	return session;
}

/** Options for {@link runPiped}. */
export type RunPipedOptions = {
	/** Data written to the program's stdin, which is then closed. Stdin is closed immediately when omitted. */
	input?: string | Buffer | undefined;
	/** Environment overrides, merged over `process.env`; `undefined` removes a variable. */
	env?: Record<string, string | undefined> | undefined;
	/** Working directory for the program; defaults to `process.cwd()`. */
	cwd?: string | undefined;
};

/** The outcome of {@link runPiped}. */
export type PipedResult = {
	stdout: string;
	stderr: string;
	/** The exit code, or -1 if the program was killed by a signal. */
	exitCode: number;
	/** The signal that killed the program, if any. */
	signal?: NodeJS.Signals;
};

/**
 * Runs `command` with plain pipes (stdin, stdout and stderr are not TTYs), feeds it `input`,
 * and resolves with everything it printed once it exits. Rejects only if it cannot be spawned.
 */
export async function runPiped(command: string, args: string[], options: RunPipedOptions = {}): Promise<PipedResult> {
	const environment: Record<string, string | undefined> = {...process.env, ...options.env};
	for (const [name, value] of Object.entries(environment)) {
		if (value === undefined) {
			delete environment[name];
		}
	}

	const child = spawnChildProcess(command, args, {
		cwd: options.cwd ?? process.cwd(),
		env: environment,
		stdio: ['pipe', 'pipe', 'pipe'],
	});

	const stdoutChunks: Buffer[] = [];
	const stderrChunks: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => stdoutChunks.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => stderrChunks.push(chunk));
	// A program that exits without reading all of its input makes the write fail with EPIPE; that is not our error.
	child.stdin.on('error', () => undefined);
	child.stdin.end(options.input);

	return new Promise<PipedResult>((resolve, reject) => {
		child.once('error', reject);
		// 'close' (not 'exit') fires after stdout and stderr are fully drained.
		child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
			const result: PipedResult = {
				stdout: Buffer.concat(stdoutChunks).toString('utf8'),
				stderr: Buffer.concat(stderrChunks).toString('utf8'),
				exitCode: code ?? -1,
			};
			if (signal) {
				result.signal = signal;
			}

			resolve(result);
		});
	});
}
