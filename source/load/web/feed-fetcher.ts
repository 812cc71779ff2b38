import type {Worker} from 'node:worker_threads';
import {UserFacingError} from '../../exit-codes.js';
import type {FeedBytes, FeedFetchOptions} from './fetch-feed.js';

/*
Who fetches the feeds: this thread, or the fetch worker that the launcher (scripts/launcher.cjs) starts before it
compiles the bundle when the command line names a URL. In the worker, Node's fetch loads (undici: 45–70 ms) and the
requests, the feed cache's reads and its writes run on the second core while this thread compiles the bundle, starts
and loads the interface; only the bodies come back, their bytes transferred rather than copied. The worker runs
source/load/web/fetch-service.ts; both sides speak the messages below.
*/

/** The options of a fetch as posted to the worker: what cannot be posted (a signal, a clock) stays here. */
export type PostedFetchOptions = Omit<FeedFetchOptions, 'signal' | 'now' | 'environment'> & {readonly environment: Readonly<Record<string, string | undefined>>};

/** What this thread asks of the fetch worker. */
export type MessageToFetchWorker =
	| {readonly type: 'fetch'; readonly id: number; readonly url: string; readonly options: PostedFetchOptions}
	| {readonly type: 'cancel'; readonly id: number}
	| {readonly type: 'defer-eviction'; readonly id: number}
	| {readonly type: 'release-eviction'; readonly id: number}
	| {readonly type: 'end'};

/** A fetch that failed, as posted back: enough to make the same error here. */
export type PostedFetchFailure = {readonly message: string; readonly exitCode?: number; readonly isTransient?: boolean};

/** What the fetch worker answers. */
export type MessageFromFetchWorker =
	| {readonly type: 'fetched'; readonly id: number; readonly feed: Omit<FeedBytes, 'bytes'> & {readonly bytes: Uint8Array}}
	| {readonly type: 'failed'; readonly id: number; readonly failure: PostedFetchFailure}
	/** The fetch `id` is over, its copy in the cache written (or given up). */
	| {readonly type: 'stored'; readonly id: number}
	/** The look over the cache that a release let go of is done. */
	| {readonly type: 'released'; readonly id: number}
	| {readonly type: 'warning'; readonly name: string; readonly message: string};

/** Fetches feeds (see fetch-feed.ts), here or in the fetch worker. */
export type FeedFetcher = {
	/** The feed at `url`, from the network or the cache (see fetchFeed in fetch-feed.ts). */
	fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedBytes>;
	/** Holds back the look over the feed cache until the returned function is called (see deferCacheEviction in feed-cache.ts). */
	deferCacheEviction(): () => Promise<void>;
	/**
	 * Resolves once the first request has gone out, so that work which can wait for the answers (loading the interface)
	 * runs while the servers answer rather than holding the requests back. A hint, never waited on alone.
	 */
	firstRequestSent(): Promise<void>;
	/** Ends the connections kept open and any fetch still under way: the session is over. */
	close(): Promise<void>;
};

/** The fetcher that works in this thread: the fetching code and Node's fetch load on first use. */
export function fetcherHere(): FeedFetcher {
	return {
		async fetchFeed(url, options) {
			const {fetchFeed} = await import('./fetch-feed.js');
			return fetchFeed(url, options);
		},
		deferCacheEviction() {
			const released = import('./feed-cache.js').then(({deferCacheEviction}) => deferCacheEviction());
			return async () => {
				await (await released)();
			};
		},
		async firstRequestSent() {
			const {firstRequestSent} = await import('./fetch-url.js');
			await firstRequestSent();
		},
		close: closeFetchConnections,
	};
}

/**
 * Ends the connections this thread's fetch keeps open for more requests (and any still fetching), so that the thread
 * can end at once rather than when they time out. Nothing happens when nothing was fetched.
 */
export async function closeFetchConnections(): Promise<void> {
	const dispatcher = (globalThis as unknown as Record<symbol, {destroy?: () => Promise<void>} | undefined>)[Symbol.for('undici.globalDispatcher.1')];
	await dispatcher?.destroy?.().catch(() => {});
}

/** What {@link fetcherInWorker} needs of a worker: a `MessagePort` at the other end of a channel does as well, in tests. */
export type FetchWorkerPort = Pick<Worker, 'postMessage' | 'on' | 'ref' | 'unref'>;

/** The error a posted failure stands for: a {@link UserFacingError} (a FetchError when it was one) with the same words and code. */
async function errorOf(failure: PostedFetchFailure): Promise<Error> {
	if (failure.exitCode === undefined) {
		return new Error(failure.message);
	}

	if (failure.isTransient === undefined) {
		return new UserFacingError(failure.message, failure.exitCode);
	}

	const {FetchError} = await import('./fetch-url.js');
	return new FetchError(failure.message, failure.isTransient, failure.exitCode);
}

/**
 * The fetcher that asks `worker` (running fetch-service.ts). The worker keeps the process alive only while a fetch or
 * its cache write is under way. Should it fail or end, what it was asked is fetched here instead, and so is all that
 * follows: the worker is only ever a speed-up.
 */
