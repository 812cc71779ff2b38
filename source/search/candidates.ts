import {type ExtendedQuery, isInverse, type QueryTerm} from './extended-query.js';
import {fieldNames, fieldWeights} from './search-document.js';
import {hasSeparator, letterBit, type WordIndex} from './word-index.js';
import {type NearWords, wordIdAmong, wordIdOf, wordsContaining, wordsEndingWith, wordsNear, wordsStartingWith} from './word-match.js';

/**
 * The articles a query can match, found in the word index, in the order fuse.js would rank them.
 *
 * fuse.js (with our options) matches a query field by field: a field matches a group of terms when every term
 * does, and an article matches when any field does, unless a group with an inverse term matched while some field
 * did not. A fuzzy term matches with at most a fifth of its length in edits, and scores the edits over the length.
 * Each matched field scores the mean of its terms' scores; the article scores the product of its fields' scores,
 * each raised to the field's weight times its norm (one over the root of its word count).
 *
 * Here the same rules run on sets of slots (see WordIndex) instead of on text. They agree with fuse.js whenever
 * a term's best match lies inside one word; a fuzzy match that spans a space (`newyork` for `new york`) is missed.
 * A term the index cannot answer (a quoted pattern with a space in it, a pattern longer than 32 characters) keeps
 * every slot, and the result says it is only a superset, to be checked by fuse.js itself.
 */
export type Candidates = {
	/** The articles, by index, best first (ties in article order), or in article order when only a superset. */
	readonly articleIndexes: Int32Array;
	/** Whether every term was answered by the index, so that the order above is fuse.js's order. */
	readonly isExact: boolean;
};

/** A set of slots, one bit each: bit `slot % 32` of element `slot >>> 5`; 32 bits hold 8 articles. */
type SlotSet = Uint32Array;

/** The slots a term matches. */
type TermSlots = {
	readonly term: QueryTerm;
	readonly slots: SlotSet;
	/** For a fuzzy term: the slots whose best word has 0, 1, 2, … errors (a slot is in the set of its fewest). */
	readonly slotsByErrorCount?: readonly SlotSet[];
	/** For a fuzzy term: the word equal to the whole pattern, which scores 0 in a field that holds only it. */
	readonly wholeWordId?: number;
	/** Whether the index could answer the term; if not, `slots` holds every field. */
	readonly isExact: boolean;
};

/** fuse.js's threshold with our options: a match may have at most this share of the pattern's length in errors. */
const errorShare = 0.2;
/** fuse.js's Bitap search handles patterns up to this length in one piece. */
const maximumPatternLength = 32;

/** The most errors fuse.js allows a fuzzy pattern of `length` characters (the same comparison it makes). */
export function maximumErrors(length: number): number {
	let errors = 0;
	while ((errors + 1) / length <= errorShare) {
		errors++;
	}

	return errors;
}

/** fuse.js's key weights, scaled to sum to 1 as it scales them, in field order. */
const normalisedWeights = (() => {
	const total = fieldNames.reduce((sum, name) => sum + fieldWeights[name], 0);
	return fieldNames.map(name => fieldWeights[name] / total);
})();

/** fuse.js's field norm for a field of `wordCount` words (with fieldNormWeight 1), computed as it computes it. */
function fieldNorm(wordCount: number): number {
	return Math.round(1000 / Math.pow(Math.max(1, wordCount), 0.5)) / 1000;
}

const slotSetLength = (index: WordIndex) => Math.ceil(index.articleCount / 8);

/**
 * Adds the slots that hold each of the words `ids` (ascending) to a set: the set `into(position)` for the word at
 * `position`.
 */
function addSlotsOfWords(index: WordIndex, ids: ArrayLike<number>, into: (position: number) => SlotSet) {
	for (const {firstArticle, words, offsets, slots} of index.segments) {
		const base = firstArticle * 4;
		let low = 0;
		for (let position = 0; position < ids.length; position++) {
			const id = ids[position]!;
			// The first of the segment's words not below `id`; the ids ascend, so the search goes on from the last one.
			let high = words.length;
			while (low < high) {
				const middle = (low + high) >>> 1;
				if (words[middle]! < id) {
					low = middle + 1;
				} else {
					high = middle;
				}
			}

			if (words[low] !== id) {
				continue;
			}

			const set = into(position);
			const end = offsets[low + 1]!;
			for (let offset = offsets[low]!; offset < end; offset++) {
				const slot = base + slots[offset]!;
				set[slot >>> 5]! |= 1 << (slot & 31);
			}
		}
	}
}

