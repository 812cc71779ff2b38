/** What the list shows: its order (`S`), the unread and starred views (`v`) and the named views (`V`). */
import {isReading, nextOrder, searchedQuery, selectedIndex, selectHits} from './selectors.js';
import type {ListViewName, NamedView, State} from './state.js';
import {selectFirstHit, withListWindow} from './movement.js';
import {withResultsForQuery} from './filtering.js';

/** Shows the list in the next order (see {@link nextOrder}), keeping the selected article. */
export function cycleOrder(state: State): State {
	const order = nextOrder(state);
	// Without a filter, S orders the whole list and leaves the matches' order for the next filter; with one, it orders
	// the matches alone, so that Esc finds the whole list as it was.
	if (searchedQuery(state) === '') {
		return withListWindow(order === 'relevance' ? state : {...state, order});
	}

	return withListWindow(order === 'relevance' ? {...state, shouldRankMatches: true} : {...state, matchOrder: order, shouldRankMatches: false});
}

const viewCycle: readonly ListViewName[] = ['all', 'unread', 'starred'];

/** Shows the next view, judged by the marks as they are now; the selection stays when the new list has it. */
export function cycleView(state: State): State {
	const name = viewCycle[(viewCycle.indexOf(state.view.name) + 1) % viewCycle.length]!;
	const viewed: State = {...state, view: name === 'all' ? {name} : {name, marks: state.readMarks}, listTop: 0};
	const hits = selectHits(viewed);
	const isSelectionKept = hits.some(hit => hit.article.id === state.selectedId);
	return withListWindow(isSelectionKept ? viewed : {...viewed, selectedId: hits[0]?.article.id ?? state.selectedId, articleScrollTop: 0});
}

/** The list filtered by named view `view` (its filter in force, as if typed), or by nothing; a notice names it. */
export function showNamedView(state: State, view: NamedView | undefined): State {
	const query = view?.filter.trim() ?? '';
	const notice = view ? `view: ${view.name}` : 'no view: every article';
	return selectFirstHit(withResultsForQuery({...state, query, notice, articleSearch: undefined}));
}

/** Shows the named view after the one in force (the one whose filter is the query), or none after the last. */
export function showNextNamedView(state: State): State {
	const {namedViews} = state;
	if (namedViews.length === 0) {
		return {...state, notice: 'no named views: add "views" to the config file (see readme.md)'};
	}

	const current = namedViews.findIndex(view => view.filter.trim() === state.query);
	return showNamedView(state, namedViews[current + 1]);
}

/**
 * The unread or starred view judged by the marks as they are now, once the user leaves the article for the list:
 * the articles read meanwhile drop out, and the selection goes to the article that took its place.
 */
export function withViewUpToDate(before: State, after: State): State {
	if (after.view.name === 'all' || after.view.marks === after.readMarks || !isReading(before.mode) || isReading(after.mode) || after.mode.name === 'quit') {
		return after;
	}

	const oldHits = selectHits(after);
	const position = Math.max(0, selectedIndex(after));
	const viewed: State = {...after, view: {name: after.view.name, marks: after.readMarks}};
	const kept = new Set(selectHits(viewed).map(hit => hit.article.id));
	// The first article after the selection that stays, else the last before it.
	const next = oldHits.slice(position).find(hit => kept.has(hit.article.id)) ?? oldHits.slice(0, position).findLast(hit => kept.has(hit.article.id));
	return withListWindow({...viewed, selectedId: next?.article.id ?? after.selectedId});
}
