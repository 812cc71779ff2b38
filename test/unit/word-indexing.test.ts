import {build} from 'esbuild';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {indexWordsHere, indexWordsInWorker} from '../../source/load/word-indexing.js';
import {prepareWordIndex} from '../../source/search/prepared-word-indexes.js';
import {createSearchIndex, type SearchStep} from '../../source/search/search.js';
import {buildWordIndex, type WordIndex, WordIndexer} from '../../source/search/word-index.js';
import {numberedArticles} from '../helpers/articles.js';

/** The worker's code, bundled as scripts/build.js bundles it into dist/broadsheet.js. */
async function workerCode(): Promise<string> {
	const result = await build({entryPoints: ['source/load/word-index-worker.ts'], write: false, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent'});
	return result.outputFiles[0]!.text;
}

/** Everything a word index holds, as plain values to compare. */
const contentOf = (index: WordIndex) => ({
	...index,
	wordStarts: [...index.wordStarts],
	wordCounts: [...index.wordCounts],
	firstWords: [...index.firstWords],
	lastWords: [...index.lastWords],
	segments: index.segments.map(segment => ({...segment, words: [...segment.words], offsets: [...segment.offsets], slots: [...segment.slots]})),
});

// More than one segment of 4,096 articles, and a last one part full; decks, kickers and empty bodies among them.
const articles: readonly Article[] = numberedArticles(9000).map((article, index) => ({
	...article,
	kicker: index % 7 === 0 ? `SECTION ${index % 3}` : undefined,
	deck: index % 5 === 0 ? `Deck of ${index}` : undefined,
	paragraphs: index % 11 === 0 ? [] : article.paragraphs,
}));

/** Runs `steps` to the end, answering the steps it took and the value it returned. */
async function runSteps<Value>(steps: Generator<SearchStep, Value>): Promise<{value: Value; steps: SearchStep[]}> {
	const taken: SearchStep[] = [];
	for (;;) {
		const step = steps.next();
		if (step.done) {
			return {value: step.value, steps: taken};
		}

		taken.push(step.value);
		await step.value.awaited;
	}
}

describe('the word index built as the articles are parsed (issue 16)', () => {
	it('is the index built afterwards, an article at a time', () => {
		const indexer = new WordIndexer();
		for (const article of articles) {
			indexer.add(article);
		}

		expect(contentOf(indexer.finish())).toEqual(contentOf(buildWordIndex(articles)));
	});

	it('is the same built in a worker, and comes back whole', async () => {
		const indexing = indexWordsInWorker(await workerCode());
		for (const article of articles.slice(0, 300)) {
			indexing.add(article);
		}

		indexing.begin();
		for (const article of articles.slice(300)) {
			indexing.add(article);
		}

		const index = await indexing.finish();
		expect(indexing.indexedCount).toBeGreaterThan(0);
		expect(contentOf(index)).toEqual(contentOf(buildWordIndex(articles)));
	});

	it('is the same built in a worker when lower case changes a length, or depends on what follows', async () => {
		// İ becomes two characters lower-cased, and Σ is ς only at the end of a word: neither may shift or change what
		// the worker reads of the fields after it.
		const tricky: Article[] = articles.slice(0, 600).map((article, index) => ({
			...article,
			headline: index % 2 === 0 ? `ΟΔΟΣ ${article.headline} ΟΔΟΣ` : article.headline,
			kicker: index % 3 === 0 ? 'ΚΑΛΑ' : undefined,
			deck: index === 400 ? 'İstanbul İzmir' : article.deck,
			author: index % 4 === 0 ? 'ΣΟΦΙΑΣ' : undefined,
			paragraphs: index % 5 === 0 ? ['', 'ΣΑΣ\u000Bnext'] : article.paragraphs,
		}));
		const indexing = indexWordsInWorker(await workerCode());
		indexing.begin();
		for (const article of tricky) {
			indexing.add(article);
		}

		const index = await indexing.finish();
		expect(contentOf(index)).toEqual(contentOf(buildWordIndex(tricky)));
		expect(index.vocabulary).toContain('\nοδος\n');
		expect(index.vocabulary).toContain('\ni̇stanbul\n');
	});

	it('tells the parse to wait while many articles wait for the worker, and when it has caught up', async () => {
		const indexing = indexWordsInWorker(await workerCode());
		indexing.begin();
		for (const article of articles) {
			indexing.add(article);
		}

		// Nothing is heard of the worker while this thread adds: every article waits for it.
		expect(indexing.backlog(100)).toBeUndefined();
		const backlog = indexing.backlog(articles.length);
		expect(backlog).toBeInstanceOf(Promise);
		await backlog;
		// Caught up by half the largest backlog (4,096 articles), not merely answered once: a parse let go at every answer
		// outran the worker, and the text waiting for it grew past the bound.
		expect(articles.length - indexing.indexedCount).toBeLessThanOrEqual(2048);
		expect(indexWordsHere().backlog(articles.length)).toBeUndefined();
		await indexing.finish();
	});

	it('spares the search building it: the first search waits for it, then finds at once', async () => {
		const indexing = indexWordsHere();
		for (const article of articles) {
			indexing.add(article);
		}

		const list = articles.slice();
		prepareWordIndex(list, indexing.finish(), () => indexing.indexedCount);
		const {value: hits, steps} = await runSteps(createSearchIndex(list).searchInSteps('harbour 8765'));
		expect(hits[0]?.article.headline).toBe('Headline number 8765');
		// No step built the index here: the first waited for the prepared one, the next ones searched.
		expect(steps[0]?.awaited).toBeDefined();
		expect(steps.slice(1).every(step => step.indexedShare === 1 && step.awaited === undefined)).toBe(true);
	});

	it('is built by the search after all when the worker fails, and nothing is lost', async () => {
		const indexing = indexWordsInWorker('throw new Error("no index today")');
		for (const article of articles) {
			indexing.add(article);
		}

		indexing.begin();
		const list = articles.slice();
		const index = indexing.finish();
		prepareWordIndex(list, index, () => indexing.indexedCount);
		await expect(index).rejects.toThrow();
		const {value: hits, steps} = await runSteps(createSearchIndex(list).searchInSteps('harbour 8765'));
		expect(hits[0]?.article.headline).toBe('Headline number 8765');
		expect(steps.some(step => step.indexedShare > 0 && step.indexedShare < 1)).toBe(true);
	});

	it('is not used for another list than the one it was built for', async () => {
		const indexing = indexWordsHere();
		for (const article of articles.slice(0, 10)) {
			indexing.add(article);
		}

		const list = articles.slice(0, 20);
		prepareWordIndex(list, indexing.finish(), () => indexing.indexedCount);
		const {value: hits} = await runSteps(createSearchIndex(list).searchInSteps('harbour 15'));
		expect(hits[0]?.article.headline).toBe('Headline number 15');
	});
});
