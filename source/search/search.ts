/**
 * Filtering: fuse.js ranks, a word index keeps the work per keystroke small.
 *
 * 1. The word index (word-index.ts) lists, for every distinct word, the fields that hold it. It is built a few
 *    articles at a time, in idle moments after the first frame or on the first search.
 * 2. A query is read as fuse.js's extended search reads it (extended-query.ts); each term becomes the set of fields
 *    it matches, found in the vocabulary (word-match.ts: substrings, prefixes, suffixes, and Myers's bit-parallel
 *    edit distance for fuzzy terms, at fuse.js's tolerance), and fuse.js's rules and scoring then run on those
 *    sets (candidates.ts). The candidates come out in fuse.js's own order, as long as each term's best match lies
 *    inside a word.
 * 3. fuse.js itself ranks the best of them (and drops any it does not match); the rest follow in the index's order.
 *    The candidates are handed out before that step, as provisional hits, so that a keystroke's frame need not wait
 *    for fuse.js. Articles fuse.js scores the same keep the index's order, which ranks them by the evidence of their
 *    matched fields (which fields hold the term, and whether as a word of its own or inside another), then newest
 *    first.
 *
 * The search runs as a generator, a few milliseconds a step, so that the shell can run it between keystrokes and
 * drop it when the query changes; recent results are kept for Backspace.
 */
import Fuse, {type IFuseOptions} from 'fuse.js';
import type {Article} from '../article.js';
import {type Candidates, findCandidates, type NearWordsCache, type Recency} from './candidates.js';
import {parseExtendedQuery, withInverseTermsApart, withShortWordsExact} from './extended-query.js';
import {fieldNames, fieldWeights, type SearchDocument, searchDocumentOf, searchedHeadline} from './search-document.js';
import {takePreparedWordIndex} from './prepared-word-indexes.js';
import {type WordIndex, WordIndexBuilder} from './word-index.js';

/** Character ranges of a headline that a query matched, as [start, end] inclusive pairs (fuse.js's form). */
export type MatchRanges = ReadonlyArray<readonly [number, number]>;

/**
 * One article the query kept, with what to highlight. Past the hits fuse.js ranked itself, the matches are left
 * empty, to be found for the rows in view (see {@link headlineMatchesFor}).
 */
export type SearchHit = {
	readonly article: Article;
	readonly headlineMatches: MatchRanges;
};

/**
 * How far a search has got, reported at each step: the share of articles indexed (1 once the index is built). Once
 * the word index has found the candidates, in fuse.js's order, one step carries them as `provisionalHits`: the
 * final hits but for the head that fuse.js itself then ranks and checks (which seldom changes anything) and the
 * headline matches it finds there. The shell can show them at once and the final hits a few milliseconds later.
 */
export type SearchStep = {
	readonly indexedShare: number;
	readonly provisionalHits?: readonly SearchHit[];
	/** The word index is being built elsewhere (see WordIndexBuilder): the next step is worth taking once this settles. */
	readonly awaited?: Promise<unknown>;
};

/**
 * fuse.js tuned for reading news. The defaults match junk (threshold 0.6) and look only at the first ~60
 * characters of a field (location and distance), which would hide every word past a body's first line. Nor does a
 * field's length count: fuse.js's field norm put a three-word price ticker (`NY COCOA 1000`) above every story
 * about cocoa, however much more its headline and body said of it.
 */
export const fuseOptions: IFuseOptions<SearchDocument> = {
	keys: fieldNames.map(name => ({name, weight: fieldWeights[name]})),
	threshold: 0.2,
	ignoreLocation: true,
	ignoreFieldNorm: true,
	includeMatches: true,
	includeScore: true,
	minMatchCharLength: 2,
	useExtendedSearch: true,
	shouldSort: true,
};

