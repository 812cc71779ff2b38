import type {MessagePort, Worker} from 'node:worker_threads';
import {type IndexedArticle, pushIndexedTexts, type WordIndex, WordIndexer} from '../search/word-index.js';
import {builtinModule, holdStartingFlags} from './builtin-modules.js';

/*
The search's word index, built as the inputs are parsed. Parsing a big file keeps the main thread busy, and
indexing its words takes as long again: on a second core, in a worker, the index is ready about when the last
article is in. Each parsed part's searched fields are posted to the worker as they come; the finished index comes
back with its arrays transferred, not copied.
*/

/**
 * The worker's code (word-index-worker.ts, bundled apart), which scripts/build.js writes into the bundle. Absent when
 * the sources run unbundled (the tests): the index is then built in this thread.
 */
declare const wordIndexWorkerSource: string | undefined;

/**
 * How many articles are posted to the worker at once: few, so that their lower-cased text, made for the worker alone,
 * dies young (at 256, a 100k-article load's peak memory was 10 MB higher, for no quicker index).
 */
const batchArticleCount = 64;

/**
 * How many articles may wait for the worker before the parse waits for it: their text is in memory only in the
 * messages posted (a big file's bodies stay in the file), and a parse quicker than the index piled up 30 MB at the peak.
 */
const largestBacklogArticleCount = 4096;

/**
 * The worker's heap for new objects: its text dies young (each batch once indexed), and V8 would let this space grow to
 * 32 MB; at 16 MB the peak memory of a 100k-article load is about 30 MB lower, for a few more scavenges of little.
 */
const workerLimits = {maxYoungGenerationSizeMb: 16};

/**
 * Articles as posted to the worker: the texts the index reads of each (see pushIndexedTexts), lower-cased here, one
 * after the other (headline, kicker, deck, then its body's texts), and how many texts each body has. Lower-casing is
 * a tenth of the worker's work, and this thread, which waits for the worker, has the time; a flat list of strings
 * takes less copying into a message, and out of one, than an array of arrays.
 */
type PostedArticles = {readonly texts: readonly string[]; readonly bodyTextCounts: Uint32Array};

type MessageToWorker = {readonly type: 'articles'; readonly articles: PostedArticles} | {readonly type: 'finish'};
type MessageFromWorker = {readonly type: 'ready'} | {readonly type: 'indexed'; readonly count: number} | {readonly type: 'index'; readonly index: WordIndex};

/** A word index being built, an article at a time in the list's order; `finish` answers it once every article is in. */
export type WordIndexing = {
	add(article: IndexedArticle): void;
	/**
	 * Starts the work in earnest: a worker starts only now, so that the first frame (parsed before) does not wait for
	 * it; the articles added so far wait for it. Started before the first frame instead, a 100,000-article file's first
	 * frame came about 35 ms later, and it was searchable no sooner once the worker's own start was quick (see create).
	 */
	begin(): void;
	/** How many articles are indexed so far. */
	readonly indexedCount: number;
	/**
	 * With `addedCount` articles added: when the indexing is so far behind that the articles waiting for it hold too
	 * much text, resolves once it has indexed half of those (or failed); undefined when adding may go on.
	 */
	backlog(addedCount: number): Promise<void> | undefined;
	/** The index of every article added. Adding more afterwards is an error. */
	finish(): Promise<WordIndex>;
	/** Stops the work, if it is still going on (the interface ended). */
	stop(): void;
};

/** Indexes in this thread: when there is no bundle to start a worker from (tests run the sources). */
export function indexWordsHere(): WordIndexing {
	const indexer = new WordIndexer();
	return {
		add: article => {
			indexer.add(article);
		},
		begin() {},
		get indexedCount() {
			return indexer.indexedCount;
		},
		backlog: () => undefined,
		finish: async () => indexer.finish(),
		stop() {},
	};
}

/** Indexes in a worker when the bundle carries the worker's code, else in this thread. */
export function startWordIndexing(): WordIndexing {
	return typeof wordIndexWorkerSource === 'string' ? indexWordsInWorker(wordIndexWorkerSource) : indexWordsHere();
}

/**
 * Indexes in a worker thread running `code`. Should the worker fail, the search builds the index itself from the
 * articles (see WordIndexBuilder): nothing is lost, and the search is only later.
 */
