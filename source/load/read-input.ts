import {constants as fileConstants, fstatSync, openSync, readFileSync, statSync} from 'node:fs';
import {open, readdir, readFile, realpath, stat} from './file-promises.js';
import type {Socket} from 'node:net';
import {builtinModule} from './builtin-modules.js';
import {basename, join} from 'node:path';
import {type Article, withId} from '../article.js';
import {exitCodes, UserFacingError} from '../exit-codes.js';
import {maximumTextByteCount, maximumTextSizeLabel} from '../formats/decode.js';
import {decodeHeadFirst, decodeInput} from './decode-input.js';
import {detectFormat} from '../formats/detect.js';

export {decodeInput} from './decode-input.js';
import type {FormatName, ParseOptions} from '../formats/format.js';
import {type DecodedInput, InputsParse, openBigFile, type ParsedInput, parseSliceMs} from './parse-inputs.js';
import {prepareWordIndex} from '../search/prepared-word-indexes.js';
import type {WordIndexing} from './word-indexing.js';
import {writeParseCache} from './parse-cache.js';
import {printableName} from '../text/sanitize-text.js';
import {type FeedRequest, type FetchCounts, feedsFetchedAtOnce, isWebAddress, listedFeeds, offlineNoticeOf, readWebInput, webArticle, WebFeeds, type WebOptions} from './web-feeds.js';

/** Where loading has got to, for a progress line: bytes read of an input, then parsing it. */
export type LoadProgress = {
	readonly path: string;
	readonly phase: 'reading' | 'parsing' | 'fetching';
	/** While fetching: how many feeds have answered, and how many there are. */
	readonly fetchCounts?: FetchCounts;
	readonly byteCount: number;
	/** The input's size, when it is known (a file, not a pipe). */
	readonly totalByteCount?: number;
};

/** How to read inputs: a format that overrides detection, `--fields`, and who to tell about progress. */
export type ReadOptions = ParseOptions & {
	readonly format?: FormatName;
	readonly onProgress?: (progress: LoadProgress) => void;
	/** How URLs are fetched (see load/web-feeds.ts). */
	readonly web?: WebOptions;
};

const readChunkByteCount = 8 * 1024 * 1024;
/** What is read past a file's size, to learn whether it ended there (it grew, or a special file reports no size). */
const probeByteCount = 64 * 1024;

/** One file's articles, and the input (a path the user gave, `-` for stdin) it came from. */
export type LoadedInput = {
	readonly path: string;
	readonly file: string;
	readonly articles: readonly Article[];
	/** For a feed from a subscription list: the groups the list put it in. */
	readonly groups?: readonly string[];
};

/** What the inputs gave: their articles (in the inputs' order: see state/list-order.ts for the list's), and warnings to show (a problem in a file, a file that failed). */
export type LoadResult = {
	readonly articles: readonly Article[];
	readonly warnings: readonly string[];
	/** What the status line calls the inputs: a file name, `stdin`, or `3 files`. */
	readonly label: string;
	/** The articles of each file read, for reloading them (see {@link reloadInputs}). */
	readonly inputs: readonly LoadedInput[];
	/** A notice for the status line when cached copies stood in for feeds that could not be fetched. */
	readonly offlineNotice?: string;
};

/** Reads all of a stream (stdin, a named pipe) into one buffer, telling `onProgress` how much has come. */
export async function readStream(stream: NodeJS.ReadableStream, onProgress?: (byteCount: number) => void, name = 'stdin'): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let byteCount = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		chunks.push(bytes);
		byteCount += bytes.length;
		if (byteCount > maximumTextByteCount) {
			throw new UserFacingError(`${name} is larger than ${maximumTextSizeLabel}, the most Broadsheet reads`, exitCodes.tooLarge);
		}

		onProgress?.(byteCount);
	}

	return Buffer.concat(chunks);
}

/**
 * Reads a named pipe (a FIFO, or `<(command)`) to its end, as stdin is read. It is opened once, without waiting:
 * a plain open would wait in Node's thread pool for a writer, and a thread stuck there keeps the process from ever
 * ending, even on q or SIGTERM. The pipe is then watched by the event loop, which any way out can leave.
 */
export async function readNamedPipe(path: string, onProgress?: (byteCount: number) => void): Promise<Buffer> {
	let pipe: Socket;
	// Loaded here, not at start-up: few inputs are named pipes, and node:net costs a few milliseconds to load.
	const {Socket} = builtinModule<typeof import('node:net')>('node:net');
	try {
		// Opening without waiting returns at once, so a synchronous open blocks nothing; the socket owns the descriptor.
		pipe = new Socket({fd: openSync(path, fileConstants.O_RDONLY | fileConstants.O_NONBLOCK), readable: true, writable: false});
	} catch (error) {
		throw readFailure(path, error);
	}

	try {
		return await readStream(pipe, onProgress, printableName(path));
	} catch (error) {
		throw error instanceof UserFacingError ? error : readFailure(path, error);
	} finally {
		pipe.destroy();
	}
}

/** Whether `path` names a named pipe (stat never waits, as opening one does). */
async function isNamedPipe(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFIFO();
	} catch {
		return false;
	}
}

