import {monotonicMs} from './clock.js';
import type {Article} from '../article.js';
import {parseSliceMs} from './parse-inputs.js';
import type {LoadResult, RemainingLoad} from './read-input.js';
import type {FetchCounts} from './web-feeds.js';

/** More articles of inputs still being parsed: all so far, in the inputs' order. */
export type Arrival = {
	readonly articles: readonly Article[];
	/** How much of the inputs is parsed (0 to 1); undefined when all is. */
	readonly loadingShare: number | undefined;
	/** How many warnings the inputs gave so far. */
	readonly warningCount: number;
	/** Those warnings, as their lines say them (not sanitised). */
	readonly warnings?: readonly string[];
	/** While feeds are fetched: how many have answered, of how many. */
	readonly fetchCounts?: FetchCounts;
};

/** Where the interface hears of arrivals; it subscribes once it has drawn its first frame. */
export type ArticleArrivals = {
	/** Starts parsing, if it has not started, and calls `listener` with each arrival; returns the way to stop listening. */
	readonly subscribe: (listener: (arrival: Arrival) => void) => () => void;
};

/**
 * How the rest is parsed: in slices of `sliceMs`, with the articles handed over after `arrivalIntervalMs` of parsing,
 * then after twice as long each time, up to `longestArrivalIntervalMs`.
 */
export type BackgroundTiming = {
	readonly sliceMs: number;
	readonly arrivalIntervalMs: number;
	readonly longestArrivalIntervalMs: number;
	/** While feeds are fetched and nothing is left to parse: how long what came waits for more before it is handed over (none by default). */
	readonly shortestWaitingIntervalMs?: number;
};

/**
 * Slices are `parseSliceMs` long (see parse-inputs.ts). Arrivals come quickly at
 * first, then more and more rarely: each costs the interface a pass over all the articles so far (their order, the
 * list rows), and the lists that take longest to parse are the ones whose passes cost most.
 */
const defaultTiming: BackgroundTiming = {sliceMs: parseSliceMs, arrivalIntervalMs: 250, longestArrivalIntervalMs: 2000, shortestWaitingIntervalMs: 100};

/**
 * Parses what `remaining` has left, a slice at a time between the event loop's other work (keys, frames), once the
 * interface subscribes. `loaded` resolves with the whole load.
 */
export function parseInBackground(remaining: RemainingLoad, timing: BackgroundTiming = defaultTiming): {arrivals: ArticleArrivals; loaded: Promise<LoadResult>} {
	const listeners = new Set<(arrival: Arrival) => void>();
	let latest: Arrival | undefined;
	/** What is left to parse; nothing once all is parsed, so that the articles of this load can go once the interface lets them. */
	let rest: RemainingLoad | undefined = remaining;
	let isStarted = false;
	let resolveLoaded: (result: LoadResult) => void = () => {};
	const loaded = new Promise<LoadResult>(resolve => {
		resolveLoaded = resolve;
	});
	let handedOverAt = monotonicMs();
	let arrivalIntervalMs = timing.arrivalIntervalMs;
	const step = () => {
		if (listeners.size === 0) {
			// The interface has ended: nothing is waiting for the articles.
			isStarted = false;
			return;
		}

		if (!rest) {
			return;
		}

		const isComplete = rest.parseFor(timing.sliceMs);
		// Feeds still being fetched, and nothing to parse till the next answers: what came so far is handed over now.
		const waiting = isComplete ? undefined : rest.waitForMore?.();
		const now = monotonicMs();
		// Feeds that answer close together are handed over together: each arrival costs the interface a pass.
		const isWaitingLongEnough = waiting !== undefined && now - handedOverAt >= (timing.shortestWaitingIntervalMs ?? 0);
		if (isComplete || isWaitingLongEnough || now - handedOverAt >= arrivalIntervalMs) {
			if (!waiting) {
				arrivalIntervalMs = Math.min(arrivalIntervalMs * 2, timing.longestArrivalIntervalMs);
			}

			const result = rest.result();
			const fetchCounts = isComplete ? undefined : rest.fetchCounts?.();
			latest = {articles: result.articles, loadingShare: isComplete ? undefined : rest.parsedShare(), warningCount: result.warnings.length, warnings: result.warnings, ...(fetchCounts ? {fetchCounts} : {})};
			for (const listener of listeners) {
				listener(latest);
			}

			// Measured after the listeners, which re-draw: the interval is parsing time, not drawing time.
			handedOverAt = monotonicMs();
			if (isComplete) {
				// The listeners have every article: this load keeps none of them (the resolving function holds the promise,
				// which holds the result).
				latest = undefined;
				rest = undefined;
				const resolve = resolveLoaded;
				resolveLoaded = () => {};
				resolve(result);
				return;
			}
		}

		if (waiting) {
			// On when the next feed answers, or when what came so far has waited long enough to be handed over.
			let timer: NodeJS.Timeout | undefined;
			const wait = isWaitingLongEnough ? waiting : Promise.race([waiting, new Promise<void>(resolve => {
				timer = setTimeout(resolve, Math.max(0, (timing.shortestWaitingIntervalMs ?? 0) - (now - handedOverAt)));
			})]);
			void wait.then(() => {
				clearTimeout(timer);
				setImmediate(step);
			});
		} else {
			// The word index far behind: parsing waits for it, so that the text on its way there stays little.
			const backlog = isComplete ? undefined : rest.indexingBacklog?.();
			if (backlog) {
				void backlog.then(() => {
					setImmediate(step);
				});
			} else {
				setImmediate(step);
			}
		}
	};

	return {
		arrivals: {
			subscribe(listener) {
				listeners.add(listener);
				if (latest) {
					listener(latest);
				}

				if (!isStarted) {
					isStarted = true;
					handedOverAt = monotonicMs();
					setImmediate(step);
				}

				return () => {
					listeners.delete(listener);
				};
			},
		},
		loaded,
	};
}
