import {type Dispatch, useEffect, useMemo} from 'react';
import type {Article} from '../article.js';
import {createSearchIndex, type SearchHit, type SearchIndex, type SearchStep} from '../search/search.js';
import type {SearchEffect, SearchResults} from '../state/state.js';
import type {Action} from '../state/actions.js';

/**
 * Milliseconds of search work between chances for the terminal's input and Ink's frames: the longest a keystroke
 * waits for a search running in the background.
 */
const sliceMs = 8;
/**
 * How long after a keystroke the word index waits before it goes on building: keys pressed in a row (a held Down,
 * a word typed into the filter) are each drawn without index work in between.
 */
const keystrokeQuietMs = 150;
/** How long a search runs before the filter line says so (saying it sooner would only flicker). */
const slowAfterMs = 120;
/** How often a slow search reports its progress. */
const progressIntervalMs = 200;

/** What a running search tells the shell. */
export type SearchListener = {
	finished(results: SearchResults): void;
	/** The search for `query` has run a while; `indexedShare` of the articles are indexed. */
	progressed(query: string, indexedShare: number): void;
};

/**
 * Runs one search at a time, a slice at a time between keystrokes and frames, and builds the word index in idle
 * moments. Asking for another query drops the running search unfinished: it is superseded, never queued.
 */
export type SearchRunner = {
	/**
	 * Searches for `query` in the background, as a `start-search` effect asks (none: stop searching, as
	 * `cancel-search` asks); the listener hears when it is done. Once a keystroke has asked for a different query
	 * (see `searchNow`), a request that comes later is out of date, and ignored.
	 */
	search(query: string | undefined): void;
	/**
	 * On a keystroke: searches for `query` (none: stop searching) right now for up to `budgetMs`, and answers the
	 * results if that was enough; otherwise the search goes on in the background. The answer is not also told to the
	 * listener. It may be provisional (see {@link SearchStep}): then the search goes on in the background, and the
	 * listener hears the final results. A query already being searched for, or whose results were just reported, is
	 * left to the background: the answer is then undefined; so is a search that must first build the word index.
	 */
	searchNow(query: string | undefined, budgetMs: number): SearchResults | undefined;
	/** A key was pressed: idle work (building the index) waits until the keys pause. */
	noteKeystroke(): void;
	/** Stops all work. */
	stop(): void;
};

type Job = {
	readonly query: string;
	readonly steps: Generator<SearchStep, readonly SearchHit[]>;
	lastStep: SearchStep;
	reportTime: number;
	/** The provisional hits handed out, if any. */
	provisionalHits?: readonly SearchHit[];
};

/**
 * A {@link SearchRunner} over `index` that tells `listener` what it finds. Without `shouldPrepareWhenIdle` (while
 * more articles are being parsed, and a new index will replace this one), the index is built only as searches need it.
 */
