/** The mouse: the wheel scrolls the pane under the pointer, a click selects, opens or focuses. */
import {layoutOf} from './layout.js';
import {clamp} from './list-rows.js';
import {isReading, selectedIndex, selectHits, selectListRows} from './selectors.js';
import type {State} from './state.js';
import type {MouseEvent} from '../input/mouse-input.js';
import {mouseTargetAt} from './mouse-target.js';
import {scrollArticle} from './reading.js';
import {scrollHelp, selectIndex} from './movement.js';
import {leaveFilter} from './filtering.js';

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
export function applyMouse(state: State, event: MouseEvent): State {
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
