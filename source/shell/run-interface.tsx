import type * as ChildProcess from 'node:child_process';
import {closeSync, openSync, readSync, writeFileSync, writeSync} from 'node:fs';
import {useEffect, useState} from 'react';
import {Box, render, useStdout} from 'ink';
import {App} from './app.js';
import type {Session} from './session.js';
import type {Article} from '../article.js';
import {canShowHyperlinks} from '../terminal/osc.js';
import type {TerminalScreen} from '../terminal/screen.js';
import {endOnSignal} from './ending-signals.js';
import {useViewport} from './use-viewport.js';
import {useNow} from './use-now.js';
import {processLinkEnvironment} from './link-actions.js';
import type {ProgramEnvironment} from './article-programs.js';
import {CrashBoundary} from './crash-boundary.js';
import {exitCodes} from '../exit-codes.js';
import {printableName} from '../text/sanitize-text.js';
import {builtinModule} from '../load/builtin-modules.js';

/** How long the blank frame of a full redraw stays: two of Ink's frames at 60 per second. */
const blankFrameMs = 34;

/** How long after a program ends the Ctrl-C and Ctrl-Z typed while it ran are taken as the program's. */
const signalGraceMs = 200;

/**
 * Waits until the user presses Enter, reading the terminal synchronously (the program's output stays meanwhile):
 * the line discipline is back to normal, so the key comes as a line.
 */
function waitForEnter(outputFd: number): void {
	let inputFd: number | undefined;
	try {
		writeSync(outputFd, '\n[Press Enter to go back to Broadsheet]');
		inputFd = openSync('/dev/tty', 'r');
		const buffer = Buffer.alloc(64);
		// Until the line ends; a read of nothing (the terminal gone) ends it too. Keys before Enter are dropped.
		let byteCount = readSync(inputFd, buffer);
		while (byteCount > 0 && !buffer.subarray(0, byteCount).includes(0x0A)) {
			byteCount = readSync(inputFd, buffer);
		}
	} catch {
		// No terminal to wait on: go back at once.
	} finally {
		if (inputFd !== undefined) {
			closeSync(inputFd);
		}
	}
}

/** How the shell asks the interface to draw its next frame whole, onto a screen that lost the last one. */
type FullRedraws = {request?: () => void};

/**
 * Gives the app the terminal's size, following resizes, and the time, every minute. On request it draws one blank
 * frame (the app stays mounted, hidden), so that the next frame differs on every row and Ink redraws all of it.
 */
function Root({
	fullRedraws,
	...props
}: {
	readonly session: Session;
	readonly fullRedraws: FullRedraws;
	readonly onSuspend: () => void;
	readonly onRedraw: () => void;
	readonly onPick: (article: Article) => void;
}) {
	const {stdout} = useStdout();
	const [isBlank, setIsBlank] = useState(false);
	useEffect(() => {
		fullRedraws.request = () => {
			setIsBlank(true);
		};
	}, [fullRedraws]);
	useEffect(() => {
		if (!isBlank) {
			return;
		}

		// After Ink has drawn the blank frame: it draws at most one frame per 1/60 s, and would skip a blank frame
		// undone within the same one.
		const timer = setTimeout(() => {
			setIsBlank(false);
		}, blankFrameMs);
		return () => {
			clearTimeout(timer);
		};
	}, [isBlank]);
	return (
		<Box display={isBlank ? 'none' : 'flex'} flexDirection="column">
			<App {...props} viewport={useViewport(stdout)} now={useNow()} hasHyperlinks={canShowHyperlinks(process.env)} />
		</Box>
	);
}

/**
 * Runs the interface on the alternate screen (`screen`, entered by the caller, who may have drawn the first frame
 * there: see first-frame.ts) until the user quits, and puts the terminal back however it ends: q, Ctrl-C, SIGTERM or
 * SIGHUP, mouse reports off included. Keys come from `keyInput`.
 */