function readFailure(rawPath: string, error: unknown): UserFacingError {
	const path = printableName(rawPath);
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
		case 'ENOTDIR': {
			return new UserFacingError(`${path}: no such file`, exitCodes.notFound);
		}

		case 'EACCES':
		case 'EPERM': {
			return new UserFacingError(`${path}: permission denied`, exitCodes.permissionDenied);
		}

		default: {
			return new UserFacingError(`${path}: cannot read it (${code ?? (error as Error).message})`, exitCodes.readError);
		}
	}
}

/**
 * Reads a file's bytes in chunks into one buffer of its size (no second copy), telling `onProgress` as it goes, and
 * turning each way it can fail into one clear line.
 */
export async function readFileBytes(path: string, onProgress?: (byteCount: number, totalByteCount: number) => void): Promise<Buffer> {
	try {
		const file = await open(path, 'r');
		try {
			const {size} = await file.stat();
			if (size > maximumTextByteCount) {
				throw new UserFacingError(`${printableName(path)} is larger than ${maximumTextSizeLabel}, the most Broadsheet reads`, exitCodes.tooLarge);
			}

			let bytes = Buffer.allocUnsafe(size);
			let byteCount = 0;
			for (;;) {
				if (byteCount === bytes.length) {
					// Full: the end of the file, unless it grew while being read (or is a special file that reports no
					// size). Only a read that finds more bytes makes room for them, so that a file read whole is never
					// copied into a buffer twice its size.
					// A small probe: a directory of 20,000 files would otherwise allocate 8 MiB for each (160 GB in all).
					const probe = Buffer.allocUnsafe(probeByteCount);
					// eslint-disable-next-line no-await-in-loop -- a file is read one chunk after another
					const {bytesRead} = await file.read(probe, 0, probe.length, null);
					if (bytesRead === 0) {
						return bytes;
					}

					const larger = Buffer.allocUnsafe(Math.max(readChunkByteCount, bytes.length * 2));
					bytes.copy(larger);
					probe.copy(larger, byteCount, 0, bytesRead);
					bytes = larger;
					byteCount += bytesRead;
					onProgress?.(byteCount, size);
					continue;
				}

				// eslint-disable-next-line no-await-in-loop -- a file is read one chunk after another
				const {bytesRead} = await file.read(bytes, byteCount, Math.min(readChunkByteCount, bytes.length - byteCount), null);
				if (bytesRead === 0) {
					return bytes.subarray(0, byteCount);
				}

				byteCount += bytesRead;
				if (byteCount > maximumTextByteCount) {
					// A file that grows while being read, or a FIFO.
					throw new UserFacingError(`${printableName(path)} is larger than ${maximumTextSizeLabel}, the most Broadsheet reads`, exitCodes.tooLarge);
				}

				onProgress?.(byteCount, size);
			}
		} finally {
			await file.close();
		}
	} catch (error) {
		throw error instanceof UserFacingError ? error : readFailure(path, error);
	}
}

/**
 * The files a path names: itself, or a directory's files (recursively, in name order, hidden ones skipped). Symbolic
 * links are followed, each directory read once (a link back up is no loop). Inside a directory, an entry that cannot
 * be read (a subdirectory without permission, a name that is not UTF-8, a link to nothing, a file gone mid-walk) is
 * a failure in the list, to warn of, and the rest still opens; only the path itself failing throws.
 */
async function filesOf(path: string, isGiven = true, visited = new Set<string>()): Promise<Array<string | UserFacingError>> {
	const failed = (error: unknown) => {
		if (isGiven) {
			throw readFailure(path, error);
		}

		return [readFailure(path, error)];
	};

	let info;
	try {
		// The path given is looked at at once: a trip to the thread pool costs a start more than the stat (its first
		// starts the pool's threads). Inside a directory, entries are looked at in parallel.
		info = isGiven ? statSync(path) : await stat(path);
	} catch (error) {
		return failed(error);
	}

	if (!info.isDirectory()) {
		return [path];
	}

	let entries;
	try {
		const real = await realpath(path);
		if (visited.has(real)) {
			return [];
		}

		visited.add(real);
		entries = await readdir(path, {withFileTypes: true});
	} catch (error) {
		return failed(error);
	}

	const visible = entries.filter(entry => !entry.name.startsWith('.')).sort((left, right) => left.name.localeCompare(right.name));
	const listed = visible.filter(entry => entry.isDirectory() || entry.isFile() || entry.isSymbolicLink());
	const nested = await Promise.all(listed.map(async entry => entry.name.includes('\uFFFD')
		// Node reads a name that is not UTF-8 with U+FFFD in place of its bad bytes: that path names no file.
		? [new UserFacingError(`${printableName(join(path, entry.name)).replaceAll('\uFFFD', '?')}: its name is not valid UTF-8, so it cannot be opened; rename it`, exitCodes.readError)]
		: filesOf(join(path, entry.name), false, visited)));
	return nested.flat();
}

/** Whether `stream` reads a directory (`broadsheet < dir`), which would read as empty. */
function isDirectoryStream(stream: NodeJS.ReadableStream | undefined): boolean {
	const {fd} = (stream ?? {}) as {fd?: unknown};
	try {
		return typeof fd === 'number' && fstatSync(fd).isDirectory();
	} catch {
		return false;
	}
}

