import {basename} from 'node:path';
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import type {Article} from './article.js';
import {exitCodes, UserFacingError} from './exit-codes.js';
import {parseInput, readFileBytes, readStream} from './read-input.js';

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
	When stdout is not a terminal, Broadsheet prints one headline a line instead
	(those --filter keeps, most relevant first).

	Examples
	  $ broadsheet samples/taipei-times.txt
	  $ broadsheet --filter mujica samples/taipei-times.txt
	  $ broadsheet samples/taipei-times.txt | grep -i korea
	  $ cat samples/taipei-times.txt | broadsheet
`;

/** Undoes what the interface did to the terminal; set once the interface starts. */
let restoreTerminal: (() => void) | undefined;

/** Prints one line to stderr and ends the process with `exitCode`: the only way out for a failure. */
function fail(message: string, exitCode: number): never {
	restoreTerminal?.();
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
	return {articles: parseInput(bytes, {source, path: isStdin ? 'stdin' : inputPath!}).articles, source};
}

/** Writes the headlines one a line, kicker first, for pipes: `broadsheet news.txt | grep …`; `--filter` applies. */
function printHeadlines(articles: readonly Article[]): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		// The reader went away (`| head -1`): that is not an error.
		process.exit(error.code === 'EPIPE' ? exitCodes.success : exitCodes.readError);
	});
	process.stdout.write(articles.map(article => (article.kicker ? `${article.kicker} ${article.headline}` : article.headline) + '\n').join(''));
}

async function main(): Promise<void> {
	const cli = meow(helpText, {
		importMeta: import.meta,
		pkg: packageJson,
		// Unknown flags stay in the input, so that they get the same one-line error as every other failure.
		allowUnknownFlags: true,
		flags: {
			filter: {type: 'string', shortFlag: 'f'},
		},
	});
	const knownFlags = new Set(['filter', 'f', 'help', 'version']);
	const unknownFlag = Object.keys(cli.unnormalizedFlags).find(flag => !knownFlags.has(flag));
	if (unknownFlag) {
		const written = unknownFlag.length === 1 ? `-${unknownFlag}` : `--${unknownFlag}`;
		throw new UserFacingError(`unknown option ${written}; try broadsheet --help`, exitCodes.usage);
	}

	if (cli.input.length > 1) {
		throw new UserFacingError('give one FILE; try broadsheet --help', exitCodes.usage);
	}

	const {articles, source} = await loadArticles(cli.input[0]);
	if (!process.stdout.isTTY) {
		const {createSearchIndex} = await import('./search/search.js');
		const query = cli.flags.filter ?? '';
		printHeadlines(query.trim() === '' ? articles : createSearchIndex(articles).search(query).map(hit => hit.article));
		return;
	}

	// The interface (Ink, React and the app) loads only now, so that piped output starts as fast as node itself.
	const {runInterface} = await import('./interface.js');
	await runInterface({
		articles,
		fileName: source,
		initialQuery: cli.flags.filter,
		onStart(restore) {
			restoreTerminal = restore;
		},
	});
}

try {
	await main();
} catch (error) {
	if (error instanceof UserFacingError) {
		fail(error.message, error.exitCode);
	}

	fail(`internal error: ${(error as Error).message}`, exitCodes.internalError);
}
