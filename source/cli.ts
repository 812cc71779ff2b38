import {once} from 'node:events';
import {closeSync, openSync, readSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {resolve} from 'node:path';
import chalk from 'chalk';
import packageJson from '../package.json' with {type: 'json'};
import {readCommandLine} from './command-line.js';
import {type Config, defaultConfigPath, parseConfig} from './config.js';
import {exitCodes, UserFacingError} from './exit-codes.js';
import {parseFieldQuery} from './search/field-filters.js';
import {formatNames} from './formats/detect.js';
import {parseFieldMap} from './formats/field-map.js';
import type {FormatName} from './formats/format.js';
import {defaultKeymap, pickKeymap} from './input/keymap.js';
import {type LoadProgress, type LoadResult, loadInputs, type ReadOptions, type ReloadResult, type RemainingLoad, reloadInputs} from './load/read-input.js';
import {type ArticleArrivals, parseInBackground} from './load/parse-in-background.js';
import {startWordIndexing} from './load/word-indexing.js';
import {watchChanges} from './load/watch-files.js';
import {closeWebConnections, feedCacheDirectory, isWebAddress, type WebOptions} from './load/web-feeds.js';
import {defaultOrderFor, isListOrder, listOrders, orderArticles} from './state/list-order.js';
import {openReadStateStore, stateDirectory} from './read-state/store.js';
import {inputSetKey} from './read-state/places.js';
import {openKeyInput, openTerminalOutput} from './shell/key-input.js';
import {printableName, sanitizeText} from './text/sanitize-text.js';
import {guardProcessWarnings} from './process-warnings.js';
import {createLoadingLine, type LoadingLine} from './shell/loading-line.js';
import type {Session} from './shell/session.js';
import {endOnSignalsMeanwhile} from './shell/ending-signals.js';
import {cursorlessTerminalReason, shouldUseAscii, shouldUseColor} from './terminal/looks.js';
import {canShowHyperlinks} from './terminal/osc.js';
import {enterFullScreen} from './terminal/screen.js';
import {createTheme} from './ui/theme.js';

/**
 * How many articles are parsed before the interface starts, when there are more: enough to fill the list of a big
 * terminal, and to sort the first screen by date among more than a screenful. The rest is parsed after the first frame.
 */
const firstScreenArticleCount = 500;

// A stderr that cannot be written (`2>/dev/full`, a closed pipe) leaves nowhere to say so: the exit code still tells.
process.stderr.on('error', () => {});

/** Library and Node warnings, kept from the terminal and printed sanitised with the inputs' warnings. */
const processWarnings = guardProcessWarnings(process);

/** Undoes what the interface did to the terminal; set once the interface starts. */
let restoreTerminal: (() => void) | undefined;

/** Prints one line to stderr and ends the process with `exitCode`: the only way out for a failure. */
function fail(message: string, exitCode: number): never {
	restoreTerminal?.();
	// Messages quote paths, options and parts of files: nothing in them may act on the terminal.
	process.stderr.write(`broadsheet: ${printableName(message)}\n`);
	for (const warning of processWarnings.take()) {
		process.stderr.write(`broadsheet: warning: ${printableName(warning)}\n`);
	}

	process.exit(exitCode);
}

process.on('uncaughtException', error => {
	fail(`internal error: ${error.message}`, exitCodes.internalError);
});
process.on('unhandledRejection', reason => {
	fail(`internal error: ${reason instanceof Error ? reason.message : String(reason)}`, exitCodes.internalError);
});

/** How much output is gathered before it is written: few writes, and little of a big output in memory. */
const outputBatchLength = 64 * 1024;

/**
 * Writes scripting output to stdout as it is made, waiting whenever the reader is behind; the reader going away
 * (`| head -1`) is not an error, and ends the work.
 */
async function writeOutput(pieces: Iterable<string>): Promise<void> {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		process.exit(error.code === 'EPIPE' ? exitCodes.success : exitCodes.readError);
	});
	let batch = '';
	const write = async () => {
		if (!process.stdout.write(batch)) {
			await once(process.stdout, 'drain');
		}

		batch = '';
	};

	for (const piece of pieces) {
		batch += piece;
		if (batch.length >= outputBatchLength) {
			// eslint-disable-next-line no-await-in-loop
			await write();
		}
	}

	await write();
}