/** Reads and decodes one file, or stdin for `-`, telling `onProgress` how it goes; fails with a clear line. */
async function readDecodedInput(
	path: string,
	file: string,
	stdin: NodeJS.ReadableStream | undefined,
	options: ReadOptions,
	{cache, isAlone = false}: {readonly cache?: Parameters<typeof openBigFile>[5]; readonly isAlone?: boolean} = {},
): Promise<DecodedInput> {
	const isStdin = file === '-';
	const name = isStdin ? 'stdin' : printableName(file);
	const report = (phase: LoadProgress['phase'], byteCount: number, totalByteCount?: number) => {
		options.onProgress?.({path: name, phase, byteCount, ...(totalByteCount === undefined ? {} : {totalByteCount})});
	};

	report('reading', 0);
	const smallBytes = isAlone && !isStdin ? smallFileBytes(file) : undefined;
	if (smallBytes) {
		return decodedFileInput(path, file, name, smallBytes, options.format, report);
	}

	const isPipe = !isStdin && await isNamedPipe(file);
	const bigFile = isStdin || isPipe
		? undefined
		: await openBigFile(
			file,
			name,
			options.format,
			undefined,
			(byteCount, totalByteCount) => {
				report('reading', byteCount, totalByteCount);
			},
			cache,
		);
	if (bigFile) {
		const {byteCount} = bigFile.fileText;
		report('parsing', byteCount, byteCount);
		return {path, file, name, source: printableName(basename(file)), ...bigFile, byteCount};
	}

	// The bytes are passed straight to decodeInput and held nowhere else, so that they can be freed
	// before parsing: a 200 MB file would otherwise be in memory twice more at the peak.
	if (isStdin && isDirectoryStream(stdin)) {
		throw new UserFacingError('stdin is a directory; give it as FILE (broadsheet DIRECTORY) to read its files', exitCodes.readError);
	}

	if (!isStdin && !isPipe) {
		const bytes = await readFileBytes(file, (byteCount, totalByteCount) => {
			report('reading', byteCount, totalByteCount);
		});
		return decodedFileInput(path, file, name, bytes, options.format, report);
	}

	const {text, byteCount} = decodeInput(
		isStdin
			? await readStream(stdin!, byteCount => {
				report('reading', byteCount);
			})
			: await readNamedPipe(file, byteCount => {
				report('reading', byteCount);
			}),
		name,
	);
	report('parsing', byteCount, byteCount);
	return {path, file, name, source: isStdin ? 'stdin' : printableName(basename(file)), text, byteCount};
}

/** A file's bytes, decoded: the first part alone where that is enough to begin (see decodeHeadFirst), else whole. */
function decodedFileInput(path: string, file: string, name: string, bytes: Buffer, format: FormatName | undefined, report: (phase: LoadProgress['phase'], byteCount: number, totalByteCount?: number) => void): DecodedInput {
	const headFirst = format === 'subscriptions' ? undefined : decodeHeadFirst(bytes, name);
	// A subscription list is read whole: its feeds are fetched in its place.
	if (headFirst && detectFormat(headFirst.text, name) !== 'subscriptions') {
		report('parsing', bytes.length, bytes.length);
		return {path, file, name, source: printableName(basename(file)), ...headFirst, byteCount: bytes.length};
	}

	const {text, byteCount} = decodeInput(bytes, name);
	report('parsing', byteCount, byteCount);
	return {path, file, name, source: printableName(basename(file)), text, byteCount};
}

/** Files up to this size, given alone, are read at once (see smallFileBytes). */
const smallFileByteCount = 1024 * 1024;

/**
 * The bytes of `path` when it is a regular file of at most {@link smallFileByteCount} bytes, read synchronously;
 * undefined for anything else (a named pipe, a bigger file), which is read as before. Read so, one small file makes
 * no trip to the thread pool before the first frame: it made seven (three stats, then open, stat, read and close), the
 * first of which starts the pool's threads, and they took 2 to 3 ms of a start.
 */
function smallFileBytes(path: string): Buffer | undefined {
	try {
		const info = statSync(path);
		return info.isFile() && info.size <= smallFileByteCount ? readFileSync(path) : undefined;
	} catch (error) {
		throw readFailure(path, error);
	}
}

/**
 * How a reload parses: a slice at a time, with a turn of the event loop between slices, so that keys are answered
 * while a big file is parsed again (see parse-in-background.ts for the first load).
 */
export type ReloadParsing = {
	/** About how long one slice parses (at least one part). */
	readonly sliceMs: number;
	/** What happens between two slices: by default, the event loop's other work (keys, frames). */
	readonly betweenSlices: () => Promise<void>;
	/** Characters a part holds at least, for tests; by default it adapts to parse speed. */
	readonly partLength?: number;
};

const defaultReloadParsing: ReloadParsing = {
	sliceMs: parseSliceMs,
	async betweenSlices() {
		return new Promise(resolve => {
			setImmediate(resolve);
		});
	},
};

/**
 * Reads one file again and parses it a slice at a time (see {@link ReloadParsing}); fails with a clear line, or with
 * `signal`'s reason once it is aborted.
 */
