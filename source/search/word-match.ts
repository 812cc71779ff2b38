// Finding the words of the vocabulary that match a pattern, by the rules fuse.js applies to a whole field. The
// pattern must not contain a word separator (see hasSeparator), so that a match cannot span two words.
import {patternOnFirstUse} from '../text/pattern-on-first-use.js';
import type {WordIndex} from './word-index.js';

/** The id of the word that the vocabulary position `position` falls in. */
function wordAt(index: WordIndex, position: number): number {
	const {wordStarts} = index;
	let low = 0;
	let high = index.wordCount - 1;
	while (low < high) {
		const middle = (low + high + 1) >>> 1;
		if (wordStarts[middle]! <= position) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return low;
}

/** Ids of the words in which `needle` occurs, ascending; `needle` may begin or end with the `\n` that bounds words. */
function wordsAround(index: WordIndex, needle: string, offsetInNeedle: number): number[] {
	const ids: number[] = [];
	const {vocabulary, wordStarts} = index;
	for (let position = vocabulary.indexOf(needle); position !== -1; ) {
		const id = wordAt(index, position + offsetInNeedle);
		ids.push(id);
		position = vocabulary.indexOf(needle, wordStarts[id + 1]! - 1);
	}

	return ids;
}

/** Ids of the words that contain `pattern`. */
export function wordsContaining(index: WordIndex, pattern: string): number[] {
	return wordsAround(index, pattern, 0);
}

/** Ids of the words that start with `pattern`. */
export function wordsStartingWith(index: WordIndex, pattern: string): number[] {
	return wordsAround(index, `\n${pattern}`, 1);
}

/** Ids of the words that end with `pattern`. */
export function wordsEndingWith(index: WordIndex, pattern: string): number[] {
	return wordsAround(index, `${pattern}\n`, 0);
}

/**
 * The id of the word `pattern`, or -1. The search is for the pattern alone, its bounds checked where it is found:
 * a needle that starts or ends with `\n`, the vocabulary's commonest character, is found a hundred times slower.
 */
export function wordIdOf(index: WordIndex, pattern: string): number {
	const {vocabulary} = index;
	if (pattern === '') {
		return -1;
	}

	for (let position = vocabulary.indexOf(pattern); position !== -1; position = vocabulary.indexOf(pattern, position + 1)) {
		if (vocabulary.charCodeAt(position - 1) === 0x0A && vocabulary.charCodeAt(position + pattern.length) === 0x0A) {
			return wordAt(index, position);
		}
	}

	return -1;
}

const letterOrDigit = patternOnFirstUse(() => /[\p{L}\p{N}\p{M}]/u);

/** Whether the character `code` is a letter or a digit: an ASCII test first, as most are. */
function isLetterOrDigit(code: number): boolean {
	if (code < 0x80) {
		return (code >= 0x61 && code <= 0x7A) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5A);
	}

	return letterOrDigit().test(String.fromCharCode(code));
}

/**
 * Whether word `id` holds `pattern` as a word of its own: with no letter or digit either side, as `yen` stands in
 * `dollar/yen,` and not in `cheyenne`. The index's words are split at spaces only, so punctuation clings to them.
 */
export function holdsAsWord(index: WordIndex, id: number, pattern: string): boolean {
	const {vocabulary, wordStarts} = index;
	const start = wordStarts[id]!;
	const end = wordStarts[id + 1]! - 1;
	for (let position = vocabulary.indexOf(pattern, start); position !== -1 && position + pattern.length <= end; position = vocabulary.indexOf(pattern, position + 1)) {
		const after = position + pattern.length;
		if ((position === start || !isLetterOrDigit(vocabulary.charCodeAt(position - 1))) && (after === end || !isLetterOrDigit(vocabulary.charCodeAt(after)))) {
			return true;
		}
	}

	return false;
}

/** The one of the words `ids` that is `pattern` itself, or -1: cheaper than looking it up when the ids are at hand. */
export function wordIdAmong(index: WordIndex, ids: ArrayLike<number>, pattern: string): number {
	const {vocabulary, wordStarts} = index;
	for (let position = 0; position < ids.length; position++) {
		const id = ids[position]!;
		const start = wordStarts[id]!;
		if (wordStarts[id + 1]! - 1 - start === pattern.length && vocabulary.startsWith(pattern, start)) {
			return id;
		}
	}

	return -1;
}

/** Words that match a pattern with a few errors, and how many errors the best match in each has. */
export type NearWords = {readonly ids: Int32Array; readonly errorCounts: Uint8Array};

/**
 * Bit masks of where each character occurs in the pattern, reused between calls (a pattern has at most 32); made at
 * the first search, not at every start.
 */
let characterMasks: Int32Array | undefined;

/**
 * The words in which some stretch is within `maxErrors` edits (insertions, deletions, substitutions) of
 * `pattern`, as fuse.js's Bitap search finds it, with the fewest edits for each. Looks only at `among` when given
 * (ids, ascending). Myers's bit-parallel algorithm (1999) in its form for finding a pattern inside a text.
 */
export function wordsNear(index: WordIndex, pattern: string, maxErrors: number, among?: Int32Array): NearWords {
	const patternLength = pattern.length;
	if (patternLength === 0 || patternLength > 32) {
		throw new RangeError(`wordsNear needs a pattern of 1 to 32 characters, not ${patternLength}`);
	}

	characterMasks ??= new Int32Array(0x1_00_00);
	for (let position = 0; position < patternLength; position++) {
		characterMasks[pattern.charCodeAt(position)]! |= 1 << position;
	}

	const lastBit = 1 << (patternLength - 1);
	const {vocabulary, wordStarts} = index;
	const ids: number[] = [];
	const errorCounts: number[] = [];
	const candidateCount = among ? among.length : index.wordCount;
	for (let candidate = 0; candidate < candidateCount; candidate++) {
		const id = among ? among[candidate]! : candidate;
		const start = wordStarts[id]!;
		const end = wordStarts[id + 1]! - 1;
		// A word shorter than the pattern by more than maxErrors needs more deletions than allowed.
		if (end - start < patternLength - maxErrors) {
			continue;
		}

		let positive = -1;
		let negative = 0;
		let errors = patternLength;
		let best = patternLength;
		for (let position = start; position < end; position++) {
			const equal = characterMasks[vocabulary.charCodeAt(position)]!;
			const vertical = equal | negative;
			const horizontal = ((((equal & positive) >>> 0) + (positive >>> 0)) ^ positive) | equal;
			let horizontalPositive = negative | ~(horizontal | positive);
			let horizontalNegative = positive & horizontal;
			if ((horizontalPositive & lastBit) !== 0) {
				errors++;
			} else if ((horizontalNegative & lastBit) !== 0) {
				errors--;
			}

			// The match may start anywhere in the word: the top row of the edit table stays zero.
			horizontalPositive <<= 1;
			horizontalNegative <<= 1;
			positive = horizontalNegative | ~(vertical | horizontalPositive);
			negative = horizontalPositive & vertical;
			if (errors < best) {
				best = errors;
			}
		}

		if (best <= maxErrors) {
			ids.push(id);
			errorCounts.push(best);
		}
	}

	for (let position = 0; position < patternLength; position++) {
		characterMasks[pattern.charCodeAt(position)] = 0;
	}

	return {ids: Int32Array.from(ids), errorCounts: Uint8Array.from(errorCounts)};
}
