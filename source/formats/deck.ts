/**
 * Newspaper teasers often run the deck (the standfirst, printed without a closing period) straight into the body:
 * "…a simple life on his farm, with his wife and dog Tributes poured in on Tuesday…".
 * Finding the seam is best effort, and a wrong split is worse than none, so this splits only on strong evidence.
 */

import {letterPattern, letterPatternFor} from './ascii-letters.js';

type Word = {readonly text: string; readonly start: number};

// Words after which a capitalised word is ordinary prose, not the start of a new sentence.
const connectingWords = new Set([
	'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'onto', 'over', 'under', 'about',
	'and', 'or', 'but', 'nor', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'said', 'says', 'told', 'tells',
	'asked', 'called', 'named', 'between', 'against', 'across', 'after', 'before', 'during', 'since', 'until', 'via',
	'per', 'like', 'near', 'toward', 'towards', 'through', 'without', 'within', 'including', 'among', 'amid', 'his',
	'her', 'its', 'their', 'our', 'my', 'your', 'former', 'new', 'when', 'where', 'while', 'if', 'because', 'both',
]);

// Finite verbs that commonly follow the subject of a news lead.
const leadVerbs = new Set([
	'said', 'says', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might',
	'won', 'met', 'made', 'took', 'gave', 'came', 'went', 'saw', 'told', 'led', 'left', 'lost', 'held', 'began', 'sent',
	'hit', 'set', 'put', 'cut', 'paid', 'spent', 'sold', 'bought', 'brought', 'fell', 'rose', 'grew', 'ran', 'became',
]);

// Fewest words of deck before a seam: a deck is a phrase, not a word or two.
const minimumDeckWordCount = 6;
// Longest run of capitalised words accepted as the subject that opens the body.
const maximumSubjectWordCount = 8;

function wordsOf(text: string): Word[] {
	return [...text.matchAll(/\S+/gu)].map(match => ({text: match[0], start: match.index}));
}

// What makes a word plain, capitalised, bare or a past tense, each in both forms (see ascii-letters.ts).
/** A word of small letters and digits (with apostrophes and hyphens), led by a letter. */
export const plainLowerWord = letterPattern({ascii: /^[a-z][a-z0-9'’-]*$/u, unicode: () => /^\p{Ll}[\p{Ll}\p{N}'’-]*$/u});
/** A capital that leads a word. */
export const firstCapital = letterPattern({ascii: /^[A-Z]/u, unicode: () => /^\p{Lu}/u});
/** Each character that is neither a letter nor a digit, to strip from a word. */
export const notLetterOrDigit = letterPattern({ascii: /[^A-Za-z0-9]/gu, unicode: () => /[^\p{L}\p{N}]/gu});
/** A word of small letters ending in `ed`. */
export const pastTense = letterPattern({ascii: /^[a-z]+ed$/u, unicode: () => /^\p{Ll}+ed$/u});

const isPlainLowerWord = (word: string) => letterPatternFor(plainLowerWord, word).test(word);
const isCapitalised = (word: string) => letterPatternFor(firstCapital, word).test(word) && !/[,;:.!?)]$/u.test(word);
const normalised = (word: string) => {
	const lowered = word.toLowerCase();
	return lowered.replace(letterPatternFor(notLetterOrDigit, lowered), '');
};

function looksLikeLeadVerb(word: string): boolean {
	const bare = normalised(word);
	return leadVerbs.has(bare) || (letterPatternFor(pastTense, word).test(word) && bare.length > 4);
}

/** The seam where the body restates the deck's opening words ("Albanian Prime Minister … brain drain Albanian Prime Minister …"). */
function repeatedOpeningSeam(words: readonly Word[]): number | undefined {
	const openingLength = 3;
	const opening = words.slice(0, openingLength).map(word => normalised(word.text));
	if (opening.length < openingLength || !words[0] || !isCapitalised(words[0].text)) {
		return undefined;
	}

	for (let index = minimumDeckWordCount; index + openingLength <= words.length; index++) {
		const previous = words[index - 1];
		if (!previous || !isPlainLowerWord(previous.text)) {
			continue;
		}

		const isRepeat = opening.every((openingWord, offset) => normalised(words[index + offset]?.text ?? '') === openingWord);
		if (isRepeat) {
			return index;
		}
	}

	return undefined;
}

/** The seam where a lower-case word is followed by a capitalised subject and its verb ("… wife and dog Tributes poured in …"). */
function subjectVerbSeam(words: readonly Word[]): number | undefined {
	for (let index = minimumDeckWordCount; index < words.length; index++) {
		const previous = words[index - 1];
		if (!previous || !isPlainLowerWord(previous.text) || connectingWords.has(normalised(previous.text))) {
			continue;
		}

		let end = index;
		while (end < words.length && end - index < maximumSubjectWordCount && isCapitalised(words[end]?.text ?? '')) {
			end++;
		}

		const verb = words[end];
		if (end > index && verb && looksLikeLeadVerb(verb.text)) {
			return index;
		}
	}

	return undefined;
}

/**
 * Splits `text` (what follows a kicker) into deck and body, or returns undefined when the evidence is weak.
 * Only the first sentence is searched: a deck never has a closing period.
 */
export function splitDeck(text: string, firstSentenceEnd: number): {deck: string; body: string} | undefined {
	const words = wordsOf(text.slice(0, firstSentenceEnd));
	const seamWord = repeatedOpeningSeam(words) ?? subjectVerbSeam(words);
	if (seamWord === undefined) {
		return undefined;
	}

	const start = words[seamWord]?.start;
	if (start === undefined) {
		return undefined;
	}

	return {deck: text.slice(0, start).trim(), body: text.slice(start).trim()};
}
