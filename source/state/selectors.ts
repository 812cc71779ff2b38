import type {Article} from '../article.js';
import {articleKey, isMarked, type ReadMarks} from '../read-state/marks.js';
import {headlineMatchesFor, type HitList, type SearchHit, unfilteredHits} from '../search/search.js';
import {articleLines, type ArticleLine} from './article-lines.js';
import {type ArticleMatch, findMatches, findWordMatches, firstMatchFrom, highlightsByLine, type LineHighlight} from './article-search.js';
import {layoutOf} from './layout.js';
import {groupKey, groupLabel, hasGroups, hasSeveralSources, type ListOrder, listOrders, orderArticles, sourceGroups} from './list-order.js';
import {type ListRows, listRows} from './list-rows.js';
import type {Mode} from '../mode.js';
import type {ListView, SearchProgress, State} from './state.js';
import {displayWidth} from '../text/text-width.js';
import {fieldQueryOf, filterWords, hiddenArticles, searchTextOf, withFieldFilters} from './field-filtering.js';
import type {FilterFacts} from './typed-lines.js';
import {groupedNumber} from '../text/numbers.js';

/** The query that shapes the list now: the draft while the filter line is open, else the filter in force. */
export function activeQuery(state: State): string {
	return state.mode.name === 'filter' ? state.mode.draft : state.query;
}

/** The part of the active query the search looks for: its free words, without field terms (`source:…`), trimmed. */
export function searchedQuery(state: State): string {
	return searchTextOf(activeQuery(state));
}

/** Whether the list shows a search's matches (the results of free words), rather than every article. */
function isShowingMatches(state: State): boolean {
	return state.results !== undefined && searchedQuery(state) !== '';
}

/** The order the list shows: the filter's relevance while it ranks the matches, else the chosen order. */
export function displayedOrder(state: State): ListOrder | 'relevance' {
	if (!isShowingMatches(state)) {
		return state.order;
	}

	return state.shouldRankMatches ? 'relevance' : (state.matchOrder ?? state.order);
}

const orderedArticlesCache = new WeakMap<readonly Article[], Map<ListOrder, readonly Article[]>>();

/** `articles` in `order`, made once per list and order. */
function orderedArticles(articles: readonly Article[], order: ListOrder): readonly Article[] {
	let byOrder = orderedArticlesCache.get(articles);
	if (!byOrder) {
		byOrder = new Map();
		orderedArticlesCache.set(articles, byOrder);
	}

	let ordered = byOrder.get(order);
	if (!ordered) {
		ordered = orderArticles(articles, order);
		byOrder.set(order, ordered);
	}

	return ordered;
}

const orderedHitsCache = new WeakMap<readonly SearchHit[], Map<ListOrder, readonly SearchHit[]>>();

/** A filter's matches in the list's order instead of by relevance: the ordered articles that are among the hits. */
function orderedHits(hits: readonly SearchHit[], articles: readonly Article[], order: ListOrder): readonly SearchHit[] {
	let byOrder = orderedHitsCache.get(hits);
	if (!byOrder) {
		byOrder = new Map();
		orderedHitsCache.set(hits, byOrder);
	}

	let ordered = byOrder.get(order);
	if (!ordered) {
		const hitOfArticle = new Map(hits.map(hit => [hit.article, hit]));
		ordered = orderedArticles(articles, order).flatMap(article => {
			const hit = hitOfArticle.get(article);
			return hit ? [hit] : [];
		});
		byOrder.set(order, ordered);
	}

	return ordered;
}

/**
 * The articles the list would show in the view of all articles, in the order it shows them: every article for an
 * empty query, else the latest search results (which are for an older query while the search for this one runs),
 * most relevant first unless the user chose the list's order for them.
 */
function selectAllHits(state: State): readonly SearchHit[] {
	return withFieldFilters(selectSearchHits(state), activeQuery(state), state.filterBasis, state.hideRules, state.articles);
}