export async function runInterface(
	session: Session,
	options: {
		keyInput: NodeJS.ReadStream;
		/** Where the interface draws: stdout, or the terminal itself when stdout is a pipe (`--pick`). */
		terminalOutput: NodeJS.WriteStream;
		screen: TerminalScreen;
		/** Whether frames are drawn a cell at a time by Broadsheet's writer, not whole by Ink's (BROADSHEET_FULL_REDRAW). */
		isIncremental: boolean;
	},
): Promise<{readonly picked: Article | undefined}> {
	const {keyInput, terminalOutput, screen, isIncremental} = options;
	let picked: Article | undefined;
	const fullRedraws: FullRedraws = {};
	// Ctrl-Z arrives as a key in raw mode: give the shell its terminal back, stop, and take the terminal again on fg.
	// A SIGTSTP from outside (`kill -TSTP`, job control) is handled the same way.
	const stopFromOutside = () => {
		if (!isHandingOver) {
			suspend();
		}
	};

	const suspend = () => {
		screen.suspend();
		// The stop itself must take the default action: no listener while it is sent.
		process.off('SIGTSTP', stopFromOutside);
		process.once('SIGCONT', () => {
			process.on('SIGTSTP', stopFromOutside);
			screen.resume();
			// The terminal may have been resized while the process was stopped, when it got no SIGWINCH.
			(terminalOutput as NodeJS.WriteStream & {_refreshSize?: () => void})._refreshSize?.();
			fullRedraws.request?.();
		});
		process.kill(process.pid, 'SIGTSTP');
	};
	// A program run on an article (|, p, or a link opener such as w3m) gets the terminal as the shell gets it on
	// Ctrl-Z. It runs synchronously: while it does, Broadsheet reads no key, so that every key goes to the program.
	// Ctrl-C or Ctrl-Z typed meanwhile reach Broadsheet too (one process group), once it ends: they are the program's.
	let isHandingOver = false;
	const terminalInputFd = (keyInput as {fd?: number}).fd ?? 0;
	const terminalOutputFd = (terminalOutput as {fd?: number}).fd ?? 1;
	const runInTerminal: ProgramEnvironment['runInTerminal'] = (command, args, {input, shouldWaitForEnter = false}) => {
		screen.suspend();
		isHandingOver = true;
		try {
			const result = builtinModule<typeof ChildProcess>('node:child_process').spawnSync(command, [...args], {input, stdio: [input === undefined ? terminalInputFd : 'pipe', terminalOutputFd, terminalOutputFd]});
			if (shouldWaitForEnter && !result.error) {
				waitForEnter(terminalOutputFd);
			}

			return {exitCode: result.status, error: result.error as NodeJS.ErrnoException | undefined};
		} finally {
			screen.resume();
			(terminalOutput as NodeJS.WriteStream & {_refreshSize?: () => void})._refreshSize?.();
			fullRedraws.request?.();
			// The signals typed during the program are delivered once the event loop runs again: let them pass first.
			setTimeout(() => {
				isHandingOver = false;
			}, signalGraceMs);
		}
	};

	const programs: ProgramEnvironment = {
		environment: process.env,
		runInTerminal,
		writeNewFile(path, text) {
			writeFileSync(path, text, {flag: 'wx'});
		},
	};
	// Ctrl-L: whatever another program wrote goes, and the frame is drawn whole, as after fg.
	const redraw = () => {
		screen.clear();
		fullRedraws.request?.();
	};
	// A component that throws ends the session as any failure does: the terminal back as it was, one line, no trace.
	const crash = (error: unknown) => {
		instance?.unmount();
		screen.restore();
		const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
		process.stderr.write(`broadsheet: internal error: ${printableName(message)}\n`);
		process.exit(exitCodes.internalError);
	};

	// Assigned apart from its declaration: the crash handler above may run while `render` is still drawing.
	// eslint-disable-next-line prefer-const
	let instance: ReturnType<typeof render> | undefined;
	instance = render(
		<CrashBoundary onCrash={crash}>
			<Root
				// The session, with the handles that reach this terminal: where links open and programs run.
				session={{...session, linkEnvironment: {...processLinkEnvironment(terminalOutput), openers: session.openers, runInTerminal}, programs}}
				fullRedraws={fullRedraws}
				onSuspend={suspend}
				onRedraw={redraw}
				onPick={article => {
					picked = article;
				}}
			/>
		</CrashBoundary>,
		{
			stdin: keyInput,
			stdout: terminalOutput,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: isIncremental,
			maxFps: 60,
		},
	);
	// For the launcher (scripts/launcher.cjs): its code cache should hold the interface's compiled code too.
	(process as NodeJS.EventEmitter).emit('broadsheet:interface-started');
	const stop = (signal: NodeJS.Signals) => {
		instance.unmount();
		screen.restore();
		endOnSignal(signal);
	};

	process.on('SIGTERM', () => {
		stop('SIGTERM');
	});
	// The terminal hung up (an SSH link dropped): put back what can be put back and end as SIGHUP ends a program.
	const hangUp = () => {
		screen.restore();
		endOnSignal('SIGHUP');
	};

	process.on('SIGHUP', () => {
		instance.unmount();
		hangUp();
	});
	// Without SIGHUP (the shell ignores it), a terminal that went away shows as the end of the keys, or as EIO.
	keyInput.on('end', hangUp);
	for (const stream of [terminalOutput, keyInput]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EIO') {
				throw error;
			}

			hangUp();
		});
	}

	process.on('SIGINT', () => {
		if (!isHandingOver) {
			stop('SIGINT');
		}
	});
	process.on('SIGTSTP', stopFromOutside);
	// Every other signal that ends a program and can be caught: put the terminal back, then end as the signal ends it.
	for (const signal of ['SIGQUIT', 'SIGUSR2', 'SIGALRM'] as const) {
		process.on(signal, () => {
			stop(signal);
		});
	}

	await instance.waitUntilExit();
	screen.restore();
	if (keyInput !== process.stdin) {
		keyInput.destroy();
	}

	if (terminalOutput !== process.stdout) {
		terminalOutput.destroy();
	}

	return {picked};
}
