import {type Command, commandFor, type KeyName} from '../input/keymap.js';
import {articleKey, isMarked, type MarkName, type ReadMarks, withFlag} from '../read-state/marks.js';
import type {SearchHit} from '../search/search.js';
import {firstLineOf, lastLineOf, stepMatch} from './article-search.js';
import {helpLayout} from './help-layout.js';
import {layoutOf} from './layout.js';
import {resizeList, toggleArticlePane} from './pane-sizes.js';
import {maximumMessagesScrollTop, withMessagesRecorded, withNewWarningMessages} from './messages.js';
import {clamp} from './list-rows.js';
import {activeQuery, searchedQuery, articleCountText, articlesByIdOf, hasCurrentResults, isReading, maximumArticleScrollTop, nextOrder, selectArticleSearch, selectedArticle, selectHits, selectListRows, selectedIndex} from './selectors.js';
import type {Mode, PromptPurpose, Viewport} from '../mode.js';
import {commandWords} from '../text/command-words.js';
import {filterWords, namedViewHelpSections} from './field-filtering.js';
import {usLayoutKey} from '../input/layout-keys.js';
import type {FetchCounts, ListViewName, MarkChange, NamedView, State} from './state.js';
import {type Article, bodyChecksum, isOpenableAddress} from '../article.js';
import type {MouseEvent} from '../input/mouse-input.js';
import {mouseTargetAt} from './mouse-target.js';
import {selectionInView} from './initial-state.js';
import {articleWithStory, hasStoryAddress, hostOf, type PrefetchedStory, withStories} from './full-stories.js';

/** Something that happened to the interface. */
export type Action =
	/** Keys pressed at `now` (milliseconds since the epoch), which read marks record; 0 when absent, as in tests. */
	| {readonly type: 'keys-pressed'; readonly keys: readonly KeyName[]; readonly now?: number}
	/** The mouse was used (a click, a step of the wheel) at `now`, as for keys. */
	| {readonly type: 'mouse-used'; readonly event: MouseEvent; readonly now?: number}
	/** Something went wrong outside the state (saving the read state); the status line counts it. */
	| {readonly type: 'warning-raised'; readonly message: string}
	/** The changes of `marks` are in the state file; `folded` holds the same marks with them folded in as saved. */
	| {readonly type: 'read-marks-saved'; readonly marks: ReadMarks; readonly folded: ReadMarks}
	| {readonly type: 'viewport-resized'; readonly viewport: Viewport}
	/**
	 * The search for `query` (trimmed) finished with `hits`. `articles` are the ones searched: results for articles
	 * the filter no longer searches (a reload replaced them, or a big input finished loading) are dropped.
	 */
	| {
		readonly type: 'search-finished';
		readonly query: string;
		readonly hits: readonly SearchHit[];
		/** Whether these hits come before fuse.js has ranked the head of the list: final ones follow. */
		readonly isProvisional?: boolean;
		readonly articles?: readonly Article[];
	}
	/** The search for `query` is still running, with the index built for `indexedShare` of the articles. */
	| {readonly type: 'search-progressed'; readonly query: string; readonly indexedShare: number}
	/** The shell has something to tell: a link copied or opened, or why it could not be (or why a reload could not). */
	| {readonly type: 'notice-shown'; readonly text: string}
	/**
	 * No key has moved the selection off article `articleId` for a moment: the article pane catches up with it. A
	 * rest of an article no longer selected (a key came as the moment ended) changes nothing.
	 */
	| {readonly type: 'selection-rested'; readonly articleId: string | undefined}
	/**
	 * The inputs were read again (`R`, or `--watch` saw a change): `articles` in the inputs' order. `failures` name the
	 * inputs that could not be read this time and kept their old articles.
	 */
	| {
		readonly type: 'articles-loaded';
		readonly articles: readonly Article[];
		readonly failures: readonly string[];
		readonly label?: string;
		/** How many warnings reading the inputs gave this time, the failures among them; unknown: the count stays. */
		readonly inputWarningCount?: number;
	}
	/**
	 * More of the inputs is parsed, after the first frame showed their first articles: `articles` are all so far, in
	 * the inputs' order; `loadingShare` is how much is parsed, undefined when all is.
	 */
	| {
		readonly type: 'articles-arrived';
		readonly articles: readonly Article[];
		readonly loadingShare: number | undefined;
		readonly inputWarningCount: number;
		readonly fetchCounts?: FetchCounts;
		/** The inputs' warnings so far, sanitised: those beyond the count known before go to the messages. */
		readonly inputWarnings?: readonly string[];
	}
	/**
	 * The full story of article `articleId` (asked for with `F`) was fetched from `url` and extracted: its paragraphs
	 * and links, already sanitised; or it could not be, and `error` says why in a line.
	 */
	| {
		readonly type: 'full-text-finished';
		readonly articleId: string;
		readonly url: string;
		readonly result: {readonly paragraphs: readonly string[]; readonly links: readonly string[]; readonly isFromCache: boolean} | {readonly error: string};
	}
	/**
	 * Full stories fetched ahead of time (`--full-text`) have come: they take the place of their articles' summaries,
	 * quietly; `counts` is how many of those asked for have come, undefined once all have.
	 */
	| {
		readonly type: 'full-texts-prefetched';
		readonly stories: readonly PrefetchedStory[];
		readonly counts: FetchCounts | undefined;
	};