async function readInput(path: string, file: string, options: ReadOptions, parsing: ReloadParsing, signal: AbortSignal | undefined, source?: string, fetched?: DecodedInput): Promise<{articles: readonly Article[]; warnings: string[]}> {
	const input = fetched ?? await readDecodedInput(path, file, undefined, options);
	const parse = new InputsParse([{...input, source: source ?? input.source}], {...options, partLength: parsing.partLength});
	while (!parse.parseFor(parsing.sliceMs)) {
		signal?.throwIfAborted();
		// eslint-disable-next-line no-await-in-loop -- slices of parsing take turns with keys
		await parsing.betweenSlices();
	}

	const [failure] = parse.failures;
	if (failure) {
		throw failure;
	}

	return {articles: parse.parsedInputs[0]?.articles ?? [], warnings: parse.warnings};
}

/**
 * What each file's articles name as their source: its file name, or, where several files share one
 * (`business/001.txt`, `sport/001.txt`), the shortest end of its path that tells it from the others (`business/001.txt`).
 */
export function sourceNamesOf(files: readonly string[]): Map<string, string> {
	const segmentsOf = new Map(files.map(file => [file, file.split(/[\\/]+/u).filter(segment => segment !== '' && segment !== '.')]));
	const nameOf = (file: string, length: number) => segmentsOf.get(file)!.slice(-length).join('/');
	const names = new Map<string, string>();
	// A round per path length, each counting every file's ends of that length once: linear in the files, not
	// quadratic (a directory of 20,000 files).
	let pending = [...segmentsOf.keys()];
	for (let length = 1; pending.length > 0; length++) {
		const counts = new Map<string, number>();
		for (const file of files) {
			const name = nameOf(file, length);
			counts.set(name, (counts.get(name) ?? 0) + 1);
		}

		pending = pending.filter(file => {
			const isTold = counts.get(nameOf(file, length)) === 1 || length >= segmentsOf.get(file)!.length;
			if (isTold) {
				names.set(file, printableName(file === '-' ? 'stdin' : nameOf(file, length)));
			}

			return !isTold;
		});
	}

	return new Map(files.map(file => [file, names.get(file)!]));
}

/**
 * The articles of several inputs as one list whose ids are unique: the list selects by id, so the same GUID or
 * address in two files (one story in two feeds) gets `#2`, `#3`… after the first, the way one file numbers its
 * own repeats. Articles whose ids are already unique are passed through as they are.
 */
export function articlesWithUniqueIds(inputs: readonly LoadedInput[]): Article[] {
	if (inputs.length < 2) {
		return inputs[0]?.articles.slice() ?? [];
	}

	const articles = inputs.flatMap(input => input.articles);

	const ids = new Set<string>();
	return articles.map(article => {
		if (!ids.has(article.id)) {
			ids.add(article.id);
			return article;
		}

		let count = 2;
		while (ids.has(`${article.id}#${count}`)) {
			count++;
		}

		const id = `${article.id}#${count}`;
		ids.add(id);
		return withId(article, id);
	});
}

/**
 * What the status line calls the inputs: the file's name when the one path given is a file (`stdin` for `-`), else
 * how many files the paths hold (`1 file`, `3 files`), a directory's counted one by one.
 */
export function inputsLabel(paths: readonly string[], files: readonly string[], urls: readonly string[] = []): string {
	if (urls.length > 0) {
		const [onlyUrl] = urls;
		if (files.length === 0 && urls.length === 1 && onlyUrl !== undefined) {
			return printableName(onlyUrl.replace(/^https?:\/\//iu, ''));
		}

		const feedCount = urls.length === 1 ? '1 feed' : `${urls.length} feeds`;
		return files.length === 0 ? feedCount : `${files.length === 1 ? '1 file' : `${files.length} files`}, ${feedCount}`;
	}

	const [onlyFile] = files;
	if (onlyFile !== undefined && paths.length === 1 && files.length === 1 && onlyFile === paths[0]) {
		return onlyFile === '-' ? 'stdin' : printableName(basename(onlyFile));
	}

	return files.length === 1 ? '1 file' : `${files.length} files`;
}

/** How to load inputs: how to read them, and how many articles to parse before the first screen. */
export type LoadOptions = ReadOptions & {
	/**
	 * Feeds to fetch besides the URLs among the paths: those of a subscription list, each with the list's path as its
	 * `path` (its articles come in the list's place), its title and its groups.
	 */
	readonly feeds?: readonly FeedRequest[];
	/**
	 * Parse only until this many articles are in, or all is parsed: `LoadResult.rest` parses the rest. All by default.
	 */
	readonly firstArticleCount?: number;
	/**
	 * Where to build the search's word index as the articles are parsed, to hand it to the search once all are in (see
	 * search/prepared-word-indexes.ts): for the interface, whose first search would otherwise wait for an index built
	 * afterwards, from bodies read back from the file.
	 */
	readonly wordIndexing?: () => WordIndexing;
	/**
	 * Keep what parsing one big file found, with its word index, for the next time it is opened, in `directory` (see
	 * parse-cache.ts); with `wordIndexing` only, which builds the index.
	 */
	readonly parseCache?: {readonly directory?: string};
};

/** Inputs whose first articles are parsed, and what is left to parse of them, a slice at a time. */
export type RemainingLoad = {
	/** Parses for about `budgetMs` (at least one part of an input); true when all is parsed. */
	readonly parseFor: (budgetMs: number) => boolean;
	/** How much of the inputs' text is parsed, from 0 to 1. */
	readonly parsedShare: () => number;
	/** The load as it is now; complete once `parseFor` returned true. */
	readonly result: () => LoadResult;
	/**
	 * When nothing is left to parse for now but feeds are still being fetched: resolves when the next one answers.
	 * Undefined when there is parsing to do, or nothing more to wait for.
	 */
	readonly waitForMore?: () => Promise<void> | undefined;
	/** While feeds are fetched: how many have answered, of how many. */
	readonly fetchCounts?: () => FetchCounts | undefined;
	/**
	 * When the word index worker is far behind the parse: resolves once it has caught up a little, and parsing waits
	 * for it (see word-indexing.ts). Undefined when parsing may go on.
	 */
	readonly indexingBacklog?: () => Promise<void> | undefined;
};

/** How many files are read at once. */
const filesReadAtOnce = 8;

/** Subscription lists are short: a file longer than this is not read again to look for one. */
const longestSubscriptionListByteCount = 4 * 1024 * 1024;

/** The feeds of `file` when it is a subscription list (see {@link listedFeeds}), read again as a reload does. */
async function listedFeedsOfFile(file: string, path: string, format: FormatName | undefined): Promise<FeedRequest[] | undefined> {
	try {
		const info = await stat(file);
		if (!info.isFile() || info.size > longestSubscriptionListByteCount) {
			return undefined;
		}

		const {text} = decodeInput(await readFile(file), file);
		return listedFeeds(text, printableName(file), path, format);
	} catch {
		return undefined;
	}
}

/** `each` of `items`, at most `limit` at once, the results in the items' order. */
async function inOrder<Item, Result>(items: readonly Item[], limit: number, each: (item: Item) => Promise<Result>): Promise<Result[]> {
	const results: Result[] = [];
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			// eslint-disable-next-line no-await-in-loop
			results[index] = await each(items[index]!);
		}
	};

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, async () => worker()));
	return results;
}