/**
 * fuse.js's options for ranking: the same, but without collecting where each field matched. fuse.js spreads every
 * match's position into one call, and a term of one letter matches a long body at each of its letters, more
 * positions than a call takes; the headline's matches are found apart (see {@link headlineMatchesFor}).
 */
const rankingOptions: IFuseOptions<SearchDocument> = {...fuseOptions, includeMatches: false};

/** A search index over a set of articles, built once and queried on every keystroke. */
export type SearchIndex = {
	/** The articles the query keeps, most relevant first; all of them, in order, for an empty query. */
	search(query: string): readonly SearchHit[];
	/**
	 * The same search a step at a time, for running between keystrokes: each `next()` takes a few milliseconds, and
	 * the last returns the hits. A search that is not stepped to its end costs nothing more; the word index it was
	 * building keeps what it built. When fuse.js confirms the provisional hits (see {@link SearchStep}) as they are,
	 * the last step returns that very list, without fuse.js's headline matches: the shell has nothing new to show.
	 */
	searchInSteps(query: string): Generator<SearchStep, readonly SearchHit[]>;
	/** Builds the word index a step at a time, for idle moments, so that the first search need not. */
	prepareInSteps(): Generator<SearchStep, void>;
};

/**
 * How many of the best candidates fuse.js itself ranks. The rest follow in the order the word index gives them,
 * which is fuse.js's own whenever each term's best match lies inside a word: this bounds the work per keystroke
 * while the first screen (a tall terminal shows about 50 rows) comes straight from fuse.js.
 */
const fuseRankedCount = 60;
/** Candidates fuse.js ranks between yields: a few milliseconds' work on long articles. */
const fuseChunkSize = 24;
/** Recent queries whose results are kept, so that Backspace back to one is instant. */
const rememberedQueryCount = 16;

/**
 * The articles newest first (undated ones after, in their own order), and each one's place in that order: the order
 * of articles that match equally well. Dates are packed with the article's index into one double per article,
 * to use the typed array's own sort (a few milliseconds for 100,000): seconds since 1970 take 33 bits, the index the
 * 20 below.
 */
export function recencyOf(articles: readonly Article[]): Recency {
	const indexBits = 2 ** 20;
	if (articles.length > indexBits) {
		// Past a million articles, ties keep the article order.
		const order = Int32Array.from(articles, (_, index) => index);
		return {order, ranks: new Uint32Array(order.buffer)};
	}

	const keys = new Float64Array(articles.length);
	// Indexed loops: this runs once, cold, over every article, where an iterator of entries is dearer.
	for (let index = 0; index < articles.length; index++) {
		const {publishedAt} = articles[index]!;
		// Newest first: the latest date has the smallest key; undated ones come after every date. Every key stays
		// below 2 ** 53, where doubles still hold every whole number.
		const age = publishedAt === undefined ? 2 ** 33 - 1 : Math.min(2 ** 33 - 2, Math.max(0, 2 ** 32 - Math.floor(publishedAt / 1000)));
		keys[index] = age * indexBits + (index % indexBits);
	}

	keys.sort();
	const order = new Int32Array(articles.length);
	const ranks = new Uint32Array(articles.length);
	for (let rank = 0; rank < keys.length; rank++) {
		const key = keys[rank]!;
		order[rank] = key % indexBits;
		ranks[key % indexBits] = rank;
	}

	return {order, ranks};
}

const unfilteredHitsCache = new WeakMap<readonly Article[], readonly SearchHit[]>();

/** The matches of a hit the query highlights nothing in: one empty list that every such hit shares. */
export const noMatches: MatchRanges = Object.freeze([]);

/** Every article as a hit, in order: the list for an empty query. */
export function unfilteredHits(articles: readonly Article[]): readonly SearchHit[] {
	let hits = unfilteredHitsCache.get(articles);
	if (!hits) {
		hits = articles.map(article => ({article, headlineMatches: noMatches}));
		unfilteredHitsCache.set(articles, hits);
	}

	return hits;
}