/** A key that types itself into the filter line. */
function typedText(key: KeyName): string | undefined {
	if (key === 'space') {
		return ' ';
	}

	return [...key].length === 1 ? key : undefined;
}

/**
 * Keeps the selection inside the list window, scrolling the window as little as possible, and showing the header
 * of the selected article's group when it is the first of its group.
 */
function withListWindow(state: State): State {
	const {listRowCount} = layoutOf(state);
	const rows = selectListRows(state);
	const index = Math.max(0, selectedIndex(state));
	let listTop = clamp(state.listTop, 0, Math.max(0, rows.rowCount - listRowCount));
	if (rows.articleCount > 0) {
		const row = rows.rowOfArticle(index);
		const topRow = rows.topRowOfArticle(index);
		if (topRow < listTop) {
			listTop = topRow;
		} else if (row >= listTop + listRowCount) {
			listTop = row - listRowCount + 1;
		}
	}

	return listTop === state.listTop ? state : {...state, listTop};
}

/** Moves the selection to list position `index` (clamped); the article pane follows it later (see `withShownSelection`). */
function selectIndex(state: State, index: number): State {
	const hits = selectHits(state);
	const hit = hits[clamp(index, 0, hits.length - 1)];
	if (!hit) {
		return state;
	}

	if (hit.article.id === state.selectedId) {
		return withListWindow(state);
	}

	return withListWindow({...state, selectedId: hit.article.id});
}

/** Selects the first match of the filter now in force, with the window back at the top. */
function selectFirstHit(state: State): State {
	return withListWindow({...state, listTop: 0, selectedId: selectHits(state)[0]?.article.id ?? state.selectedId});
}

/** The article pane showing the selected article, from its top when that is a different article. */
function withShownSelection(state: State): State {
	const id = selectedArticle(state)?.id;
	return id === state.shownArticleId ? state : {...state, shownArticleId: id, articleScrollTop: 0};
}

/**
 * Whether the article pane must show the selection at once: when the article has the focus, and when it is not
 * beside the list (it is out of sight, so following costs nothing on screen).
 */
function followsSelectionAtOnce(state: State): boolean {
	const {mode} = state;
	return isReading(mode) || !layoutOf(state).isSplit;
}

/** The list window and the article's scroll kept in bounds after the panes changed size. */
function withLayoutFollowed(state: State): State {
	const windowed = withListWindow(state);
	return scrollArticle(windowed, windowed.articleScrollTop);
}

function scrollArticle(state: State, top: number): State {
	const articleScrollTop = clamp(top, 0, maximumArticleScrollTop(state));
	return articleScrollTop === state.articleScrollTop ? state : {...state, articleScrollTop};
}

/** Moves by `delta` rows: the selection in the list, or the text in the article. */
/** Scrolls the help overlay to `top` (clamped). */
function scrollHelp(state: State, top: number): State {
	if (state.mode.name !== 'help') {
		return state;
	}

	const {paneRowCount, columnCount} = layoutOf(state);
	const scrollTop = clamp(top, 0, helpLayout(state.keymap, state.glyphs, paneRowCount, columnCount, namedViewHelpSections(state.namedViews)).maximumScrollTop);
	return scrollTop === state.mode.scrollTop ? state : {...state, mode: {...state.mode, scrollTop}};
}

/** Scrolls the messages overlay to `top` (clamped). */
function scrollMessages(state: State, top: number): State {
	if (state.mode.name !== 'messages') {
		return state;
	}

	const {paneRowCount, columnCount} = layoutOf(state);
	const scrollTop = clamp(top, 0, maximumMessagesScrollTop(state.messages, paneRowCount, columnCount));
	return scrollTop === state.mode.scrollTop ? state : {...state, mode: {...state.mode, scrollTop}};
}

function moveBy(state: State, delta: number): State {
	if (state.mode.name === 'messages') {
		return scrollMessages(state, state.mode.scrollTop + delta);
	}

	if (state.mode.name === 'help') {
		return scrollHelp(state, state.mode.scrollTop + delta);
	}

	return state.mode.name === 'read'
		? scrollArticle(state, state.articleScrollTop + delta)
		: selectIndex(state, selectedIndex(state) + delta);
}

/**
 * Pages by `direction`: the list window and the selection move together by a screen of rows, as in less. A group
 * header that lands under the cursor gives way to the article below it.
 */
function pageBy(state: State, direction: number, share: 1 | 0.5 = 1): State {
	const ofPage = (rowCount: number) => direction * Math.max(1, Math.floor(rowCount * share));
	if (state.mode.name === 'messages') {
		return scrollMessages(state, state.mode.scrollTop + ofPage(layoutOf(state).paneRowCount - 2));
	}

	if (state.mode.name === 'help') {
		const {paneRowCount, columnCount} = layoutOf(state);
		return scrollHelp(state, state.mode.scrollTop + ofPage(helpLayout(state.keymap, state.glyphs, paneRowCount, columnCount, namedViewHelpSections(state.namedViews)).visibleRowCount));
	}

	if (state.mode.name === 'read') {
		// A whole page keeps one line of the last in sight; half a page moves by half the pane, as in less.
		const {articleRowCount} = layoutOf(state);
		return scrollArticle(state, state.articleScrollTop + ofPage(share === 1 ? articleRowCount - 1 : articleRowCount));
	}

	const {listRowCount} = layoutOf(state);
	const rows = selectListRows(state);
	if (rows.articleCount === 0) {
		return state;
	}

	const rowDelta = ofPage(listRowCount);
	const paged = {...state, listTop: Math.max(0, state.listTop + rowDelta)};
	return selectIndex(paged, rows.articleAtRow(rows.rowOfArticle(selectedIndex(state)) + rowDelta));
}

