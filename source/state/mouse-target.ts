import {layoutOf} from './layout.js';
import {selectListRows} from './selectors.js';
import type {State} from './state.js';

/**
 * What is under the pointer at a cell of the terminal (0-based column and row, from its top left, where the frame
 * starts): a headline (by its position among the articles), the rest of the list pane (its title, a group header,
 * the rows below the last headline), the article pane, the help overlay, or nothing that answers the mouse (the
 * filter and status lines, the separator).
 */
export type MouseTarget =
	| {readonly pane: 'list'; readonly articleIndex?: number}
	| {readonly pane: 'article'}
	| {readonly pane: 'help'}
	| undefined;

/** Whether the article pane is the one in view when a single pane shows, or has the focus beside the list. */
function isArticleInFront(state: State): boolean {
	const {mode} = state;
	return mode.name === 'read' || mode.name === 'article-search' || ((mode.name === 'confirm' || mode.name === 'prompt') && mode.returnTo === 'read');
}

/** What the cell at `column`, `row` shows, as the frame for `state` lays it out. */
export function mouseTargetAt(state: State, column: number, row: number): MouseTarget {
	const layout = layoutOf(state);
	if (layout.isTooSmall || row >= layout.paneRowCount || column >= layout.columnCount) {
		return undefined;
	}

	if (state.mode.name === 'help') {
		return {pane: 'help'};
	}

	let pane: 'list' | 'article';
	if (layout.isSplit) {
		if (column === layout.listColumnCount) {
			return undefined;
		}

		pane = column < layout.listColumnCount ? 'list' : 'article';
	} else {
		pane = isArticleInFront(state) ? 'article' : 'list';
	}

	if (pane === 'article') {
		return {pane};
	}

	// The list's first row is its title; a group header stands for no headline of its own.
	const listRow = state.listTop + row - 1;
	const [shown] = row === 0 || row > layout.listRowCount ? [] : selectListRows(state).slice(listRow, listRow + 1);
	return shown?.kind === 'article' ? {pane, articleIndex: shown.articleIndex} : {pane};
}
