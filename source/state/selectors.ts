import type {Article} from '../article.js';
import {headlineMatchesFor, type HitList, type SearchHit, unfilteredHits} from '../search/search.js';
import {articleLines, type ArticleLine} from './article-lines.js';
import {layoutOf} from './layout.js';
import type {SearchProgress, State} from './state.js';

/** The query that shapes the list now: the draft while the filter line is open, else the filter in force. */
export function activeQuery(state: State): string {
	return state.mode.name === 'filter' ? state.mode.draft : state.query;
}

/**
 * The articles the list shows, most relevant first when filtered: every article for an empty query, else the
 * latest search results, which are for an older query while the search for this one runs.
 */
export function selectHits(state: State): readonly SearchHit[] {
	return state.results && activeQuery(state).trim() !== '' ? state.results.hits : unfilteredHits(state.articles);
}

const hitLists = new WeakMap<readonly SearchHit[], HitList>();

/**
 * The list as the list pane shows it: the rows in view get their headline matches, which the hits past the ones
 * fuse.js ranked lack. Each row is made once per list, so that memoised rows stay the same.
 */
export function selectHitList(state: State): HitList {
	const hits = selectHits(state);
	const query = hits === state.results?.hits ? state.results.query : undefined;
	if (query === undefined) {
		return hits;
	}

	let list = hitLists.get(hits);
	if (!list) {
		const rows = new Map<SearchHit, SearchHit>();
		const rowOf = (hit: SearchHit) => {
			let row = rows.get(hit);
			if (!row) {
				row = hit.headlineMatches.length > 0 ? hit : {article: hit.article, headlineMatches: headlineMatchesFor(query, hit.article.headline)};
				rows.set(hit, row);
			}

			return row;
		};

		list = {length: hits.length, slice: (start, end) => hits.slice(start, end).map(hit => rowOf(hit))};
		hitLists.set(hits, list);
	}

	return list;
}

/** The query the shell should search for, when the list does not show its results yet. */
export function pendingQuery(state: State): string | undefined {
	const query = activeQuery(state).trim();
	return query !== '' && state.results?.query !== query ? query : undefined;
}

/** The progress of the search for the query in force, when it is taking a while. */
export function slowSearch(state: State): SearchProgress | undefined {
	const query = pendingQuery(state);
	return query !== undefined && state.searchProgress?.query === query ? state.searchProgress : undefined;
}

/** Position of the selection in the list, or -1 when the list is empty. */
export function selectedIndex(state: State): number {
	const hits = selectHits(state);
	if (hits.length === 0) {
		return -1;
	}

	const index = hits.findIndex(hit => hit.article.id === state.selectedId);
	return index === -1 ? 0 : index;
}

/** The selected article, if the list has any. */
export function selectedArticle(state: State): Article | undefined {
	return selectHits(state)[selectedIndex(state)]?.article;
}

/** The selected article's screen lines at the article pane's width. */
export function selectedArticleLines(state: State): readonly ArticleLine[] {
	const article = selectedArticle(state);
	return article ? articleLines(article, layoutOf(state).articleTextColumnCount) : [];
}

/** The furthest the article pane can scroll. */
export function maximumArticleScrollTop(state: State): number {
	return Math.max(0, selectedArticleLines(state).length - layoutOf(state).articleRowCount);
}