/**
 * The characters of `headline` that `query` matches, as fuse.js finds them: for the hits past the ones it ranked,
 * which carry none, once they come into view.
 */
export function headlineMatchesFor(query: string, headline: string): MatchRanges {
	const match = Fuse.match(withShortWordsExact(query.trim()), searchedHeadline(headline), fuseOptions);
	return match.isMatch ? (match.indices ?? []).map(([start, end]) => [start, end] as const) : [];
}

/** What the list pane needs of a list of hits: how many there are, and the ones in view. Arrays are such lists. */
export type HitList = {
	readonly length: number;
	slice(start: number, end: number): readonly SearchHit[];
};

/** A finished search, kept compactly: the order of the articles, and the hits fuse.js ranked at its head. */
type RememberedResult = {readonly order: Int32Array; readonly rankedHits: readonly SearchHit[]};

type RankedHit = {readonly articleIndex: number; readonly score: number; readonly hit: SearchHit};

/** How many of the commonest long words the warm-up types. */
const warmUpWordCount = 2;
/** How many headlines the warm-up finds each of its queries' matches in, as the list does for the rows in view. */
const warmUpHeadlineCount = 24;

/**
 * Queries made of the index's own words, to search once before the user does: the commonest long words typed a
 * letter at a time, each then with a letter left out. Together they take every path a typed query takes (one letter,
 * short exact patterns, fuzzy patterns narrowing the last one's words, a typo), each several times.
 */
export function warmUpQueries(index: WordIndex): string[] {
	const [segment] = index.segments;
	if (!segment) {
		return [];
	}

	const wordOf = (id: number) => index.vocabulary.slice(index.wordStarts[id], index.wordStarts[id + 1]! - 1);
	const postingCount = (position: number) => segment.offsets[position + 1]! - segment.offsets[position]!;
	const longPositions: number[] = [];
	for (let position = 0; position < segment.words.length; position++) {
		// At most 24 letters: the warm-up types each prefix of its words, and a 10,000-letter "word" in a hostile file
		// would make that 10,000 searches, a core busy for a minute while the user does nothing.
		if (/^\p{L}{7,24}$/u.test(wordOf(segment.words[position]!))) {
			longPositions.push(position);
		}
	}

	const commonestFirst = longPositions.sort((left, right) => postingCount(right) - postingCount(left) || left - right);
	return commonestFirst.slice(0, warmUpWordCount).flatMap(position => {
		const word = wordOf(segment.words[position]!);
		return [...Array.from(word, (_, length) => word.slice(0, length + 1)), word.slice(0, 1) + word.slice(2)];
	});
}

/** Whether fuse.js left the head of `candidates` as it was: all of it kept, in the same order. */
function isHeadConfirmed({order, rankedHits}: RememberedResult, candidates: Int32Array): boolean {
	if (order.length !== candidates.length) {
		return false;
	}

	// The rest of the order is the rest of the candidates.
	for (let position = 0; position < rankedHits.length; position++) {
		if (order[position] !== candidates[position]) {
			return false;
		}
	}

	return true;
}

/** Keeps `value` for `query` in `memory`, forgetting the oldest beyond {@link rememberedQueryCount}. */
function remember<Value>(memory: Map<string, Value>, query: string, value: Value) {
	memory.delete(query);
	memory.set(query, value);
	if (memory.size > rememberedQueryCount) {
		memory.delete(memory.keys().next().value!);
	}
}

/**
 * Builds the index for `articles`: the word index is built on first use, or ahead with {@link SearchIndex.prepareInSteps},
 * unless it was built as the articles were parsed (see prepared-word-indexes.ts).
 */
