/** The filter line (`/` over the list) and the search results it brings. */
import type {SearchHit} from '../search/search.js';
import {activeQuery, hasCurrentResults, isReading, searchedQuery, selectedIndex, selectHits} from './selectors.js';
import type {State} from './state.js';
import {showCurrentMatch} from './reading.js';
import {selectFirstHit, withListWindow} from './movement.js';

/** Drops the search results once the query in force is empty, so that a later query starts from the full list. */
export function withResultsForQuery(state: State): State {
	return state.results && searchedQuery(state) === '' ? {...state, results: undefined, searchProgress: undefined} : state;
}

export function withDraft(state: State, draft: string): State {
	const {mode} = state;
	if (mode.name === 'article-search') {
		return mode.draft === draft ? state : showCurrentMatch({...state, mode: {...mode, draft}}, mode.scrollTopBefore);
	}

	if (mode.name === 'prompt') {
		return mode.draft === draft ? state : {...state, mode: {...mode, draft}};
	}

	return mode.name === 'filter' && mode.draft !== draft ? selectFirstHit(withResultsForQuery({...state, mode: {name: 'filter', draft}})) : state;
}

/** Leaves the filter line with `query` in force, keeping the selected article when the new list still has it. */
export function leaveFilter(state: State, query: string): State {
	const selectedId = state.mode.name === 'filter' ? (selectHits(state)[selectedIndex(state)]?.article.id ?? state.selectedId) : state.selectedId;
	return withListWindow(withResultsForQuery({...state, query, selectedId, mode: {name: 'browse'}}));
}

/**
 * Shows the hits of a finished search, unless the query has changed since it started (a newer search is on its
 * way). The best match is selected, as when typing, except under the article being read. Final hits that follow
 * provisional ones keep a selection the user has moved since, as long as it is still among them.
 */
export function finishSearch(state: State, query: string, hits: readonly SearchHit[], isProvisional: boolean): State {
	if (query !== searchedQuery(state) || query === '' || hasCurrentResults(state, query)) {
		return state;
	}

	const refined = state.results?.query === query && state.results.isProvisional === true && state.results.isStale !== true;
	const hasMovedSelection = refined && selectHits(state)[0]?.article.id !== state.selectedId;
	const withHits: State = {...state, results: isProvisional ? {query, hits, isProvisional} : {query, hits}, searchProgress: undefined};
	return (isReading(state.mode) || hasMovedSelection) && hits.some(hit => hit.article.id === state.selectedId) ? withListWindow(withHits) : selectFirstHit(withHits);
}

/**
 * Takes the time and the marks the filter's field terms are judged by afresh when the keys changed the query (see
 * FilterBasis); when they did not, the list stays as it was judged.
 */
export function withFilterBasis(before: State, after: State, now: number | undefined): State {
	if (activeQuery(after) === activeQuery(before) || !activeQuery(after).includes(':')) {
		return after;
	}

	const filterBasis = {now: now ?? after.filterBasis.now, readMarks: after.readMarks};
	return withListWindow(selectFirstHit({...after, filterBasis}));
}