/**
 * Reads and parses every input: files, directories (their files), and `-` for stdin. With one file, its failure
 * is the command's failure; with several, a file that fails becomes a warning and the others still open.
 * With `firstArticleCount`, only the first articles are parsed and `rest` parses the others.
 */
export async function loadInputs(paths: readonly string[], stdin: NodeJS.ReadableStream, options: LoadOptions = {}): Promise<LoadResult & {readonly rest?: RemainingLoad}> {
	const decoded: DecodedInput[] = [];
	/** The paths that could not be listed. */
	const pathFailures: UserFacingError[] = [];
	const readFailures = new Map<string, UserFacingError>();
	const files: Array<{path: string; file: string}> = [];
	const requests: FeedRequest[] = [...paths.filter(path => isWebAddress(path)).map(url => ({url})), ...(options.feeds ?? [])];
	// Fetching starts first: the network is slower than the disk.
	let feeds = requests.length > 0 ? new WebFeeds(requests, options) : undefined;
	const urls = feeds?.feeds.map(feed => feed.url) ?? [];
	for (const path of paths) {
		if (isWebAddress(path)) {
			continue;
		}

		try {
			// eslint-disable-next-line no-await-in-loop -- paths are listed in the order given
			for (const file of path === '-' ? ['-'] : await filesOf(path)) {
				if (typeof file === 'string') {
					files.push({path, file});
				} else {
					pathFailures.push(file);
				}
			}
		} catch (error) {
			pathFailures.push(error as UserFacingError);
		}
	}

	const isSingleInput = paths.length === 1 && ((files.length === 1 && files[0]!.file === paths[0]) || (isWebAddress(paths[0]!) && urls.length === 1));
	const sourceNames = sourceNamesOf(files.map(({file}) => file));
	// Several files are read at once (a directory of 20,000 small files waits mostly on the disk), and kept in order.
	// One big file opens from the parse cache when it holds the file as it is now.
	const cacheOf = (file: string) =>
		isSingleInput && options.parseCache && options.wordIndexing
			? {options: {format: options.format, fieldMap: options.fieldMap, source: sourceNames.get(file) ?? printableName(basename(file))}, directory: options.parseCache.directory}
			: undefined;
	const reads = await inOrder(files, filesReadAtOnce, async ({path, file}) => {
		try {
			return {input: await readDecodedInput(path, file, stdin, options, {cache: cacheOf(file), isAlone: isSingleInput})};
		} catch (error) {
			return {error};
		}
	});
	for (const [index, read] of reads.entries()) {
		const {file} = files[index]!;
		if ('error' in read) {
			if (isSingleInput || !(read.error instanceof UserFacingError)) {
				throw read.error;
			}

			readFailures.set(file, read.error);
			continue;
		}

		const listed = 'text' in read.input ? listedFeeds(read.input.text, read.input.name, files[index]!.path, options.format) : undefined;
		if (listed) {
			// A subscription list (OPML, newsboat's urls): its feeds are fetched as URLs are, and shown where it stands.
			if (feeds) {
				feeds.add(listed);
			} else {
				feeds = new WebFeeds(listed, options);
			}

			continue;
		}

		decoded.push({...read.input, source: sourceNames.get(file) ?? read.input.source});
	}

	reads.length = 0;

	// Only inputs big enough to keep their articles' bodies in the file: the index of the others is built afterwards as
	// quickly (from the bodies in memory), and a worker would cost their first frame and their memory more than it saves.
	const cached = decoded.length === 1 && 'cached' in decoded[0]! ? decoded[0].cached : undefined;
	// Not with feeds, whose articles come later and join the list: the index would not be of the whole list.
	const wordIndexing = decoded.some(input => 'fileText' in input) && !cached && !feeds ? options.wordIndexing?.() : undefined;
	const parse = new InputsParse(decoded, {...options, wordIndexer: wordIndexing});
	decoded.length = 0;
	parse.parseUntilCount(options.firstArticleCount ?? Number.POSITIVE_INFINITY);
	if (feeds) {
		await firstFeeds(feeds, parse.articleCount > 0 && options.firstArticleCount !== undefined, options);
	}

	const label = inputsLabel(paths, files.map(({file}) => file), urls);
	// In the order of the paths and files, whether reading or parsing failed.
	const failures = () => [
		...pathFailures,
		...files.flatMap(({file}) => readFailures.get(file) ?? parse.failureOf(file) ?? []),
		...(feeds?.feeds ?? []).flatMap(feed => feeds?.failureOf(feed.url) ?? []),
	];
	/** Whether the word index was promised to the search: for the first list of every article, once all is parsed. */
	let isWordIndexPrepared = false;
	const result = (): LoadResult => {
		const inputs = feeds ? inPathOrder(paths, parse.parsedInputs, feeds) : parse.parsedInputs;
		const feedWarnings = (feeds?.feeds ?? []).flatMap(feed => feeds?.warningsOf(feed.url) ?? []);
		const offlineNotice = feeds?.offlineNotice;
		const articles = articlesWithUniqueIds(inputs);
		if (parse.isComplete && !feeds && !isWordIndexPrepared) {
			isWordIndexPrepared = true;
			if (cached) {
				prepareWordIndex(articles, cached.wordIndex, () => 0);
			} else if (wordIndexing) {
				const wordIndex = wordIndexing.finish();
				prepareWordIndex(articles, wordIndex, () => wordIndexing.indexedCount);
				const toKeep = options.parseCache ? parse.parseToKeep : undefined;
				if (toKeep) {
					// Kept once the index has come, and the search has had a moment to answer with it (a filter typed while the
					// file loaded waits for it): making the entry's columns takes the interface's thread 300 ms, a section at a
					// time, and started first, it put off the answer of a big file's first filter by as much.
					void wordIndex.then(async index => {
						await afterParseCacheDelay();
						return writeParseCache(toKeep.key, {...toKeep.parse, wordIndex: index}, options.parseCache?.directory);
					}, () => false);
				}
			}
		}

		return {articles, warnings: [...parse.warnings, ...feedWarnings, ...failures().map(failure => failure.message)], label, inputs, ...(offlineNotice ? {offlineNotice} : {})};
	};
	const loaded = result();
	if (loaded.articles.length === 0) {
		const allFailures = failures();
		const [firstFailure] = allFailures;
		if (isSingleInput && firstFailure) {
			throw firstFailure;
		}

		const names = paths.map(path => printableName(path)).join(', ');
		// Inputs that all failed the same way (all missing, all unreadable) fail as the first one does, with its
		// exit code; the count is only worth a line when the reasons differ or each file simply has no articles.
		const isOneReason = allFailures.every(failure => failure.exitCode === firstFailure?.exitCode) && firstFailure?.exitCode !== exitCodes.noArticles;
		if (allFailures.length > 1 && firstFailure && !isOneReason) {
			// One line for them all: the count, and the first reason.
			throw new UserFacingError(`${names}: none of ${allFailures.length} files has articles; first, ${firstFailure.message}`, exitCodes.noArticles);
		}

		throw firstFailure ?? new UserFacingError(`${names}: no files with articles`, exitCodes.noArticles);
	}

	if (!feeds) {
		return parse.isComplete
			? loaded
			: {
				...loaded,
				rest: {
					parseFor(budgetMs) {
						wordIndexing?.begin();
						return parse.parseFor(budgetMs);
					},
					parsedShare: () => parse.parsedShare,
					result,
					indexingBacklog: () => wordIndexing?.backlog(parse.articleCount),
				},
			};
	}

	return parse.isComplete && feeds.isComplete
		? loaded
		: {
			...loaded,
			rest: {
				parseFor(budgetMs) {
					const areFilesParsed = parse.isComplete || parse.parseFor(budgetMs);
					return areFilesParsed && feeds.parseFor(budgetMs);
				},
				parsedShare: () => (parse.parsedShare + feeds.counts.fetched) / (1 + feeds.counts.total),
				result,
				waitForMore: () => (parse.isComplete && !feeds.hasParsingToDo && !feeds.isAllSettled ? feeds.nextSettled() : undefined),
				fetchCounts: () => (feeds.isAllSettled ? undefined : feeds.counts),
			},
		};
}

