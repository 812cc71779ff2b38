import {isDeepStrictEqual} from 'node:util';
import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {type LetterPattern, hasOnlyAsciiLetters, letterPatternFor} from '../../source/formats/ascii-letters.js';
import {firstCapital, notLetterOrDigit, pastTense, plainLowerWord, splitDeck} from '../../source/formats/deck.js';
import {capitalLetter, headlineStart, kickerOf, kickerPattern, parsePlainText} from '../../source/formats/plain-text.js';
import {firstSentenceEnd, sentenceEnd, singleLetter} from '../../source/formats/sentences.js';

/*
Each letter pattern's ASCII twin stands in for the Unicode expression the text formats ran before it: whichever form
`letterPatternFor` picks must find exactly what the old expression (written out below) finds, on any text.
*/

const asciiWords = [
	'The', 'minister', 'said', 'Tributes', 'poured', 'backed', 'ed', 'ned', 'Abe', 'US', 'AB', 'I', 'x', 'J', 'Mr', 'U.S',
	'e.g', 'CANCER', 'EUROPEAN FUTURE', 'FRAUD ALLEGED', 'Albanian Prime Minister', 'don\'t', 'well-known', '1998', '42', '0',
];
const asciiPunctuation = ['.', '?', '!', ':', ',', ';', '(', ')', '[', ']', '"', '\'', '-', '/', '&', ' ', ' ', ' ', '  ', '\t', '\n'];
// General Punctuation: beyond ASCII, yet neither letters nor digits.
const typographicPunctuation = ['’', '‘', '“', '”', '…', '—', '–', '\u2009', '\u2028', '\u200B'];
// Letters, digits and other characters beyond ASCII, in every class the patterns use and in none.
const otherCharacters = [
	'é', 'É', 'Ж', 'ж', 'ß', '習近平', 'ǅ', 'ª', 'ǂ', '²', '١', 'Ⅻ', '𝐀', '𝐚', '😀', 'ı', 'İ', '\u00A0', '\u3000', '«', '×', '\uD800',
	'\u0000', '\u0301',
];

const piece = (weights: {ascii: number; other: number}) => fc.oneof(
	{weight: weights.ascii, arbitrary: fc.constantFrom(...asciiWords)},
	{weight: weights.ascii, arbitrary: fc.constantFrom(...asciiPunctuation)},
	{weight: 2, arbitrary: fc.constantFrom(...typographicPunctuation)},
	{weight: weights.other, arbitrary: fc.constantFrom(...otherCharacters)},
	{weight: 1, arbitrary: fc.string({maxLength: 4})},
);
const join = (pieces: readonly string[]) => pieces.join('');
// Kickers and sentence ends, where the patterns' classes are tried: their letters in every class.
const letters = ['A', 'Z', 'a', 'z', '0', '9', 'É', 'é', 'Ж', 'ǅ', 'ª', '²', 'Ⅻ', '𝐀', '習'];
const kickerShaped = fc.tuple(
	fc.constantFrom('', '"', '\'', '“', '‘', '«'),
	fc.array(fc.constantFrom(...letters, ' ', '&', '\'', '’', '.', ',', '/', '-', '\u00A0'), {maxLength: 8}).map(join),
	fc.constantFrom('', '"', '”', '’', '\''),
	fc.constantFrom(':', '?', '!', ''),
	fc.constantFrom(' ', '  ', '\t', '\u00A0', '\u3000', ''),
	fc.constantFrom('The', 'x', 'É', ' ', ''),
).map(join);
const sentenceShaped = fc.array(
	fc.tuple(
		fc.constantFrom('Mr', 'J', 'É', 'said', 'U.S', ''),
		fc.constantFrom('.', '!', '?', '…', ''),
		fc.constantFrom('', '"', '\'', '”', '’', ')', ']'),
		fc.constantFrom(' ', '  ', '\n', '\u00A0', '\u2009', ''),
		fc.constantFrom('', '"', '\'', '“', '‘', '(', '«'),
		fc.constantFrom(...letters, '“', ' '),
	).map(join),
	{maxLength: 4},
).map(join);
// Words (a few pieces run together) and lines (many), mostly ASCII or mostly not, kickers, sentence ends, and
// arbitrary text.
const text = fc.oneof(
	kickerShaped,
	sentenceShaped,
	fc.array(piece({ascii: 8, other: 1}), {minLength: 1, maxLength: 3}).map(join),
	fc.array(piece({ascii: 2, other: 2}), {minLength: 1, maxLength: 3}).map(join),
	fc.array(piece({ascii: 8, other: 1}), {maxLength: 30}).map(join),
	fc.array(piece({ascii: 3, other: 2}), {maxLength: 30}).map(join),
	fc.string({unit: 'binary', maxLength: 20}),
);