/** The most a count can repeat a page: enough to cross any list, few enough that a stray `9999` costs nothing. */
const maximumPageCount = 1000;

/**
 * The next (`direction` 1) or previous unread article of the list from the selection, judged by the marks as they
 * are now; while reading, it opens. With none that way, a notice says so.
 */
function selectUnread(state: State, direction: 1 | -1): State {
	const hits = selectHits(state);
	const start = selectedIndex(state);
	for (let index = start + direction; index >= 0 && index < hits.length; index += direction) {
		if (!isMarked(state.readMarks, articleKey(hits[index]!.article), 'read')) {
			return selectIndex(state, index);
		}
	}

	return {...state, notice: direction === 1 ? 'no unread article below' : 'no unread article above'};
}

/** The marks after `change`, which goes on the undo list and is told in a notice. */
function withMarkChange(state: State, change: MarkChange, now: number): State {
	const readMarks = withFlag(state.readMarks, change.keys, change.name, change.isOn, now);
	return {...withReadMarks(state, readMarks), markUndos: [...state.markUndos.slice(1 - maximumUndoCount), change], notice: `${change.description} (U undoes)`};
}

/** How many changes of marks `U` can undo. */
const maximumUndoCount = 100;

/** Undoes the latest change of marks on the undo list, with a notice of what came back. */
function undoMarkChange(state: State, now: number): State {
	const change = state.markUndos.at(-1);
	if (!change) {
		return {...state, notice: 'nothing to undo'};
	}

	const readMarks = withFlag(state.readMarks, change.keys, change.name, !change.isOn, now);
	return {...withReadMarks(state, readMarks), markUndos: state.markUndos.slice(0, -1), notice: `undone: ${change.description}`};
}

/** The unread articles of the list, by key: what `m` marks read. */
function unreadKeysOfList(state: State): string[] {
	return selectHits(state).flatMap(hit => {
		const key = articleKey(hit.article);
		return isMarked(state.readMarks, key, 'read') ? [] : [key];
	});
}

/** `m`: asks first, unless there is nothing to mark. */
function askToMarkAllRead(state: State): State {
	const {mode} = state;
	if (mode.name !== 'browse' && mode.name !== 'read') {
		return state;
	}

	const articleCount = unreadKeysOfList(state).length;
	if (articleCount === 0) {
		return {...state, notice: selectHits(state).length === 0 ? 'no articles to mark' : 'every article here is read already'};
	}

	return {...state, mode: {name: 'confirm', returnTo: mode.name, question: {name: 'mark-all-read', articleCount}}};
}

/** The answer to the question of a `confirm` mode: yes does what it asked, no leaves everything as it was. */
function answer(state: State, isYes: boolean, now: number): State {
	const {mode} = state;
	if (mode.name !== 'confirm') {
		return state;
	}

	const back: State = {...state, mode: {name: mode.returnTo}};
	if (!isYes) {
		return {...back, notice: 'nothing marked'};
	}

	const keys = unreadKeysOfList(back);
	return keys.length === 0
		? back
		: withMarkChange(back, {keys, name: 'read', isOn: true, description: `marked ${articleCountText(keys.length)} read`}, now);
}


/** Shows the list in the next order (see {@link nextOrder}), keeping the selected article. */
function cycleOrder(state: State): State {
	const order = nextOrder(state);
	// Without a filter, S orders the whole list and leaves the matches' order for the next filter; with one, it orders
	// the matches alone, so that Esc finds the whole list as it was.
	if (searchedQuery(state) === '') {
		return withListWindow(order === 'relevance' ? state : {...state, order});
	}

	return withListWindow(order === 'relevance' ? {...state, shouldRankMatches: true} : {...state, matchOrder: order, shouldRankMatches: false});
}

/** Drops the search results once the query in force is empty, so that a later query starts from the full list. */
function withResultsForQuery(state: State): State {
	return state.results && searchedQuery(state) === '' ? {...state, results: undefined, searchProgress: undefined} : state;
}

function withDraft(state: State, draft: string): State {
	const {mode} = state;
	if (mode.name === 'article-search') {
		return mode.draft === draft ? state : showCurrentMatch({...state, mode: {...mode, draft}}, mode.scrollTopBefore);
	}

	if (mode.name === 'prompt') {
		return mode.draft === draft ? state : {...state, mode: {...mode, draft}};
	}

	return mode.name === 'filter' && mode.draft !== draft ? selectFirstHit(withResultsForQuery({...state, mode: {name: 'filter', draft}})) : state;
}

