import {afterEach, describe, expect, it} from 'vitest';
import {createSearchIndex, type SearchHit, type SearchIndex, type SearchStep} from '../../source/search/search.js';
import type {SearchResults} from '../../source/state/state.js';
import {createSearchRunner, type SearchRunner} from '../../source/shell/use-search.js';
import {newsArticles} from '../helpers/articles.js';

/** Keeps the processor busy for `milliseconds`, as a step of a long search would. */
function work(milliseconds: number) {
	const end = performance.now() + milliseconds;
	while (performance.now() < end) {
		// Busy.
	}
}

/** An index whose every search takes `stepCount` steps of `stepMs` each, and finds nothing. */
function slowIndex(stepCount: number, stepMs: number, steps = {taken: 0}): SearchIndex {
	function* searchInSteps(): Generator<SearchStep, readonly SearchHit[]> {
		for (let step = 0; step < stepCount; step++) {
			work(stepMs);
			steps.taken++;
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

/**
 * An index that hands out provisional hits (all articles whose headline holds the query) after `stepCount` steps,
 * then, after as many more, final hits that drop the last of them, as fuse.js would if it disagreed with the word
 * index. `stepsAfterProvisional` counts the steps taken since the provisional hits.
 */
function refiningIndex(stepCount: number) {
	const counter = {stepsAfterProvisional: 0};
	const hitsFor = (query: string) =>
		newsArticles.filter(article => article.headline.toLowerCase().includes(query)).map(article => ({article, headlineMatches: []}));
	const index: SearchIndex = {
		search: () => [],
		*searchInSteps(query) {
			for (let step = 0; step < stepCount; step++) {
				yield {indexedShare: 1};
			}

			const hits = hitsFor(query);
			yield {indexedShare: 1, provisionalHits: hits};
			for (let step = 0; step < stepCount; step++) {
				counter.stepsAfterProvisional++;
				yield {indexedShare: 1};
			}

			return hits.slice(0, -1);
		},
		*prepareInSteps() {
			// Nothing to build.
		},
	};
	return {index, counter};
}

const pause = async (milliseconds: number) =>
	new Promise(resolve => {
		setTimeout(resolve, milliseconds);
	});

describe('running searches between keystrokes', () => {
	it('searches in the background and reports the provisional results, and no more when fuse.js confirms them', async () => {
		const real = createSearchIndex(newsArticles);
		let onSearched: () => void = () => undefined;
		const searched = new Promise<void>(resolve => {
			onSearched = resolve;
		});
		const {runner, finished, provisional} = startRunner({
			...real,
			*searchInSteps(query) {
				const hits = yield* real.searchInSteps(query);
				onSearched();
				return hits;
			},
		});
		runner.search('storm');
		await searched;
		expect(provisional.map(results => results.query)).toEqual(['storm']);
		expect(headlines(provisional[0])).toEqual(['Storm Agnes heads for the coast']);
		expect(finished).toEqual([]);
		// Confirmed: the state has the results, and the runner does not search again.
		runner.search('storm');
		await pause(30);
		expect(provisional).toHaveLength(1);
	});

	it('reports final results that differ from the provisional ones', async () => {
		const {runner, finished, provisional, nextFinish} = startRunner(refiningIndex(2).index);
		const done = nextFinish();
		runner.search('e');
		await done;
		expect(provisional.map(results => results.hits.length)).toEqual([newsArticles.length]);
		expect(finished.map(results => results.hits.length)).toEqual([newsArticles.length - 1]);
		expect(finished[0]!.isProvisional).toBeUndefined();
	});

	it('drops a search that a newer query supersedes, unfinished', async () => {
		const {runner, finished, provisional, nextFinish} = startRunner(refiningIndex(2).index);
		const done = nextFinish();
		runner.search('storm');
		runner.search('chess');
		await done;
		await pause(20);
		expect(finished.map(results => results.query)).toEqual(['chess']);
		expect(provisional.map(results => results.query)).toEqual(['chess']);
	});

	it('does not search again for results on their way to the state', async () => {
		// Quoted words with a space between are beyond the word index: no provisional results.
		const {runner, finished, provisional, nextFinish} = startRunner(createSearchIndex(newsArticles));
		const done = nextFinish();
		runner.search('"heads for"');
		await done;
		expect(provisional).toEqual([]);
		// The frame drawn before the results arrived still asks for them.
		runner.search('"heads for"');
		await pause(20);
		expect(finished.map(results => results.query)).toEqual(['"heads for"']);
		const again = nextFinish();
		runner.search('chess');
		runner.search('"heads for"');
		await again;
		expect(finished.map(results => results.query)).toEqual(['"heads for"', '"heads for"']);
	});

	it('answers a search straight away with the word index’s hits, then fuse.js ranks them in the background', async () => {
		const {index, counter} = refiningIndex(2);
		const {runner, finished, provisional, nextFinish} = startRunner(index);
		const done = nextFinish();
		const answer = runner.searchNow('chess', 1000);
		expect(answer?.isProvisional).toBe(true);
		expect(headlines(answer)).toEqual(['Chess prodigy wins national title']);
		expect(counter.stepsAfterProvisional).toBe(0);
		await done;
		expect(finished.map(results => results.hits.length)).toEqual([0]);
		expect(provisional).toEqual([]);
	});

	it('hands out the word index’s hits before fuse.js’s headline matches', () => {
		const {runner} = startRunner(createSearchIndex(newsArticles));
		const answer = runner.searchNow('chess', 1000);
		expect(headlines(answer)).toEqual(['Chess prodigy wins national title']);
		// Not ranked by fuse.js yet, so without the headline's matches (the list finds them for the rows in view).
		expect(answer?.hits[0]?.headlineMatches).toEqual([]);
	});

	it('lets the frame with provisional results be drawn before it goes on', async () => {
		const {index, counter} = refiningIndex(2);
		const {runner, nextFinish} = startRunner(index);
		const done = nextFinish();
		expect(runner.searchNow('chess', 1000)?.isProvisional).toBe(true);
		// React queues its render like this when the shell dispatches the results.
		let stepsBeforeFrame: number | undefined;
		queueMicrotask(() => {
			setImmediate(() => {
				stepsBeforeFrame = counter.stepsAfterProvisional;
			});
		});
		await done;
		expect(stepsBeforeFrame).toBe(0);
		expect(counter.stepsAfterProvisional).toBe(2);
	});

	it('does not hold up a key that leaves the query as it was, nor search again', async () => {
		const {index, counter} = refiningIndex(2);
		const {runner, finished, nextFinish} = startRunner(index);
		const done = nextFinish();
		expect(runner.searchNow('chess', 1000)?.isProvisional).toBe(true);
		expect(runner.searchNow('chess', 1000)).toBeUndefined();
		expect(counter.stepsAfterProvisional).toBe(0);
		await done;
		expect(runner.searchNow('chess', 1000)).toBeUndefined();
		await pause(20);
		expect(finished.map(results => results.query)).toEqual(['chess']);
		expect(counter.stepsAfterProvisional).toBe(2);
	});

	it('ignores a frame drawn before the latest keystroke asking for another query, or for none', async () => {
		const {runner, finished, nextFinish} = startRunner(refiningIndex(2).index);
		const done = nextFinish();
		runner.searchNow('storm', 1000);
		runner.search(undefined);
		runner.search('chess');
		await done;
		await pause(20);
		expect(finished.map(results => results.query)).toEqual(['storm']);
		// A keystroke that leaves no query stops the search.
		runner.searchNow('chess', 1000);
		runner.searchNow(undefined, 1000);
		await pause(20);
		expect(finished.map(results => results.query)).toEqual(['storm']);
	});

	it('answers a search the word index cannot answer alone straight away, without telling the listener', async () => {
		const {runner, finished, provisional} = startRunner(createSearchIndex(newsArticles));
		const answer = runner.searchNow('"chess prodigy"', 1000);
		expect(answer?.isProvisional).toBeUndefined();
		expect(headlines(answer)).toEqual(['Chess prodigy wins national title']);
		await pause(20);
		expect(finished).toEqual([]);
		expect(provisional).toEqual([]);
	});

	it('does not hold up a keystroke to build the word index, which goes on in the background', async () => {
		// Each step builds a tenth of the index (indexedShare below 1) for 5 ms.
		const steps = {taken: 0};
		const {runner, finished, nextFinish} = startRunner(slowIndex(10, 5, steps));
		const done = nextFinish();
		expect(runner.searchNow('anything', 1000)).toBeUndefined();
		// One step, not the whole budget (nor the whole search): counted, so that a loaded machine cannot fail it.
		expect(steps.taken).toBe(1);
		await done;
		expect(finished.map(results => results.query)).toEqual(['anything']);
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
			// eslint-disable-next-line require-yield -- a search that ends at its first step
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

describe('a word index being built elsewhere (issue 16)', () => {
	it('is waited for without work: no step is taken until it comes, then the search finishes', async () => {
		let resolveIndex: () => void = () => undefined;
		const indexCame = new Promise<void>(resolve => {
			resolveIndex = resolve;
		});
		let stepCount = 0;
		const index: SearchIndex = {
			search: () => [],
			*searchInSteps() {
				stepCount++;
				yield {indexedShare: 0.5, awaited: indexCame};
				stepCount++;
				return [];
			},
			*prepareInSteps() {
				stepCount++;
				yield {indexedShare: 0.5, awaited: indexCame};
			},
		};
		const {runner, finished, nextFinish} = startRunner(index);
		runner.search('storm');
		const finishing = nextFinish();
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
		// One step each, the one that said to wait: a runner that spun would have taken thousands by now.
		expect(stepCount).toBeLessThanOrEqual(2);
		expect(finished).toEqual([]);
		resolveIndex();
		await finishing;
		expect(finished).toEqual([{query: 'storm', hits: []}]);
	});
});
