import {type ExtendedQuery, isInverse, type QueryTerm} from './extended-query.js';
import {fieldNames, fieldWeights} from './search-document.js';
import {hasSeparator, letterBit, type WordIndex} from './word-index.js';
import {holdsAsWord, type NearWords, wordIdAmong, wordIdOf, wordsContaining, wordsEndingWith, wordsNear, wordsStartingWith} from './word-match.js';

/**
 * The articles a query can match, found in the word index, in the order fuse.js would rank them.
 *
 * fuse.js (with our options) matches a query field by field: a field matches a group of terms when every term
 * does, and an article matches when any field does, unless a group with an inverse term matched while some field
 * did not. A fuzzy term matches with at most a fifth of its length in edits, and scores the edits over the length.
 * Each matched field scores the mean of its terms' scores; the article scores the product of its fields' scores,
 * each raised to the field's weight. fuse.js would also raise it to the field's norm, one over the root of its word
 * count, which put a three-word price ticker above every story about the same thing: we ask it not to
 * (`ignoreFieldNorm`), and length plays no part.
 *
 * Articles that score the same (most do: an exact word scores the same in any field that holds it) then come in
 * order of the evidence their matched fields give (see {@link wholeWordEvidence}), then newest first.
 *
 * Here the same rules run on sets of slots (see WordIndex) instead of on text. They agree with fuse.js whenever
 * a term's best match lies inside one word; a fuzzy match that spans a space (`newyork` for `new york`) is missed.
 * A term the index cannot answer (a quoted pattern with a space in it, a pattern longer than 32 characters) keeps
 * every slot, and the result says it is only a superset, to be checked by fuse.js itself.
 */
export type Candidates = {
	/** The articles, by index, best first (see {@link Recency} for ties), or in article order when only a superset. */
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

/** The fields' own weights, in field order, for weighing the evidence each gives. */
const evidenceWeights = fieldNames.map(name => fieldWeights[name]);

/**
 * What a matched word says of a field that holds it: more when the word is the term itself, standing alone (`oil`,
 * `oil,`), than when the term is part of a longer word (`oilseeds`, `cheyenne` for `yen`) or a near miss. An
 * article's evidence, which orders articles of the same score, is, over the fields the query matched, the field's
 * weight times the sum of what each word its terms matched there says. The index keeps whether a field holds a word,
 * not how often (a count a posting would cost a byte each, 22 MB at 100,000 articles), so a word says the same however
 * often it comes; its forms with punctuation (`cocoa`, `cocoa,`, `cocoa's`) are words of their own and each add.
 */
const wholeWordEvidence = 4;
const partWordEvidence = 1;
/** Evidence past this says no more. */
const mostEvidence = 0xF_FF;

/** The order of articles that score the same and give the same evidence: newest first. */
export type Recency = {
	/** The articles' indexes, newest first. */
	readonly order: Int32Array;
	/** Each article's place in {@link order}. */
	readonly ranks: Uint32Array;
};

/** What the postings of some words add to the evidence of each slot: the words' factors, by position. */
type EvidenceSink = {readonly perSlot: Uint32Array; readonly factors: Uint8Array};

/** The evidence factor of each of the words `ids` for `pattern`; `errorCounts` for a fuzzy term's words. */
function evidenceFactors(index: WordIndex, ids: ArrayLike<number>, pattern: string, errorCounts?: ArrayLike<number>): Uint8Array {
	const factors = new Uint8Array(ids.length);
	for (let position = 0; position < ids.length; position++) {
		const isWhole = (errorCounts?.[position] ?? 0) === 0 && holdsAsWord(index, ids[position]!, pattern);
		factors[position] = isWhole ? wholeWordEvidence : partWordEvidence;
	}

	return factors;
}

const slotSetLength = (index: WordIndex) => Math.ceil(index.articleCount / 8);

/**
 * Adds the slots that hold each of the words `ids` (ascending) to a set: the set `into(position)` for the word at
 * `position`; and, given an `evidence` sink, its word's factor to the evidence of each slot that holds it.
 */
function addSlotsOfWords(index: WordIndex, ids: ArrayLike<number>, into: (position: number) => SlotSet, evidence?: EvidenceSink) {
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
			if (evidence) {
				const {perSlot} = evidence;
				const factor = evidence.factors[position]!;
				for (let offset = offsets[low]!; offset < end; offset++) {
					const slot = base + slots[offset]!;
					set[slot >>> 5]! |= 1 << (slot & 31);
					perSlot[slot]! += factor;
				}
			} else {
				for (let offset = offsets[low]!; offset < end; offset++) {
					const slot = base + slots[offset]!;
					set[slot >>> 5]! |= 1 << (slot & 31);
				}
			}
		}
	}
}

