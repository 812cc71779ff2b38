/** Sentence-level helpers shared by the text formats. */

import {letterPattern, letterPatternFor} from './ascii-letters.js';

// Words that end in a period without ending a sentence.
const abbreviations = new Set([
	'mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'prof', 'rev',
	'inc', 'co', 'corp', 'ltd', 'jr', 'sr', 'vs', 'no', 'nos', 'fig', 'etc', 'approx', 'dept', 'est', 'jan', 'feb',
	'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/**
 * A sentence's closing punctuation, before a capital or a digit. Its class is tried only after such punctuation, so
 * that a name in Chinese characters elsewhere in a line leaves it to the ASCII form. (Both forms: see ascii-letters.ts.)
 */
export const sentenceEnd = letterPattern({
	ascii: /[.!?…]["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9])/gu,
	unicode: () => /[.!?…]["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}\p{Lo}])/gu,
	otherLetterInReach: /[.!?…]["'”’)\]]*\s+["'“‘(]?[^\t-\u007F\u2000-\u206F]/u,
});

/** A single letter: an initial. (Both forms: see ascii-letters.ts.) */
export const singleLetter = letterPattern({ascii: /^[A-Za-z]$/u, unicode: () => /^\p{L}$/u});

/** Whether a line ends like a finished sentence (a period, question or exclamation mark, perhaps inside quotes). */
export function endsWithSentencePunctuation(text: string): boolean {
	return /[.!?…]["'”’)\]]*$/u.test(text.trimEnd());
}

/** The longest word an abbreviation or an initial can be (with its opening quotes); longer ones are cut short. */
const longestAbbreviationLength = 16;

/**
 * The word that ends at `end` in `text`, or its last {@link longestAbbreviationLength} characters: looked for backwards
 * from `end`, so that a line of one long word costs no more than a short one (a pattern anchored at the end of the
 * text before each period was quadratic).
 */
function wordBefore(text: string, end: number): string {
	let start = end;
	while (start > 0 && end - start < longestAbbreviationLength && !/\s/u.test(text[start - 1]!)) {
		start--;
	}

	return text.slice(start, end);
}

/** The offset just past the first sentence of `text`, or its length when it is one sentence. */
export function firstSentenceEnd(text: string): number {
	for (const match of text.matchAll(letterPatternFor(sentenceEnd, text))) {
		const end = match.index + match[0].length;
		const bareWord = wordBefore(text, match.index).replace(/^["'“‘(]+/u, '').toLowerCase();
		// An initial ("J. Smith") or an abbreviation ("Mr. Abe") does not end a sentence.
		if (match[0].startsWith('.') && (letterPatternFor(singleLetter, bareWord).test(bareWord) || abbreviations.has(bareWord))) {
			continue;
		}

		return end;
	}

	return text.length;
}

/** The first sentence of `text`, trimmed. */
export function firstSentence(text: string): string {
	return text.slice(0, firstSentenceEnd(text)).trim();
}
