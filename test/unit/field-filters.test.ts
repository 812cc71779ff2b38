import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {parseConfig} from '../../source/config.js';
import {defaultKeymap} from '../../source/input/keymap.js';
import {type FieldContext, meetsFieldTerms, meetsHideRule, parseFieldQuery, parseHideRule, parseTime} from '../../source/search/field-filters.js';
import {createSearchIndex} from '../../source/search/search.js';
import {printedArticles} from '../../source/state/printed-articles.js';

const day = 24 * 3_600_000;
const now = Date.UTC(2024, 5, 15, 12);

function article(id: string, fields: Partial<Article> = {}): Article {
	return {id, headline: `Headline ${id}`, headlineSource: 'title', paragraphs: ['Some text.'], source: 'herald.txt', ...fields};
}

const harbour = article('harbour', {headline: 'Harbour wall to rise', author: 'Ana Okafor', source: 'gazette.txt', kicker: 'CITY', publishedAt: now - day, groups: ['Local news']});
const coffee = article('coffee', {headline: 'Coffee prices climb', author: 'Li Wei', source: 'Herald', kicker: 'MARKETS', publishedAt: now - (40 * day)});
const horoscope = article('horoscope', {headline: 'Horoscope for Monday', source: 'Herald', paragraphs: ['Stars align for Virgo.']});
const articles = [harbour, coffee, horoscope];

const context: FieldContext = {now, isRead: candidate => candidate === coffee, isStarred: candidate => candidate === harbour};
const idsMeeting = (query: string) => articles.filter(candidate => meetsFieldTerms(candidate, parseFieldQuery(query, now).terms, context)).map(({id}) => id);

describe('reading field terms', () => {
	it('takes them out of the query, leaving the free words and operators as typed', () => {
		const parsed = parseFieldQuery('source:herald coffee !author:wei \'price | kicker:"city desk" tram', now);
		expect(parsed.text).toBe('coffee \'price | tram');
		expect(parsed.terms).toEqual([
			{isNegated: false, field: 'source', text: 'herald'},
			{isNegated: true, field: 'author', text: 'wei'},
			{isNegated: false, field: 'kicker', text: 'city desk'},
		]);
		expect(parsed.error).toBeUndefined();
	});

	it('leaves a name it does not know, and a term still without a value, as free words or nothing', () => {
		expect(parseFieldQuery('http://example.org 10:30', now)).toEqual({text: 'http://example.org 10:30', terms: []});
		expect(parseFieldQuery('coffee source:', now)).toEqual({text: 'coffee', terms: []});
	});

	it('reads since: and before: in hours, days, weeks and months (of 30 days), or as dates', () => {
		expect(parseTime('2d', now)).toBe(now - (2 * day));
		expect(parseTime('3h', now)).toBe(now - (3 * 3_600_000));
		expect(parseTime('1w', now)).toBe(now - (7 * day));
		expect(parseTime('6m', now)).toBe(now - (180 * day));
		expect(parseTime('2024-01-01', now)).toBe(new Date(2024, 0, 1).getTime());
		expect(parseTime('2024-01-01T10:00:00Z', now)).toBe(Date.UTC(2024, 0, 1, 10));
		expect(parseTime('2x', now)).toBeUndefined();
		expect(parseTime('2024-13-01', now)).toBeUndefined();
	});

	it('says what is wrong with a term it cannot read, in a line', () => {
		expect(parseFieldQuery('is:new', now).error).toBe('is:new: use is:unread, is:read or is:starred');
		expect(parseFieldQuery('coffee since:yesterday', now).error).toBe('since:yesterday: use a number of hours, days, weeks or months (since:2d, 3h, 1w, 6m) or a date (since:2024-01-01)');
	});
});

describe('matching field terms', () => {
	it.each([
		['source:herald', ['coffee', 'horoscope']],
		['source:GAZETTE', ['harbour']],
		['author:okafor', ['harbour']],
		['!author:okafor', ['coffee', 'horoscope']],
		['kicker:markets', ['coffee']],
		['group:local', ['harbour']],
		['is:unread', ['harbour', 'horoscope']],
		['is:read', ['coffee']],
		['is:starred', ['harbour']],
		['since:2d', ['harbour']],
		['since:6w', ['harbour', 'coffee']],
		['before:1w', ['coffee']],
		['before:2024-06-15', ['harbour', 'coffee']],
		['source:herald is:unread', ['horoscope']],
	])('%s keeps %j', (query, expected) => {
		expect(idsMeeting(query)).toEqual(expected);
	});

	it('reads groups defensively: an article without them, or with something else there, has none', () => {
		const odd = {...article('odd'), groups: 'Local news'} as unknown as Article;
		expect(meetsFieldTerms(odd, parseFieldQuery('group:local', now).terms, context)).toBe(false);
		expect(meetsFieldTerms(article('none'), parseFieldQuery('group:local', now).terms, context)).toBe(false);
	});
});

