import {readFileSync} from 'node:fs';
import Fuse from 'fuse.js';
import {describe, expect, it} from 'vitest';
import {ensureGeneratedCorpus} from '../../bench/generate-corpus.js';
import type {Article} from '../../source/article.js';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {withInverseTermsApart, withShortWordsExact} from '../../source/search/extended-query.js';
import {searchDocumentOf} from '../../source/search/search-document.js';
import {createSearchIndex, headlineMatchesFor, type SearchHit, type SearchIndex, warmUpQueries} from '../../source/search/search.js';
import {buildWordIndex} from '../../source/search/word-index.js';
import {newsArticles} from '../helpers/articles.js';

const seed = parsePlainText(readFileSync(new URL('../../samples/taipei-times.txt', import.meta.url), 'utf8'), 'taipei-times.txt').articles;
const seedIndex = createSearchIndex(seed);
const kickersFor = (query: string) => seedIndex.search(query).map(hit => hit.article.kicker ?? hit.article.headline.slice(0, 20));

/** A search run step by step, as the shell runs it: the provisional hits it handed out first, if any, and its hits. */
function stepped(index: SearchIndex, query: string) {
	const steps = index.searchInSteps(query);
	let provisionalHits: readonly SearchHit[] | undefined;
	let step = steps.next();
	while (!step.done) {
		provisionalHits ??= step.value.provisionalHits;
		step = steps.next();
	}

	return {provisionalHits, hits: step.value};
}

describe('filtering the seed', () => {
	it('puts the Mujica article first for mujica and for the typo mujika', () => {
		expect(seedIndex.search('mujica')[0]?.article.kicker).toBe('CANCER:');
		expect(seedIndex.search('mujika')[0]?.article.kicker).toBe('CANCER:');
	});

	it('matches nothing for junk', () => {
		expect(seedIndex.search('xqzj')).toEqual([]);
	});

	it('searches the body, well past its first sixty characters', () => {
		expect(kickersFor('Kushner')).toEqual(['EUROPEAN FUTURE?']);
		expect(kickersFor('Berisha')).toEqual(['FRAUD ALLEGED:']);
	});

	it('searches the kicker', () => {
		expect(kickersFor('fraud alleged')[0]).toBe('FRAUD ALLEGED:');
	});

	it('supports extended search: exact, inverse and prefix', () => {
		expect(kickersFor("'Tirana")).toEqual(['FRAUD ALLEGED:']);
		expect(kickersFor('!Albania')).toHaveLength(3);
		expect(kickersFor('!Albania').includes('CANCER:')).toBe(true);
		expect(kickersFor('^Myanmar')).toEqual(['Myanmar’s junta chie']);
	});

	it('returns everything, in order, for an empty query', () => {
		expect(seedIndex.search('  ').map(hit => hit.article)).toEqual(seed);
	});

	it('reports which headline characters matched', () => {
		const [hit] = seedIndex.search('mujica');
		const ranges = hit?.headlineMatches ?? [];
		const matched = ranges.map(([start, end]) => hit?.article.headline.slice(start, end + 1));
		expect(matched).toContain('Mujica');
	});
});

describe('relevance', () => {
	const index = createSearchIndex(newsArticles);

	it('ranks a headline match above a body match', () => {
		const headlines = index.search('harbour').map(hit => hit.article.headline);
		expect(headlines[0]).toBe('City council approves new tram line');
		const storm = index.search('storm').map(hit => hit.article.headline);
		expect(storm[0]).toBe('Storm Agnes heads for the coast');
	});

	it('does not match on a stray letter or two', () => {
		expect(index.search('qq')).toEqual([]);
	});
});

/**
 * The search as it was before the word index: fuse.js over every article, with the same options, given the query as
 * Broadsheet reads it (a word shorter than six characters matches exactly: see withShortWordsExact). Each id with
 * fuse.js's score, best first.
 */
function fuseAlone(articles: readonly Article[]): (query: string) => Array<readonly [id: string, score: number]> {
	const fuse = new Fuse(articles.map(article => searchDocumentOf(article)), {
		keys: [
			{name: 'headline', weight: 4},
			{name: 'kicker', weight: 2},
			{name: 'deck', weight: 2},
			{name: 'body', weight: 1},
		],
		threshold: 0.2,
		ignoreLocation: true,
		ignoreFieldNorm: true,
		includeMatches: true,
		minMatchCharLength: 2,
		useExtendedSearch: true,
	});
	const scored = (query: string) => fuse.search(withShortWordsExact(query.trim())).map(result => [result.item.article.id, result.score!] as const);
	return query => {
		// A group of plain and inverse terms reads as its parts, each as fuse.js reads it (see withInverseTermsApart).
		const apart = withInverseTermsApart(query);
		if (!apart) {
			return scored(query);
		}

		const kept = new Set(scored(apart.inverse).map(([id]) => id));
		return scored(apart.plain).filter(([id]) => kept.has(id));
	};
}