export function fetcherInWorker(worker: FetchWorkerPort, here: FeedFetcher = fetcherHere()): FeedFetcher {
	type Pending = {
		readonly url: string;
		readonly options: FeedFetchOptions;
		readonly resolve: (feed: FeedBytes) => void;
		readonly reject: (error: unknown) => void;
		isAnswered: boolean;
		readonly stopOnSignal: () => void;
	};
	const pending = new Map<number, Pending>();
	const releases = new Map<number, () => void>();
	let nextId = 0;
	let isBroken = false;
	let hasEnded = false;
	let isRefed = false;
	const holdProcess = () => {
		const shouldHold = pending.size > 0 || releases.size > 0;
		if (shouldHold !== isRefed) {
			isRefed = shouldHold;
			if (shouldHold) {
				worker.ref();
			} else {
				worker.unref();
			}
		}
	};

	/** The fetch `id` is over: answered, and its copy written. */
	const finish = (id: number) => {
		const request = pending.get(id);
		if (request?.stopOnSignal) {
			request.options.signal?.removeEventListener('abort', request.stopOnSignal);
		}

		pending.delete(id);
		holdProcess();
	};

	const post = (message: MessageToFetchWorker) => {
		try {
			worker.postMessage(message);
		} catch {
			breakDown();
		}
	};

	/** The worker failed: what it had not answered is fetched here. */
	const breakDown = () => {
		if (isBroken) {
			return;
		}

		isBroken = true;
		for (const [id, request] of pending) {
			if (!request.isAnswered && hasEnded) {
				request.reject(request.options.signal?.reason ?? new Error('the session ended'));
			} else if (!request.isAnswered) {
				here.fetchFeed(request.url, request.options).then(request.resolve, request.reject);
			}

			finish(id);
		}

		for (const [id, release] of releases) {
			release();
			releases.delete(id);
		}

		worker.unref();
	};

	worker.on('message', (message: MessageFromFetchWorker) => {
		switch (message.type) {
			case 'fetched': {
				const request = pending.get(message.id);
				if (request && !request.isAnswered) {
					request.isAnswered = true;
					const {bytes, ...feed} = message.feed;
					request.resolve({...feed, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)});
				}

				break;
			}

			case 'failed': {
				const request = pending.get(message.id);
				if (request && !request.isAnswered) {
					request.isAnswered = true;
					// An abort of this side's signal is what a fetch here would have thrown.
					const reason = request.options.signal?.aborted ? request.options.signal.reason as unknown : undefined;
					void errorOf(message.failure).then(error => {
						request.reject(reason ?? error);
					});
				}

				break;
			}

			case 'stored': {
				finish(message.id);
				break;
			}

			case 'released': {
				releases.get(message.id)?.();
				releases.delete(message.id);
				holdProcess();
				break;
			}

			case 'warning': {
				// Kept as this thread's own are (see process-warnings.ts).
				process.emitWarning(message.message, message.name);
				break;
			}
		}
	});
	worker.on('error', breakDown);
	worker.on('exit', breakDown);

	return {
		async fetchFeed(url, options) {
			if (isBroken || hasEnded) {
				return here.fetchFeed(url, options);
			}

			options.signal?.throwIfAborted();
			const id = nextId++;
			const {signal, now: _now, environment, ...rest} = options;
			return new Promise<FeedBytes>((resolve, reject) => {
				const stopOnSignal = () => {
					post({type: 'cancel', id});
				};

				pending.set(id, {url, options, resolve, reject, isAnswered: false, stopOnSignal});
				signal?.addEventListener('abort', stopOnSignal, {once: true});
				holdProcess();
				post({type: 'fetch', id, url, options: {...rest, environment: {...environment}}});
			});
		},
		deferCacheEviction() {
			if (isBroken || hasEnded) {
				return here.deferCacheEviction();
			}

			const id = nextId++;
			post({type: 'defer-eviction', id});
			let released: Promise<void> | undefined;
			return async () => {
				released ??= isBroken
					? Promise.resolve()
					: new Promise<void>(resolve => {
						releases.set(id, resolve);
						holdProcess();
						post({type: 'release-eviction', id});
					});
				await released;
			};
		},
		async firstRequestSent() {
			// The worker sends the requests on its own thread, whatever this one does meanwhile.
		},
		async close() {
			if (!isBroken && !hasEnded) {
				hasEnded = true;
				post({type: 'end'});
			}
		},
	};
}

/** The fetch worker the launcher started, when it started one (scripts/launcher.cjs passes it to the bundle). */
declare const launcherFetchWorker: Worker | undefined;

let chosen: FeedFetcher | undefined;

/** The session's fetcher: the launcher's fetch worker when there is one, else this thread. */
export function feedFetcher(): FeedFetcher {
	chosen ??= typeof launcherFetchWorker === 'object' && launcherFetchWorker !== null ? fetcherInWorker(launcherFetchWorker) : fetcherHere();
	return chosen;
}

/**
 * Ends every fetch and connection of the session, in this thread and in the fetch worker, so that the process ends at
 * once; the worker still finishes writing the copies it fetched.
 */
export async function closeFeedFetches(): Promise<void> {
	await Promise.all([closeFetchConnections(), chosen?.close()]);
}