/** How long after the word index has come the parse is kept (see parse-cache.ts). */
const parseCacheDelayMs = 1000;

/** Resolves {@link parseCacheDelayMs} from now; the wait does not keep the process alive. */
async function afterParseCacheDelay(): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, parseCacheDelayMs).unref();
	});
}

/**
 * Waits for the feeds the first frame needs: with `hasArticles` (the files gave some, and the interface shows the
 * rest as it comes), none; else until one feed gives articles, or, for printed output (no `firstArticleCount`), all of
 * them. The loading line shows how many have answered.
 */
async function firstFeeds(feeds: WebFeeds, hasArticles: boolean, options: LoadOptions): Promise<void> {
	const isInteractive = options.firstArticleCount !== undefined;
	const report = () => {
		options.onProgress?.({path: 'feeds', phase: 'fetching', byteCount: 0, fetchCounts: feeds.counts});
	};

	report();
	while (!hasArticles && !feeds.isAllSettled && !(isInteractive && feeds.hasArticles)) {
		// eslint-disable-next-line no-await-in-loop
		await feeds.nextSettled();
		report();
		feeds.parseFor(isInteractive ? parseSliceMs : Number.POSITIVE_INFINITY);
	}

	if (!isInteractive) {
		feeds.parseFor(Number.POSITIVE_INFINITY);
	}

	// The feeds that came are parsed until one gives an article, or all of them are: the first frame needs one.
	while (!hasArticles && !feeds.hasArticles && feeds.hasParsingToDo) {
		feeds.parseFor(parseSliceMs);
	}
}