function slotsOfWords(index: WordIndex, ids: ArrayLike<number>): SlotSet {
	const slots = new Uint32Array(slotSetLength(index));
	addSlotsOfWords(index, ids, () => slots);
	return slots;
}

/** The slots whose word at `position` (first or last) is one of `ids`. */
function slotsWithWordAt(index: WordIndex, wordsAtSlots: Int32Array, ids: readonly number[]): SlotSet {
	const isWanted = new Uint8Array(index.wordCount);
	for (const id of ids) {
		isWanted[id] = 1;
	}

	const slots = new Uint32Array(slotSetLength(index));
	for (let slot = 0; slot < wordsAtSlots.length; slot++) {
		const id = wordsAtSlots[slot]!;
		if (id !== -1 && isWanted[id] === 1) {
			slots[slot >>> 5]! |= 1 << (slot & 31);
		}
	}

	return slots;
}

const presentSlotsCache = new WeakMap<WordIndex, SlotSet>();

/** The slots of fields that are not blank: fuse.js skips blank fields, so not even an inverse term matches them. */
function presentSlots(index: WordIndex): SlotSet {
	let slots = presentSlotsCache.get(index);
	if (!slots) {
		slots = new Uint32Array(slotSetLength(index));
		for (let slot = 0; slot < index.wordCounts.length; slot++) {
			if (index.wordCounts[slot] !== 0) {
				slots[slot >>> 5]! |= 1 << (slot & 31);
			}
		}

		presentSlotsCache.set(index, slots);
	}

	return slots;
}

function complement(index: WordIndex, slots: SlotSet): SlotSet {
	const present = presentSlots(index);
	return slots.map((bits, position) => present[position]! & ~bits);
}

/** Fuzzy word matches kept between queries, by pattern and errors allowed, oldest first. */
export type NearWordsCache = Map<string, {readonly pattern: string; readonly maxErrors: number; readonly words: NearWords}>;

const nearWordsCacheSize = 64;

function nearWords(index: WordIndex, pattern: string, maxErrors: number, cache: NearWordsCache): NearWords {
	const key = `${maxErrors} ${pattern}`;
	const cached = cache.get(key);
	if (cached) {
		return cached.words;
	}

	// A pattern that holds an earlier one can only match words the earlier one matched with as many errors allowed.
	let among: Int32Array | undefined;
	for (const earlier of cache.values()) {
		if (earlier.maxErrors === maxErrors && pattern.includes(earlier.pattern) && (!among || earlier.words.ids.length < among.length)) {
			among = earlier.words.ids;
		}
	}

	among ??= wordsWithAPiece(index, pattern, maxErrors);
	const words = wordsNear(index, pattern, maxErrors, among);
	cache.set(key, {pattern, maxErrors, words});
	if (cache.size > nearWordsCacheSize) {
		cache.delete(cache.keys().next().value!);
	}

	return words;
}

/**
 * The words that contain one of `maxErrors + 1` pieces of `pattern` exactly, ascending. A match with at most
 * `maxErrors` edits leaves at least one piece untouched, so only these words can match.
 */
function wordsWithAPiece(index: WordIndex, pattern: string, maxErrors: number): Int32Array {
	const pieceCount = maxErrors + 1;
	const ids = new Set<number>();
	for (let piece = 0; piece < pieceCount; piece++) {
		const start = Math.floor((piece * pattern.length) / pieceCount);
		const end = Math.floor(((piece + 1) * pattern.length) / pieceCount);
		for (const id of wordsContaining(index, pattern.slice(start, end))) {
			ids.add(id);
		}
	}

	return Int32Array.from(ids).sort();
}

/** The slots that hold `pattern` somewhere: for one letter, from the letters each slot holds. */
function slotsContaining(index: WordIndex, pattern: string): SlotSet {
	const bit = pattern.length === 1 ? letterBit(pattern.charCodeAt(0)) : 0;
	if (bit === 0) {
		return slotsOfWords(index, wordsContaining(index, pattern));
	}

	const slots = new Uint32Array(slotSetLength(index));
	const {letterMasks} = index;
	for (let slot = 0; slot < letterMasks.length; slot++) {
		if ((letterMasks[slot]! & bit) !== 0) {
			slots[slot >>> 5]! |= 1 << (slot & 31);
		}
	}

	return slots;
}

