import type {Article} from '../article.js';
import {createSearchIndex, type SearchHit, type SearchIndex} from '../search/search.js';
import {articleLines, type ArticleLine} from './article-lines.js';
import {layoutOf} from './layout.js';
import type {State} from './state.js';

const indexes = new WeakMap<readonly Article[], SearchIndex>();
const lastHits = new WeakMap<readonly Article[], {query: string; hits: readonly SearchHit[]}>();

/** The query that shapes the list now: the draft while the filter line is open, else the filter in force. */
export function activeQuery(state: State): string {
	return state.mode.name === 'filter' ? state.mode.draft : state.query;
}

/** The articles the list shows, most relevant first when filtered. Memoised on the articles and the query. */
export function selectHits(state: State): readonly SearchHit[] {
	const query = activeQuery(state);
	const last = lastHits.get(state.articles);
	if (last?.query === query) {
		return last.hits;
	}

	let index = indexes.get(state.articles);
	if (!index) {
		index = createSearchIndex(state.articles);
		indexes.set(state.articles, index);
	}

	const hits = index.search(query);
	lastHits.set(state.articles, {query, hits});
	return hits;
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
