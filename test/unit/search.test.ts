import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {createSearchIndex} from '../../source/search/search.js';
import {newsArticles} from '../helpers/articles.js';

const seed = parsePlainText(readFileSync(new URL('../../samples/taipei-times.txt', import.meta.url), 'utf8'), 'taipei-times.txt').articles;
const seedIndex = createSearchIndex(seed);
const kickersFor = (query: string) => seedIndex.search(query).map(hit => hit.article.kicker ?? hit.article.headline.slice(0, 20));

describe('filtering the seed', () => {
	it('puts the Mujica article first for mujica and for the typo mujca', () => {
		expect(seedIndex.search('mujica')[0]?.article.kicker).toBe('CANCER:');
		expect(seedIndex.search('mujca')[0]?.article.kicker).toBe('CANCER:');
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
