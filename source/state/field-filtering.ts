import {type Article, bodyText} from '../article.js';
import {articleKey, isMarked} from '../read-state/marks.js';
import {isInverse, parseExtendedQuery} from '../search/extended-query.js';
import {type FieldContext, type FieldQuery, type HideRule, meetsFieldTerms, meetsHideRule, parseFieldQuery} from '../search/field-filters.js';
import {bylineOf, deckOf} from '../search/search-document.js';
import type {SearchHit} from '../search/search.js';
import type {Binding} from '../input/keymap.js';
import type {FilterBasis, NamedView} from './state.js';

/*
The filter's field terms and the config's hide rules, applied to the list: the free words go to the search (see
shell/use-search.ts), and what it finds, or every article when there are no free words, is then kept only where it
meets every field term and no hide rule.
*/

let lastQuery: {readonly query: string; readonly now: number; readonly parsed: FieldQuery} | undefined;

/** `query` read into its free words and field terms (see parseFieldQuery), relative dates counted back from `now`. */
export function fieldQueryOf(query: string, now: number): FieldQuery {
	if (lastQuery?.query !== query || lastQuery.now !== now) {
		lastQuery = {query, now, parsed: parseFieldQuery(query, now)};
	}

	return lastQuery.parsed;
}

let lastText: {readonly query: string; readonly text: string} | undefined;

/** The part of `query` the search looks for: its free words and operators, trimmed, without the field terms. */
export function searchTextOf(query: string): string {
	if (!query.includes(':')) {
		return query.trim();
	}

	if (lastText?.query !== query) {
		// The free words do not depend on the clock.
		lastText = {query, text: parseFieldQuery(query, 0).text.trim()};
	}

	return lastText.text;
}

/** The field terms' view of an article's marks and of the time, from `basis`. */
function contextOf(basis: FilterBasis): FieldContext {
	return {
		now: basis.now,
		isRead: article => isMarked(basis.readMarks, articleKey(article), 'read'),
		isStarred: article => isMarked(basis.readMarks, articleKey(article), 'starred'),
	};
}

/** The text a hide rule's words are looked for in: headline, kicker, deck, by-line and body. */
function hideText(article: Article): string {
	return [article.headline, article.kicker ?? '', deckOf(article) ?? '', bylineOf(article), bodyText(article)].join('\n');
}

const hiddenCache = new WeakMap<readonly Article[], {readonly rules: readonly HideRule[]; readonly basis: FilterBasis; readonly hidden: ReadonlySet<Article>}>();

/** The articles that meet a hide rule, made once per list of articles, rules and basis. */
export function hiddenArticles(articles: readonly Article[], rules: readonly HideRule[], basis: FilterBasis): ReadonlySet<Article> {
	if (rules.length === 0) {
		return new Set();
	}

	const cached = hiddenCache.get(articles);
	if (cached?.rules === rules && cached.basis === basis) {
		return cached.hidden;
	}

	const context = contextOf(basis);
	const hidden = new Set(articles.filter(article => rules.some(rule => meetsHideRule(article, rule, context, hideText))));
	hiddenCache.set(articles, {rules, basis, hidden});
	return hidden;
}

const noHits: readonly SearchHit[] = [];

type Filtered = {
	readonly query: string;
	readonly basis: FilterBasis;
	readonly rules: readonly HideRule[];
	readonly articles: readonly Article[];
	readonly hits: readonly SearchHit[];
};

const filteredCache = new WeakMap<readonly SearchHit[], Filtered>();

/**
 * The hits that meet every field term of `query` and no hide rule, in their order; made once per list of hits,
 * query, basis and rules. A query with a term that cannot be read keeps nothing.
 */
export function withFieldFilters(hits: readonly SearchHit[], query: string, basis: FilterBasis, rules: readonly HideRule[], articles: readonly Article[]): readonly SearchHit[] {
	const {terms, error} = fieldQueryOf(query, basis.now);
	if (error !== undefined) {
		return noHits;
	}

	if (terms.length === 0 && rules.length === 0) {
		return hits;
	}

	const cached = filteredCache.get(hits);
	if (cached?.query === query && cached.basis === basis && cached.rules === rules && cached.articles === articles) {
		return cached.hits;
	}

	const context = contextOf(basis);
	const hidden = hiddenArticles(articles, rules, basis);
	const kept = hits.filter(hit => !hidden.has(hit.article) && meetsFieldTerms(hit.article, terms, context));
	filteredCache.set(hits, {query, basis, rules, articles, hits: kept});
	return kept;
}

let lastWords: {readonly query: string; readonly words: readonly string[]} | undefined;

/**
 * The words of filter `query` that an article opened from its list highlights (see findWordMatches): the patterns of
 * its free terms that are not exclusions, and the values of its `author:` and `kicker:` terms, lower-cased; words of
 * one character (which would light up every letter) are left out.
 */
export function filterWords(query: string): readonly string[] {
	if (lastWords?.query !== query) {
		const {text, terms} = parseFieldQuery(query, 0);
		const patterns = parseExtendedQuery(text).flatMap(group => group.filter(term => !isInverse(term)).map(term => term.pattern));
		const values = terms.flatMap(term => ((term.field === 'author' || term.field === 'kicker') && !term.isNegated ? [term.text] : []));
		const words = [...new Set([...patterns, ...values])].filter(word => word.trim().length > 1);
		lastWords = {query, words};
	}

	return lastWords.words;
}

/**
 * The help overlay's section for the named views that have a key of their own (the config file's, so not in the
 * keymap): none when no view has one.
 */
export function namedViewHelpSections(views: readonly NamedView[]): ReadonlyArray<{readonly title: string; readonly bindings: readonly Binding[]}> {
	// Made once per list of views (the config's, for the session): the help asks on every frame it draws.
	let sections = helpSectionsOfViews.get(views);
	if (sections === undefined) {
		const bindings: Binding[] = views.flatMap(view =>
			view.key === undefined ? [] : [{command: 'next-named-view' as const, keys: [view.key], modes: ['browse' as const], help: `show the view ${view.name}: ${view.filter}`}],
		);
		sections = bindings.length === 0 ? [] : [{title: 'Named views (config file)', bindings}];
		helpSectionsOfViews.set(views, sections);
	}

	return sections;
}

const helpSectionsOfViews = new WeakMap<readonly NamedView[], ReadonlyArray<{readonly title: string; readonly bindings: readonly Binding[]}>>();
