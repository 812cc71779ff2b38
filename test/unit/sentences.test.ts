import {describe, expect, it} from 'vitest';
import {firstSentence, firstSentenceEnd} from '../../source/formats/sentences.js';

describe('the first sentence', () => {
	it('ends at a period before a capital, but not after an initial or an abbreviation', () => {
		expect(firstSentence('Mr. Abe met J. Smith on Monday. Then it rained.')).toBe('Mr. Abe met J. Smith on Monday.');
		expect(firstSentence('“Dr. No” left. He was late.')).toBe('“Dr. No” left.');
		expect(firstSentence('One sentence only')).toBe('One sentence only');
	});

	it('is found in time linear in the text, however long its words (issue 17: a 70 KB word took seconds)', () => {
		// Before each period the word before it was found with a pattern anchored at the text's end: quadratic in a
		// word's length, minutes for this one.
		const word = 'ita'.repeat(100_000);
		expect(firstSentenceEnd(`${word}. Next one.`)).toBe(word.length + 1);
		expect(firstSentenceEnd(`${word} mr. Abe. Next.`)).toBe(word.length + ' mr. Abe.'.length);
	}, 5000);
});