/** The slots `term` matches, as fuse.js would find them. */
function slotsOfTerm(index: WordIndex, term: QueryTerm, cache: NearWordsCache): TermSlots {
	const {kind, pattern} = term;
	if (hasSeparator(pattern) || pattern.length > maximumPatternLength) {
		return {term, slots: presentSlots(index), isExact: false};
	}

	switch (kind) {
		case 'fuzzy': {
			// fuse.js highlights at least two characters (minMatchCharLength), so one letter matches only when doubled.
			if (pattern.length === 1) {
				const slots = slotsOfWords(index, wordsContaining(index, pattern + pattern));
				return {term, slots, slotsByErrorCount: [slots], isExact: true};
			}

			const maxErrors = maximumErrors(pattern.length);
			const words = maxErrors === 0 ? {ids: wordsContaining(index, pattern), errorCounts: undefined} : nearWords(index, pattern, maxErrors, cache);
			const slotsByErrorCount = Array.from({length: maxErrors + 1}, () => new Uint32Array(slotSetLength(index)));
			addSlotsOfWords(index, words.ids, position => slotsByErrorCount[words.errorCounts?.[position] ?? 0]!);

			const slots = slotsByErrorCount.reduce((all, some) => all.map((bits, position) => bits | some[position]!));
			return {term, slots, slotsByErrorCount, wholeWordId: wordIdAmong(index, words.ids, pattern), isExact: true};
		}

		case 'include': {
			return {term, slots: slotsContaining(index, pattern), isExact: true};
		}

		case 'inverse-include': {
			return {term, slots: complement(index, slotsContaining(index, pattern)), isExact: true};
		}

		case 'exact': {
			// The field is one word, and that word is the pattern.
			const id = wordIdOf(index, pattern);
			const oneWordSlots = onlyWordSlots(index);
			const slots = slotsWithWordAt(index, index.firstWords, id === -1 ? [] : [id]).map((bits, position) => bits & oneWordSlots[position]!);
			return {term, slots, isExact: true};
		}

		case 'prefix': {
			return {term, slots: slotsWithWordAt(index, index.firstWords, wordsStartingWith(index, pattern)), isExact: true};
		}

		case 'inverse-prefix': {
			return {term, slots: complement(index, slotsWithWordAt(index, index.firstWords, wordsStartingWith(index, pattern))), isExact: true};
		}

		case 'suffix': {
			return {term, slots: slotsWithWordAt(index, index.lastWords, wordsEndingWith(index, pattern)), isExact: true};
		}

		case 'inverse-suffix': {
			return {term, slots: complement(index, slotsWithWordAt(index, index.lastWords, wordsEndingWith(index, pattern))), isExact: true};
		}
	}
}

const onlyWordSlotsCache = new WeakMap<WordIndex, SlotSet>();

/** The slots that hold exactly one word. */
function onlyWordSlots(index: WordIndex): SlotSet {
	let slots = onlyWordSlotsCache.get(index);
	if (!slots) {
		slots = new Uint32Array(slotSetLength(index));
		for (let slot = 0; slot < index.wordCounts.length; slot++) {
			if (index.wordCounts[slot] === 1) {
				slots[slot >>> 5]! |= 1 << (slot & 31);
			}
		}

		onlyWordSlotsCache.set(index, slots);
	}

	return slots;
}

/** Word counts up to which field norms and powers are kept in tables; longer fields (rare) are computed each time. */
const tabledWordCount = 0xFF_FF;

/** fuse.js's field norms for fields of 0, 1, 2, … words, as far as the longest field of the index (or the table). */
const fieldNormsCache = new WeakMap<WordIndex, Float64Array>();

