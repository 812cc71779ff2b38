import type * as ChildProcess from 'node:child_process';
import {basename} from 'node:path';
import type {LinkEffect} from '../state/state.js';
import {builtinModule} from '../load/builtin-modules.js';
import {copySequences} from '../terminal/osc.js';
import {chooseConfiguredOpener, chooseOpener, type ConfiguredOpener} from '../terminal/opener.js';
import type {ProgramEnvironment} from './article-programs.js';

/** A program started for a link: all the shell needs to hear of it is whether it failed. */
export type StartedProgram = {
	on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
	on(event: 'exit', listener: (code: number | null) => void): unknown;
};

/** Where links go: the terminal (for OSC 52) and the programs that open them. The app gets one; tests pass their own. */
export type LinkEnvironment = {
	readonly environment: Readonly<Record<string, string | undefined>>;
	readonly platform: NodeJS.Platform;
	/** Writes a control sequence to the terminal; undefined when stdout is not a terminal, which must get none. */
	readonly writeToTerminal: ((sequence: string) => void) | undefined;
	/** Starts `command` detached from Broadsheet and from the terminal, its output discarded. */
	startProgram(command: string, args: readonly string[]): StartedProgram;
	/** The config file's commands for addresses by pattern (`openers`), tried before the browser. */
	readonly openers?: readonly ConfiguredOpener[];
	/** Gives a program the terminal until it ends (see ProgramEnvironment), for openers that need it. */
	readonly runInTerminal?: ProgramEnvironment['runInTerminal'];
};

/**
 * The real process: its environment, its platform, the terminal it draws on (`stdout`, unless stdout is a pipe and
 * the interface draws on /dev/tty) when that is a terminal, and child_process.
 */
export function processLinkEnvironment(stdout: NodeJS.WriteStream = process.stdout): LinkEnvironment {
	return {
		environment: process.env,
		platform: process.platform,
		writeToTerminal: stdout.isTTY ? sequence => stdout.write(sequence) : undefined,
		startProgram(command, args) {
			// Detached, in its own process group, with no terminal: the browser outlives Broadsheet, and nothing it
			// prints lands on the screen, nor does Ctrl-C in Broadsheet reach it.
			const child = builtinModule<typeof ChildProcess>('node:child_process').spawn(command, args, {detached: true, stdio: 'ignore'});
			child.unref();
			return child;
		},
	};
}

/**
 * Opens or copies the link `request` asks for, and tells `report` what happened in a line for the status line. Over
 * SSH, opening copies instead, since a browser would start on the remote machine.
 */
export function performLinkRequest(request: Pick<LinkEffect, 'action' | 'url'>, linkEnvironment: LinkEnvironment, report: (notice: string) => void): void {
	const {url} = request;
	const copy = (lead: string) => {
		if (!linkEnvironment.writeToTerminal) {
			report('cannot copy: the output is not a terminal');
			return;
		}

		linkEnvironment.writeToTerminal(copySequences(url, linkEnvironment.environment));
		report(`${lead} ${url}`);
	};

	if (request.action === 'copy') {
		copy('copied to the clipboard:');
		return;
	}

	// The config file's choice comes first, over SSH too: a program there (w3m, a script) is the user's own.
	const configured = chooseConfiguredOpener(url, linkEnvironment.openers ?? []);
	if (configured?.needsTerminal && linkEnvironment.runInTerminal) {
		const name = basename(configured.command);
		const outcome = linkEnvironment.runInTerminal(configured.command, configured.args, {});
		if (outcome.error) {
			report(outcome.error.code === 'ENOENT' ? `could not open the link: ${name} not found` : `could not open the link: ${name}: ${outcome.error.message}`);
		} else {
			report(outcome.exitCode === 0 || outcome.exitCode === null ? `opened with ${name}: ${url}` : `could not open the link: ${name} failed (exit code ${outcome.exitCode})`);
		}

		return;
	}

	const opener = configured ? {kind: 'command' as const, ...configured} : chooseOpener(url, linkEnvironment.environment, linkEnvironment.platform);
	if (opener.kind === 'copy') {
		copy('over SSH, so copied to the clipboard instead of opening:');
		return;
	}

	// The program's name, not its path, so that the line has room for the address.
	const name = basename(opener.command);
	report(`opening with ${name}: ${url}`);
	let program: StartedProgram;
	try {
		program = linkEnvironment.startProgram(opener.command, opener.args);
	} catch (error) {
		report(`could not open the link: ${(error as Error).message}`);
		return;
	}

	program.on('error', error => {
		report(error.code === 'ENOENT' ? `could not open the link: ${name} not found` : `could not open the link: ${name}: ${error.message}`);
	});
	program.on('exit', code => {
		if (code !== null && code !== 0) {
			report(`could not open the link: ${name} failed (exit code ${code})`);
		}
	});
}
