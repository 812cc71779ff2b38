import type {Article} from '../article.js';
import type {WordIndex} from './word-index.js';

/**
 * Word indexes built ahead for a list of articles, as the list was parsed (see load/read-input.ts), kept until the
 * search index of that very list is made (see createSearchIndex in search.ts). A module of its own, so that the
 * loading code can leave one here without loading the search (fuse.js) before the first frame.
 */

/** A word index on its way: it may still be being built (in a worker) when the search wants it. */
export type PreparedWordIndex = {
	readonly index: Promise<WordIndex>;
	/** How many articles are indexed so far. */
	readonly indexedCount: () => number;
};

const preparedWordIndexes = new WeakMap<readonly Article[], PreparedWordIndex>();

/** Keeps `index`, being built ahead, for the search index of `articles`. */
export function prepareWordIndex(articles: readonly Article[], index: Promise<WordIndex>, indexedCount: () => number): void {
	// Should it fail, the search builds the index itself.
	index.catch(() => {});
	preparedWordIndexes.set(articles, {index, indexedCount});
}

/** The word index being built ahead for `articles`, if there is one; it is handed out once. */
export function takePreparedWordIndex(articles: readonly Article[]): PreparedWordIndex | undefined {
	const prepared = preparedWordIndexes.get(articles);
	preparedWordIndexes.delete(articles);
	return prepared;
}