/**
 * The inputs in the order of the paths given: a path's files, then the feeds it named (a URL names itself; a
 * subscription list, its feeds).
 */
function inPathOrder(paths: readonly string[], fileInputs: readonly ParsedInput[], feeds: WebFeeds): ParsedInput[] {
	const byPath = new Map<string, ParsedInput[]>();
	const add = (path: string, inputs: readonly ParsedInput[]) => {
		const list = byPath.get(path);
		if (list) {
			list.push(...inputs);
		} else {
			byPath.set(path, [...inputs]);
		}
	};

	for (const input of fileInputs) {
		add(input.path, [input]);
	}

	for (const feed of feeds.feeds) {
		add(feed.path ?? feed.url, feeds.inputsOf(feed.url));
	}

	const seen = new Set<string>();
	const ordered = paths.flatMap(path => {
		if (seen.has(path)) {
			return [];
		}

		seen.add(path);
		return byPath.get(path) ?? [];
	});
	// Feeds from a list that is not among the paths (the caller read it) come last.
	const rest = [...byPath.entries()].filter(([path]) => !seen.has(path)).flatMap(([, inputs]) => inputs);
	return [...ordered, ...rest];
}

/** What a reload gave: the articles now, and the inputs that failed (each kept the articles it had). */
export type ReloadResult = LoadResult & {
	/** One line for each input that could not be read or parsed this time: its articles are the ones from before. */
	readonly failures: readonly string[];
	/**
	 * The failures the read before did not have: the ones worth a word. A file that cannot be read (no permission, a
	 * broken link) fails at every reload `--watch` makes; told once, it is told again only after it has been read
	 * well in between.
	 */
	readonly newFailures: readonly string[];
};

/** The failures of `current` that `previous` (the read before) did not have; the first load's are among its warnings. */
function newFailuresSince(previous: LoadResult | ReloadResult, current: readonly string[]): string[] {
	const before = new Set('failures' in previous ? previous.failures : previous.warnings);
	return current.filter(failure => !before.has(failure));
}

/**
 * Reads the inputs of `previous` again: files changed, added to a directory or gone from it. An input that fails
 * (unreadable, malformed, briefly missing while an editor replaces it) keeps the articles it had, and is named in
 * `failures`; stdin is never read again and keeps its articles. Never throws for a bad input. A big file is parsed a
 * slice at a time (`parsing`), so that keys are answered meanwhile; once `signal` is aborted (the interface ended), the
 * reload stops and throws its reason.
 */