/** A file name from a headline: `harbour-wall-repaired-after-storm.txt`. */
export function fileNameOf(headline: string): string {
	const slug = headline
		.normalize('NFKD')
		.replaceAll(/\p{M}/gu, '')
		.toLowerCase()
		.replaceAll(/[^\p{L}\p{N}]+/gu, '-')
		.replaceAll(/^-+|-+$/gu, '')
		.slice(0, 60)
		.replace(/-+$/u, '');
	return `${slug || 'article'}.txt`;
}

/** Opens the prompt for `purpose` about the selected article: `|` offers the last command again, `w` a file name. */
function startPrompt(state: State, purpose: PromptPurpose): State {
	const {mode} = state;
	const article = selectedArticle(state);
	if (!article || (mode.name !== 'browse' && mode.name !== 'read')) {
		return state;
	}

	const draft = purpose === 'pipe' ? state.lastPipeCommand : fileNameOf(article.headline);
	return {...state, mode: {name: 'prompt', purpose, draft, returnTo: mode.name}};
}

/** A program request as update makes it, before it gets its article and sequence. */
type ProgramOrder = {readonly kind: 'pipe'; readonly words: readonly string[]} | {readonly kind: 'page'} | {readonly kind: 'save'; readonly path: string};

/** Asks the shell to run a program on the selected article. */
function requestProgram(state: State, order: ProgramOrder): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	return {...state, programRequest: {...order, articleId: article.id, sequence: (state.programRequest?.sequence ?? 0) + 1}};
}

/** Enter at the prompt: pipes to the command typed, or saves to the path typed; an empty line does nothing. */
function acceptPrompt(state: State): State {
	const {mode} = state;
	if (mode.name !== 'prompt') {
		return state;
	}

	const back: State = {...state, mode: {name: mode.returnTo}};
	const line = mode.draft.trim();
	if (line === '') {
		return back;
	}

	if (mode.purpose === 'save') {
		return requestProgram(back, {kind: 'save', path: line});
	}

	const parsed = commandWords(line);
	if ('error' in parsed) {
		return {...state, notice: `cannot run it: ${parsed.error}`};
	}

	return requestProgram({...back, lastPipeCommand: line}, {kind: 'pipe', words: parsed.words});
}

/**
 * Scrolls the article so that the current match of its search is in view, from `scrollTop`: the view stays where
 * it is when the match is in it already, else the match's first line goes to the top, as in less.
 */
