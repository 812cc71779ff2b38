import type {Article} from '../article.js';
import {noReadMarks} from '../read-state/marks.js';
import type {HideRule} from '../search/field-filters.js';
import {noMatches, type SearchHit} from '../search/search.js';
import {fieldQueryOf, searchTextOf, withFieldFilters} from './field-filtering.js';

/**
 * The articles `--list`, `--json` and `--print` (and a pipe) print: those the filter keeps, as the list would show
 * them, best first unless an order was asked for (`isSorted`); never one a hide rule hides. Printed output reads no
 * read marks, so `is:unread` keeps every article there and `is:read` and `is:starred` none.
 */
export function printedArticles(
	articles: readonly Article[],
	ordered: readonly Article[],
	options: {
		readonly query: string | undefined;
		readonly isSorted: boolean;
		readonly hideRules: readonly HideRule[];
		readonly now: number;
		readonly search: (text: string) => readonly SearchHit[];
	},
): readonly Article[] {
	const query = options.query ?? '';
	const basis = {now: options.now, readMarks: noReadMarks};
	if (fieldQueryOf(query, basis.now).error !== undefined) {
		return [];
	}

	const text = searchTextOf(query);
	let hits: readonly SearchHit[] = ordered.map(article => ({article, headlineMatches: noMatches}));
	if (text !== '') {
		const matches = options.search(text);
		if (options.isSorted) {
			const matchSet = new Set(matches.map(hit => hit.article));
			hits = hits.filter(hit => matchSet.has(hit.article));
		} else {
			hits = matches;
		}
	}

	return withFieldFilters(hits, query, basis, options.hideRules, articles).map(hit => hit.article);
}