describe('free words find authors and sources too', () => {
	const index = createSearchIndex(articles);
	it.each([
		['\'okafor', ['harbour']],
		['\'gazette', ['harbour']],
		['okafor', ['harbour']],
		['\'herald !horoscope', ['coffee']],
	])('%s finds %j', (query, expected) => {
		expect(index.search(query).map(hit => hit.article.id)).toEqual(expected);
	});

	it('combines field terms with free words and operators in printed output', () => {
		const print = (query: string) => printedArticles(articles, articles, {query, isSorted: true, hideRules: [], now, search: text => index.search(text)}).map(({id}) => id);
		expect(print('source:herald \'coffee')).toEqual(['coffee']);
		expect(print('since:2d wall')).toEqual(['harbour']);
		expect(print('source:herald !horoscope')).toEqual(['coffee']);
		expect(print('is:nonsense')).toEqual([]);
	});
});

describe('hide rules', () => {
	it('hide articles holding every word, exactly, and meeting every field term', () => {
		const rule = parseHideRule('horoscope source:herald', now);
		expect('error' in rule).toBe(false);
		const hidden = articles.filter(candidate => !('error' in rule) && meetsHideRule(candidate, rule, context, ({headline, paragraphs}) => `${headline}\n${paragraphs.join('\n')}`));
		expect(hidden.map(({id}) => id)).toEqual(['horoscope']);
		const print = printedArticles(articles, articles, {query: undefined, isSorted: true, hideRules: [rule as Exclude<typeof rule, {error: string}>], now, search: () => []});
		expect(print.map(({id}) => id)).toEqual(['harbour', 'coffee']);
	});

	it('refuse operators and empty rules, in a line', () => {
		expect(parseHideRule('!coffee', now)).toEqual({error: '!coffee: a hide rule holds words and field terms (source:, author:, kicker:, group:, is:, since:, before:), no operators'});
		expect(parseHideRule('source:', now)).toEqual({error: 'an empty rule would hide nothing; give words or field terms, as in "source:example.org"'});
	});
});

describe('views and hide rules in the config file', () => {
	it('reads named views with their keys, and hide rules', () => {
		const result = parseConfig(JSON.stringify({views: [{name: 'Markets', filter: 'kicker:markets', key: 'H'}, {name: 'Unread', filter: 'is:unread'}], hide: ['horoscope']}), defaultKeymap, {now});
		expect('config' in result && result.config.views).toEqual([{name: 'Markets', filter: 'kicker:markets', key: 'H'}, {name: 'Unread', filter: 'is:unread'}]);
		expect('config' in result && result.config.hideRules?.map(rule => rule.words)).toEqual([['horoscope']]);
	});

	it.each([
		[{views: {name: 'x'}}, 'views: should be a list, as in [{"name": "Markets", "filter": "source:reuters is:unread", "key": "M"}], not an object'],
		[{views: [{name: 'X', filter: 'since:2q'}]}, 'views[0].filter: since:2q: use a number of hours, days, weeks or months (since:2d, 3h, 1w, 6m) or a date (since:2024-01-01)'],
		[{views: [{name: 'X', filter: 'a', key: 'j'}]}, 'views[0].key: j is also bound to cursor-down (while browsing); choose another key'],
		[{views: [{name: 'X', filter: 'a', key: 'H'}, {name: 'Y', filter: 'b', key: 'H'}]}, 'views[1].key: H is also the key of views[0]'],
		[{views: [{name: '', filter: 'a'}]}, 'views[0].name: should be a name in a string, not ""'],
		[{views: [{name: 'X', filter: 'a', colour: 'red'}]}, 'views[0].colour: no such field; use name, filter, key'],
		[{hide: 'horoscope'}, 'hide: should be a list of filters, as in ["source:example.org", "horoscope"], not "horoscope"'],
		[{hide: ['is:new']}, 'hide[0]: is:new: use is:unread, is:read or is:starred'],
	])('%j is one line of error', (config, error) => {
		expect(parseConfig(JSON.stringify(config), defaultKeymap, {now})).toEqual({error});
	});
});