export function createSearchRunner(index: SearchIndex, listener: SearchListener, shouldPrepareWhenIdle = true): SearchRunner {
	let job: Job | undefined;
	/** The query whose results the listener heard last, until another is asked for. */
	let reportedQuery: string | undefined;
	const preparing = index.prepareInSteps();
	let isPrepared = !shouldPrepareWhenIdle;
	let immediate: NodeJS.Immediate | undefined;
	/** Holds idle work back until the keys pause. */
	let quietTimer: NodeJS.Timeout | undefined;
	/** Holds a search back until the frame with its provisional results is drawn. */
	let frameHop: NodeJS.Immediate | undefined;
	/** When idle work may go on again (see `keystrokeQuietMs`). */
	let quietFrom = 0;
	/** Whether provisional results were just handed out, so that their frame should be drawn before the search goes on. */
	let isFrameDue = false;
	/** The word index is being built elsewhere (a worker): nothing to do until this settles. */
	let awaited: Promise<unknown> | undefined;
	let isStopped = false;

	/** Waits for `promise` before any more work: no slice runs meanwhile, so the thread idles instead of spinning. */
	function waitFor(promise: Promise<unknown>) {
		awaited = promise;
		const resume = () => {
			if (awaited === promise) {
				awaited = undefined;
				if (!isStopped) {
					schedule();
				}
			}
		};

		promise.then(resume, resume);
	}

	/**
	 * Steps the job until `deadline`, or until it has hits to show: its final ones, when it finishes (and is gone), or
	 * provisional ones, after which it goes on at the next call. Final hits that only confirm the provisional ones
	 * (the same articles in the same order) are not handed out: the state has them already, and taking them again
	 * would only draw the same frame once more. With `shouldStopWhileIndexing`, a step that is still building the
	 * word index ends the call too.
	 */
	function advance(current: Job, deadline: number, shouldStopWhileIndexing = false): SearchResults | undefined {
		do {
			const step = current.steps.next();
			if (step.done) {
				job = undefined;
				if (step.value === current.provisionalHits) {
					reportedQuery = current.query;
					return undefined;
				}

				return {query: current.query, hits: step.value};
			}

			current.lastStep = step.value;
			if (step.value.awaited) {
				waitFor(step.value.awaited);
				break;
			}

			if (step.value.provisionalHits) {
				isFrameDue = true;
				current.provisionalHits = step.value.provisionalHits;
				return {query: current.query, hits: step.value.provisionalHits, isProvisional: true};
			}

			if (shouldStopWhileIndexing && step.value.indexedShare < 1) {
				break;
			}
		} while (performance.now() < deadline);

		return undefined;
	}

	function runSlice() {
		immediate = undefined;
		if (job !== undefined && isFrameDue) {
			schedule();
			return;
		}

		const deadline = performance.now() + sliceMs;
		const current = job;
		if (current) {
			const results = advance(current, deadline);
			if (results) {
				if (!results.isProvisional) {
					reportedQuery = current.query;
				}

				listener.finished(results);
			} else if (job === current && performance.now() >= current.reportTime) {
				current.reportTime = performance.now() + progressIntervalMs;
				listener.progressed(current.query, current.lastStep.indexedShare);
			}
		} else if (performance.now() >= quietFrom) {
			while (!isPrepared && performance.now() < deadline) {
				const step = preparing.next();
				isPrepared = step.done === true;
				if (!step.done && step.value.awaited) {
					waitFor(step.value.awaited);
					break;
				}
			}
		}

		schedule();
	}

	function schedule() {
		if (immediate || frameHop || awaited) {
			return;
		}

		if (job === undefined) {
			const waitMs = quietFrom - performance.now();
			if (isPrepared || quietTimer) {
				return;
			}

			if (waitMs > 0) {
				quietTimer = setTimeout(() => {
					quietTimer = undefined;
					schedule();
				}, waitMs);
				return;
			}
		} else {
			// A search does not wait for the keys to pause.
			clearTimeout(quietTimer);
			quietTimer = undefined;
			if (isFrameDue) {
				// React renders the provisional results in a setImmediate of its own, queued (from a microtask) after this
				// one: hopping twice lets that frame be drawn first.
				isFrameDue = false;
				frameHop = setImmediate(() => {
					frameHop = setImmediate(() => {
						frameHop = undefined;
						runSlice();
					});
				});
				return;
			}
		}

		immediate = setImmediate(runSlice);
	}

	function jobFor(query: string): Job {
		if (job?.query !== query) {
			job = {query, steps: index.searchInSteps(query), lastStep: {indexedShare: 0}, reportTime: performance.now() + slowAfterMs};
		}

		return job;
	}

	/** What the latest keystroke asked for; the runner has heard of no keystroke while it is `noKeystroke`. */
	const noKeystroke = Symbol('no keystroke');
	let keystrokeQuery: string | undefined | typeof noKeystroke = noKeystroke;

	schedule();
	return {
		search(query) {
			if (keystrokeQuery !== noKeystroke && query !== keystrokeQuery) {
				return;
			}

			// When the results for `query` were just reported, they are on their way to the state: nothing to do.
			if (query === undefined || query !== reportedQuery) {
				reportedQuery = undefined;
				job = query === undefined ? undefined : jobFor(query);
			}

			schedule();
		},
		searchNow(query, budgetMs) {
			keystrokeQuery = query;
			if (query === undefined) {
				reportedQuery = undefined;
				job = undefined;
				return undefined;
			}

			// A key that leaves the query as it was (a move in the list) need not wait for its results: they are on their
			// way to the state, or being found in the background.
			if (query === reportedQuery || query === job?.query) {
				schedule();
				return undefined;
			}

			reportedQuery = undefined;
			// While the word index is still being built (seconds, in a big file), the keystroke's frame goes first, and
			// the building goes on between keystrokes.
			const results = advance(jobFor(query), performance.now() + budgetMs, true);
			schedule();
			return results;
		},
		noteKeystroke() {
			quietFrom = performance.now() + keystrokeQuietMs;
		},
		stop() {
			clearImmediate(immediate);
			immediate = undefined;
			clearTimeout(quietTimer);
			quietTimer = undefined;
			clearImmediate(frameHop);
			frameHop = undefined;
			job = undefined;
			isPrepared = true;
			isStopped = true;
		},
	};
}

