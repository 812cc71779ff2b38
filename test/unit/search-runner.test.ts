import {afterEach, describe, expect, it} from 'vitest';
import {createSearchIndex, type SearchHit, type SearchIndex, type SearchStep} from '../../source/search/search.js';
import type {SearchResults} from '../../source/state/state.js';
import {createSearchRunner, type SearchRunner} from '../../source/use-search.js';
import {newsArticles} from '../helpers/articles.js';

/** Keeps the processor busy for `milliseconds`, as a step of a long search would. */
function work(milliseconds: number) {
	const end = performance.now() + milliseconds;
	while (performance.now() < end) {
		// Busy.
	}
}

/** An index whose every search takes `stepCount` steps of `stepMs` each, and finds nothing. */
function slowIndex(stepCount: number, stepMs: number): SearchIndex {
	function* searchInSteps(): Generator<SearchStep, readonly SearchHit[]> {
		for (let step = 0; step < stepCount; step++) {
			work(stepMs);
			yield {indexedShare: step / stepCount};
		}

		return [];
	}

	return {
		search: () => [],
		searchInSteps,
		*prepareInSteps() {
			// Nothing to build.
		},
	};
}

/**
 * A runner over `index` and what its listener heard: `finished` the final results, `provisional` the provisional
 * ones; `nextFinish` resolves with the next final results.
 */
function startRunner(index: SearchIndex) {
	const finished: SearchResults[] = [];
	const provisional: SearchResults[] = [];
	const progressed: Array<{query: string; indexedShare: number}> = [];
	let onFinished: () => void = () => undefined;
	runner = createSearchRunner(index, {
		finished(results) {
			if (results.isProvisional) {
				provisional.push(results);
				return;
			}

			finished.push(results);
			onFinished();
		},
		progressed(query, indexedShare) {
			progressed.push({query, indexedShare});
		},
	});
	const nextFinish = async () =>
		new Promise<void>(resolve => {
			onFinished = resolve;
		});
	return {runner, finished, provisional, progressed, nextFinish};
}

let runner: SearchRunner | undefined;
afterEach(() => {
	runner?.stop();
	runner = undefined;
});

const headlines = (results: SearchResults | undefined) => results?.hits.map(hit => hit.article.headline);