/** The articles the search keeps, before field terms and hide rules (see selectAllHits). */
function selectSearchHits(state: State): readonly SearchHit[] {
	if (!isShowingMatches(state)) {
		return unfilteredHits(orderedArticles(state.articles, state.order));
	}

	const {hits} = state.results!;
	return state.shouldRankMatches ? hits : orderedHits(hits, state.articles, state.matchOrder ?? state.order);
}

/** How many articles the config's hide rules keep out of the list. */
export function hiddenCount(state: State): number {
	return hiddenArticles(state.articles, state.hideRules, state.filterBasis).size;
}

const hitsInViews = new WeakMap<readonly SearchHit[], WeakMap<ReadMarks, {unread?: readonly SearchHit[]; starred?: readonly SearchHit[]}>>();

/** The hits the view keeps: all of them, or those unread or starred by the marks the view was chosen with. */
function hitsInView(hits: readonly SearchHit[], view: ListView): readonly SearchHit[] {
	if (view.name === 'all') {
		return hits;
	}

	let byMarks = hitsInViews.get(hits);
	if (!byMarks) {
		byMarks = new WeakMap();
		hitsInViews.set(hits, byMarks);
	}

	let views = byMarks.get(view.marks);
	if (!views) {
		views = {};
		byMarks.set(view.marks, views);
	}

	const {marks} = view;
	views[view.name] ??=
		view.name === 'unread'
			? hits.filter(hit => !isMarked(marks, articleKey(hit.article), 'read'))
			: hits.filter(hit => isMarked(marks, articleKey(hit.article), 'starred'));
	return views[view.name]!;
}

/**
 * The articles the list shows, in the order it shows them (see selectAllHits), and only those the view keeps
 * (unread, starred).
 */
export function selectHits(state: State): readonly SearchHit[] {
	return hitsInView(selectAllHits(state), state.view);
}

/** Whether `article` has been read. */
export function isArticleRead(state: State, article: Article): boolean {
	return isMarked(state.readMarks, articleKey(article), 'read');
}

/** Whether `article` is starred. */
export function isArticleStarred(state: State, article: Article): boolean {
	return isMarked(state.readMarks, articleKey(article), 'starred');
}

const hitLists = new WeakMap<readonly SearchHit[], HitList>();

/**
 * The list as the list pane shows it: the rows in view get their headline matches, which the hits past the ones
 * fuse.js ranked lack. Each row is made once per list, so that memoised rows stay the same.
 */
