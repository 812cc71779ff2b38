/**
 * The searches the shell runs for the filter: whenever the query the list needs results for changes (a key typed
 * into the filter line, a reload or the end of a load bringing new articles to search), `update` asks for its
 * search with a `start-search` effect, or, when no search is needed any more, cancels the one running.
 */
import {withEffect} from './outbox.js';
import {hasCurrentResults, pendingQuery} from './selectors.js';
import type {State} from './state.js';

/**
 * The state with the search it needs asked for: a `start-search` effect when the query lacking final results (see
 * pendingQuery), or the articles searched, changed since the last search asked for, a `cancel-search` one when no
 * query lacks them and that search has not finished. The same state when nothing changed.
 */
export function withSearchAsked(state: State): State {
	const query = pendingQuery(state);
	const running = state.runningSearch;
	if (query === undefined) {
		if (running === undefined) {
			return state;
		}

		const done: State = {...state, runningSearch: undefined};
		// Its final results came: nothing is left to cancel.
		const isFinished = running.articles === state.searchedArticles && hasCurrentResults(state, running.query);
		return isFinished ? done : withEffect(done, {kind: 'cancel-search'});
	}

	if (running?.query === query && running.articles === state.searchedArticles) {
		return state;
	}

	const search = {query, articles: state.searchedArticles};
	return withEffect({...state, runningSearch: search}, {kind: 'start-search', ...search});
}