describe('running searches between keystrokes', () => {
	it('searches in the background and reports the results, provisional ones first', async () => {
		const {runner, finished, provisional, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		runner.search('storm');
		await done;
		expect(finished.map(results => results.query)).toEqual(['storm']);
		expect(headlines(finished[0])).toEqual(['Storm Agnes heads for the coast']);
		expect(finished[0]!.hits[0]!.headlineMatches).toEqual([[0, 4]]);
		expect(provisional.map(results => results.query)).toEqual(['storm']);
		expect(headlines(provisional[0])).toEqual(['Storm Agnes heads for the coast']);
	});

	it('drops a search that a newer query supersedes, unfinished', async () => {
		const {runner, finished, provisional, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		runner.search('storm');
		runner.search('chess');
		await done;
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(finished.map(results => results.query)).toEqual(['chess']);
		expect(provisional.map(results => results.query)).toEqual(['chess']);
	});

	it('does not search again for results on their way to the state', async () => {
		const {runner, finished, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		runner.search('storm');
		await done;
		// The frame drawn before the results arrived still asks for them.
		runner.search('storm');
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(finished.map(results => results.query)).toEqual(['storm']);
		const again = nextFinish();
		runner.search('chess');
		runner.search('storm');
		await again;
		expect(finished.map(results => results.query)).toEqual(['storm', 'storm']);
	});

	it('answers a search straight away with the word index’s hits, then tells the listener fuse.js’s', async () => {
		const {runner, finished, provisional, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		const answer = runner.searchNow('chess', 1000);
		expect(answer?.isProvisional).toBe(true);
		expect(headlines(answer)).toEqual(['Chess prodigy wins national title']);
		// Not ranked by fuse.js yet, so without the headline's matches (the list finds them for the rows in view).
		expect(answer?.hits[0]?.headlineMatches).toEqual([]);
		await done;
		expect(finished.map(results => results.query)).toEqual(['chess']);
		expect(finished[0]!.isProvisional).toBeUndefined();
		expect(headlines(finished[0])).toEqual(['Chess prodigy wins national title']);
		expect(finished[0]!.hits[0]!.headlineMatches).toEqual([[0, 4]]);
		expect(provisional).toEqual([]);
	});

	it('lets the frame with provisional results be drawn before it goes on', async () => {
		const {runner, finished, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		expect(runner.searchNow('chess', 1000)?.isProvisional).toBe(true);
		// React queues its render like this when the shell dispatches the results.
		let finishedBeforeFrame: number | undefined;
		queueMicrotask(() => {
			setImmediate(() => {
				finishedBeforeFrame = finished.length;
			});
		});
		await done;
		expect(finishedBeforeFrame).toBe(0);
	});

	it('does not hold up a key that leaves the query as it was, nor search again', async () => {
		const {runner, finished, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		expect(runner.searchNow('chess', 1000)?.isProvisional).toBe(true);
		expect(runner.searchNow('chess', 1000)).toBeUndefined();
		await done;
		expect(runner.searchNow('chess', 1000)).toBeUndefined();
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(finished.map(results => results.query)).toEqual(['chess']);
	});

	it('ignores a frame drawn before the latest keystroke asking for another query, or for none', async () => {
		const {runner, finished, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		runner.searchNow('storm', 1000);
		runner.search(undefined);
		runner.search('chess');
		await done;
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(finished.map(results => results.query)).toEqual(['storm']);
		// A keystroke that leaves no query stops the search.
		runner.searchNow('chess', 1000);
		runner.searchNow(undefined, 1000);
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(finished.map(results => results.query)).toEqual(['storm']);
	});

	it('answers a search the word index cannot answer alone straight away, without telling the listener', async () => {
		const {runner, finished, provisional} = startRunner(createSearchIndex(newsArticles));
		const answer = runner.searchNow('"chess prodigy"', 1000);
		expect(answer?.isProvisional).toBeUndefined();
		expect(headlines(answer)).toEqual(['Chess prodigy wins national title']);
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(finished).toEqual([]);
		expect(provisional).toEqual([]);
	});

	it('goes on in the background with a search that takes longer than it may wait', async () => {
		const {runner, finished, nextFinish} = startRunner(slowIndex(10, 2));
		const done = nextFinish();
		expect(runner.searchNow('anything', 3)).toBeUndefined();
		await done;
		expect(finished.map(results => results.query)).toEqual(['anything']);
	});

	it('reports the progress of a slow search, and stops when told', async () => {
		const {runner, finished, progressed, nextFinish} = startRunner(slowIndex(60, 5));
		const done = nextFinish();
		runner.search('slow');
		await done;
		expect(progressed.length).toBeGreaterThan(0);
		expect(progressed.every(({query, indexedShare}) => query === 'slow' && indexedShare > 0 && indexedShare < 1)).toBe(true);
		runner.search('again');
		runner.stop();
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(finished.map(results => results.query)).toEqual(['slow']);
	});
});

describe('building the index in idle moments', () => {
	/** An index whose preparation takes `stepCount` steps, counting the steps taken. */
	function countingIndex(stepCount: number) {
		const counter = {steps: 0};
		const index: SearchIndex = {
			search: () => [],
			*searchInSteps() {
				return [];
			},
			*prepareInSteps() {
				for (let step = 0; step < stepCount; step++) {
					counter.steps++;
					yield {indexedShare: step / stepCount};
				}
			},
		};
		return {index, counter};
	}

	const pause = async (milliseconds: number) =>
		new Promise(resolve => {
			setTimeout(resolve, milliseconds);
		});

	it('builds it once nothing else is asked for', async () => {
		const {index, counter} = countingIndex(5);
		startRunner(index);
		await pause(30);
		expect(counter.steps).toBe(5);
	});

	it('does not hold a search back while it waits for the keys to pause', async () => {
		const preparing = slowIndex(1000, 1);
		const {runner, finished, nextFinish} = startRunner({
			...slowIndex(3, 1),
			*prepareInSteps() {
				yield* preparing.searchInSteps('');
			},
		});
		await pause(20);
		runner.noteKeystroke();
		await pause(5);
		const start = performance.now();
		const done = nextFinish();
		expect(runner.searchNow('slow', 0)).toBeUndefined();
		await done;
		expect(finished.map(results => results.query)).toEqual(['slow']);
		// The idle work waits 150 ms after a key.
		expect(performance.now() - start).toBeLessThan(100);
	});

	it('waits while keys are being pressed, and goes on once they pause', async () => {
		const {index, counter} = countingIndex(5);
		const {runner} = startRunner(index);
		runner.noteKeystroke();
		await pause(40);
		expect(counter.steps).toBe(0);
		runner.noteKeystroke();
		await pause(40);
		expect(counter.steps).toBe(0);
		await pause(250);
		expect(counter.steps).toBe(5);
	});
});