/**
 * The results for `query` if the search takes at most `budgetMs`, as for a `--filter` query at start-up, so that
 * the first frame is already filtered when the articles are few; otherwise undefined, and it runs later.
 */
export function searchWithin(index: SearchIndex, query: string, budgetMs: number): SearchResults | undefined {
	const deadline = performance.now() + budgetMs;
	const steps = index.searchInSteps(query);
	let step = steps.next();
	while (!step.done && performance.now() < deadline) {
		step = steps.next();
	}

	return step.done ? {query: query.trim(), hits: step.value} : undefined;
}

const searchIndexes = new WeakMap<readonly Article[], SearchIndex>();

/** The search index of `articles`, made once for each list of articles (a reload brings a new list). */
export function searchIndexOf(articles: readonly Article[]): SearchIndex {
	let index = searchIndexes.get(articles);
	if (!index) {
		index = createSearchIndex(articles);
		searchIndexes.set(articles, index);
	}

	return index;
}

/** The search index of `articles`, made once. */
export function useSearchIndex(articles: readonly Article[]): SearchIndex {
	return useMemo(() => searchIndexOf(articles), [articles]);
}

/**
 * The search runner over the filter's searched `articles` (`index` is theirs): it runs the searches the state's
 * outbox asks for (see {@link runSearchRequest}) in the background, and reports each with a `search-finished`
 * action (naming the `articles`, so that a reload can tell old results) and, when it takes a while,
 * `search-progressed` ones. From the first frame on (once every article is parsed: `isLoading` false) the word index
 * is built in idle moments, so that the first search seldom waits for it. Answers the runner, which a keystroke also
 * searches with straight away.
 */
export function useSearch(index: SearchIndex, dispatch: Dispatch<Action>, articles?: readonly Article[], isLoading = false): SearchRunner {
	const runner = useMemo(
		() =>
			createSearchRunner(
				index,
				{
					finished({query, hits, isProvisional}) {
						dispatch({type: 'search-finished', query, hits, isProvisional, articles});
					},
					progressed(query, indexedShare) {
						dispatch({type: 'search-progressed', query, indexedShare});
					},
				},
				!isLoading,
			),
		[index, dispatch, articles, isLoading],
	);

	useEffect(
		() => () => {
			runner.stop();
		},
		[runner],
	);

	return runner;
}

/**
 * Runs a `start-search` or `cancel-search` effect on `runner`, the runner over `articles`, in the background. A
 * search over other articles is out of date (a reload or the end of a load brought new ones since): the state has
 * asked for the search over the new ones after it, and it is dropped.
 */
export function runSearchRequest(request: SearchEffect, runner: SearchRunner, articles: readonly Article[]): void {
	if (request.kind === 'cancel-search') {
		runner.search(undefined);
	} else if (request.articles === articles) {
		runner.search(request.query);
	}
}

/**
 * On a keystroke, the search its keys asked for (the last of `requests`, which supersedes those before it), run on
 * `runner` at once for up to `budgetMs`: its results when that was enough (see {@link SearchRunner.searchNow}).
 * Undefined when the searches are over other `articles` than the runner's: they wait for the frame with the new
 * articles, and their runner.
 */
export function searchBeforeFrame(requests: readonly SearchEffect[], runner: SearchRunner, articles: readonly Article[], budgetMs: number): {readonly isRun: boolean; readonly results?: SearchResults} {
	const last = requests.at(-1);
	if (!last || requests.some(request => request.kind === 'start-search' && request.articles !== articles)) {
		return {isRun: false};
	}

	return {isRun: true, results: runner.searchNow(last.kind === 'start-search' ? last.query : undefined, budgetMs)};
}
