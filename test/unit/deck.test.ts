import {describe, expect, it} from 'vitest';
import {splitDeck} from '../../source/formats/deck.js';
import {firstSentenceEnd} from '../../source/formats/sentences.js';

const split = (text: string) => splitDeck(text, firstSentenceEnd(text));

describe('splitting the deck from the body', () => {
	it('splits where the body restates the deck’s opening words', () => {
		expect(split('Harbour Board Chair Ana Ruiz says the port must grow or shrink for good Harbour Board Chair Ana Ruiz wants a new quay. She said so on Monday.')).toEqual({
			deck: 'Harbour Board Chair Ana Ruiz says the port must grow or shrink for good',
			body: 'Harbour Board Chair Ana Ruiz wants a new quay. She said so on Monday.',
		});
	});

	it('splits where a lower-case word runs into a capitalised subject and its verb', () => {
		expect(split('The painter spent forty years on a single canvas in a cold attic above the bakery Crowds queued on Friday to see it. It is huge.')).toEqual({
			deck: 'The painter spent forty years on a single canvas in a cold attic above the bakery',
			body: 'Crowds queued on Friday to see it. It is huge.',
		});
	});

	it.each([
		// A proper noun after a preposition is ordinary prose.
		'The minister flew to Paris on Monday and met President Dupont for talks on trade. Both sides were pleased.',
		// Too early in the text to be a deck.
		'Storm Agnes battered the coast overnight. Thousands lost power.',
		// A capitalised word not followed by a verb.
		'Voters in the north backed the plan despite concerns about Brussels and its rules. The count ends today.',
		// Reported speech: "said Mayor Lin" is not a seam.
		'Flooding will get worse unless the river walls are raised soon, said Mayor Lin Wei at a briefing. He was blunt.',
	])('does not split %j', text => {
		expect(split(text)).toBeUndefined();
	});
});