/**
 * Whether `ids` is fuse.js's ranking `expected`, but for the order of articles it scores the same (which the search
 * breaks by evidence and date): the same articles, in ascending order of fuse.js's score.
 */
function expectFuseRanking(ids: readonly string[], expected: ReadonlyArray<readonly [id: string, score: number]>) {
	const scores = new Map(expected);
	expect([...ids].sort()).toEqual([...scores.keys()].sort());
	const scoresInOrder = ids.map(id => scores.get(id)!);
	expect(scoresInOrder).toEqual([...scoresInOrder].sort((left, right) => left - right));
}

describe('the same results as fuse.js over every article', () => {
	// 1,500 generated articles (the benchmark’s generator): over a thousand matches, many more than fuse.js ranks itself.
	const corpus = parsePlainText(readFileSync(ensureGeneratedCorpus(1500), 'utf8'), 'news.txt').articles;
	const index = createSearchIndex(corpus);
	const searchWithFuseAlone = fuseAlone(corpus);

	it.each([
		// Letter by letter, as typed: up to five letters the word matches exactly, anywhere in a word.
		'm',
		'mi',
		'min',
		'mini',
		'minis',
		'minister',
		// Typos: one edit from six letters, then one per five letters.
		'ministr',
		'minsiter',
		'goverment',
		'presdent',
		// Junk.
		'xqzj',
		'qq',
		// Space is AND (within one field), bar is OR.
		'police court',
		'minister | police',
		'xqzj | police',
		// Extended search.
		"'minister",
		'!minister',
		'^the',
		'!^the',
		'growth$',
		'!percent$',
		'=zzz',
		'police !court',
		// Upper case and spaces around.
		'  Minister ',
		// Odd ones: a lone operator is a term for itself, an empty group matches nothing, a long word is beyond the index.
		"'",
		'!',
		' | ',
		'ministerministerministerministermi',
	])('%j', query => {
		// Step by step, as the shell runs it: the provisional hits, shown before fuse.js ranks the head, come in the
		// same order as the final ones, unless the word index could not answer the query alone.
		const {provisionalHits, hits} = stepped(index, query);

		const ids = hits.map(hit => hit.article.id);
		expectFuseRanking(ids, searchWithFuseAlone(query));
		if (query.trim() === '' || query.length > 32 || withInverseTermsApart(query)) {
			expect(provisionalHits).toBeUndefined();
		} else {
			expect(provisionalHits?.map(hit => hit.article.id)).toEqual(ids);
		}
	});

	it('gives fuse.js’s headline matches, at the head and, on demand, further down', () => {
		const hits = index.search('minister');
		expect(hits.length).toBeGreaterThan(1024);
		const fuseMatches = (headline: string) =>
			Fuse.match('minister', headline, {threshold: 0.2, ignoreLocation: true, minMatchCharLength: 2, includeMatches: true, useExtendedSearch: true}).indices ?? [];
		const first = hits.find(hit => hit.headlineMatches.length > 0)!;
		expect(first.headlineMatches).toEqual(fuseMatches(first.article.headline));
		for (const hit of [hits[300]!, hits.at(-1)!]) {
			expect(hit.headlineMatches).toEqual([]);
			expect(headlineMatchesFor('minister', hit.article.headline)).toEqual(fuseMatches(hit.article.headline));
		}
	});

	it('looks for a fuzzy match inside one word, where fuse.js would also let it span a space', () => {
		const [article] = parsePlainText('The cancellable mandatory stock\n\nA body.', 'news.txt').articles;
		expect(fuseAlone([article!])('lehman')).toHaveLength(1);
		expect(createSearchIndex([article!]).search('lehman')).toEqual([]);
	});

	it('falls back to fuse.js alone for a term the word index cannot answer (a space inside quotes)', () => {
		for (const query of ['"prime minister"', '^"the minister"', "'\"said on\" police"]) {
			expectFuseRanking(index.search(query).map(hit => hit.article.id), searchWithFuseAlone(query));
		}
	});
});

describe('warming up before the user searches', () => {
	it('types the two commonest long words a letter at a time, each then with its second letter left out', () => {
		const articles = parsePlainText(
			['Minister meets minister', 'Council minister resigns', 'Council approves budget', 'Harbour council minister']
				.map(headline => `${headline}\n\nThe council said the minister would answer questions.`)
				.join('\n---\n'),
			'news.txt',
		).articles;
		expect(warmUpQueries(buildWordIndex(articles))).toEqual([
			...['m', 'mi', 'min', 'mini', 'minis', 'minist', 'ministe', 'minister', 'mnister'],
			...['c', 'co', 'cou', 'coun', 'counc', 'counci', 'council', 'cuncil'],
		]);
		expect(warmUpQueries(buildWordIndex([]))).toEqual([]);
	});

	it('types no word of more than 24 letters, however common: a 10,000-letter word would keep a core busy (issue 17)', () => {
		const longWord = 'a'.repeat(10_000);
		const articles = parsePlainText(
			Array.from({length: 6}, (_, index) => `Story ${index + 1} about the council\n\n${longWord} ${longWord} and the council met.`).join('\n---\n'),
			'news.txt',
		).articles;
		const queries = warmUpQueries(buildWordIndex(articles));
		expect(queries.length).toBeGreaterThan(0);
		expect(Math.max(...queries.map(query => query.length))).toBeLessThanOrEqual(24);
	});

	it('leaves nothing behind for the user’s first searches to find', () => {
		const fresh = createSearchIndex(seed);
		const preparing = fresh.prepareInSteps();
		while (!preparing.next().done) {
			// Idle time.
		}

		for (const query of warmUpQueries(buildWordIndex(seed))) {
			expect(fresh.searchInSteps(query).next().done).toBe(false);
		}
	});
});

