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

/** An article of our own with a date (milliseconds), its body one paragraph per string. */
function dated(id: string, headline: string, day: number, ...paragraphs: string[]): Article {
	return {id, headline, headlineSource: 'title', paragraphs, source: 'wire', publishedAt: Date.UTC(2024, 2, day)};
}

/**
 * A wire of our own, shaped like a commodity desk's: one-line price tickers (the word in the headline, figures in the
 * body) beside stories. Dated so that the tickers are the newest, and in file order oldest first.
 */
const wire: Article[] = [
	dated('body-only', 'SOFT COMMODITIES MIXED IN QUIET TRADE', 1, 'Sugar eased while cocoa and coffee held steady.', 'Cocoa dealers said the cocoa market lacked news.'),
	dated('story', 'COCOA PRICES SLIDE AS WEST AFRICAN CROP GROWS', 2, 'Cocoa prices fell for a third session as the main crop in West Africa came in larger than expected.', 'Exporters said cocoa arrivals at the ports were running well ahead of last season, and grinders bought cocoa only for nearby needs.'),
	dated('headline-story', 'GROWERS WAIT FOR RAIN IN COCOA BELT', 3, 'Farmers in the cocoa belt said the dry spell had gone on for six weeks.', 'The next cocoa crop depends on rain this month.'),
	dated('ticker-early', 'LDN COCOA 0930', 4, 'JUL 1512 UP 4 SEP 1530 UNCH'),
	dated('ticker-late', 'LDN COCOA 1430', 5, 'JUL 1508 DN 1 SEP 1526 DN 2'),
	dated('yen-story', 'YEN FIRMS AGAINST DOLLAR IN TOKYO', 2, 'The yen rose against the dollar, dealers said, as exporters sold dollars for yen.'),
	dated('cheyenne', 'CHEYENNE MINING SELLS OIL UNIT', 3, 'Cheyenne Mining said it sold its oil unit; Cheyenne will keep its gold mines.'),
	dated('oilseeds', 'OILSEEDS CRUSH RISES IN APRIL', 8, 'The oilseeds crush rose in April.'),
	dated('older-twin', 'HARBOUR DUES RISE', 1, 'The port raised its harbour dues.'),
	dated('newer-twin', 'HARBOUR DUES CUT', 6, 'The port cut its harbour dues.'),
	dated('near-miss', 'HARBOR DUES FROZEN', 7, 'The port froze its harbor dues.'),
];

const wireIndex = createSearchIndex(wire);
const wireIdsFor = (query: string) => wireIndex.search(query).map(hit => hit.article.id);

describe('the order of the best match', () => {
	it('puts the stories that have the term in headline and body first, one-line tickers after, and a body-only mention last', () => {
		expect(wireIdsFor('cocoa')).toEqual(['headline-story', 'story', 'ticker-late', 'ticker-early', 'body-only']);
	});

	it('does not let a field\'s shortness win: a ticker of three words comes after a headline of eight', () => {
		const ids = wireIdsFor('cocoa');
		expect(ids.indexOf('story')).toBeLessThan(ids.indexOf('ticker-late'));
		expect(ids.indexOf('story')).toBeLessThan(ids.indexOf('ticker-early'));
	});

	it('puts the term standing as a word of its own before the term inside a longer word, however new that is', () => {
		expect(wireIdsFor('yen')).toEqual(['yen-story', 'cheyenne']);
		expect(wireIdsFor('oil')).toEqual(['cheyenne', 'oilseeds']);
	});

	it('puts an exact word before a near miss, however new the near miss', () => {
		expect(wireIdsFor('harbour')[0]).not.toBe('near-miss');
		expect(wireIdsFor('harbour').at(-1)).toBe('near-miss');
	});

	it('lists articles that match equally well newest first', () => {
		expect(wireIdsFor('harbour').slice(0, 2)).toEqual(['newer-twin', 'older-twin']);
		expect(wireIdsFor('cocoa').slice(0, 4)).toEqual(['headline-story', 'story', 'ticker-late', 'ticker-early']);
	});

	it('keeps the order of equally good undated articles as they came', () => {
		const undated = ['a', 'b', 'c'].map(id => article(id, `Harbour news ${id}`, 'The harbour reopened.'));
		expect(createSearchIndex(undated).search('harbour').map(hit => hit.article.id)).toEqual(['a', 'b', 'c']);
	});
});
