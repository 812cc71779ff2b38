/** Moving about: the selection in the list and its window, paging, counts, the help and messages overlays' scroll. */
import {articleKey, isMarked} from '../read-state/marks.js';
import {helpLayout} from './help-layout.js';
import {namedViewHelpSections} from './field-filtering.js';
import {layoutOf} from './layout.js';
import {maximumMessagesScrollTop} from './messages.js';
import {clamp} from './list-rows.js';
import {isReading, selectedArticle, selectedIndex, selectHits, selectListRows} from './selectors.js';
import type {State} from './state.js';
import {scrollArticle} from './reading.js';

/**
 * Keeps the selection inside the list window, scrolling the window as little as possible, and showing the header
 * of the selected article's group when it is the first of its group.
 */
export function withListWindow(state: State): State {
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
export function selectIndex(state: State, index: number): State {
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
export function selectFirstHit(state: State): State {
	return withListWindow({...state, listTop: 0, selectedId: selectHits(state)[0]?.article.id ?? state.selectedId});
}

/** The article pane showing the selected article, from its top when that is a different article. */
export function withShownSelection(state: State): State {
	const id = selectedArticle(state)?.id;
	return id === state.shownArticleId ? state : {...state, shownArticleId: id, articleScrollTop: 0};
}

/**
 * Whether the article pane must show the selection at once: when the article has the focus, and when it is not
 * beside the list (it is out of sight, so following costs nothing on screen).
 */
export function followsSelectionAtOnce(state: State): boolean {
	const {mode} = state;
	return isReading(mode) || !layoutOf(state).isSplit;
}

/** The list window and the article's scroll kept in bounds after the panes changed size. */
export function withLayoutFollowed(state: State): State {
	const windowed = withListWindow(state);
	return scrollArticle(windowed, windowed.articleScrollTop);
}

/** Scrolls the help overlay to `top` (clamped). */
export function scrollHelp(state: State, top: number): State {
	if (state.mode.name !== 'help') {
		return state;
	}

	const {paneRowCount, columnCount} = layoutOf(state);
	const scrollTop = clamp(top, 0, helpLayout(state.keymap, state.glyphs, paneRowCount, columnCount, namedViewHelpSections(state.namedViews)).maximumScrollTop);
	return scrollTop === state.mode.scrollTop ? state : {...state, mode: {...state.mode, scrollTop}};
}

/** Scrolls the messages overlay to `top` (clamped). */
export function scrollMessages(state: State, top: number): State {
	if (state.mode.name !== 'messages') {
		return state;
	}

	const {paneRowCount, columnCount} = layoutOf(state);
	const scrollTop = clamp(top, 0, maximumMessagesScrollTop(state.messages, paneRowCount, columnCount));
	return scrollTop === state.mode.scrollTop ? state : {...state, mode: {...state.mode, scrollTop}};
}

/** Moves by `delta` rows: the selection in the list, or the text in the article. */
export function moveBy(state: State, delta: number): State {
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
export function pageBy(state: State, direction: number, share: 1 | 0.5 = 1): State {
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
export const maximumPageCount = 1000;

/**
 * The next (`direction` 1) or previous unread article of the list from the selection, judged by the marks as they
 * are now; while reading, it opens. With none that way, a notice says so.
 */
export function selectUnread(state: State, direction: 1 | -1): State {
	const hits = selectHits(state);
	const start = selectedIndex(state);
	for (let index = start + direction; index >= 0 && index < hits.length; index += direction) {
		if (!isMarked(state.readMarks, articleKey(hits[index]!.article), 'read')) {
			return selectIndex(state, index);
		}
	}

	return {...state, notice: direction === 1 ? 'no unread article below' : 'no unread article above'};
}

/** Goes to position `index` (0 the first): the headline, the article's line, or the help's row. */
export function goTo(state: State, index: number): State {
	if (state.mode.name === 'messages') {
		return scrollMessages(state, index);
	}

	if (state.mode.name === 'help') {
		return scrollHelp(state, index);
	}

	return state.mode.name === 'read' ? scrollArticle(state, index) : selectIndex(state, index);
}