function fieldNormsOf(index: WordIndex): Float64Array {
	let norms = fieldNormsCache.get(index);
	if (!norms) {
		// A loop, not reduce: a callback for each of 400,000 slots took 20 ms on the search that first has the index.
		let longest = 0;
		for (const wordCount of index.wordCounts) {
			if (wordCount > longest) {
				longest = wordCount;
			}
		}

		norms = Float64Array.from({length: Math.min(longest, tabledWordCount) + 1}, (_, wordCount) => fieldNorm(wordCount));
		fieldNormsCache.set(index, norms);
	}

	return norms;
}

/**
 * Powers computed for earlier articles, by field and word count: the last score raised to that field's exponent.
 * Most matched fields of a query score the same few values, and Math.pow is the scoring loop's dearest step.
 */
type PowerCache = {readonly scores: Float64Array; readonly powers: Float64Array; readonly stride: number};

const powerCaches = new WeakMap<WordIndex, PowerCache>();

function powerCacheOf(index: WordIndex, norms: Float64Array): PowerCache {
	let cache = powerCaches.get(index);
	if (!cache) {
		const stride = norms.length;
		cache = {scores: new Float64Array(stride * fieldNames.length).fill(Number.NaN), powers: new Float64Array(stride * fieldNames.length), stride};
		powerCaches.set(index, cache);
	}

	return cache;
}

/** fuse.js's factor for a field of `wordCount` words that scores `score`, computed as fuse.js computes it. */
function fieldFactor(field: number, wordCount: number, score: number, norms: Float64Array, powers: PowerCache): number {
	const base = score === 0 ? Number.EPSILON : score;
	if (wordCount >= powers.stride) {
		return Math.pow(base, normalisedWeights[field]! * fieldNorm(wordCount));
	}

	const cached = field * powers.stride + wordCount;
	if (powers.scores[cached] !== score) {
		powers.scores[cached] = score;
		powers.powers[cached] = Math.pow(base, normalisedWeights[field]! * norms[wordCount]!);
	}

	return powers.powers[cached]!;
}

/** fuse.js's score for term `termSlots` in the field at `slot` (bit `bit` of element `element`), which it matches. */
function termScore(index: WordIndex, termSlots: TermSlots, element: number, bit: number, slot: number): number {
	const {slotsByErrorCount, wholeWordId} = termSlots;
	if (!slotsByErrorCount) {
		// The exact matchers (and the inverse ones) score 0.
		return 0;
	}

	if (wholeWordId !== undefined && wholeWordId !== -1 && index.wordCounts[slot] === 1 && index.firstWords[slot] === wholeWordId) {
		return 0;
	}

	let errors = 0;
	while ((slotsByErrorCount[errors]![element]! & bit) === 0) {
		errors++;
	}

	return Math.max(0.001, errors / termSlots.term.pattern.length);
}

/** Articles scored between yields. */
const articlesPerStep = 16_384;

/**
 * Finds the candidates for `query`, a step at a time: each `next()` does a few milliseconds of work.
 * `cache` keeps fuzzy word matches between calls, so that typing a longer word narrows the last one's.
 */