function slotsOfWords(index: WordIndex, ids: ArrayLike<number>, evidence?: EvidenceSink): SlotSet {
	const slots = new Uint32Array(slotSetLength(index));
	addSlotsOfWords(index, ids, () => slots, evidence);
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

/**
 * The slots that hold `pattern` somewhere: for one letter, from the letters each slot holds (which weighs no
 * evidence: one letter is no evidence of anything).
 */
function slotsContaining(index: WordIndex, pattern: string, evidence?: Uint32Array): SlotSet {
	const bit = pattern.length === 1 ? letterBit(pattern.charCodeAt(0)) : 0;
	if (bit === 0) {
		const ids = wordsContaining(index, pattern);
		return slotsOfWords(index, ids, evidence && {perSlot: evidence, factors: evidenceFactors(index, ids, pattern)});
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

/** The slots `term` matches, as fuse.js would find them; the words it matches add to each slot's `evidence`. */
function slotsOfTerm(index: WordIndex, term: QueryTerm, cache: NearWordsCache, evidence: Uint32Array): TermSlots {
	const {kind, pattern} = term;
	if (hasSeparator(pattern) || pattern.length > maximumPatternLength) {
		return {term, slots: presentSlots(index), isExact: false};
	}

	switch (kind) {
		case 'fuzzy': {
			// fuse.js highlights at least two characters (minMatchCharLength), so one letter matches only when doubled.
			if (pattern.length === 1) {
				const ids = wordsContaining(index, pattern + pattern);
				const slots = slotsOfWords(index, ids, {perSlot: evidence, factors: evidenceFactors(index, ids, pattern + pattern)});
				return {term, slots, slotsByErrorCount: [slots], isExact: true};
			}

			const maxErrors = maximumErrors(pattern.length);
			const words = maxErrors === 0 ? {ids: wordsContaining(index, pattern), errorCounts: undefined} : nearWords(index, pattern, maxErrors, cache);
			const slotsByErrorCount = Array.from({length: maxErrors + 1}, () => new Uint32Array(slotSetLength(index)));
			const factors = evidenceFactors(index, words.ids, pattern, words.errorCounts);
			addSlotsOfWords(index, words.ids, position => slotsByErrorCount[words.errorCounts?.[position] ?? 0]!, {perSlot: evidence, factors});

			const slots = slotsByErrorCount.reduce((all, some) => all.map((bits, position) => bits | some[position]!));
			return {term, slots, slotsByErrorCount, wholeWordId: wordIdAmong(index, words.ids, pattern), isExact: true};
		}

		case 'include': {
			return {term, slots: slotsContaining(index, pattern, evidence), isExact: true};
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

/** The last score each field was raised to its weight for, and the power: most matched fields score the same few values. */
type PowerCache = {readonly scores: Float64Array; readonly powers: Float64Array};

/** fuse.js's factor for field `field` when it scores `score`, computed as fuse.js computes it. */
function fieldFactor(field: number, score: number, cache: PowerCache): number {
	if (cache.scores[field] !== score) {
		cache.scores[field] = score;
		// Math.pow is the scoring loop's dearest step.
		cache.powers[field] = Math.pow(score === 0 ? Number.EPSILON : score, normalisedWeights[field]!);
	}

	return cache.powers[field]!;
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
 * Without `recency`, the last ties keep the article order.
 */
export function* findCandidates(index: WordIndex, query: ExtendedQuery, cache: NearWordsCache, recency?: Recency): Generator<void, Candidates> {
	const evidence = new Uint32Array(index.articleCount * 4);
	const groups: TermSlots[][] = [];
	for (const terms of query) {
		const group: TermSlots[] = [];
		for (const term of terms) {
			group.push(slotsOfTerm(index, term, cache, evidence));
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
	const powers: PowerCache = {scores: new Float64Array(fieldCount).fill(Number.NaN), powers: new Float64Array(fieldCount)};
	yield;

	const articleIndexes = new Int32Array(index.articleCount);
	const scores = new Float64Array(index.articleCount);
	const evidences = new Uint16Array(index.articleCount);
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
			let articleEvidence = 0;
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
				articleScore *= fieldFactor(field, sum / terms.length, powers);
				articleEvidence += evidenceWeights[field]! * evidence[slot]!;
			}

			if (!(hasInverse && matchedFieldCount < fieldCount)) {
				articleIndexes[candidateCount] = article;
				scores[candidateCount] = articleScore;
				evidences[candidateCount] = Math.min(articleEvidence, mostEvidence);
				candidateCount++;
			}
		}

		yield;
	}

	const found = articleIndexes.subarray(0, candidateCount);
	return {articleIndexes: isExact ? sortByScore(found, scores.subarray(0, candidateCount), evidences.subarray(0, candidateCount), recency) : found, isExact};
}

/**
 * The positions of `articleIndexes` (ascending) in the order of `recency`: a walk over every article, cheaper than a
 * sort when there are many.
 */
function positionsByRecency(articleIndexes: Int32Array, {order}: Recency): Int32Array {
	// Each candidate article's position plus one; 0 for the others.
	const positionOf = new Int32Array(order.length);
	for (let position = 0; position < articleIndexes.length; position++) {
		positionOf[articleIndexes[position]!] = position + 1;
	}

	const positions = new Int32Array(articleIndexes.length);
	let count = 0;
	for (let rank = 0; rank < order.length; rank++) {
		const position = positionOf[order[rank]!]!;
		if (position !== 0) {
			positions[count++] = position - 1;
		}
	}

	return positions;
}

/** Sorts `positions` stably by most evidence first, in one pass; answers them as they are when all evidence is the same. */
function byEvidence(positions: Int32Array, evidences: Uint16Array): Int32Array {
	const counts = new Uint32Array(mostEvidence + 2);
	for (let position = 0; position < positions.length; position++) {
		counts[mostEvidence - evidences[position]! + 1]!++;
	}

	if (counts.includes(positions.length)) {
		return positions;
	}

	for (let digit = 1; digit < counts.length; digit++) {
		counts[digit]! += counts[digit - 1]!;
	}

	const sorted = new Int32Array(positions.length);
	for (const position of positions) {
		sorted[counts[mostEvidence - evidences[position]!]!++] = position;
	}

	return sorted;
}

/**
 * `positions` sorted stably by one 32-bit half of each one's score (`half` 1 for the high half, 0 for the low), by a
 * radix sort in two passes of 16 bits. For positive doubles, the bits of the high half read as an unsigned number grow
 * with the value, and so do the low half's among scores whose high halves are the same.
 */
function byScoreHalf(positions: Int32Array, halves: Uint32Array, half: 0 | 1, counts: Uint32Array): Int32Array {
	const count = positions.length;
	let keys = new Uint32Array(count);
	for (let position = 0; position < count; position++) {
		keys[position] = halves[positions[position]! * 2 + half]!;
	}

	let from = positions;
	let sortedKeys = new Uint32Array(count);
	let sorted: Int32Array = new Int32Array(count);
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
			sorted[target] = from[position]!;
		}

		[keys, sortedKeys] = [sortedKeys, keys];
		[from, sorted] = [sorted, from === positions ? new Int32Array(count) : from];
	}

	return from;
}

/**
 * The articles in ascending order of score, as fuse.js's scores would sort them; ties by most evidence, then in the
 * order of `recency` (else in article order). Many articles are first put in order of recency, then of evidence, then
 * sorted by stable radix sorts of their scores' high halves, and of their low halves first where scores with the same
 * high half differ (fuse.js's products of powers often differ only in the last few bits).
 */
function sortByScore(articleIndexes: Int32Array, scores: Float64Array, evidences: Uint16Array, recency: Recency | undefined): Int32Array {
	const count = articleIndexes.length;
	if (count < 1024) {
		const rankOf = (position: number) => (recency ? recency.ranks[articleIndexes[position]!]! : position);
		const order = Array.from({length: count}, (_, position) => position);
		order.sort((left, right) => scores[left]! - scores[right]! || evidences[right]! - evidences[left]! || rankOf(left) - rankOf(right));
		return Int32Array.from(order, position => articleIndexes[position]!);
	}

	let tieOrder: Int32Array;
	if (recency) {
		tieOrder = positionsByRecency(articleIndexes, recency);
	} else {
		tieOrder = new Int32Array(count);
		for (let position = 0; position < count; position++) {
			tieOrder[position] = position;
		}
	}

	tieOrder = byEvidence(tieOrder, evidences);
	// Each score's 32-bit halves, low then high (on a little-endian machine, as Node's are).
	const halves = new Uint32Array(scores.buffer, scores.byteOffset, count * 2);
	const counts = new Uint32Array(0x1_00_00);
	let positions = byScoreHalf(tieOrder, halves, 1, counts);
	for (let index = 1; index < count; index++) {
		const previous = positions[index - 1]!;
		const position = positions[index]!;
		if (halves[position * 2 + 1] === halves[previous * 2 + 1] && halves[position * 2] !== halves[previous * 2]) {
			positions = byScoreHalf(byScoreHalf(tieOrder, halves, 0, counts), halves, 1, counts);
			break;
		}
	}

	return positions.map(position => articleIndexes[position]!);
}