export function createSearchIndex(articles: readonly Article[]): SearchIndex {
	const builder = new WordIndexBuilder(articles, takePreparedWordIndex(articles));
	const nearWordsCache: NearWordsCache = new Map();
	const remembered = new Map<string, RememberedResult>();
	let recency: Recency | undefined;
	const recencyOnce = () => {
		recency ??= recencyOf(articles);
		return recency;
	};
	/** The candidates of recent queries whose search was dropped before fuse.js ranked them, to start from if typed again. */
	const unrankedCandidates = new Map<string, Candidates>();

	function* indexInSteps(): Generator<SearchStep, WordIndex> {
		while (!builder.result) {
			const {awaited} = builder;
			if (!awaited) {
				builder.step(0);
			}

			yield {indexedShare: builder.indexedCount / articles.length, awaited};
		}

		return builder.result;
	}

	/** fuse.js's verdict on `articleIndexes`: the ones it matches, with its score and the headline's matches. */
	function rankWithFuse(query: string, articleIndexes: ArrayLike<number>): RankedHit[] {
		const sorted = Int32Array.from(articleIndexes).sort();
		const fuse = new Fuse(Array.from(sorted, articleIndex => searchDocumentOf(articles[articleIndex]!)), rankingOptions);
		return fuse.search(query).map(result => ({
			articleIndex: sorted[result.refIndex]!,
			score: result.score ?? 1,
			hit: {article: result.item.article, headlineMatches: headlineMatchesFor(query, result.item.article.headline)},
		}));
	}

	function* rankInSteps(query: string, candidates: Candidates): Generator<SearchStep, RememberedResult> {
		const {articleIndexes, isExact} = candidates;
		// The index's order is fuse.js's: fuse.js ranks the head, and checks it, and the rest follow. If some term was
		// beyond the index, the candidates are a superset in article order, and fuse.js must see every one.
		const rankedCount = isExact ? Math.min(fuseRankedCount, articleIndexes.length) : articleIndexes.length;
		// Articles fuse.js scores the same keep the index's order (see Candidates), or, when the index could not order
		// them, come newest first.
		const {ranks} = recencyOnce();
		const headPositions = new Map<number, number>();
		if (isExact) {
			for (let position = 0; position < rankedCount; position++) {
				headPositions.set(articleIndexes[position]!, position);
			}
		}

		const tieRank = (articleIndex: number) => (isExact ? headPositions.get(articleIndex)! : ranks[articleIndex]!);
		const ranked: RankedHit[] = [];
		for (let start = 0; start < rankedCount; start += fuseChunkSize) {
			ranked.push(...rankWithFuse(query, articleIndexes.subarray(start, Math.min(rankedCount, start + fuseChunkSize))));
			yield {indexedShare: 1};
		}

		const rest = articleIndexes.subarray(rankedCount);
		ranked.sort((left, right) => left.score - right.score || tieRank(left.articleIndex) - tieRank(right.articleIndex));
		const order = new Int32Array(ranked.length + rest.length);
		order.set(ranked.map(({articleIndex}) => articleIndex));
		order.set(rest, ranked.length);
		return {order, rankedHits: ranked.map(({hit}) => hit)};
	}

	/** The hits: fuse.js's, then the rest as plain articles, which keeps a long list cheap to make and to hold. */
	function hitsOf({order, rankedHits}: RememberedResult): readonly SearchHit[] {
		// Made at its full length at once (`new Array`, three times quicker than pushing a hundred thousand hits one by
		// one, which regrows the array a dozen times, and five times quicker than Array.from).
		const hits = new Array<SearchHit>(order.length);
		const unfiltered = unfilteredHits(articles);
		for (let position = 0; position < rankedHits.length; position++) {
			hits[position] = rankedHits[position]!;
		}

		for (let position = rankedHits.length; position < order.length; position++) {
			hits[position] = unfiltered[order[position]!]!;
		}

		return hits;
	}

	/**
	 * The search, a step at a time. Stepwise, as the shell runs it, a search whose provisional hits fuse.js confirms
	 * as they are ends with that very list, which tells the shell that it has nothing new to show.
	 */
	function* findInSteps(query: string, isStepwise: boolean): Generator<SearchStep, readonly SearchHit[]> {
		if (query.trim() === '') {
			return unfilteredHits(articles);
		}

		const trimmed = withShortWordsExact(query.trim());

		const apart = withInverseTermsApart(trimmed);
		if (apart) {
			// The plain terms' search, without its provisional hits: those would show articles the inverse terms rule out.
			const plainSearch = findInSteps(apart.plain, false);
			let plainStep = plainSearch.next();
			while (!plainStep.done) {
				yield {indexedShare: plainStep.value.indexedShare, awaited: plainStep.value.awaited};
				plainStep = plainSearch.next();
			}

			const plainHits = plainStep.value;
			const index = yield* indexInSteps();
			const finding = findCandidates(index, parseExtendedQuery(apart.inverse), nearWordsCache);
			let step = finding.next();
			while (!step.done) {
				yield {indexedShare: 1};
				step = finding.next();
			}

			// Where the index could only narrow the articles down (a quoted pattern with a space), fuse.js decides.
			const keptIndexes = step.value.isExact ? step.value.articleIndexes : rankWithFuse(apart.inverse, step.value.articleIndexes).map(ranked => ranked.articleIndex);
			const kept = new Set(Array.from(keptIndexes, articleIndex => articles[articleIndex]));
			return plainHits.filter(hit => kept.has(hit.article));
		}

		let result = remembered.get(trimmed);
		let confirmedHits: readonly SearchHit[] | undefined;
		if (result) {
			remembered.delete(trimmed);
		} else {
			let candidates = unrankedCandidates.get(trimmed);
			if (candidates) {
				unrankedCandidates.delete(trimmed);
			} else {
				const index = yield* indexInSteps();
				const finding = findCandidates(index, parseExtendedQuery(trimmed), nearWordsCache, recencyOnce());
				let step = finding.next();
				while (!step.done) {
					yield {indexedShare: 1};
					step = finding.next();
				}

				candidates = step.value;
			}

			let provisionalHits: readonly SearchHit[] | undefined;
			if (candidates.isExact) {
				// Kept until fuse.js has ranked them, since a newer keystroke may drop the search before it does.
				remember(unrankedCandidates, trimmed, candidates);
				provisionalHits = hitsOf({order: candidates.articleIndexes, rankedHits: []});
				yield {indexedShare: 1, provisionalHits};
			}

			result = yield* rankInSteps(trimmed, candidates);
			unrankedCandidates.delete(trimmed);
			if (isStepwise && provisionalHits && isHeadConfirmed(result, candidates.articleIndexes)) {
				confirmedHits = provisionalHits;
			}
		}

		remember(remembered, trimmed, result);
		return confirmedHits ?? hitsOf(result);
	}

	return {
		search(query) {
			const steps = findInSteps(query, false);
			let step = steps.next();
			while (!step.done) {
				step = steps.next();
			}

			return step.value;
		},
		searchInSteps: query => findInSteps(query, true),
		*prepareInSteps() {
			// The order of articles that match equally well needs no word index: it is made while the index is on its way
			// (from the worker, or from the parse cache), not on the first search's path.
			recencyOnce();
			yield {indexedShare: builder.indexedCount / articles.length};
			const index = yield* indexInSteps();
			// Typing a few words gets the JIT to compile the search's hot loops, which would otherwise run slowly, in the
			// interpreter, for the user's first few keystrokes.
			for (const query of warmUpQueries(index)) {
				yield* findInSteps(query, true);
				// The list finds the headline matches of the rows in view that fuse.js has not ranked (yet): that too.
				for (const article of articles.slice(0, warmUpHeadlineCount)) {
					headlineMatchesFor(query, article.headline);
				}

				yield {indexedShare: 1};
			}

			// The user's searches start afresh: what the warm-up found is no answer to them.
			remembered.clear();
			unrankedCandidates.clear();
			nearWordsCache.clear();
		},
	};
}