/** At most this many bytes typed while loading are kept for the interface; more is a key held down, not typing. */
const keysWhileLoadingLimit = 4096;

/**
 * While a big input loads (or a pipe never ends), q and Ctrl-C still quit. Every other key typed before the interface
 * starts is kept and handed to it, in order: `jj` or `/korea` typed ahead of the first frame acts once it is drawn,
 * as in less. So q quits only as the first key: typed after others (`/q…`) it is theirs to read.
 */
function quitOnKeyWhileLoading(keys: NodeJS.ReadStream, loadingLine: LoadingLine | undefined, exitCode: number): () => void {
	const typed: Buffer[] = [];
	let typedLength = 0;
	const handleKeys = () => {
		let chunk: Buffer | null;
		while ((chunk = keys.read() as Buffer | null) !== null) {
			if (chunk.includes(0x03) || (typedLength === 0 && chunk[0] === 0x71)) {
				loadingLine?.clear();
				keys.setRawMode(false);
				process.exit(exitCode);
			}

			if (typedLength + chunk.length <= keysWhileLoadingLimit) {
				typed.push(chunk);
				typedLength += chunk.length;
			}
		}
	};

	keys.setRawMode(true);
	keys.on('readable', handleKeys);
	// A signal that ends the process while it loads (SIGHUP in its first tenth of a second, `kill`) must not leave the
	// terminal in raw mode: put it back, then end as the signal ends a program.
	const endOnSignal = (signal: NodeJS.Signals) => {
		loadingLine?.clear();
		keys.setRawMode(false);
		process.removeAllListeners(signal);
		process.kill(process.pid, signal);
	};

	for (const signal of loadingSignals) {
		process.on(signal, endOnSignal);
	}

	// Raw mode stays on for the interface that follows: turned off in between, the terminal would echo a key
	// typed then onto the screen. Node puts the terminal's mode back when it exits, whichever way.
	// Not 'data' and pause(): process.stdin stops reading one tick after a pause(), and the interface, when it
	// starts within that tick, would never get a key (and Node, with nothing left to wait for, would exit).
	return () => {
		keys.off('readable', handleKeys);
		for (const signal of loadingSignals) {
			process.off(signal, endOnSignal);
		}

		// Back at the front of the stream, for the interface's first read.
		if (typed.length > 0) {
			keys.unshift(Buffer.concat(typed));
		}
	};
}

/** The signals that end the process by default and can be caught: the terminal is put back before each. */
const loadingSignals: readonly NodeJS.Signals[] = ['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGUSR2', 'SIGALRM'];

/**
 * The config file: `--config PATH`, else the default one when it exists; none with `--no-config`. A file that cannot
 * be read or holds a mistake ends the session with one line naming the file and the entry.
 */
/** Whether `path` names a regular file. */
function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/** The most a config file may hold: a config is a few hundred bytes, and `--config /dev/zero` never ends. */
const largestConfigByteCount = 1024 * 1024;

/** The config file's text, read up to {@link largestConfigByteCount} and refused beyond. */
function readConfigText(path: string): string {
	const descriptor = openSync(path, 'r');
	try {
		// Not zero-filled: only the bytes read are looked at, and start-up need not clear a megabyte.
		const buffer = Buffer.allocUnsafe(largestConfigByteCount + 1);
		let byteCount = 0;
		for (let read = -1; read !== 0 && byteCount < buffer.length;) {
			read = readSync(descriptor, buffer, byteCount, buffer.length - byteCount, null);
			byteCount += read;
		}

		if (byteCount > largestConfigByteCount) {
			throw new UserFacingError(`${path}: too big for a config file (over 1 MiB)`, exitCodes.config);
		}

		return buffer.subarray(0, byteCount).toString('utf8');
	} finally {
		closeSync(descriptor);
	}
}

