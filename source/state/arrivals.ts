/** New articles: a reload (`R`, `--watch`), and the rest of a big input arriving after the first frame. */
import {selectionInView} from './initial-state.js';
import {articleKey} from '../read-state/marks.js';
import {articlesByIdOf, selectedIndex, selectHits, selectListRows} from './selectors.js';
import type {State} from './state.js';
import {type Article, bodyChecksum} from '../article.js';
import type {Action} from './actions.js';
import {scrollArticle} from './reading.js';
import {withListWindow, withShownSelection} from './movement.js';

/** Whether two versions of an article (same id) read the same. */
function isSameText(left: Article, right: Article): boolean {
	return (
		left.headline === right.headline
		&& left.kicker === right.kicker
		&& left.deck === right.deck
		&& left.author === right.author
		&& left.publishedAt === right.publishedAt
		&& left.url === right.url
		&& isSameBody(left, right)
	);
}

/** Whether two articles' bodies read the same: by their checksums when either keeps its body in the file. */
function isSameBody(left: Article, right: Article): boolean {
	if (left.bodyChecksum !== undefined || right.bodyChecksum !== undefined) {
		return bodyChecksum(left) === bodyChecksum(right);
	}

	return left.paragraphs.length === right.paragraphs.length && left.paragraphs.every((paragraph, index) => paragraph === right.paragraphs[index]);
}

/** What a reload changed, by article id: `3 new, 1 gone`, `2 changed`, or undefined for nothing. */
function reloadChanges(before: readonly Article[], after: readonly Article[]): string | undefined {
	const beforeById = new Map(before.map(article => [article.id, article]));
	const afterIds = new Set(after.map(article => article.id));
	let newCount = 0;
	let changedCount = 0;
	for (const article of after) {
		const old = beforeById.get(article.id);
		if (!old) {
			newCount++;
		} else if (old !== article && !isSameText(old, article)) {
			changedCount++;
		}
	}

	const goneCount = before.filter(article => !afterIds.has(article.id)).length;
	const parts = [...(newCount + goneCount > 0 ? [`${newCount} new, ${goneCount} gone`] : []), ...(changedCount > 0 ? [`${changedCount} changed`] : [])];
	return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * Takes the articles of a reload. The selection stays on its article (by id), or else on the article now at its
 * position; the filter stays, its hits kept where the article still is until the search runs again over the new
 * articles; the list and the article keep their scroll as far as they still can.
 */
export function loadArticles(state: State, articles: readonly Article[], failures: readonly string[]): State {
	const changes = reloadChanges(state.articles, articles);
	const notice =
		failures.length === 0
			? `reloaded: ${changes ?? 'no changes'}`
			: `${changes ? `reloaded: ${changes}; ` : ''}kept the old articles: ${failures.join('; ')}`;
	return withArticles({...state, notice}, articles);
}

/**
 * Takes more articles of inputs still being parsed. As with a reload, the selection stays on its article, except
 * on the first row of the list: there it stays on the first row (the newest article, when newer ones arrive), as
 * long as no key has moved it.
 */
export function addArrivals(state: State, {articles, loadingShare, inputWarningCount, fetchCounts}: Extract<Action, {type: 'articles-arrived'}>): State {
	const isAtTop = state.listTop === 0 && selectedIndex(state) <= 0 && (state.mode.name === 'browse' || state.mode.name === 'filter');
	// The articles so far are the same objects at the head of the new list: the selection and the filter's hits stay
	// valid. The filter searches the first frame's articles until every article is in, and then all of them.
	const isComplete = loadingShare === undefined;
	const results = isComplete && state.results ? {...state.results, isStale: true} : state.results;
	const searchedArticles = isComplete ? articles : state.searchedArticles;
	const added: State = {...state, articles, searchedArticles, results, searchProgress: isComplete ? undefined : state.searchProgress, loadingShare, inputWarningCount, fetchCounts};
	// Articles that came above the selection push it down: the list scrolls with it, so that it stays on its row.
	const arrived = withListWindow({...added, listTop: Math.max(0, selectedRowOf(added) - (selectedRowOf(state) - state.listTop))});
	const firstId = selectHits(arrived)[0]?.article.id;
	if (arrived.placeToRestore !== undefined) {
		return withPlaceRestored(arrived, isAtTop);
	}

	if (!isAtTop || firstId === undefined || firstId === arrived.selectedId) {
		return arrived;
	}

	return withShownSelection(withListWindow({...arrived, selectedId: firstId, articleScrollTop: 0}));
}

/**
 * Selects the article where the inputs were left last time once it has arrived, unless the selection has left the
 * top meanwhile; until every article is in, the list stays on its first row as more arrive.
 */
function withPlaceRestored(state: State, isAtTop: boolean): State {
	const key = state.placeToRestore;
	const hits = selectHits(state);
	const index = key === undefined || !isAtTop ? -1 : hits.findIndex(hit => articleKey(hit.article) === key);
	if (index >= 0) {
		return {...state, ...selectionInView(state, index), articleScrollTop: 0, placeToRestore: undefined};
	}

	const isWaiting = isAtTop && state.loadingShare !== undefined;
	const firstId = hits[0]?.article.id;
	const atTop = isAtTop && firstId !== undefined && firstId !== state.selectedId ? withShownSelection(withListWindow({...state, selectedId: firstId, articleScrollTop: 0})) : state;
	return isWaiting ? atTop : {...atTop, placeToRestore: undefined};
}

/** The list row of the selected article (0 when the list is empty). */
function selectedRowOf(state: State): number {
	const rows = selectListRows(state);
	return rows.articleCount > 0 ? rows.rowOfArticle(Math.max(0, selectedIndex(state))) : 0;
}

/** The state with `articles` instead of its own, its selection, filter results and scroll kept as far as they can be. */
function withArticles(state: State, articles: readonly Article[]): State {
	const position = Math.max(0, selectedIndex(state));
	const byId = articlesByIdOf(articles);
	const results = state.results && {
		query: state.results.query,
		hits: state.results.hits.flatMap(hit => {
			const article = byId.get(hit.article.id);
			return article ? [article === hit.article ? hit : {article, headlineMatches: hit.headlineMatches}] : [];
		}),
		isStale: true,
	};
	const loaded: State = {...state, articles, searchedArticles: articles, results, searchProgress: undefined};
	const isKept = state.selectedId !== undefined && byId.has(state.selectedId);
	const hits = selectHits(loaded);
	const selectedId = isKept ? state.selectedId : hits[Math.min(position, hits.length - 1)]?.article.id;
	const selected = withShownSelection(withListWindow({...loaded, selectedId}));
	return scrollArticle(selected, selected.articleScrollTop);
}