export function indexWordsInWorker(code: string): WordIndexing {
	let worker: Worker | undefined;
	let isStarted = false;
	/** The articles not posted yet: their texts, and how many of those each body has. */
	let batchTexts: string[] = [];
	let batchBodyTextCounts: number[] = [];
	let indexedCount = 0;
	let failure: Error | undefined;
	let resolveIndex: (index: WordIndex) => void = () => {};
	let rejectIndex: (error: Error) => void = () => {};
	const index = new Promise<WordIndex>((resolve, reject) => {
		resolveIndex = resolve;
		rejectIndex = reject;
	});
	// A failure before anyone waits on the index must not count as unhandled.
	index.catch(() => {});

	/**
	 * Who waits for the worker to catch up (see backlog): told once it has indexed `until` articles, or when it fails.
	 * Told at any answer instead, the parse went on a slice at a time, as fast as ever, and the backlog kept growing.
	 */
	let caughtUp: Array<{readonly until: number; readonly resolve: () => void}> = [];
	const tellCaughtUp = (isFailed = false) => {
		const waiting = caughtUp;
		caughtUp = [];
		for (const waiter of waiting) {
			if (isFailed || indexedCount >= waiter.until) {
				waiter.resolve();
			} else {
				caughtUp.push(waiter);
			}
		}
	};

	const fail = (error: Error) => {
		failure ??= error;
		rejectIndex(error);
		tellCaughtUp(true);
	};

	const start = () => {
		isStarted = true;
		// Loaded only now, not at start-up: few inputs are big enough to want a worker.
		create(builtinModule<typeof import('node:worker_threads')>('node:worker_threads').Worker);
		flush();
	};

	const create = (WorkerThread: typeof Worker) => {
		// The worker's thread loads Node's own modules as it starts: under node's starting flags, with their compiled code
		// (about 20 ms of its thread rather than 40), until it says it is ready.
		const releaseStartingFlags = holdStartingFlags();
		try {
			// Its output, were there any, stays out of the terminal.
			worker = new WorkerThread(code, {eval: true, stdout: true, stderr: true, resourceLimits: workerLimits});
			// The interface may end while the worker works: it must not keep the process alive.
			worker.unref();
			worker.on('message', (message: MessageFromWorker) => {
				releaseStartingFlags();
				if (message.type === 'ready') {
					return;
				}

				if (message.type === 'indexed') {
					indexedCount = message.count;
					tellCaughtUp();
				} else {
					resolveIndex(message.index);
					void worker?.terminate();
				}
			});
			worker.on('error', error => {
				releaseStartingFlags();
				fail(error);
			});
			worker.on('exit', () => {
				releaseStartingFlags();
				fail(new Error('the word index worker ended'));
			});
		} catch (error) {
			releaseStartingFlags();
			fail(error as Error);
		}
	};

	const flush = () => {
		if (failure) {
			// Nothing will come of them: the search builds the index itself.
			batchTexts = [];
			batchBodyTextCounts = [];
			return;
		}

		if (batchBodyTextCounts.length > 0 && worker) {
			try {
				const articles: PostedArticles = {texts: batchTexts, bodyTextCounts: Uint32Array.from(batchBodyTextCounts)};
				worker.postMessage({type: 'articles', articles} satisfies MessageToWorker);
			} catch (error) {
				fail(error as Error);
			}

			batchTexts = [];
			batchBodyTextCounts = [];
		}
	};

	return {
		add(article) {
			const first = batchTexts.length;
			batchBodyTextCounts.push(pushIndexedTexts(article, batchTexts));
			for (let text = first; text < batchTexts.length; text++) {
				batchTexts[text] = batchTexts[text]!.toLowerCase();
			}

			if (isStarted && batchBodyTextCounts.length >= batchArticleCount) {
				flush();
			}
		},
		begin() {
			if (!isStarted) {
				start();
			}
		},
		get indexedCount() {
			return indexedCount;
		},
		backlog(addedCount) {
			if (failure || !worker || addedCount - indexedCount <= largestBacklogArticleCount) {
				return undefined;
			}

			// On once half the backlog is indexed: the parse then runs a while before it waits again.
			return new Promise(resolve => {
				caughtUp.push({until: addedCount - (largestBacklogArticleCount / 2), resolve});
			});
		},
		async finish() {
			if (!isStarted) {
				start();
			}

			flush();
			if (failure || !worker) {
				throw failure ?? new Error('no word index worker');
			}

			worker.postMessage({type: 'finish'} satisfies MessageToWorker);
			return index;
		},
		stop() {
			void worker?.terminate();
			worker = undefined;
		},
	};
}

/** The worker's side: indexes the articles posted to it, and posts the index back when told that all are in. */
export function runWordIndexWorker(port: MessagePort | null): void {
	if (!port) {
		return;
	}

	// Node's own start of this thread is over (see create in indexWordsInWorker).
	port.postMessage({type: 'ready'} satisfies MessageFromWorker);
	const indexer = new WordIndexer();
	port.on('message', (message: MessageToWorker) => {
		if (message.type === 'articles') {
			const {texts, bodyTextCounts} = message.articles;
			let next = 0;
			for (const bodyTextCount of bodyTextCounts) {
				indexer.addTexts(texts, next, bodyTextCount, true);
				next += 3 + bodyTextCount;
			}

			port.postMessage({type: 'indexed', count: indexer.indexedCount} satisfies MessageFromWorker);
			return;
		}

		const index = indexer.finish();
		const buffers = [index.wordStarts, index.wordCounts, index.firstWords, index.lastWords, index.letterMasks, ...index.segments.flatMap(segment => [segment.words, segment.offsets, segment.slots])].map(array => array.buffer as ArrayBuffer);
		port.postMessage({type: 'index', index} satisfies MessageFromWorker, buffers);
		port.close();
	});
}