export function selectHitList(state: State): HitList {
	const hits = selectHits(state);
	const query = isShowingMatches(state) ? state.results!.query : undefined;
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

const severalSourcesCache = new WeakMap<readonly Article[], boolean>();

/** Whether the articles come from several sources, so that the list can group them by source. */
export function hasSeveralSourcesOpen(state: State): boolean {
	let hasSources = severalSourcesCache.get(state.articles);
	if (hasSources === undefined) {
		hasSources = hasSeveralSources(state.articles);
		severalSourcesCache.set(state.articles, hasSources);
	}

	return hasSources;
}

const groupColumnCounts = new WeakMap<readonly Article[], number>();
/** The widest group label the list shows beside a headline. */
const widestGroupColumnCount = 16;

/**
 * How wide the list's column of group labels is (see {@link groupLabel}): the widest label, at most 16 columns; 0 when
 * no article is in a group. Kept per list of articles.
 */
export function groupColumnCount(articles: readonly Article[]): number {
	let count = groupColumnCounts.get(articles);
	if (count === undefined) {
		count = 0;
		if (hasGroups(articles)) {
			for (const article of articles) {
				const label = groupLabel(article);
				count = label === undefined ? count : Math.min(widestGroupColumnCount, Math.max(count, displayWidth(label)));
			}
		}

		groupColumnCounts.set(articles, count);
	}

	return count;
}

const listRowsCache = new WeakMap<HitList, ListRows>();

/**
 * The list's rows: in the `source` order with several sources open, a header row above each source's group, and in
 * the `group` order with articles in groups, above each group; otherwise one row an article.
 */
export function selectListRows(state: State): ListRows {
	const hitList = selectHitList(state);
	let rows = listRowsCache.get(hitList);
	if (!rows) {
		// Each order makes its own list of hits, so the list alone says whether it is grouped.
		const order = displayedOrder(state);
		const isGrouped = order === 'source' ? hasSeveralSourcesOpen(state) : order === 'group' && hasGroups(state.articles);
		rows = listRows(hitList, isGrouped ? sourceGroups(selectHits(state), hit => hit.article, order === 'group' ? groupKey : undefined) : undefined);
		listRowsCache.set(hitList, rows);
	}

	return rows;
}

/** Whether the state holds the final results of a search for `query` over its articles (not stale, not provisional). */
export function hasCurrentResults(state: State, query: string): boolean {
	return state.results?.query === query && state.results.isStale !== true && state.results.isProvisional !== true;
}

/** The query the shell should search for, when the list does not show its final results yet. */
export function pendingQuery(state: State): string | undefined {
	const query = searchedQuery(state);
	return query !== '' && !hasCurrentResults(state, query) ? query : undefined;
}

/** What the filter line says at its right (see filterSummary): how many articles the query in force matches, of how many. */
export function filterFacts(state: State): FilterFacts {
	const query = activeQuery(state);
	return {
		query,
		matchCount: selectHits(state).length,
		articleCount: state.articles.length,
		// While a big input loads, the filter searches the articles of the first frame; every article once all are in.
		searchedCount: query.trim() === '' ? undefined : state.searchedArticles.length,
		slowSearch: slowSearch(state),
		error: fieldQueryOf(query, state.filterBasis.now).error,
	};
}

/** The progress of the search for the query in force, when it is taking a while. */
export function slowSearch(state: State): SearchProgress | undefined {
	const query = pendingQuery(state);
	if (query === undefined) {
		return undefined;
	}

	if (state.searchProgress?.query === query) {
		return state.searchProgress;
	}

	// No results for this query at all yet (not even the word index's): the list shows another query's, or every
	// article, and its count would be wrong. The search is on.
	return state.results?.query === query ? undefined : {query, indexedShare: 1};
}

/** The order `S` moves to: the next in the cycle, with relevance as a stop while a filter is in force. */
export function nextOrder(state: State): ListOrder | 'relevance' {
	const stops: Array<ListOrder | 'relevance'> = listOrders.filter(order => (order === 'source' ? hasSeveralSourcesOpen(state) : order !== 'group' || hasGroups(state.articles)));
	if (searchedQuery(state) !== '') {
		stops.push('relevance');
	}

	const current = stops.indexOf(displayedOrder(state));
	return stops[(current + 1) % stops.length]!;
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

const articlesById = new WeakMap<readonly Article[], Map<string, Article>>();

/** The article the article pane shows (see `State.shownArticleId`). */
export function shownArticle(state: State): Article | undefined {
	if (state.shownArticleId === undefined) {
		return undefined;
	}

	// Mostly the selected article: found without a map of every article (made again for each new list of them).
	const selected = selectedArticle(state);
	return selected?.id === state.shownArticleId ? selected : articleWithId(state.articles, state.shownArticleId);
}

/** The last article {@link articleWithId} found in each list of articles. */
const lastFoundArticles = new WeakMap<readonly Article[], {readonly id: string; readonly article: Article | undefined}>();

/**
 * The article of `articles` with `id`, found by going through them once and remembered: the article pane asks for
 * the shown article at every frame while a filter keeps it out of the hits, and a map of 100,000 articles took 75 ms
 * to make on the frame that answered the first filter of a big file.
 */
function articleWithId(articles: readonly Article[], id: string): Article | undefined {
	const last = lastFoundArticles.get(articles);
	if (last?.id === id) {
		return last.article;
	}

	const article = articlesById.get(articles)?.get(id) ?? articles.find(candidate => candidate.id === id);
	lastFoundArticles.set(articles, {id, article});
	return article;
}

/** `articles` by id, made once for each list of articles. */
export function articlesByIdOf(articles: readonly Article[]): ReadonlyMap<string, Article> {
	let byId = articlesById.get(articles);
	if (!byId) {
		byId = new Map(articles.map(article => [article.id, article]));
		articlesById.set(articles, byId);
	}

	return byId;
}

/** Whether the article pane waits for the selection to rest before it shows the selected article. */
export function isShownArticleBehind(state: State): boolean {
	return selectedArticle(state)?.id !== state.shownArticleId;
}

/** The shown article's screen lines at the article pane's width. */
export function shownArticleLines(state: State): readonly ArticleLine[] {
	const article = shownArticle(state);
	return article ? articleLines(article, layoutOf(state).articleTextColumnCount, state.glyphs) : [];
}

/** The furthest the article pane can scroll. */
export function maximumArticleScrollTop(state: State): number {
	return Math.max(0, shownArticleLines(state).length - layoutOf(state).articleRowCount);
}

/** The in-article search as the pane and the search line show it. */
export type ArticleSearchView = {
	readonly query: string;
	readonly matches: readonly ArticleMatch[];
	/** The current match, when there are any. */
	readonly currentIndex: number;
	/** Whether the search line is open. */
	readonly isEditing: boolean;
	/** The highlights of the matches, by line index. */
	readonly highlights: ReadonlyMap<number, readonly LineHighlight[]>;
	/** For a search carried over from the filter: the words it looks for (any of them), instead of `query`. */
	readonly words?: readonly string[];
};

const noHighlights: ReadonlyMap<number, readonly LineHighlight[]> = new Map();

/**
 * The search in the selected article: the draft while the search line is open (its current match the first at or
 * below where the article was), else the search kept for this article. Undefined when there is none.
 */
export function selectArticleSearch(state: State): ArticleSearchView | undefined {
	const {mode, articleSearch} = state;
	const isEditing = mode.name === 'article-search';
	const kept = articleSearch?.articleId === state.selectedId ? articleSearch : undefined;
	if (!isEditing && !kept) {
		return filterSearch(state);
	}

	const query = isEditing ? mode.draft : (kept?.query ?? '');
	if (query === '') {
		return isEditing ? {query, matches: [], currentIndex: 0, isEditing, highlights: noHighlights} : undefined;
	}

	const words = isEditing ? undefined : kept?.words;
	const matches = words ? findWordMatches(shownArticleLines(state), words) : findMatches(shownArticleLines(state), query);
	const currentIndex = isEditing ? firstMatchFrom(matches, mode.scrollTopBefore) : Math.min(kept?.matchIndex ?? 0, Math.max(0, matches.length - 1));
	return {query, matches, currentIndex, isEditing, highlights: highlightsByLine(matches, currentIndex), ...(words ? {words} : {})};
}

/**
 * The filter carried into the article shown from its list: its words highlighted, the first match current, until `n`
 * or `N` takes the search over (see stepArticleSearch in update.ts) or a `/` search replaces it. Undefined when the
 * filter has no words to show.
 */
function filterSearch(state: State): ArticleSearchView | undefined {
	const words = filterWords(activeQuery(state));
	if (words.length === 0 || state.shownArticleId === undefined) {
		return undefined;
	}

	const matches = findWordMatches(shownArticleLines(state), words);
	return {query: words.join(' '), matches, currentIndex: 0, isEditing: false, highlights: highlightsByLine(matches, 0), words};
}

/** Whether any article has a date: the list gives dates a column only then (see list-order.ts). */
export {datedYears} from './list-order.js';

/** `1 article`, `21,577 articles`. */
export function articleCountText(count: number): string {
	return count === 1 ? '1 article' : `${groupedNumber(count)} articles`;
}

/** The question a `confirm` mode asks, as the status line shows it. */
export function questionText(state: State): string | undefined {
	return state.mode.name === 'confirm' ? `Mark ${articleCountText(state.mode.question.articleCount)} read? y/n` : undefined;
}

/**
 * Whether the article pane has the focus: reading, searching the article, and the help, a question or a prompt
 * opened over the article (not over the list). One answer for the layout, the selection and the views.
 */
export function isReading(mode: Mode): boolean {
	return mode.name === 'read' || mode.name === 'article-search' || ((mode.name === 'help' || mode.name === 'confirm' || mode.name === 'prompt' || mode.name === 'messages') && mode.returnTo === 'read');
}