function showCurrentMatch(state: State, scrollTop: number): State {
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
function leaveArticleSearch(state: State, shouldKeep: boolean): State {
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
function stepArticleSearch(state: State, direction: 1 | -1): State {
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

/** `F`: asks the shell for the full story of the selected article, from its own address. */
function requestFullText(state: State): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	if (!hasStoryAddress(article)) {
		return {...state, notice: 'no web address to fetch the full story from'};
	}

	if (state.fullTextPendingIds.has(article.id)) {
		return {...state, notice: 'still fetching the full story…'};
	}

	return {
		...state,
		fullTextRequest: {sequence: (state.fullTextRequest?.sequence ?? 0) + 1, articleId: article.id, url: article.url},
		fullTextPendingIds: new Set([...state.fullTextPendingIds, article.id]),
		notice: `fetching the full story from ${hostOf(article.url)}…`,
	};
}

export {fullStoryLine} from './full-stories.js';

/** The state once a full story has arrived (or failed): the article's body replaced, or a line saying why not. */
function withFullText(state: State, action: Extract<Action, {type: 'full-text-finished'}>): State {
	const pending = new Set(state.fullTextPendingIds);
	pending.delete(action.articleId);
	if ('error' in action.result) {
		return {...state, fullTextPendingIds: pending, notice: `no full story: ${action.result.error}`};
	}

	const story = action.result;
	const replace = (article: Article): Article => (article.id === action.articleId ? articleWithStory(article, action.url, story) : article);
	return {
		...state,
		articles: state.articles.map(article => replace(article)),
		searchedArticles: state.searchedArticles.map(article => replace(article)),
		fullTextPendingIds: pending,
		notice: action.result.isFromCache ? 'full story shown (from the cache)' : 'full story shown',
	};
}

/** The link `o` and `y` act on: link [linkNumber] of the selected article, or its own address. */
function requestLink(state: State, action: 'open' | 'copy', linkNumber: number | undefined): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	const links = article.links ?? [];
	let url: string | undefined;
	if (linkNumber === undefined) {
		url = article.url;
		if (url === undefined) {
			return {...state, notice: links.length > 0 ? `this article has no address of its own; 1${action === 'open' ? 'o' : 'y'} for link [1]` : 'this article has no address'};
		}
	} else {
		url = links[linkNumber - 1];
		if (url === undefined || url === '') {
			const count = links.length === 0 ? 'no links' : links.length === 1 ? 'one link' : `${links.length} links`;
			return {...state, notice: `no link [${linkNumber}]: this article has ${count}`};
		}
	}

	if (!isOpenableAddress(url)) {
		return {...state, notice: `not a web address, so not ${action === 'open' ? 'opened' : 'copied'}: ${url.slice(0, 60)}`};
	}

	return {...state, linkRequest: {sequence: (state.linkRequest?.sequence ?? 0) + 1, action, url}};
}

/** The largest link number a prefix can build up to; more digits start again. */
const maximumLinkNumber = 9999;

/** Leaves the filter line with `query` in force, keeping the selected article when the new list still has it. */
function leaveFilter(state: State, query: string): State {
	const selectedId = state.mode.name === 'filter' ? (selectHits(state)[selectedIndex(state)]?.article.id ?? state.selectedId) : state.selectedId;
	return withListWindow(withResultsForQuery({...state, query, selectedId, mode: {name: 'browse'}}));
}

/**
 * Shows the hits of a finished search, unless the query has changed since it started (a newer search is on its
 * way). The best match is selected, as when typing, except under the article being read. Final hits that follow
 * provisional ones keep a selection the user has moved since, as long as it is still among them.
 */
function finishSearch(state: State, query: string, hits: readonly SearchHit[], isProvisional: boolean): State {
	if (query !== searchedQuery(state) || query === '' || hasCurrentResults(state, query)) {
		return state;
	}

	const refined = state.results?.query === query && state.results.isProvisional === true && state.results.isStale !== true;
	const hasMovedSelection = refined && selectHits(state)[0]?.article.id !== state.selectedId;
	const withHits: State = {...state, results: isProvisional ? {query, hits, isProvisional} : {query, hits}, searchProgress: undefined};
	return (isReading(state.mode) || hasMovedSelection) && hits.some(hit => hit.article.id === state.selectedId) ? withListWindow(withHits) : selectFirstHit(withHits);
}

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
function loadArticles(state: State, articles: readonly Article[], failures: readonly string[]): State {
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
function addArrivals(state: State, {articles, loadingShare, inputWarningCount, fetchCounts}: Extract<Action, {type: 'articles-arrived'}>): State {
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

/** The state with `readMarks`; the same state when they did not change. */
function withReadMarks(state: State, readMarks: ReadMarks): State {
	return readMarks === state.readMarks ? state : {...state, readMarks};
}

const flagWords: Readonly<Record<MarkName, readonly [on: string, off: string]>> = {read: ['marked read', 'marked unread'], starred: ['starred', 'unstarred']};

/** Turns flag `name` of the selected article on or off, with a notice, undoably. */
function toggleFlag(state: State, name: MarkName, now: number): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	const key = articleKey(article);
	const isOn = !isMarked(state.readMarks, key, name);
	return withMarkChange(state, {keys: [key], name, isOn, description: flagWords[name][isOn ? 0 : 1]}, now);
}

const viewCycle: readonly ListViewName[] = ['all', 'unread', 'starred'];

/** Shows the next view, judged by the marks as they are now; the selection stays when the new list has it. */
function cycleView(state: State): State {
	const name = viewCycle[(viewCycle.indexOf(state.view.name) + 1) % viewCycle.length]!;
	const viewed: State = {...state, view: name === 'all' ? {name} : {name, marks: state.readMarks}, listTop: 0};
	const hits = selectHits(viewed);
	const isSelectionKept = hits.some(hit => hit.article.id === state.selectedId);
	return withListWindow(isSelectionKept ? viewed : {...viewed, selectedId: hits[0]?.article.id ?? state.selectedId, articleScrollTop: 0});
}

/** The list filtered by named view `view` (its filter in force, as if typed), or by nothing; a notice names it. */
function showNamedView(state: State, view: NamedView | undefined): State {
	const query = view?.filter.trim() ?? '';
	const notice = view ? `view: ${view.name}` : 'no view: every article';
	return selectFirstHit(withResultsForQuery({...state, query, notice, articleSearch: undefined}));
}

/** Shows the named view after the one in force (the one whose filter is the query), or none after the last. */
function showNextNamedView(state: State): State {
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
function withViewUpToDate(before: State, after: State): State {
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

/**
 * Marks the article read when the user starts reading it: on opening it (Enter, l, Tab), or moving to it while
 * reading (J, K). Moving the selection over it in the list does not, even when the article pane beside the list
 * shows it: a glance at a headline is not a read. Keys pressed while reading (`u` above all) leave the mark alone.
 */
function markOpenedArticleRead(before: State, after: State, now: number): State {
	if (after.mode.name !== 'read' || (isReading(before.mode) && before.selectedId === after.selectedId)) {
		return after;
	}

	const article = selectedArticle(after);
	return article ? withReadMarks(after, withFlag(after.readMarks, [articleKey(article)], 'read', true, now)) : after;
}

/** Goes to position `index` (0 the first): the headline, the article's line, or the help's row. */
function goTo(state: State, index: number): State {
	if (state.mode.name === 'messages') {
		return scrollMessages(state, index);
	}

	if (state.mode.name === 'help') {
		return scrollHelp(state, index);
	}

	return state.mode.name === 'read' ? scrollArticle(state, index) : selectIndex(state, index);
}

function runCommand(state: State, command: Command, key: KeyName, pendingNumber: number | undefined, now: number): State {
	const {mode} = state;
	const draft = mode.name === 'filter' || mode.name === 'article-search' || mode.name === 'prompt' ? mode.draft : '';
	// Digits before a motion repeat it (5j), or name where it goes (3G).
	const count = pendingNumber === undefined || pendingNumber === 0 ? 1 : pendingNumber;
	const pageCount = Math.min(count, maximumPageCount);
	switch (command) {
		case 'cursor-down': {
			return moveBy(state, count);
		}

		case 'cursor-up': {
			return moveBy(state, -count);
		}

		case 'page-down': {
			return pageBy(state, pageCount);
		}

		case 'page-up': {
			return pageBy(state, -pageCount);
		}

		case 'half-page-down': {
			return pageBy(state, pageCount, 0.5);
		}

		case 'half-page-up': {
			return pageBy(state, -pageCount, 0.5);
		}

		case 'go-first': {
			return goTo(state, pendingNumber === undefined ? 0 : count - 1);
		}

		case 'go-last': {
			return goTo(state, pendingNumber === undefined ? Number.MAX_SAFE_INTEGER : count - 1);
		}

		case 'next-article': {
			return selectIndex(state, selectedIndex(state) + count);
		}

		case 'previous-article': {
			return selectIndex(state, selectedIndex(state) - count);
		}

		case 'next-unread': {
			return selectUnread(state, 1);
		}

		case 'previous-unread': {
			return selectUnread(state, -1);
		}

		case 'open': {
			return selectedIndex(state) === -1 ? state : {...state, mode: {name: 'read'}};
		}

		case 'back': {
			return {...state, mode: {name: 'browse'}};
		}

		case 'toggle-focus': {
			return mode.name === 'read' ? {...state, mode: {name: 'browse'}} : runCommand(state, 'open', key, pendingNumber, now);
		}

		case 'filter-start': {
			return selectFirstHit({...state, mode: {name: 'filter', draft: state.query}});
		}

		case 'filter-accept': {
			return leaveFilter(state, draft.trim());
		}

		case 'filter-cancel':
		case 'filter-clear': {
			return state.query === '' && mode.name !== 'filter' ? state : leaveFilter(state, '');
		}

		case 'filter-erase-character': {
			return withDraft(state, [...draft].slice(0, -1).join(''));
		}

		case 'filter-erase-word': {
			return withDraft(state, draft.replace(/\S*\s*$/u, ''));
		}

		case 'filter-erase-all': {
			return withDraft(state, '');
		}

		case 'order-cycle': {
			return cycleOrder(state);
		}

		case 'article-search-start': {
			return {...state, mode: {name: 'article-search', draft: '', scrollTopBefore: state.articleScrollTop}};
		}

		case 'article-search-accept': {
			return leaveArticleSearch(state, true);
		}

		case 'article-search-cancel': {
			return leaveArticleSearch(state, false);
		}

		case 'match-next': {
			return stepArticleSearch(state, 1);
		}

		case 'match-previous': {
			return stepArticleSearch(state, -1);
		}

		case 'link-number': {
			const typed = (pendingNumber ?? 0) * 10 + Number(key);
			const number = typed > maximumLinkNumber ? Number(key) : typed;
			return {...state, pendingNumber: number, notice: `${number}: a count for j, k, G, Ctrl-D…; o opens link [${number}], y copies it`};
		}

		case 'link-open': {
			return requestLink(state, 'open', pendingNumber);
		}

		case 'link-copy': {
			return requestLink(state, 'copy', pendingNumber);
		}

		case 'reload': {
			return {...state, reloadRequestCount: state.reloadRequestCount + 1};
		}

		case 'full-text': {
			return requestFullText(state);
		}

		case 'help-toggle': {
			if (mode.name === 'help') {
				return {...state, mode: {name: mode.returnTo}};
			}

			return mode.name === 'browse' || mode.name === 'read' ? {...state, mode: {name: 'help', returnTo: mode.name, scrollTop: 0}} : state;
		}

		case 'toggle-read': {
			return toggleFlag(state, 'read', now);
		}

		case 'toggle-star': {
			return toggleFlag(state, 'starred', now);
		}

		case 'mark-all-read': {
			return askToMarkAllRead(state);
		}

		case 'undo-mark': {
			return undoMarkChange(state, now);
		}

		case 'confirm-yes': {
			return answer(state, true, now);
		}

		case 'confirm-no': {
			return answer(state, false, now);
		}

		case 'cycle-view': {
			return cycleView(state);
		}

		case 'next-named-view': {
			return showNextNamedView(state);
		}

		case 'suspend': {
			return {...state, suspendRequestCount: state.suspendRequestCount + 1};
		}

		case 'redraw': {
			return {...state, redrawRequestCount: state.redrawRequestCount + 1};
		}

		case 'pipe-start': {
			return startPrompt(state, 'pipe');
		}

		case 'save-start': {
			return startPrompt(state, 'save');
		}

		case 'page': {
			return requestProgram(state, {kind: 'page'});
		}

		case 'prompt-accept': {
			return acceptPrompt(state);
		}

		case 'prompt-cancel': {
			return mode.name === 'prompt' ? {...state, mode: {name: mode.returnTo}} : state;
		}

		case 'list-narrower':
		case 'list-wider': {
			return withLayoutFollowed(resizeList(state, command === 'list-wider' ? count : -count));
		}

		case 'messages-toggle': {
			if (mode.name === 'messages') {
				return {...state, mode: {name: mode.returnTo}};
			}

			// Opens at the latest message, as the end of a log.
			return mode.name === 'browse' || mode.name === 'read' ? scrollMessages({...state, mode: {name: 'messages', returnTo: mode.name, scrollTop: 0}}, Number.MAX_SAFE_INTEGER) : state;
		}

		case 'article-pane-toggle': {
			return withLayoutFollowed(toggleArticlePane(state));
		}

		case 'pick': {
			const article = selectedArticle(state);
			return article ? {...state, mode: {name: 'quit', pickedId: article.id}} : state;
		}

		case 'quit': {
			return {...state, mode: {name: 'quit'}};
		}
	}
}

/** Whether printable keys type text in `mode` (the filter, the article's search, a prompt) rather than run commands. */
const isTypingMode = (mode: Mode) => mode.name === 'filter' || mode.name === 'article-search' || mode.name === 'prompt';

/**
 * The key as the keymap reads it: a letter of a Cyrillic or Greek layout that is bound to nothing in this mode acts
 * as the US key at its place (`о` as `j`), except where letters type themselves.
 */
function keyOnUsLayout(state: State, key: KeyName): KeyName {
	if (isTypingMode(state.mode) || commandFor(state.keymap, key, state.mode.name) !== undefined) {
		return key;
	}

	return usLayoutKey(key) ?? key;
}

function pressKey(previous: State, typedKey: KeyName, now: number): State {
	if (previous.mode.name === 'quit') {
		return previous;
	}

	const key = keyOnUsLayout(previous, typedKey);

	// A notice lasts until the next key, and a pending number applies to the key that follows it only.
	const {pendingNumber} = previous;
	const state = previous.notice === undefined && pendingNumber === undefined ? previous : {...previous, notice: undefined, pendingNumber: undefined};
	// A named view's own key (the config file makes sure it is bound to nothing else while browsing).
	const keyedView = state.mode.name === 'browse' ? state.namedViews.find(view => view.key === key) : undefined;
	if (keyedView) {
		return showNamedView(state, keyedView);
	}
	const command = commandFor(state.keymap, key, state.mode.name);
	if (command) {
		return withViewUpToDate(state, markOpenedArticleRead(state, withSearchOfSelection(runCommand(state, command, key, pendingNumber, now)), now));
	}

	const {mode} = state;
	// Any key but y answers no, as a key pressed by mistake should do nothing.
	if (mode.name === 'confirm') {
		return answer(state, false, now);
	}

	const text = mode.name === 'filter' || mode.name === 'article-search' || mode.name === 'prompt' ? typedText(key) : undefined;
	return text === undefined || (mode.name !== 'filter' && mode.name !== 'article-search' && mode.name !== 'prompt')
		? state
		: withSearchOfSelection(withDraft(state, mode.draft + text));
}

/** How many rows or lines a step of the wheel scrolls, as terminals scroll their own scrollback. */
const wheelStep = 3;

/**
 * Scrolls the list window by `delta` rows. The selection comes along only as far as it must to stay in view, as in
 * vim; while an article is being read, it stays on that article, out of view if need be.
 */
function scrollList(state: State, delta: number): State {
	const {listRowCount} = layoutOf(state);
	const rows = selectListRows(state);
	const listTop = clamp(state.listTop + delta, 0, Math.max(0, rows.rowCount - listRowCount));
	if (listTop === state.listTop) {
		return state;
	}

	const scrolled: State = {...state, listTop};
	if (isReading(state.mode) || rows.articleCount === 0) {
		return scrolled;
	}

	const index = Math.max(0, selectedIndex(state));
	const row = rows.rowOfArticle(index);
	const lastRow = listTop + listRowCount - 1;
	let inView = index;
	if (row < listTop) {
		inView = rows.articleAtRow(listTop);
	} else if (row > lastRow) {
		inView = rows.articleAtRow(lastRow);
		// A group header on the last row stands for the article below it, out of view.
		inView = rows.rowOfArticle(inView) > lastRow ? inView - 1 : inView;
	}

	const id = selectHits(state)[inView]?.article.id;
	return id === undefined || id === state.selectedId ? scrolled : {...scrolled, selectedId: id};
}

/**
 * A mouse report: the wheel scrolls the pane under the pointer (the help overlay when it shows); a left click on a
 * headline selects it (on the one selected, opens it, as Enter does), and one on the article pane gives the article
 * the focus, as Tab does (leaving the filter line with its filter kept). Releases, other buttons, and reports while
 * a question or a prompt waits do nothing.
 */
function applyMouse(state: State, event: MouseEvent): State {
	const {mode} = state;
	if (event.isRelease || event.isMotion || mode.name === 'confirm' || mode.name === 'prompt' || mode.name === 'quit') {
		return state;
	}

	const target = mouseTargetAt(state, event.column, event.row);
	const wheel = event.button === 'wheel-down' ? wheelStep : event.button === 'wheel-up' ? -wheelStep : 0;
	if (!target || (wheel === 0 && event.button !== 'left')) {
		return state;
	}

	if (wheel !== 0) {
		if (mode.name === 'help') {
			return scrollHelp(state, mode.scrollTop + wheel);
		}

		return target.pane === 'article' ? scrollArticle(state, state.articleScrollTop + wheel) : scrollList(state, wheel);
	}

	if (target.pane === 'article') {
		const browsing = mode.name === 'filter' ? leaveFilter(state, mode.draft.trim()) : state;
		return browsing.mode.name === 'browse' && selectedIndex(browsing) !== -1 ? {...browsing, mode: {name: 'read'}} : state;
	}

	if (target.pane !== 'list' || target.articleIndex === undefined) {
		return state;
	}

	if (mode.name === 'filter') {
		return selectIndex(state, target.articleIndex);
	}

	if (mode.name === 'browse' && target.articleIndex === selectedIndex(state)) {
		return {...state, mode: {name: 'read'}};
	}

	return mode.name === 'browse' || mode.name === 'read' ? selectIndex({...state, mode: {name: 'browse'}}, target.articleIndex) : state;
}

/** Drops the article search once another article is selected: a search belongs to the article it was made in. */
function withSearchOfSelection(state: State): State {
	const isStale = state.articleSearch !== undefined && state.articleSearch.articleId !== state.selectedId;
	return isStale ? {...state, articleSearch: undefined} : state;
}

/**
 * Takes the time and the marks the filter's field terms are judged by afresh when the keys changed the query (see
 * FilterBasis); when they did not, the list stays as it was judged.
 */
function withFilterBasis(before: State, after: State, now: number | undefined): State {
	if (activeQuery(after) === activeQuery(before) || !activeQuery(after).includes(':')) {
		return after;
	}

	const filterBasis = {now: now ?? after.filterBasis.now, readMarks: after.readMarks};
	return withListWindow(selectFirstHit({...after, filterBasis}));
}

/** The state after `action`. Pure: returns the same object when nothing changed. */
export function update(state: State, action: Action): State {
	const next = applyAction(state, action);
	const shown = followsSelectionAtOnce(next) ? withShownSelection(next) : next;
	// Keys record their messages one by one (several keys in one read may each show one).
	return action.type === 'keys-pressed' ? shown : withMessagesRecorded(state, shown);
}

function applyAction(state: State, action: Action): State {
	switch (action.type) {
		case 'keys-pressed': {
			const now = action.now ?? 0;
			// The user has taken over: the place left last time no longer applies.
			const pressed = state.placeToRestore === undefined ? state : {...state, placeToRestore: undefined};
			return withFilterBasis(state, action.keys.reduce((current, key) => withMessagesRecorded(current, pressKey(current, key, now)), pressed), action.now);
		}

		case 'mouse-used': {
			const now = action.now ?? 0;
			const used = state.placeToRestore === undefined ? state : {...state, placeToRestore: undefined};
			return withViewUpToDate(used, markOpenedArticleRead(used, withSearchOfSelection(applyMouse(used, action.event)), now));
		}

		case 'viewport-resized': {
			const {columnCount, rowCount} = action.viewport;
			if (columnCount === state.viewport.columnCount && rowCount === state.viewport.rowCount) {
				return state;
			}

			return withLayoutFollowed({...state, viewport: action.viewport});
		}

		case 'search-finished': {
			return action.articles && action.articles !== state.searchedArticles
				? state
				: withSearchOfSelection(finishSearch(state, action.query, action.hits, action.isProvisional === true));
		}

		case 'notice-shown': {
			return state.notice === action.text ? state : {...state, notice: action.text};
		}

		case 'full-text-finished': {
			return withFullText(state, action);
		}

		case 'full-texts-prefetched': {
			const articles = withStories(state.articles, action.stories);
			const searchedArticles = withStories(state.searchedArticles, action.stories);
			return articles === state.articles && searchedArticles === state.searchedArticles && action.counts === state.prefetchCounts ? state : {...state, articles, searchedArticles, prefetchCounts: action.counts};
		}

		case 'read-marks-saved': {
			// Marks changed since the save keep their own object, and are saved later.
			return state.readMarks === action.marks ? {...state, readMarks: action.folded} : state;
		}

		case 'warning-raised': {
			return state.warnings.includes(action.message) ? state : {...state, warnings: [...state.warnings, action.message]};
		}

		case 'articles-arrived': {
			const arrived = withSearchOfSelection(addArrivals(state, action));
			return action.inputWarnings ? withNewWarningMessages(arrived, action.inputWarnings.slice(state.inputWarningCount)) : arrived;
		}

		case 'articles-loaded': {
			const loaded = withSearchOfSelection(loadArticles(state, action.articles, action.failures));
			return {...loaded, inputLabel: action.label ?? loaded.inputLabel, inputWarningCount: action.inputWarningCount ?? loaded.inputWarningCount};
		}

		case 'search-progressed': {
			const {query, indexedShare} = action;
			// Provisional hits are on screen already: the search is only refining them, and the filter line shows their count.
			const isCurrent = query !== '' && query === searchedQuery(state) && (state.results?.query !== query || state.results.isStale === true);
			return isCurrent && (state.searchProgress?.query !== query || state.searchProgress.indexedShare !== indexedShare)
				? {...state, searchProgress: {query, indexedShare}}
				: state;
		}

		case 'selection-rested': {
			return selectedArticle(state)?.id === action.articleId ? withShownSelection(state) : state;
		}
	}
}
