/** Reading an article: its scroll, and the search in it (`/`, `n`, `N`). */
import {firstLineOf, lastLineOf, stepMatch} from './article-search.js';
import {layoutOf} from './layout.js';
import {clamp} from './list-rows.js';
import {activeQuery, maximumArticleScrollTop, selectArticleSearch} from './selectors.js';
import {filterWords} from './field-filtering.js';
import type {State} from './state.js';

export function scrollArticle(state: State, top: number): State {
	const articleScrollTop = clamp(top, 0, maximumArticleScrollTop(state));
	return articleScrollTop === state.articleScrollTop ? state : {...state, articleScrollTop};
}

/**
 * Scrolls the article so that the current match of its search is in view, from `scrollTop`: the view stays where
 * it is when the match is in it already, else the match's first line goes to the top, as in less.
 */
export function showCurrentMatch(state: State, scrollTop: number): State {
	const search = selectArticleSearch(state);
	const match = search?.matches[search.currentIndex];
	if (!match) {
		return scrollArticle(state, scrollTop);
	}

	const {articleRowCount} = layoutOf(state);
	const isInView = firstLineOf(match) >= scrollTop && lastLineOf(match) < scrollTop + articleRowCount;
	return scrollArticle(state, isInView ? scrollTop : firstLineOf(match));
}

/** Leaves the search line: Enter keeps the draft as the article's search (an empty one clears it); Esc puts back what was. */
export function leaveArticleSearch(state: State, shouldKeep: boolean): State {
	const {mode} = state;
	if (mode.name !== 'article-search') {
		return state;
	}

	if (!shouldKeep) {
		return scrollArticle({...state, mode: {name: 'read'}}, mode.scrollTopBefore);
	}

	const search = selectArticleSearch(state);
	const articleId = state.selectedId;
	// An empty search kept clears the highlights, the filter's words carried into the article too (an empty search
	// stands in their way).
	const query = search?.query ?? '';
	const isKept = articleId !== undefined && (query !== '' || filterWords(activeQuery(state)).length > 0);
	const articleSearch = isKept ? {articleId, query, matchIndex: search?.currentIndex ?? 0} : undefined;
	const notice = search && search.query !== '' && search.matches.length === 0 ? `no match for ${search.query}` : undefined;
	return {...state, mode: {name: 'read'}, articleSearch, notice};
}

/** `n` and `N`: the next or previous match, scrolled into view, with a note when the search wraps around. */
export function stepArticleSearch(state: State, direction: 1 | -1): State {
	const search = selectArticleSearch(state);
	const articleId = state.selectedId;
	// Without a search of its own, the article takes over the filter's words (see selectArticleSearch).
	const articleSearch = state.articleSearch ?? (search?.words && articleId !== undefined ? {articleId, query: search.query, matchIndex: search.currentIndex, words: search.words} : undefined);
	if (!search || !articleSearch) {
		return {...state, notice: 'no search in this article: / searches it'};
	}

	const step = stepMatch(search.matches, search.currentIndex, direction, {top: state.articleScrollTop, rowCount: layoutOf(state).articleRowCount});
	if (!step) {
		return {...state, notice: `no match for ${search.query}`};
	}

	const moved: State = {
		...state,
		articleSearch: {...articleSearch, matchIndex: step.index},
		notice: step.hasWrapped ? (direction === 1 ? 'search hit the end, continuing at the top' : 'search hit the top, continuing at the end') : undefined,
	};
	return showCurrentMatch(moved, state.articleScrollTop);
}

/** Drops the article search once another article is selected: a search belongs to the article it was made in. */
export function withSearchOfSelection(state: State): State {
	const isStale = state.articleSearch !== undefined && state.articleSearch.articleId !== state.selectedId;
	return isStale ? {...state, articleSearch: undefined} : state;
}