describe('searching a step at a time', () => {
	const index = createSearchIndex(seed);

	it('gives the same hits as searching at once, after several steps', () => {
		const steps = index.searchInSteps('mujika');
		let stepCount = 0;
		let step = steps.next();
		while (!step.done) {
			expect(step.value.indexedShare).toBeGreaterThan(0);
			stepCount++;
			step = steps.next();
		}

		expect(stepCount).toBeGreaterThan(1);
		expect(step.value.map(hit => hit.article.id)).toEqual(index.search('mujika').map(hit => hit.article.id));
	});

	it('remembers recent queries, so that going back to one costs no steps', () => {
		index.search('tirana');
		expect(index.searchInSteps('tirana').next().done).toBe(true);
	});

	it('starts again from the candidates of a search dropped before fuse.js ranked them', () => {
		const fresh = createSearchIndex(seed);
		const dropped = fresh.searchInSteps('mujika');
		let step = dropped.next();
		while (!step.done && !step.value.provisionalHits) {
			step = dropped.next();
		}

		expect(step.done).toBe(false);
		const again = fresh.searchInSteps('mujika');
		const first = again.next();
		const expected = createSearchIndex(seed).search('mujika').map(hit => hit.article.id);
		expect(first.done ? undefined : first.value.provisionalHits?.map(hit => hit.article.id)).toEqual(expected);
		let last = again.next();
		while (!last.done) {
			last = again.next();
		}

		expect(last.value.map(hit => hit.article.id)).toEqual(expected);
	});

	it('ends with the provisional hits themselves when fuse.js confirms them as they are', () => {
		const confirmed = stepped(createSearchIndex(seed), 'mujica');
		expect(confirmed.hits).toBe(confirmed.provisionalHits);
		// A term beyond the word index (a space inside quotes) has no provisional hits: fuse.js's own come at the end.
		const [article] = parsePlainText('The lehman brothers\n\nA body.', 'news.txt').articles;
		const quoted = stepped(createSearchIndex([article!]), '"lehman brothers"');
		expect(quoted.provisionalHits).toBeUndefined();
		expect(quoted.hits.map(hit => hit.headlineMatches)).toEqual([[[4, 18]]]);
	});

	it('survives a search abandoned half way', () => {
		const fresh = createSearchIndex(seed);
		const abandoned = fresh.searchInSteps('kushner');
		abandoned.next();
		abandoned.next();
		expect(fresh.search('kushner')[0]?.article.kicker).toBe('EUROPEAN FUTURE?');
	});

	it('builds the index ahead when asked', () => {
		const fresh = createSearchIndex(seed);
		const preparing = fresh.prepareInSteps();
		while (!preparing.next().done) {
			// Idle time.
		}

		expect(fresh.searchInSteps('mujica').next().done).toBe(false);
		expect(fresh.search('mujica')[0]?.article.kicker).toBe('CANCER:');
	});
});

describe('searching an article of millions of characters', () => {
	it('ranks it without overflowing the stack (fuse.js reads the first 200,000 characters of a field)', () => {
		// A 50 MB single-line file makes such an article; the warm-up search after the first frame used to crash on it.
		const paragraph = 'word '.repeat(1_000_000).trim();
		const longBody: Article = {id: 'long-body', headline: 'A long story', headlineSource: 'title', paragraphs: [paragraph], source: 'long.txt'};
		const longHeadline: Article = {id: 'long-headline', headline: paragraph, headlineSource: 'first-sentence', paragraphs: [paragraph], source: 'long.txt'};
		expect(createSearchIndex([longBody]).search('word').map(hit => hit.article.id)).toEqual(['long-body']);
		expect(() => createSearchIndex([longHeadline]).search('word')).not.toThrow();
	});

	it('ranks it for one letter, which matches at each of its 200,000 characters read', () => {
		const letters: Article = {id: 'letters', headline: 'e'.repeat(20_000), headlineSource: 'first-sentence', paragraphs: ['e'.repeat(1_000_000)], source: 'long.txt'};
		const index = createSearchIndex([letters]);
		expect(index.search('e').map(hit => hit.article.id)).toEqual(['letters']);
		expect(index.search('ee').map(hit => hit.article.id)).toEqual(['letters']);
	});
});