function loadConfig(configFlag: string | boolean | undefined, areKeysUnused: boolean): Config | undefined {
	if (configFlag === false) {
		return undefined;
	}

	const isChosen = typeof configFlag === 'string';
	const path = isChosen ? configFlag : defaultConfigPath(process.env, homedir());
	let text: string;
	try {
		text = readConfigText(path);
	} catch (error) {
		if (error instanceof UserFacingError) {
			throw error;
		}

		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' && !isChosen) {
			return undefined;
		}

		const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read it (${code})`;
		throw new UserFacingError(`${path}: ${reason}`, exitCodes.config);
	}

	const result = parseConfig(text, defaultKeymap, {areKeysUnused, now: Date.now()});
	if ('error' in result) {
		throw new UserFacingError(`${path}: ${result.error}`, exitCodes.config);
	}

	for (const warning of result.warnings ?? []) {
		process.stderr.write(`broadsheet: warning: ${printableName(path)}: ${warning} (printing uses no keys, so it goes on)\n`);
	}

	return result.config;
}

/** The number an option gives, when it gives one; a usage error when it is not a number above 0. */
function positiveNumber(option: string, value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const number = Number(value);
	if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
		throw new UserFacingError(`${option}: '${value}' is not a number above 0`, exitCodes.usage);
	}

	return number;
}

async function main(): Promise<void> {
	const cli = await readCommandLine(process.argv.slice(2));

	const format = cli.flags.format as FormatName | undefined;
	if (format !== undefined && !formatNames.includes(format)) {
		throw new UserFacingError(`--format: unknown format '${format}'; use ${formatNames.join(', ')}`, exitCodes.usage);
	}

	if (cli.flags.sort !== undefined && !isListOrder(cli.flags.sort)) {
		throw new UserFacingError(`--sort: unknown order '${cli.flags.sort}'; use ${listOrders.join(', ')}`, exitCodes.usage);
	}

	const fields = cli.flags.fields === undefined ? {fieldMap: {}} : parseFieldMap(cli.flags.fields);
	if ('error' in fields) {
		throw new UserFacingError(fields.error, exitCodes.usage);
	}

	const outputModes = (['list', 'json', 'print', 'exportOpml'] as const).filter(mode => cli.flags[mode]).map(mode => (mode === 'exportOpml' ? 'export-opml' : mode));
	if (outputModes.length > 1) {
		throw new UserFacingError(`--${outputModes[0]} and --${outputModes[1]} cannot go together; choose one`, exitCodes.usage);
	}

	// A terminal that cannot move its cursor gets what --list prints, and a line saying why (see cursorlessTerminalReason).
	const cursorlessReason = cursorlessTerminalReason(process.env);
	if (cli.flags.pick && cursorlessReason !== undefined && outputModes.length === 0) {
		throw new UserFacingError(`--pick draws the interface, and ${cursorlessReason}: the terminal cannot move its cursor (set TERM, as in TERM=xterm-256color)`, exitCodes.noTerminal);
	}

	const isCursorless = process.stdout.isTTY && cursorlessReason !== undefined && outputModes.length === 0 && !cli.flags.pick;
	// Printed output (an output mode, or a pipe without --pick) uses no keys: a mistake in them does not stop it.
	const config = loadConfig(cli.flags.config as string | boolean | undefined, outputModes.length > 0 || isCursorless || (!process.stdout.isTTY && !cli.flags.pick));
	// The query shows in the filter line: nothing in it may act on the terminal.
	const query = cli.flags.filter === undefined ? config?.filter : sanitizeText(cli.flags.filter).replaceAll('\n', ' ');
	const sort = cli.flags.sort ?? config?.sort;
	const queryError = query === undefined ? undefined : parseFieldQuery(query, Date.now()).error;
	if (queryError !== undefined) {
		throw new UserFacingError(`${cli.flags.filter === undefined ? 'filter (in the config file)' : '--filter'}: ${printableName(queryError)}`, cli.flags.filter === undefined ? exitCodes.config : exitCodes.usage);
	}

	// `broadsheet --filter news.txt`: the file went to --filter as its query, and nothing names a FILE.
	const filterValue = cli.flags.filter;
	if (cli.input.length === 0 && filterValue !== undefined && isFile(filterValue)) {
		throw new UserFacingError(`--filter took ${filterValue} as its query, and no FILE is left; give the query first: broadsheet --filter QUERY ${filterValue}`, exitCodes.usage);
	}

	const paths = cli.input.length > 0 ? cli.input : process.stdin.isTTY ? [] : ['-'];
	if (paths.length === 0) {
		throw new UserFacingError('no FILE given; try broadsheet --help', exitCodes.usage);
	}

	if (cli.flags.watch && outputModes[0] !== undefined) {
		throw new UserFacingError(`--watch keeps the interface open, so it cannot go with --${outputModes[0]}`, exitCodes.usage);
	}

	const timeoutSeconds = positiveNumber('--timeout', cli.flags.timeout) ?? config?.timeout ?? 10;
	const refreshMinutes = positiveNumber('--refresh', cli.flags.refresh) ?? config?.refresh ?? 15;
	// Names and addresses as typed: they are only compared with sources' names and feeds' addresses.
	const fullTextSources = (cli.flags.fullText ?? []).map(source => sanitizeText(source).trim()).filter(source => source !== '');
	const urls = paths.filter(path => isWebAddress(path));
	const filePaths = paths.filter(path => path !== '-' && !isWebAddress(path));
	if (cli.flags.watch && filePaths.length === 0 && urls.length === 0) {
		throw new UserFacingError('--watch needs a FILE: stdin cannot be read again', exitCodes.usage);
	}

	if (cli.flags.exportOpml) {
		const {exportOpml} = await import('./load/export-opml.js');
		const {opml, warnings} = await exportOpml(paths, process.stdin);
		for (const warning of warnings) {
			process.stderr.write(`broadsheet: warning: ${printableName(warning)}\n`);
		}

		await writeOutput([opml]);
		return;
	}


	// Ends the fetches still under way once the interface has ended, so that the process ends at once.
	const sessionEnded = new AbortController();
	const web: WebOptions = {
		timeoutMs: timeoutSeconds * 1000,
		maximumByteCount: 50 * 1024 * 1024,
		userAgent: `Broadsheet/${packageJson.version}`,
		environment: process.env,
		cacheDirectory: feedCacheDirectory(process.env, homedir()),
		isOffline: cli.flags.offline === true,
		signal: sessionEnded.signal,
	};

	if (cli.flags.pick && outputModes[0] !== undefined) {
		throw new UserFacingError(`--pick prints the article chosen, so it cannot go with --${outputModes[0]}`, exitCodes.usage);
	}

	const isPicking = cli.flags.pick === true;
	// Picking draws on the terminal whatever stdout is: stdout is for the article picked (`| jq -r .url`).
	const isInteractive = ((process.stdout.isTTY && !isCursorless) || isPicking) && outputModes.length === 0;
	if (isCursorless) {
		process.stderr.write(`broadsheet: ${cursorlessReason}: this terminal cannot move its cursor, so the headlines are printed as --list prints them\n`);
	}

	const keyInput = isInteractive ? openKeyInput() : undefined;
	const terminalOutput = isInteractive ? openTerminalOutput() : undefined;
	const looksChoices = {asciiFlag: cli.flags.ascii ? true : undefined, colorFlag: cli.flags.color, asciiSetting: config?.ascii, colorSetting: config?.color};
	const theme = createTheme({hasColor: shouldUseColor(process.env, looksChoices), isAscii: shouldUseAscii(process.env, looksChoices), colors: config?.colors});
	const loadingLine = terminalOutput ? createLoadingLine(terminalOutput, terminalOutput.columns || 80, theme.glyphs.ellipsis) : undefined;
	const stopQuitWatch = keyInput ? quitOnKeyWhileLoading(keyInput, loadingLine, isPicking ? exitCodes.nothingPicked : exitCodes.success) : undefined;
	const readOptions = {format, fieldMap: fields.fieldMap, web};
	// Feeds keep Broadsheet waiting on the network: the interface loads meanwhile, once the first requests are on their
	// way (loaded before, it held them back by its own load time), rather than after the first answer. So too for the
	// feeds of a subscription list, known once the list is read. It is loaded again (at no cost) once the inputs are.
	let isInterfaceLoading = false;
	const loadInterfaceWhileFetching = () => {
		if (keyInput && !isInterfaceLoading) {
			isInterfaceLoading = true;
			void import('./load/web/fetch-url.js').then(async ({firstRequestSent}) => firstRequestSent()).then(async () => import('./shell/run-interface.js'));
		}
	};

	if (urls.length > 0) {
		loadInterfaceWhileFetching();
	}

	const onProgress = (progress: LoadProgress) => {
		if (progress.phase === 'fetching') {
			loadInterfaceWhileFetching();
		}

		loadingLine?.update(progress);
	};

	// Watched from before they are read, so that no change after the read goes unseen (see watchChanges).
	const fileChanges = keyInput && cli.flags.watch ? watchChanges(filePaths) : undefined;
	let loaded: Awaited<ReturnType<typeof loadInputs>> | undefined = await loadInputs(paths, process.stdin, {
		...readOptions,
		onProgress,
		// The interface shows the first articles while the rest are parsed; printed output needs them all.
		firstArticleCount: keyInput ? firstScreenArticleCount : undefined,
		wordIndexing: keyInput ? startWordIndexing : undefined,
		// A big file opened again opens from what this parse found (see load/parse-cache.ts).
		parseCache: keyInput ? {} : undefined,
	});
	const {articles, warnings, label, offlineNotice} = loaded;
	stopQuitWatch?.();
	loadingLine?.clear();
	const printInputWarnings = (lines: readonly string[]) => {
		for (const warning of lines) {
			process.stderr.write(`broadsheet: warning: ${printableName(warning)}\n`);
		}
	};

	if (!keyInput) {
		printInputWarnings([...warnings, ...processWarnings.take()]);
		const {createSearchIndex} = await import('./search/search.js');
		// As the list shows them: in the order asked for; a filter's matches best first unless an order was asked for.
		const ordered = orderArticles(articles, sort ?? defaultOrderFor(articles));
		const {printedArticles} = await import('./state/printed-articles.js');
		const kept = printedArticles(articles, ordered, {query, isSorted: sort !== undefined, hideRules: config?.hideRules ?? [], now: Date.now(), search: text => createSearchIndex(articles).search(text)});
		const output = await import('./output.js');
		const columnCount = Math.min(process.stdout.columns || 80, 100);
		await writeOutput(output.outputPieces(kept, cli.flags.json ? 'json' : cli.flags.print ? 'print' : 'list', columnCount));
		printInputWarnings(processWarnings.take());
		await closeWebConnections();
		return;
	}

	// Read marks live in $XDG_STATE_HOME/broadsheet; a file that cannot be read costs a warning, never the session.
	const readStateStore = cli.flags.state ? openReadStateStore(stateDirectory()) : undefined;
	const savedMarks = readStateStore?.load(Date.now());
	const stateWarnings = () => readStateStore?.warnings ?? [];
	const inputs = sessionInputs(loaded, paths, readOptions);
	// Let go of the first load here: this function waits for the interface to end, and what it holds stays till then.
	loaded = undefined;

	// The session, once: everything the interface needs to know about it, handed down whole (see shell/session.ts).
	const session: Session = {
		hasMouse: cli.flags.mouse && config?.mouse !== false,
		// Files by their absolute paths, so that the same files opened from another directory are the same set.
		inputSetKey: inputSetKey(paths.map(path => (path === '-' || isWebAddress(path) ? path : resolve(path)))),
		articles,
		fileName: label,
		warningCount: warnings.length + stateWarnings().length,
		inputWarnings: [...warnings, ...stateWarnings()].map(warning => printableName(warning)),
		arrivals: inputs.arrivals,
		loadingShare: inputs.loadingShare,
		fetchCounts: inputs.fetchCounts,
		initialNotice: offlineNotice,
		initialQuery: query,
		initialOrder: sort,
		savedMarks,
		readStateStore,
		reload: filePaths.length > 0 || urls.length > 0 ? inputs.reload : undefined,
		fileChanges,
		refreshMs: cli.flags.watch && urls.length > 0 ? refreshMinutes * 60_000 : undefined,
		theme,
		keymap: isPicking ? pickKeymap(config?.keymap ?? defaultKeymap) : config?.keymap,
		openers: config?.openers,
		screen: {readingWidth: config?.readingWidth, readingAlign: config?.readingAlign},
		fullTextEnvironment: {web},
		fullTextSources: fullTextSources.length > 0 ? fullTextSources : config?.fullText,
		hideRules: config?.hideRules,
		namedViews: config?.views,
		isCursorShown: config?.showCursor,
	};
	// The theme decides about colour, not chalk: chalk would drop bold and inverse too for `--no-color` (which it reads
	// from argv), and the selection would vanish. The theme holds only the basic colours, which level 1 covers.
	chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;
	const output = terminalOutput ?? process.stdout;
	const screen = enterFullScreen(output, keyInput, {hasMouse: session.hasMouse});
	restoreTerminal = () => {
		screen.restore();
	};
	const stopEndingMeanwhile = endOnSignalsMeanwhile(restoreTerminal);

	// BROADSHEET_FULL_REDRAW=1 has Ink draw every frame whole with its own writer, a way round should Broadsheet's ever
	// draw wrong (see readme.md).
	const isIncremental = process.env['BROADSHEET_FULL_REDRAW'] === undefined;
	// The first frame, drawn before the interface has loaded, which then takes it over (see shell/first-frame.ts); not
	// for Ink's own writer, which would draw it again.
	if (isIncremental) {
		const {drawFirstFrame} = await import('./shell/first-frame.js');
		drawFirstFrame(session, {output, now: Date.now(), hasHyperlinks: canShowHyperlinks(process.env)});
	}

	// The interface (Ink, React and the app) loads only now, so that piped output starts as fast as node itself.
	const {runInterface} = await import('./shell/run-interface.js');
	const running = runInterface(session, {keyInput, terminalOutput: output, screen, isIncremental});
	// The interface handles the signals now: it did so before its first wait. A stop asked meanwhile is sent again.
	stopEndingMeanwhile();
	const {picked} = await running;
	inputs.end();
	sessionEnded.abort();
	await closeWebConnections();
	// After the alternate screen, where the user can read them: those of the inputs as last read (as far as they were
	// parsed, when the first load had not ended), with the inputs a reload could not read.
	printInputWarnings([...inputs.lastWarnings(), ...stateWarnings(), ...processWarnings.take()]);
	if (isPicking) {
		if (picked) {
			const output = await import('./output.js');
			await writeOutput(output.outputPieces([picked], 'json', 0));
		} else {
			process.exitCode = exitCodes.nothingPicked;
		}
	}
}

/** The inputs of an interactive session: the first load, parsed on in the background, then each reload. */
type SessionInputs = {
	readonly arrivals: ArticleArrivals | undefined;
	/** How much of the first load is parsed, when not all of it is. */
	readonly loadingShare: number | undefined;
	/** How many feeds of the first load have answered, of how many, when not all have. */
	readonly fetchCounts: {readonly fetched: number; readonly total: number} | undefined;
	/** Reads the inputs again, once the first load is complete. */
	readonly reload: () => Promise<ReloadResult>;
	/** Stops a reload under way: the interface has ended. */
	readonly end: () => void;
	/** The warnings of the inputs as last read (as far as the first load was parsed), and the inputs a reload could not read. */
	readonly lastWarnings: () => readonly string[];
};

/**
 * The session's inputs, holding on to no load longer than it is needed: once the first load is complete, nothing here
 * keeps it (nor what was left to parse of it), and a reload replaces it, so that a reload of a big file does not keep
 * the articles of the one before.
 */
function sessionInputs(loaded: LoadResult & {readonly rest?: RemainingLoad}, paths: readonly string[], readOptions: ReadOptions): SessionInputs {
	const background = loaded.rest ? parseInBackground(loaded.rest) : undefined;
	/** The first load while it is parsed in the background. */
	let firstLoad: LoadResult & {readonly rest?: RemainingLoad} | undefined = loaded.rest ? loaded : undefined;
	/** The inputs as last read: the first load once complete, then each reload. */
	let latest: ReloadResult | LoadResult | undefined = loaded.rest ? undefined : loaded;
	const firstLoadCompleted = background?.loaded.then(result => {
		latest = result;
		firstLoad = undefined;
	});
	// A reload parses between keystrokes: once the interface has ended, it stops, so that the process ends at once.
	const interfaceEnded = new AbortController();
	return {
		arrivals: background?.arrivals,
		loadingShare: loaded.rest?.parsedShare(),
		fetchCounts: loaded.rest?.fetchCounts?.(),
		async reload() {
			// A reload reads the inputs as they are now: the first load finishes first, so that it knows every input.
			await firstLoadCompleted;
			const reloaded = await reloadInputs(latest!, paths, {...readOptions, signal: interfaceEnded.signal});
			latest = reloaded;
			return reloaded;
		},
		end() {
			interfaceEnded.abort();
		},
		lastWarnings() {
			const lastRead = latest ?? firstLoad?.rest?.result() ?? firstLoad;
			return [...(lastRead?.warnings ?? []), ...(latest && 'failures' in latest ? latest.failures : [])];
		},
	};
}

// Not a top-level await: the bundle is a script (see scripts/build.js), so that V8 can cache its compiled code.
main().catch((error: unknown) => {
	if (error instanceof UserFacingError) {
		fail(error.message, error.exitCode);
	}

	fail(`internal error: ${(error as Error).message}`, exitCodes.internalError);
});
