/**
 * A program in a real pseudo terminal, watched from outside: every chunk it writes is timestamped, counted and
 * fed to a headless xterm so that the benchmark can wait for what a user would see.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {spawn as spawnPty} from '@lydell/node-pty';
// `@xterm/headless` is a CommonJS bundle: Node's ESM loader exposes only its default export.
import xtermHeadless from '@xterm/headless';

const {Terminal} = xtermHeadless;

/** What a measurement resolves with when it gave up waiting. */
export const timedOut = Symbol('timed out');
/** What a measurement resolves with when the program ended before showing what was awaited. */
export const programExited = Symbol('program exited');

/** Every session still running, so that the suite can kill them all however it ends. */
const liveSessions = new Set();

/** Kills every session that is still running. Synchronous, so it is safe in a process 'exit' handler. */
export function disposeAllSessions() {
	for (const session of [...liveSessions]) {
		session.dispose();
	}
}

/** Raw key sequences as an xterm-compatible terminal sends them. */
export const keySequences = {
	down: '\u001B[B',
	pageDown: '\u001B[6~',
	home: 'g',
	filterStart: '/',
	filterEraseAll: '\u0015',
	escape: '\u001B',
	quit: 'q',
};

// Variables that make Ink render only the final frame; a benchmark must see what an interactive user sees.
const variablesRemoved = ['CI', 'CONTINUOUS_INTEGRATION'];

let isolatedHome;

function isolatedHomeDirectory() {
	isolatedHome ??= mkdtempSync(join(tmpdir(), 'broadsheet-bench-home-'));
	return isolatedHome;
}

/** Removes Broadsheet's code cache (scripts/launcher.cjs), so that the next start is a first start after a build. */
export function removeCodeCache() {
	rmSync(join(isolatedHomeDirectory(), 'cache'), {recursive: true, force: true});
}

/** Removes Broadsheet's parse cache (source/load/parse-cache.ts), so that the next start parses its file afresh. */
export function removeParseCache() {
	rmSync(parseCacheDirectory(), {recursive: true, force: true});
}

/** Where the children keep their parse cache. */
export function parseCacheDirectory() {
	return join(isolatedHomeDirectory(), 'cache', 'broadsheet', 'parses');
}

function environmentForChild() {
	// A home of its own for read state, configuration and the code cache: the user's settings and marks neither
	// shape the figures nor get changed by them, and every run of the suite starts without a code cache.
	const home = isolatedHomeDirectory();
	const environment = {
		...process.env,
		TERM: 'xterm-256color',
		XDG_STATE_HOME: join(home, 'state'),
		XDG_CONFIG_HOME: join(home, 'config'),
		XDG_CACHE_HOME: join(home, 'cache'),
	};
	for (const name of variablesRemoved) {
		delete environment[name];
	}

	return environment;
}

/**
 * Starts `command` with `args` in a pseudo terminal of `columnCount` x `rowCount`.
 * `startTime` (a `performance.now()` value) is taken just before the spawn.
 */
