import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {typoFromLength, typoStepLengths} from '../../source/search/extended-query.js';
import {createSearchIndex} from '../../source/search/search.js';

/** An article of our own, its body one paragraph; no source or author holds a c or an s. */
function article(id: string, headline: string, body: string): Article {
	return {id, headline, headlineSource: 'title', paragraphs: [body], source: 'wire'};
}

const corpus: Article[] = [
	article('coffee-prices', 'Coffee prices climb as frost hits Brazil', 'Growers expect a smaller crop.'),
	article('coffee-exporters', 'Coffee exporters meet in London', 'The quota talks go on.'),
	article('officials', 'Officials deny talk of a share offering', 'The bank would not comment.'),
	article('cocoa', 'Cocoa outlook improves', 'Rain came at the right time.'),
	article('council', 'Council approves harbour budget', 'The vote was close.'),
	article('rates', 'Bank rates steady', 'No change, the bank said.'),
	article('gold', 'Tokyo gold fix', 'Gold fell in Tokyo.'),
	article('president', 'President opens the new port', 'A ribbon was cut.'),
	article('toffee', 'Toffee maker expands', 'A new plant for the firm.'),
];

const index = createSearchIndex(corpus);
const idsFor = (query: string) => index.search(query).map(hit => hit.article.id);

/** (query, must include, must not include): what a reader typing the query expects to see, and not to see. */
const triples: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
	// One letter: every article holding it, never a fuzzy guess.
	['c', ['coffee-prices', 'coffee-exporters', 'officials', 'cocoa', 'council', 'president'], ['gold']],
	['s', ['coffee-prices', 'coffee-exporters', 'officials', 'rates', 'president', 'toffee'], ['gold']],
	['co', ['coffee-prices', 'coffee-exporters', 'officials', 'cocoa', 'council'], ['gold', 'rates', 'president']],
	['cof', ['coffee-prices', 'coffee-exporters'], ['cocoa', 'council', 'officials', 'toffee']],
	['coff', ['coffee-prices', 'coffee-exporters'], ['cocoa', 'officials', 'toffee']],
	// Five letters match exactly: no "offering" or "officials" for a typo of c.
	['coffe', ['coffee-prices', 'coffee-exporters'], ['officials', 'cocoa', 'toffee']],
	['coffee', ['coffee-prices', 'coffee-exporters'], ['officials', 'cocoa', 'council', 'rates']],
	// From six letters a typo is forgiven; below, it finds nothing.
	['cofee', [], ['coffee-prices', 'coffee-exporters']],
	['cofffee', ['coffee-prices', 'coffee-exporters'], ['officials']],
	['presdent', ['president'], ['rates']],
	// Words still combine, and search every field.
	['coffee london', ['coffee-exporters'], ['coffee-prices']],
	['bank', ['officials', 'rates'], ['coffee-prices']],
];

describe('what the filter finds as a word is typed', () => {
	it.each(triples)('%j finds %j and not %j', (query, included, excluded) => {
		const ids = idsFor(query);
		for (const id of included) {
			expect(ids).toContain(id);
		}

		for (const id of excluded) {
			expect(ids).not.toContain(id);
		}
	});

	it('finds a typo only from six letters on, where it may widen the list once (coffe, then coffee, finds toffee)', () => {
		expect(typoFromLength).toBe(6);
		expect(idsFor('coffe')).not.toContain('toffee');
		expect(idsFor('coffee')).toContain('toffee');
	});
});

/** The words the random corpora and queries are made of: near one another, so that typos meet other words. */
const vocabulary = ['coffee', 'toffee', 'offering', 'officials', 'cocoa', 'council', 'coffers', 'harbour', 'harbours', 'sinister', 'minister', 'ministers', 'administration', 'tonnes', 'stocks'];

const corpusArbitrary = fc.array(
	fc.record({
		headline: fc.array(fc.constantFrom(...vocabulary), {minLength: 1, maxLength: 4}),
		body: fc.array(fc.constantFrom(...vocabulary), {minLength: 0, maxLength: 8}),
	}),
	{minLength: 1, maxLength: 12},
);

/** A query typed as people type: words of the vocabulary, whole or cut short, sometimes with a letter wrong. */
const queryArbitrary = fc
	.array(
		fc.tuple(fc.constantFrom(...vocabulary), fc.nat(), fc.option(fc.tuple(fc.nat(), fc.constantFrom(...'abcefhilmnorst')), {nil: undefined})),
		{minLength: 1, maxLength: 3},
	)
	.map(words =>
		words
			.map(([word, cut, typo]) => {
				const changed = typo ? word.slice(0, typo[0] % word.length) + typo[1] + word.slice((typo[0] % word.length) + 1) : word;
				return changed.slice(0, 1 + (cut % changed.length));
			})
			.join(' '),
	);

/**
 * Whether typing `query`, one character more than the query before, allowed its last word one more typo than that
 * query did: the one case in which a longer query may find more (see typoStepLengths).
 */
function reachesTypoStep(query: string): boolean {
	const lastWord = query.split(' ').at(-1)!;
	return !query.endsWith(' ') && typoStepLengths.includes(lastWord.length);
}

describe('typing more narrows the list', () => {
	it('finds, for a query one character longer, a subset of what it found before, except where a word reaches a typo step', () => {
		fc.assert(
			fc.property(corpusArbitrary, queryArbitrary, (articles, query) => {
				const someIndex = createSearchIndex(
					articles.map(({headline, body}, position) => article(`a${position}`, headline.join(' '), body.join(' '))),
				);
				let before = new Set(someIndex.search(query.slice(0, 1)).map(hit => hit.article.id));
				for (let length = 2; length <= query.length; length++) {
					const typed = query.slice(0, length);
					const found = someIndex.search(typed).map(hit => hit.article.id);
					if (!reachesTypoStep(typed)) {
						expect(found.filter(id => !before.has(id)), `${JSON.stringify(typed)} after ${JSON.stringify(typed.slice(0, -1))}`).toEqual([]);
					}

					before = new Set(found);
				}
			}),
			{numRuns: 300},
		);
	});

	it('has typo steps where fuse.js allows one more error, from six letters', () => {
		expect(typoStepLengths).toEqual([6, 10, 15, 20, 25, 30]);
	});
});
