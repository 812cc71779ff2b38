import type {Mode} from '../mode.js';
import {layoutOf} from './layout.js';
import {selectedIndex, selectListRows} from './selectors.js';
import type {State} from './state.js';

/** A cell of the frame, in columns and rows from its top left. */
export type Cell = {readonly x: number; readonly y: number};

/** Whether the article has the focus, under an overlay or a line being typed too. */
const isReading = (mode: Mode) =>
	mode.name === 'read' ||
	mode.name === 'article-search' ||
	((mode.name === 'help' || mode.name === 'confirm' || mode.name === 'prompt' || mode.name === 'messages') && mode.returnTo === 'read');

/**
 * Where the terminal's cursor goes, as Emacs puts it, for screen readers and braille displays that follow it: at the
 * start of the selected headline's row while the list has the focus, at the first line of the article's text while
 * the article has it, and at the top left of the help and the messages, or of a terminal too small to draw in.
 */
export function cursorCell(state: State): Cell {
	const layout = layoutOf(state);
	const {mode} = state;
	if (layout.isTooSmall || mode.name === 'help' || mode.name === 'messages') {
		return {x: 0, y: 0};
	}

	if (isReading(mode)) {
		const paneLeft = layout.isSplit ? layout.listColumnCount + 1 : 0;
		return {x: paneLeft + 1 + layout.articleTextIndent, y: 1};
	}

	const rows = selectListRows(state);
	const index = selectedIndex(state);
	if (rows.articleCount === 0 || index < 0) {
		return {x: 0, y: 1};
	}

	return {x: 0, y: 1 + Math.max(0, Math.min(layout.listRowCount - 1, rows.rowOfArticle(index) - state.listTop))};
}
