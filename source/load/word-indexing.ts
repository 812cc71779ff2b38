import type {MessagePort, Worker} from 'node:worker_threads';
import {type IndexedArticle, slotTextsOf, type WordIndex, WordIndexer} from '../search/word-index.js';
import {builtinModule} from './builtin-modules.js';

/*
The search's word index, built as the inputs are parsed. Parsing a big file keeps the main thread busy, and
indexing its words takes as long again: on a second core, in a worker, the index is ready about when the last
article is in. Each parsed part's searched fields are posted to the worker as they come, a batch of articles' fields
as one string and their lengths (posting each paragraph as a string of its own cost the main thread a fifth of a big
file's load); the finished index comes back with its arrays transferred, not copied.
*/

/**
 * The worker's code (word-index-worker.ts, bundled apart), which scripts/build.js writes into the bundle. Absent when
 * the sources run unbundled (the tests): the index is then built in this thread.
 */
declare const wordIndexWorkerSource: string | undefined;

/** How many articles are posted to the worker at once. */
const batchArticleCount = 256;

/**
 * A batch of articles as posted to the worker: the text of each one's four searched fields (see slotTextsOf), a line
 * each, and the length of each.
 */
type PostedArticles = {readonly type: 'articles'; readonly text: string; readonly lengths: Int32Array};

type MessageToWorker = PostedArticles | {readonly type: 'finish'};
type MessageFromWorker = {readonly type: 'indexed'; readonly count: number} | {readonly type: 'index'; readonly index: WordIndex};

/** A word index being built, an article at a time in the list's order; `finish` answers it once every article is in. */
export type WordIndexing = {
	add(article: IndexedArticle): void;
	/**
	 * Starts the work in earnest: a worker starts only now, so that the first frame (parsed before) does not wait for
	 * it; the articles added so far wait for it.
	 */
	begin(): void;
	/** How many articles are indexed so far. */
	readonly indexedCount: number;
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
	/** The fields of the articles added and not yet posted (see slotTextsOf), and their lengths (-1: absent). */
	let batch: string[] = [];
	let lengths: number[] = [];
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

	const fail = (error: Error) => {
		failure ??= error;
		rejectIndex(error);
	};

	const start = () => {
		isStarted = true;
		// Loaded only now, not at start-up: few inputs are big enough to want a worker.
		create(builtinModule<typeof import('node:worker_threads')>('node:worker_threads').Worker);
		flush();
	};

	const create = (WorkerThread: typeof Worker) => {
		try {
			// Its output, were there any, stays out of the terminal.
			worker = new WorkerThread(code, {eval: true, stdout: true, stderr: true});
			// The interface may end while the worker works: it must not keep the process alive.
			worker.unref();
			worker.on('message', (message: MessageFromWorker) => {
				if (message.type === 'indexed') {
					indexedCount = message.count;
				} else {
					resolveIndex(message.index);
					void worker?.terminate();
				}
			});
			worker.on('error', fail);
			worker.on('exit', () => {
				fail(new Error('the word index worker ended'));
			});
		} catch (error) {
			fail(error as Error);
		}
	};

	const flush = () => {
		if (failure) {
			// Nothing will come of them: the search builds the index itself.
			batch = [];
			lengths = [];
			return;
		}

		if (batch.length > 0 && worker) {
			try {
				const postedLengths = Int32Array.from(lengths);
				worker.postMessage({type: 'articles', text: batch.join('\n'), lengths: postedLengths} satisfies MessageToWorker, [postedLengths.buffer]);
			} catch (error) {
				fail(error as Error);
			}

			batch = [];
			lengths = [];
		}
	};

	return {
		add(article) {
			for (const field of slotTextsOf(article)) {
				batch.push(field ?? '');
				lengths.push(field === undefined ? -1 : field.length);
			}

			if (isStarted && batch.length >= batchArticleCount * 4) {
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

	const indexer = new WordIndexer();
	port.on('message', (message: MessageToWorker) => {
		if (message.type === 'articles') {
			const {text, lengths} = message;
			for (let field = 0, start = 0; field + 4 <= lengths.length; field += 4) {
				indexer.addSlotTexts(text, lengths, field, start);
				for (let next = field; next < field + 4; next++) {
					start += Math.max(0, lengths[next]!) + 1;
				}
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
