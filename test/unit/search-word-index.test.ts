import fc from 'fast-check';
import Fuse from 'fuse.js';
import {describe, expect, it} from 'vitest';
import {type Article, markedParagraph} from '../../source/article.js';
import {maximumErrors} from '../../source/search/candidates.js';
import {buildWordIndex, type WordIndex} from '../../source/search/word-index.js';
import {wordIdAmong, wordIdOf, wordsContaining, wordsEndingWith, wordsNear, wordsStartingWith} from '../../source/search/word-match.js';
import {numberedArticles} from '../helpers/articles.js';

/** An article without a source or author, so that the body holds its paragraphs alone (see bylineOf). */
const article = (fields: Partial<Article>): Article => ({
	id: fields.headline ?? 'id',
	headline: '',
	headlineSource: 'title',
	paragraphs: [],
	source: '',
	...fields,
});

const wordsOf = (index: WordIndex, ids: ArrayLike<number>) =>
	Array.from(ids, id => index.vocabulary.slice(index.wordStarts[id], index.wordStarts[id + 1]! - 1));
const wordOfSlot = (index: WordIndex, id: number) => (id === -1 ? undefined : wordsOf(index, [id])[0]);

describe('the word index', () => {
	const index = buildWordIndex([
		article({headline: 'Storm  Agnes\u00A0heads for the coast', kicker: 'WEATHER?', paragraphs: ['High winds\tand flooding.', 'Low towns\nwait.']}),
		article({headline: 'Chess prodigy wins', deck: 'A twelve-year-old beat the champion.', paragraphs: ['']}),
	]);

	it('splits fields into lower-cased words where fuse.js counts words: spaces, tabs, line breaks, no-break spaces', () => {
		expect(wordsOf(index, wordsContaining(index, 'a'))).toEqual(['agnes', 'heads', 'coast', 'weather?', 'and', 'wait.', 'a', 'twelve-year-old', 'beat', 'champion.']);
		expect(wordIdOf(index, 'flooding.')).not.toBe(-1);
		expect(wordIdOf(index, 'Storm')).toBe(-1);
	});

	it('lower-cases each word as toLowerCase lower-cases its text: ASCII and the rest, Σ at a word\'s end, İ into two characters', () => {
		const fields = ['ΟΔΟΣ Σοφίας ΜΑΣ', 'İSTANBUL Straße ÉTÉ', 'MiXeD CaSe ascii-WORD'];
		const mixed = buildWordIndex([article({headline: fields[0], kicker: fields[1], paragraphs: [fields[2]!]})]);
		const expected = fields.flatMap(field => field.toLowerCase().split(' '));
		expect(wordsOf(mixed, Array.from({length: mixed.wordCount}, (_, id) => id)).sort()).toEqual([...expected, '\u2060'].sort());
		for (const word of expected) {
			expect(wordIdOf(mixed, word)).not.toBe(-1);
		}
	});

	it('reads the first word of a heading, a table row or a code block without the mark of its kind (issue 13.5)', () => {
		const marked = buildWordIndex([article({headline: 'Scores', paragraphs: [markedParagraph('heading', 'Results today'), markedParagraph('row', 'Rovers | 12'), markedParagraph('preformatted', 'make\n  install')]})]);
		expect(wordsOf(marked, wordsContaining(marked, 'r'))).toEqual(['scores', 'results', 'rovers']);
		expect(wordsOf(marked, wordsStartingWith(marked, 'ma'))).toEqual(['make']);
	});

	it('finds a word by itself, not inside another, and among given words', () => {
		for (const word of ['a', 'wins', 'the', 'storm', 'twelve-year-old', '\u2060']) {
			expect(wordOfSlot(index, wordIdOf(index, word))).toBe(word);
			expect(wordIdAmong(index, wordsContaining(index, word), word)).toBe(wordIdOf(index, word));
		}

		for (const word of ['win', 'ins', 'he', 'twelve', 'coast ', 'zz']) {
			expect(wordIdOf(index, word)).toBe(-1);
			expect(wordIdAmong(index, wordsContaining(index, word), word)).toBe(-1);
		}

		expect(wordIdOf(index, '')).toBe(-1);

		expect(wordIdAmong(index, wordsContaining(index, 'wins'), 'win')).toBe(-1);
	});

	it('reads the author and the source at the head of the body, where free words find them', () => {
		const withByline = buildWordIndex([article({headline: 'Harbour wall', author: 'Ana Okafor', source: 'gazette.txt', paragraphs: ['Work starts.']})]);
		expect(wordsOf(withByline, wordsContaining(withByline, 'o'))).toEqual(['harbour', 'okafor', 'work']);
		expect(Array.from(withByline.wordCounts)).toEqual([2, 1, 1, 5]);
		expect(wordOfSlot(withByline, withByline.firstWords[3]!)).toBe('ana');
		expect(wordIdOf(withByline, 'gazette.txt')).not.toBe(-1);
	});

	it('counts the words of each field, with a stand-in word for a missing kicker, deck or body', () => {
		// Slots: article * 4 + field (headline, kicker, deck, body).
		expect(Array.from(index.wordCounts)).toEqual([6, 1, 1, 7, 3, 1, 5, 1]);
		expect(wordOfSlot(index, index.firstWords[0]!)).toBe('storm');
		expect(wordOfSlot(index, index.lastWords[0]!)).toBe('coast');
		expect(wordOfSlot(index, index.firstWords[1]!)).toBe('weather?');
		expect(wordOfSlot(index, index.firstWords[2]!)).toBe('\u2060');
		expect(wordOfSlot(index, index.lastWords[3]!)).toBe('wait.');
		expect(wordOfSlot(index, index.firstWords[7]!)).toBe('\u2060');
	});

	it('finds words by what they contain, start or end with', () => {
		expect(wordsOf(index, wordsStartingWith(index, 'ch'))).toEqual(['chess', 'champion.']);
		expect(wordsOf(index, wordsEndingWith(index, 's'))).toEqual(['agnes', 'heads', 'winds', 'towns', 'chess', 'wins']);
		expect(wordsOf(index, wordsContaining(index, 'xq'))).toEqual([]);
	});

	it('keeps postings in segments, each slot of each article findable', () => {
		const many = numberedArticles(9000);
		const big = buildWordIndex(many);
		expect(big.segments.length).toBeGreaterThan(1);
		const slots: number[] = [];
		const id = wordIdOf(big, '8765,');
		for (const segment of big.segments) {
			const position = segment.words.indexOf(id);
			for (let offset = segment.offsets[position]!; position !== -1 && offset < segment.offsets[position + 1]!; offset++) {
				slots.push(segment.firstArticle * 4 + segment.slots[offset]!);
			}
		}

		// "Body of article 8765, which talks about harbour 8765." is article 8764's body (slot 3).
		expect(slots).toEqual([8764 * 4 + 3]);
	});
});