/** What a pattern finds in `text`: its match, or for a global pattern every match and the text with them marked. */
function findings(pattern: RegExp, text: string): unknown {
	if (pattern.global) {
		return {matches: [...text.matchAll(pattern)].map(match => [match.index, ...match]), marked: text.replace(pattern, '<$&>')};
	}

	const match = pattern.exec(text);
	return match && [match.index, ...match];
}

// Each pattern beside the expression it replaced, as that was written.
const patterns: ReadonlyArray<readonly [string, LetterPattern, RegExp]> = [
	['kicker', kickerPattern, /^(["'“‘]?[\p{Lu}\p{N}][\p{Lu}\p{N} &'’.,/-]*["'”’]?[:?])\s+(?=\S)/u],
	['capital letter', capitalLetter, /\p{Lu}/gu],
	['headline start', headlineStart, /^["'“‘([]?[\p{Lu}\p{Lt}\p{N}]/u],
	['sentence end', sentenceEnd, /[.!?…]["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}\p{Lo}])/gu],
	['single letter', singleLetter, /^\p{L}$/u],
	['plain lower word', plainLowerWord, /^\p{Ll}[\p{Ll}\p{N}'’-]*$/u],
	['first capital', firstCapital, /^\p{Lu}/u],
	['not letter or digit', notLetterOrDigit, /[^\p{L}\p{N}]/gu],
	['past tense', pastTense, /^\p{Ll}+ed$/u],
];

describe('ASCII twins of the text formats’ Unicode patterns', () => {
	it('agree with Unicode’s classes on every character hasOnlyAsciiLetters accepts', () => {
		const twins: ReadonlyArray<readonly [RegExp, RegExp]> = [
			[/\p{Lu}/u, /[A-Z]/u],
			[/\p{Ll}/u, /[a-z]/u],
			[/\p{L}/u, /[A-Za-z]/u],
			[/\p{N}/u, /[0-9]/u],
			[/[\p{Lt}\p{Lo}]/u, /(?!)/u],
		];
		let acceptedCount = 0;
		for (let codePoint = 0; codePoint <= 0x10_FFFF; codePoint++) {
			const character = String.fromCodePoint(codePoint);
			if (hasOnlyAsciiLetters(character)) {
				acceptedCount++;
				for (const [unicode, ascii] of twins) {
					expect([character, unicode.test(character)]).toEqual([character, ascii.test(character)]);
				}
			}
		}

		// Tab to DEL and General Punctuation, nothing else.
		expect(acceptedCount).toBe(0x7F - 0x09 + 1 + 0x70);
	});

	it('are told apart by hasOnlyAsciiLetters', () => {
		expect(hasOnlyAsciiLetters('')).toBe(true);
		expect(hasOnlyAsciiLetters('“Japan’s” Abe — 1998…')).toBe(true);
		for (const character of otherCharacters) {
			expect([character, hasOnlyAsciiLetters(`Abe ${character}.`)]).toEqual([character, false]);
		}
	});

	for (const [name, pattern, before] of patterns) {
		it(`${name}: finds what the Unicode expression found`, () => {
			expect([pattern.unicode.source, pattern.unicode.flags]).toEqual([before.source, before.flags]);
			fc.assert(fc.property(text, text => {
				expect(findings(letterPatternFor(pattern, text), text)).toEqual(findings(before, text));
			}), {numRuns: 3000});
		});
	}

	it('find what the Unicode expressions found on every short text of letters and punctuation', () => {
		// Members and non-members of each class, and every punctuation mark the patterns name, up to three at a time,
		// alone and where a kicker or a sentence end would put them.
		const alphabet = [...'Aa0Éé²ǅ習', ...' &\'’.,/-', ...'"“‘”([)]', ...'!?…:\u00A0'];
		const texts = [''];
		let longest = [''];
		for (let length = 1; length <= 3; length++) {
			longest = longest.flatMap(text => alphabet.map(character => text + character));
			texts.push(...longest);
		}

		expect(texts).toHaveLength(1 + 29 + 29 ** 2 + 29 ** 3);
		for (const [name, pattern, before] of patterns) {
			for (const text of texts.flatMap(text => [text, `${text}: x`, `x.${text}`, `${text}. A`])) {
				const found = findings(letterPatternFor(pattern, text), text);
				// Compared first, so that a million passing checks do not each cost an assertion.
				if (!isDeepStrictEqual(found, findings(before, text))) {
					expect([name, text, found]).toEqual([name, text, findings(before, text)]);
				}
			}
		}
	});

	it('try both forms, matching and not, in the texts above', () => {
		// So that the properties above can fail: each form is picked for texts it matches and texts it does not.
		const texts = fc.sample(text, {numRuns: 20_000, seed: 16});
		for (const [name, pattern, before] of patterns) {
			const seen = new Set(texts.map(text => `${letterPatternFor(pattern, text) === pattern.ascii ? 'ascii' : 'unicode'} ${new RegExp(before).test(text)}`));
			expect([name, [...seen].sort()]).toEqual([name, ['ascii false', 'ascii true', 'unicode false', 'unicode true']]);
		}
	});
});

// The parsers as they were: every letter pattern in its Unicode form.
async function unicodeOnlyParsers() {
	vi.resetModules();
	vi.doMock('../../source/formats/ascii-letters.js', async importOriginal => ({
		...await importOriginal<typeof import('../../source/formats/ascii-letters.js')>(),
		letterPatternFor: (pattern: LetterPattern) => pattern.unicode,
	}));
	const parsers = {
		plainText: await import('../../source/formats/plain-text.js'),
		sentences: await import('../../source/formats/sentences.js'),
		deck: await import('../../source/formats/deck.js'),
	};
	vi.doUnmock('../../source/formats/ascii-letters.js');
	return parsers;
}

// Lines shaped like the plain-text format's: kickers, decks run into bodies, initials and abbreviations.
const newsLine = fc.array(
	fc.oneof(
		{weight: 3, arbitrary: fc.constantFrom('CANCER:', 'EUROPEAN FUTURE?', '‘QUOTED’:', 'ÉCOLE:', 'AB É:', '習近平:', 'J.', 'Mr.', 'U.S.', 'É.', 'Ж.')},
		{weight: 4, arbitrary: fc.constantFrom('The', 'minister', 'said', 'wife', 'and', 'dog', 'Tributes', 'Émile', 'Zoë', 'poured', 'backed', 'médiated', 'Ångström', '習近平', '1998', '²')},
		{weight: 4, arbitrary: fc.constantFrom(' ', ' ', ' ', '. ', '? ', ', ', '” ', ' “', ' (', '\n', '\n\n', '\u00A0')},
		{weight: 1, arbitrary: fc.string({maxLength: 6})},
	),
	{maxLength: 60},
).map(parts => parts.join(''));

describe('the plain-text parser with ASCII twins', () => {
	it('reads every text as it did with Unicode patterns alone', async () => {
		const before = await unicodeOnlyParsers();
		expect(before.plainText.kickerOf).not.toBe(kickerOf);
		fc.assert(fc.property(newsLine, line => {
			expect(kickerOf(line)).toBe(before.plainText.kickerOf(line));
			const end = firstSentenceEnd(line);
			expect(end).toBe(before.sentences.firstSentenceEnd(line));
			expect(splitDeck(line, end)).toEqual(before.deck.splitDeck(line, end));
			expect(parsePlainText(line, 'news.txt')).toEqual(before.plainText.parsePlainText(line, 'news.txt'));
		}), {numRuns: 2000});
	});
});

// The property above holds wherever the parsers pick a form through letterPatternFor; these hold where they must pick
// the Unicode form, each on a letter beyond ASCII that decides it.
describe('the plain-text parser on letters beyond ASCII', () => {
	const split = (text: string) => splitDeck(text, firstSentenceEnd(text));

	it('finds kickers of capitals beyond ASCII, and counts them', () => {
		expect(kickerOf('ÉB: Les élèves')).toBe('ÉB:');
		expect(kickerOf('AB’Ж: x')).toBe('AB’Ж:');
		expect(kickerOf('É1: x')).toBeUndefined();
	});

	it('ends sentences before capitals beyond ASCII, and not after initials beyond it', () => {
		expect(firstSentenceEnd('Il a dit. Émile est venu.')).toBe('Il a dit.'.length);
		expect(firstSentenceEnd('Par É. Zola, dit-il. Ensuite')).toBe('Par É. Zola, dit-il.'.length);
	});

	it('splits decks at words beyond ASCII', () => {
		const deck = 'A simple life on his farm with his wife and';
		// A capitalised subject, a plain word before it, a verb after it, and a word that is a connecting word
		// ("the") only once its letter beyond ASCII is stripped.
		expect(split(`${deck} dog Élodie said she was proud`)?.body).toBe('Élodie said she was proud');
		expect(split(`${deck} élan Tributes poured in`)?.body).toBe('Tributes poured in');
		expect(split(`${deck} dog Tributes créed in`)?.body).toBe('Tributes créed in');
		expect(split(`${deck} thež Tributes poured in`)?.body).toBe('Tributes poured in');
	});

	it('reads stories whose headlines start with capitals beyond ASCII', () => {
		const text = 'Élan vital\n\nThe first story, a paragraph.\n\nÉcole news\n\nThe second story, a paragraph.\n';
		expect(parsePlainText(text, 'news.txt').articles.map(article => article.headline)).toEqual(['Élan vital', 'École news']);
	});
});