export async function reloadInputs(
	previous: LoadResult,
	paths: readonly string[],
	{signal, parsing = defaultReloadParsing, feeds, ...options}: ReadOptions & {readonly signal?: AbortSignal; readonly parsing?: ReloadParsing; readonly feeds?: readonly FeedRequest[]} = {},
): Promise<ReloadResult> {
	const inputs: LoadedInput[] = [];
	const warnings: string[] = [];
	const failures: string[] = [];
	const allFiles: string[] = [];
	const failureMessage = (error: unknown) => printableName(error instanceof UserFacingError ? error.message : `internal error: ${(error as Error).message}`);
	// Every path is listed first: source names depend on every file read (see sourceNamesOf).
	const extraFeeds = feeds ?? [];
	const urls = [...new Set([...paths.filter(path => isWebAddress(path)), ...extraFeeds.map(feed => feed.url)])];
	const staleAges: string[] = [];
	// Fetched at once, a few at a time, while the files are read: the network is slower than the disk.
	const fetches = new Map(urls.map(url => [url, undefined as Promise<{input: DecodedInput; notice?: string; staleAge?: string} | {error: unknown}> | undefined]));
	const fetchesDone = inOrder(urls, feedsFetchedAtOnce, async url => {
		const request = extraFeeds.find(feed => feed.url === url);
		const fetch = readWebInput(url, options.web, request ?? {}).catch((error: unknown) => ({error}));
		fetches.set(url, fetch);
		return fetch;
	});
	const fetchOf = async (url: string, request?: FeedRequest) => {
		const started = fetches.get(url);
		if (started) {
			return started;
		}

		if (!urls.includes(url)) {
			// A feed of a subscription list, known only once the list was read again.
			const fetch = readWebInput(url, options.web, request ?? {}).catch((error: unknown) => ({error}));
			fetches.set(url, fetch);
			return fetch;
		}

		return (await fetchesDone)[urls.indexOf(url)]!;
	};

	/** An input that could not be read again: a failure to report, and its articles from before (`kept`) stay. */
	const keepAfterFailure = (error: unknown, kept: LoadedInput | undefined) => {
		if (signal?.aborted) {
			throw error;
		}

		failures.push(failureMessage(error));
		if (kept) {
			inputs.push(kept);
		}
	};

	/** The subscription lists at URLs read so far, each read once (a list that names itself is no loop). */
	const listsRead = new Set<string>();
	/** Fetches and parses one feed again into `inputs`; one that fails keeps its articles from before (`kept`). */
	const readFeed = async (request: FeedRequest, kept: LoadedInput | undefined) => {
		const {url} = request;
		const path = request.path ?? url;
		if (inputs.some(input => input.file === url)) {
			return;
		}

		const fetched = await fetchOf(url, request);
		if ('error' in fetched) {
			failures.push(failureMessage(fetched.error));
			if (kept) {
				inputs.push(kept);
			}

			return;
		}

		const listed = 'text' in fetched.input ? listedFeeds(fetched.input.text, fetched.input.name, path, options.format) : undefined;
		if (listed) {
			// A subscription list at a URL: its feeds come in its place (once: a list may name itself).
			if (listsRead.has(url)) {
				return;
			}

			listsRead.add(url);
			for (const listedRequest of listed) {
				// eslint-disable-next-line no-await-in-loop
				await readFeed(listedRequest, previous.inputs.find(input => input.file === listedRequest.url));
			}

			return;
		}

		try {
			const result = await readInput(path, url, options, parsing, signal, undefined, fetched.input);
			inputs.push({path, file: url, articles: result.articles.map(article => webArticle(url, article, request.groups)), ...(request.groups?.length ? {groups: request.groups} : {})});
			warnings.push(...(fetched.notice ? [fetched.notice] : []), ...result.warnings);
			staleAges.push(...(fetched.staleAge ? [fetched.staleAge] : []));
		} catch (error) {
			keepAfterFailure(error, kept);
		}
	};

	const listings = await Promise.all(paths.map(async path => (path === '-' || isWebAddress(path) ? [path] : filesOf(path).catch((error: unknown) => error))));
	const sourceNames = sourceNamesOf(listings.flatMap(listing => (Array.isArray(listing) ? listing.filter(file => typeof file === 'string' && !isWebAddress(file)) : [])));
	for (const [index, path] of paths.entries()) {
		const before = previous.inputs.filter(input => input.path === path);
		const listing = listings[index];
		if (!Array.isArray(listing)) {
			failures.push(failureMessage(listing));
			inputs.push(...before);
			allFiles.push(...before.map(input => input.file));
			continue;
		}

		const files = listing.filter(file => typeof file === 'string');
		failures.push(...listing.filter(file => typeof file !== 'string').map(failure => failureMessage(failure)));
		allFiles.push(...files);
		for (const file of files) {
			const kept = before.find(input => input.file === file);
			if (file === '-') {
				inputs.push(kept ?? {path, file, articles: []});
				continue;
			}

			if (isWebAddress(file)) {
				// eslint-disable-next-line no-await-in-loop
				await readFeed({url: file, path}, kept);
				continue;
			}

			// eslint-disable-next-line no-await-in-loop
			const listed = await listedFeedsOfFile(file, path, options.format);
			if (listed) {
				for (const request of listed) {
					// eslint-disable-next-line no-await-in-loop
					await readFeed(request, previous.inputs.find(input => input.file === request.url));
				}

				continue;
			}

			try {
				// eslint-disable-next-line no-await-in-loop -- inputs are read one at a time, in order, to bound memory
				const result = await readInput(path, file, options, parsing, signal, sourceNames.get(file));
				inputs.push({path, file, articles: result.articles});
				warnings.push(...result.warnings);
			} catch (error) {
				keepAfterFailure(error, kept);
			}
		}

		// The feeds a subscription list among the paths names come in its place.
		for (const request of extraFeeds.filter(feed => feed.path === path)) {
			// eslint-disable-next-line no-await-in-loop
			await readFeed(request, previous.inputs.find(input => input.file === request.url));
		}
	}

	// Feeds of a list that is not among the paths (the caller read it) come last.
	for (const request of extraFeeds.filter(feed => !paths.includes(feed.path ?? feed.url))) {
		// eslint-disable-next-line no-await-in-loop
		await readFeed(request, previous.inputs.find(input => input.file === request.url));
	}

	return {
		articles: articlesWithUniqueIds(inputs),
		warnings,
		label: inputsLabel(paths, allFiles.filter(file => !isWebAddress(file)), urls),
		inputs,
		failures,
		newFailures: newFailuresSince(previous, failures),
		...(offlineNoticeOf(staleAges) ? {offlineNotice: offlineNoticeOf(staleAges)} : {}),
	};
}
