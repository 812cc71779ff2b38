import Fuse from 'fuse.js';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {withInverseTermsApart, withShortWordsExact} from '../../source/search/extended-query.js';
import {searchDocumentOf} from '../../source/search/search-document.js';
import {createSearchIndex, fuseOptions} from '../../source/search/search.js';

const words = ['harbour', 'ferry', 'council', 'bridge', 'budget', 'korea', 'cocoa', 'brazil', 'coffee', 'offering', 'officials', 'road', 'the', 'market', 'storm', 'school'];

/** A corpus of our own: every article has a few of the words, in headline, kicker, deck and body. */
const corpus: Article[] = Array.from({length: 120}, (_, index) => {
	const pick = (offset: number, count: number) => Array.from({length: count}, (_, step) => words[(index * (offset + 3) + step * (offset + 5)) % words.length]!);
	return {
		id: `a${index}`,
		headline: `${pick(1, 3).join(' ')} ${index % 7 === 0 ? 'road' : 'news'}`,
		headlineSource: 'title',
		...(index % 3 === 0 ? {kicker: pick(2, 1)[0]!.toUpperCase()} : {}),
		...(index % 4 === 0 ? {deck: `The ${pick(3, 2).join(' and ')}`} : {}),
		paragraphs: [`${pick(4, 5).join(' ')}.`, `The ${pick(5, 4).join(' ')} today.`],
		source: index % 2 === 0 ? 'gazette.txt' : 'herald.txt',
		...(index % 5 === 0 ? {author: 'Ana Okafor'} : {}),
	};
});

const index = createSearchIndex(corpus);
const fuse = new Fuse(corpus.map(article => searchDocumentOf(article)), fuseOptions);
/** fuse.js's matches of `query` as Broadsheet reads it: a plain word under six characters matches exactly (withShortWordsExact). */
const fuseIds = (query: string) => new Set(fuse.search(withShortWordsExact(query)).map(result => result.item.article.id));

/**
 * What fuse.js's extended search says `query` matches. A group mixing plain and inverse terms is read as its parts
 * (see withInverseTermsApart): fuse.js's matches of the plain terms that fuse.js's inverse query also keeps.
 */
function oracle(query: string): Set<string> {
	const apart = withInverseTermsApart(query);
	if (!apart) {
		return fuseIds(query);
	}

	const kept = fuseIds(apart.inverse);
	return new Set([...fuseIds(apart.plain)].filter(id => kept.has(id)));
}

const queries = [
	// Each operator alone.
	'harbour', 'harbr', 'harbourr', 'hrbour', '\'harb', '^ferry', 'today.$', '=road', '!bridge', '!^the', '!today.$', '\'"the harbour"',
	// AND, OR and their combinations.
	'harbour ferry', 'harbour | bridge', '^ferry | council', '\'cocoa !brazil', 'korea !zzz', 'harbour !bridge', 'ferry !^the',
	'budget !today.$', 'coffee !offering !officials', '\'coffee !brazil | storm', 'market school !road', '!bridge !ferry',
	// The author and the source, searched at the head of the body.
	'\'okafor', '\'gazette', 'okafor harbour', '\'gazette !okafor', '^ana',
];

describe('the filter against fuse.js\'s own extended search', () => {
	it.each(queries)('%s matches what fuse.js matches', query => {
		const ours = new Set(index.search(query).map(hit => hit.article.id));
		expect([...ours].sort()).toEqual([...oracle(query)].sort());
	});

	it('finds authors and sources: \'okafor and \'gazette', () => {
		expect(index.search('\'okafor').map(hit => hit.article.id).sort()).toEqual(corpus.filter(article => article.author === 'Ana Okafor').map(article => article.id).sort());
		expect(index.search('\'gazette').map(hit => hit.article.id).sort()).toEqual(corpus.filter(article => article.source === 'gazette.txt').map(article => article.id).sort());
	});

	it('keeps the articles with a word and without another: korea !zzz, \'cocoa !brazil', () => {
		expect(index.search('korea !zzz').length).toBe(index.search('korea').length);
		expect(index.search('korea !zzz').length).toBeGreaterThan(0);
		const cocoa = new Set(index.search('\'cocoa').map(hit => hit.article.id));
		const withoutBrazil = index.search('\'cocoa !brazil').map(hit => hit.article);
		expect(withoutBrazil.length).toBeGreaterThan(0);
		expect(withoutBrazil.every(article => cocoa.has(article.id) && !searchDocumentOf(article).body.includes('brazil') && !article.headline.includes('brazil'))).toBe(true);
	});
});
