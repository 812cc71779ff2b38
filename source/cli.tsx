import {openSync} from 'node:fs';
import {basename} from 'node:path';
import {ReadStream} from 'node:tty';
import React from 'react';
import {render, useStdout} from 'ink';
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {App} from './app.js';
import type {Article} from './article.js';
import {exitCodes, UserFacingError} from './exit-codes.js';
import {parseInput, readFileBytes, readStream} from './read-input.js';
import {enterFullScreen, type TerminalScreen} from './terminal/terminal-screen.js';
import {useViewport} from './terminal/use-viewport.js';

const helpText = `
	Usage
	  $ broadsheet FILE
	  $ broadsheet -          read the articles from stdin
	  $ COMMAND | broadsheet

	Options
	  --filter, -f QUERY   start with the list filtered by QUERY
	  --help               show this help
	  --version            show the version

	Keys: j/k move, Enter opens, Esc goes back, / filters, ? lists every key, q quits.
	When stdout is not a terminal, Broadsheet prints one headline a line instead.

	Examples
	  $ broadsheet samples/taipei-times.txt
	  $ broadsheet --filter mujica samples/taipei-times.txt
	  $ broadsheet samples/taipei-times.txt | grep -i korea
	  $ cat samples/taipei-times.txt | broadsheet
`;

let screen: TerminalScreen | undefined;

/** Prints one line to stderr and ends the process with `exitCode`: the only way out for a failure. */
function fail(message: string, exitCode: number): never {
	screen?.restore();
	process.stderr.write(`broadsheet: ${message}\n`);
	process.exit(exitCode);
}

process.on('uncaughtException', error => {
	fail(`internal error: ${error.message}`, exitCodes.internalError);
});
process.on('unhandledRejection', reason => {
	fail(`internal error: ${reason instanceof Error ? reason.message : String(reason)}`, exitCodes.internalError);
});

/** Reads and parses the input the command line names: a file, or stdin for `-` or a pipe. */
async function loadArticles(inputPath: string | undefined): Promise<{articles: readonly Article[]; source: string}> {
	const isStdin = inputPath === '-' || (inputPath === undefined && !process.stdin.isTTY);
	if (!isStdin && inputPath === undefined) {
		throw new UserFacingError('no FILE given; try broadsheet --help', exitCodes.usage);
	}

	const source = isStdin ? 'stdin' : basename(inputPath!);
	const bytes = isStdin ? await readStream(process.stdin) : await readFileBytes(inputPath!);
	return {articles: parseInput(bytes, source).articles, source};
}

/** Writes the headlines one a line, kicker first, for pipes: `broadsheet news.txt | grep …`. */
function printHeadlines(articles: readonly Article[]): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		// The reader went away (`| head -1`): that is not an error.
		process.exit(error.code === 'EPIPE' ? exitCodes.success : exitCodes.readError);
	});
	process.stdout.write(articles.map(article => (article.kicker ? `${article.kicker} ${article.headline}` : article.headline) + '\n').join(''));
}

/** The stream keys come from: stdin when it is the terminal, else the terminal itself (the articles came down stdin). */
function openKeyInput(): NodeJS.ReadStream {
	if (process.stdin.isTTY) {
		return process.stdin;
	}

	try {
		return new ReadStream(openSync('/dev/tty', 'r'));
	} catch {
		throw new UserFacingError('no terminal to read keys from; pipe the output to read the headlines', exitCodes.noTerminal);
	}
}

function Root({articles, fileName, initialQuery}: {articles: readonly Article[]; fileName: string; initialQuery?: string}) {
	const {stdout} = useStdout();
	return <App articles={articles} fileName={fileName} initialQuery={initialQuery} viewport={useViewport(stdout)} />;
}

async function main(): Promise<void> {
	const cli = meow(helpText, {
		importMeta: import.meta,
		pkg: packageJson,
		allowUnknownFlags: false,
		flags: {
			filter: {type: 'string', shortFlag: 'f'},
		},
	});
	if (cli.input.length > 1) {
		throw new UserFacingError('give one FILE; try broadsheet --help', exitCodes.usage);
	}

	const {articles, source} = await loadArticles(cli.input[0]);
	if (!process.stdout.isTTY) {
		printHeadlines(articles);
		return;
	}

	const keyInput = openKeyInput();
	screen = enterFullScreen(process.stdout, keyInput);
	const instance = render(<Root articles={articles} fileName={source} initialQuery={cli.flags.filter} />, {
		stdin: keyInput,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: process.env['BROADSHEET_FULL_REDRAW'] === undefined,
		maxFps: 60,
	});
	const stop = (signalNumber: number) => {
		instance.unmount();
		screen?.restore();
		process.exit(128 + signalNumber);
	};

	process.on('SIGTERM', () => stop(15));
	process.on('SIGHUP', () => stop(1));
	process.on('SIGINT', () => stop(2));
	await instance.waitUntilExit();
	screen.restore();
	if (keyInput !== process.stdin) {
		keyInput.destroy();
	}
}

try {
	await main();
} catch (error) {
	if (error instanceof UserFacingError) {
		fail(error.message, error.exitCode);
	}

	fail(`internal error: ${(error as Error).message}`, exitCodes.internalError);
}