/** The fewest edits that turn `pattern` into some stretch of `word` (the pattern may start anywhere in it). */
function fewestEdits(pattern: string, word: string): number {
	let previous = Array.from({length: word.length + 1}, () => 0);
	for (let row = 1; row <= pattern.length; row++) {
		const current = [row];
		for (let column = 1; column <= word.length; column++) {
			const substitution = previous[column - 1]! + (pattern[row - 1] === word[column - 1] ? 0 : 1);
			current.push(Math.min(substitution, previous[column]! + 1, current[column - 1]! + 1));
		}

		previous = current;
	}

	return Math.min(...previous);
}

describe('words near a pattern', () => {
	const words = ['mujica', 'mujica’s', 'minister', 'ministers', 'administration', 'minimum', 'monster', 'sinister', 'x'];
	const index = buildWordIndex([article({headline: words.join(' ')})]);

	it.each([
		['mujca', 1, ['mujica', 'mujica’s']],
		['minister', 1, ['minister', 'ministers', 'administration', 'sinister']],
		['ministre', 1, ['minister', 'ministers', 'administration']],
		['xqzj', 0, []],
	])('%s within %i edits', (pattern, maxErrors, expected) => {
		const {ids, errorCounts} = wordsNear(index, pattern, maxErrors);
		expect(wordsOf(index, ids)).toEqual(expected);
		expect(Array.from(errorCounts)).toEqual(wordsOf(index, ids).map(word => fewestEdits(pattern, word)));
	});

	it('agrees with edit distance on any word and pattern', () => {
		fc.assert(
			fc.property(fc.array(fc.stringMatching(/^[a-e]{1,12}$/u), {minLength: 1, maxLength: 20}), fc.stringMatching(/^[a-e]{1,12}$/u), fc.integer({min: 0, max: 3}), (someWords, pattern, maxErrors) => {
				const wordIndex = buildWordIndex([article({headline: someWords.join(' ')})]);
				const {ids, errorCounts} = wordsNear(wordIndex, pattern, maxErrors);
				// The vocabulary also holds the stand-in for the missing fields.
				const expected = [...new Set([...someWords, '\u2060'])].filter(word => fewestEdits(pattern, word) <= maxErrors);
				expect(wordsOf(wordIndex, ids).sort()).toEqual(expected.sort());
				expect(Array.from(errorCounts)).toEqual(wordsOf(wordIndex, ids).map(word => fewestEdits(pattern, word)));
			}),
		);
	});

	it('matches a word exactly when fuse.js matches that word alone, at fuse.js’s tolerance', () => {
		const options = {threshold: 0.2, ignoreLocation: true, minMatchCharLength: 2, includeMatches: true};
		fc.assert(
			fc.property(fc.stringMatching(/^[a-f]{2,12}$/u), fc.stringMatching(/^[a-f]{2,10}$/u), (word, pattern) => {
				const wordIndex = buildWordIndex([article({headline: word})]);
				const isNear = wordsNear(wordIndex, pattern, maximumErrors(pattern.length)).ids.length > 0;
				expect(isNear).toBe(Fuse.match(pattern, word, options).isMatch);
			}),
		);
	});
});