export function* findCandidates(index: WordIndex, query: ExtendedQuery, cache: NearWordsCache): Generator<void, Candidates> {
	const groups: TermSlots[][] = [];
	for (const terms of query) {
		const group: TermSlots[] = [];
		for (const term of terms) {
			group.push(slotsOfTerm(index, term, cache));
			yield;
		}

		groups.push(group);
	}

	const isExact = groups.every(group => group.every(termSlots => termSlots.isExact));
	// The slots each group matches: those every one of its terms matches.
	const groupSlots = groups.map(group => group.map(termSlots => termSlots.slots).reduce((all, some) => all.map((bits, position) => bits & some[position]!)));
	const groupHasInverse = groups.map(group => group.some(termSlots => isInverse(termSlots.term)));
	const groupCount = groups.length;
	const fieldCount = fieldNames.length;
	const norms = fieldNormsOf(index);
	const powers = powerCacheOf(index, norms);
	yield;

	const articleIndexes = new Int32Array(index.articleCount);
	const scores = new Float64Array(index.articleCount);
	let candidateCount = 0;
	for (let firstArticle = 0; firstArticle < index.articleCount; firstArticle += articlesPerStep) {
		const endArticle = Math.min(index.articleCount, firstArticle + articlesPerStep);
		for (let article = firstArticle; article < endArticle; article++) {
			// An article's four slots share a 32-bit element: skip the article when no group matches any of them.
			const element = article >>> 3;
			const shift = (article & 7) * 4;
			let matchedBits = 0;
			for (let group = 0; group < groupCount; group++) {
				matchedBits |= groupSlots[group]![element]!;
			}

			if (((matchedBits >>> shift) & 0b1111) === 0) {
				continue;
			}

			let matchedFieldCount = 0;
			let hasInverse = false;
			let articleScore = 1;
			for (let field = 0; field < fieldCount; field++) {
				const bit = 1 << (shift + field);
				if ((matchedBits & bit) === 0) {
					continue;
				}

				// Like fuse.js's extended search, the first group that matches the field scores it.
				let group = 0;
				while ((groupSlots[group]![element]! & bit) === 0) {
					group++;
				}

				matchedFieldCount++;
				hasInverse ||= groupHasInverse[group]!;
				const terms = groups[group]!;
				const slot = article * 4 + field;
				let sum = 0;
				for (const termSlots of terms) {
					sum += termScore(index, termSlots, element, bit, slot);
				}

				// The same arithmetic, in the same order, as fuse.js's extended search and computeScore, so that ties stay ties.
				articleScore *= fieldFactor(field, index.wordCounts[slot]!, sum / terms.length, norms, powers);
			}

			if (!(hasInverse && matchedFieldCount < fieldCount)) {
				articleIndexes[candidateCount] = article;
				scores[candidateCount] = articleScore;
				candidateCount++;
			}
		}

		yield;
	}

	const found = articleIndexes.subarray(0, candidateCount);
	return {articleIndexes: isExact ? sortByScore(found, scores.subarray(0, candidateCount)) : found, isExact};
}

/**
 * The articles in ascending order of score, ties in article order, as fuse.js sorts them. Many articles are sorted
 * by a stable radix sort of the high 32 bits of each score (for positive doubles, the bits read as an unsigned
 * number grow with the value); articles whose high bits tie are then put in order of the low 32 bits, since
 * fuse.js's products of powers often differ only in the last few bits.
 */
function sortByScore(articleIndexes: Int32Array, scores: Float64Array): Int32Array {
	const count = articleIndexes.length;
	if (count < 1024) {
		const order = Array.from({length: count}, (_, position) => position);
		order.sort((left, right) => scores[left]! - scores[right]! || left - right);
		return Int32Array.from(order, position => articleIndexes[position]!);
	}

	// Each score's 32-bit halves, low then high (on a little-endian machine, as Node's are).
	const halves = new Uint32Array(scores.buffer, scores.byteOffset, count * 2);
	let keys = new Uint32Array(count);
	let positions = new Int32Array(count);
	for (let position = 0; position < count; position++) {
		keys[position] = halves[position * 2 + 1]!;
		positions[position] = position;
	}

	const counts = new Uint32Array(0x1_00_00);
	let sortedKeys = new Uint32Array(count);
	let sortedPositions = new Int32Array(count);
	for (const shift of [0, 16]) {
		counts.fill(0);
		for (let position = 0; position < count; position++) {
			counts[(keys[position]! >>> shift) & 0xFF_FF]!++;
		}

		let total = 0;
		for (let digit = 0; digit < 0x1_00_00; digit++) {
			const digitCount = counts[digit]!;
			counts[digit] = total;
			total += digitCount;
		}

		for (let position = 0; position < count; position++) {
			const target = counts[(keys[position]! >>> shift) & 0xFF_FF]!++;
			sortedKeys[target] = keys[position]!;
			sortedPositions[target] = positions[position]!;
		}

		[keys, sortedKeys] = [sortedKeys, keys];
		[positions, sortedPositions] = [sortedPositions, positions];
	}

	// Runs of equal high halves, already in article order: sort each by its low halves where they are not in order.
	const lowOf = (position: number) => halves[position * 2]!;
	for (let start = 0; start < count; ) {
		let end = start + 1;
		let isOrdered = true;
		while (end < count && keys[end] === keys[start]) {
			isOrdered &&= lowOf(positions[end]!) >= lowOf(positions[end - 1]!);
			end++;
		}

		if (!isOrdered) {
			positions.subarray(start, end).sort((left, right) => lowOf(left) - lowOf(right) || left - right);
		}

		start = end;
	}

	return positions.map(position => articleIndexes[position]!);
}