export function startSession(command, args, {columnCount, rowCount, cwd = process.cwd()}) {
	const terminal = new Terminal({cols: columnCount, rows: rowCount, allowProposedApi: true, scrollback: 0});
	const startTime = performance.now();
	const pty = spawnPty(command, args, {name: 'xterm-256color', cols: columnCount, rows: rowCount, cwd, env: environmentForChild()});

	/** Every chunk of output: when it arrived, how many bytes, and its text. */
	const chunks = [];
	const screenListeners = new Set();
	const dataListeners = new Set();
	let hasExited = false;
	let isDisposed = false;

	const exited = new Promise(resolve => {
		pty.onExit(({exitCode, signal}) => {
			hasExited = true;
			resolve({exitCode, signal, time: performance.now()});
			const notifyScreenListeners = () => {
				for (const listener of [...screenListeners]) {
					listener();
				}
			};

			// Let the emulator parse what is still queued first: the last frame may be the awaited one.
			if (isDisposed) {
				notifyScreenListeners();
			} else {
				terminal.write('', notifyScreenListeners);
			}
		});
	});

	pty.onData(text => {
		const chunk = {time: performance.now(), byteCount: Buffer.byteLength(text, 'utf8'), text};
		chunks.push(chunk);
		for (const listener of [...dataListeners]) {
			listener(chunk);
		}

		if (!isDisposed) {
			terminal.write(text, () => {
				for (const listener of [...screenListeners]) {
					listener(chunk);
				}
			});
		}
	});

	// A real terminal answers queries such as the cursor-position request; so does this one.
	terminal.onData(reply => {
		if (!hasExited && !isDisposed) {
			pty.write(reply);
		}
	});

	const screenText = () => {
		const buffer = terminal.buffer.active;
		const lines = [];
		for (let row = 0; row < terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	const session = {
		pid: pty.pid,
		startTime,
		chunks,
		exited,
		screenText,

		/**
		 * Resolves with the arrival time of the chunk after which the screen first satisfied `predicate`, with
		 * `timedOut` after `timeoutMs`, or with `programExited` when the program ends first.
		 */
		waitForScreen(predicate, timeoutMs) {
			if (predicate(screenText())) {
				return Promise.resolve(chunks.at(-1)?.time ?? performance.now());
			}

			return new Promise(resolve => {
				const finish = value => {
					clearTimeout(timer);
					screenListeners.delete(listener);
					resolve(value);
				};

				const listener = chunk => {
					if (predicate(screenText())) {
						finish(chunk?.time ?? chunks.at(-1)?.time ?? performance.now());
					} else if (hasExited) {
						finish(programExited);
					}
				};

				const timer = setTimeout(() => finish(timedOut), timeoutMs);
				screenListeners.add(listener);
			});
		},

		/**
		 * Writes `keys` and collects the burst of output it causes: the burst ends when nothing arrives for
		 * `quietMs`. Resolves with `{latencyMs, byteCount, text}` (latency = last byte of the burst − write),
		 * with `timedOut` when the burst has not started and ended within `timeoutMs`, or with `programExited` when
		 * the program ends without answering.
		 */
		pressAndCollectBurst(keys, {quietMs, timeoutMs}) {
			if (hasExited) {
				return Promise.resolve(programExited);
			}

			return new Promise(resolve => {
				const burst = [];
				let quietTimer;
				const finish = value => {
					clearTimeout(quietTimer);
					clearTimeout(deadline);
					dataListeners.delete(listener);
					resolve(value);
				};

				const endBurst = () => {
					const lastChunk = burst.at(-1);
					finish({
						latencyMs: lastChunk.time - writeTime,
						byteCount: burst.reduce((sum, chunk) => sum + chunk.byteCount, 0),
						text: burst.map(chunk => chunk.text).join(''),
					});
				};

				const listener = chunk => {
					burst.push(chunk);
					clearTimeout(quietTimer);
					quietTimer = setTimeout(endBurst, quietMs);
				};

				const deadline = setTimeout(() => finish(timedOut), timeoutMs);
				dataListeners.add(listener);
				void exited.then(() => {
					if (burst.length === 0) {
						finish(programExited);
					}
				});
				const writeTime = performance.now();
				pty.write(keys);
			});
		},

		/** The peak resident set size of the process so far (VmHWM), in bytes, or undefined once it is gone. */
		peakResidentBytes() {
			try {
				const status = readFileSync(`/proc/${pty.pid}/status`, 'utf8');
				const kibibytes = /^VmHWM:\s+(\d+)\s+kB/mu.exec(status)?.[1];
				return kibibytes === undefined ? undefined : Number(kibibytes) * 1024;
			} catch {
				return undefined;
			}
		},

		/**
		 * Resolves with true once nothing has arrived for `quietMs`, or with false if output is still flowing after
		 * `timeoutMs`.
		 */
		waitForQuiet(quietMs, timeoutMs) {
			const deadline = performance.now() + timeoutMs;
			return new Promise(resolve => {
				const check = () => {
					const now = performance.now();
					const lastTime = chunks.at(-1)?.time ?? startTime;
					if (now - lastTime >= quietMs || hasExited) {
						resolve(true);
					} else if (now >= deadline) {
						resolve(false);
					} else {
						setTimeout(check, Math.min(quietMs - (now - lastTime), deadline - now) + 1);
					}
				};

				check();
			});
		},

		/** Writes raw keys without measuring anything. */
		write(keys) {
			if (!hasExited) {
				pty.write(keys);
			}
		},

		/** Resolves with the exit, or with `timedOut` after `timeoutMs`. */
		waitForExit(timeoutMs) {
			return Promise.race([exited, new Promise(resolve => setTimeout(() => resolve(timedOut), timeoutMs).unref())]);
		},

		/**
		 * Kills the program if it still runs, frees the emulator, and waits up to `timeoutMs` for the process to be gone:
		 * a start measured right after a kill shared the machine with the last one's teardown (tens of megabytes given
		 * back), which bare node's starts, each measured to its exit, never did.
		 */
		async end(timeoutMs) {
			session.dispose();
			await session.waitForExit(timeoutMs);
		},

		/** Kills the program if it still runs and frees the emulator. Safe to call more than once. */
		dispose() {
			if (!hasExited) {
				try {
					pty.kill('SIGKILL');
				} catch {
					// It exited between the check and the signal.
				}
			}

			if (!isDisposed) {
				isDisposed = true;
				terminal.dispose();
			}

			liveSessions.delete(session);
		},
	};
	liveSessions.add(session);
	return session;
}
