import {type Layout, layoutOf} from './layout.js';
import {filterFacts, isReading, selectArticleSearch, selectedIndex, selectListRows} from './selectors.js';
import type {State} from './state.js';
import {articleSearchSummary, filterSummary, promptLabels, searchPositionText, typedLineLayout} from './typed-lines.js';

/** A cell of the frame, in columns and rows from its top left. */
export type Cell = {readonly x: number; readonly y: number};

/** The caret's cell on the line being typed above the status line (the filter, the article's search, a prompt), if any. */
function caretCell(state: State, layout: Layout): Cell | undefined {
	const {mode, glyphs} = state;
	const {columnCount} = layout;
	// The caret's cell for `draft` typed after `prefix`, with `summary` at the right of the line.
	const caretAfter = (prefix: string, draft: string, summary: string): Cell => {
		const {caretColumn} = typedLineLayout({prefix, draft, summary, columnCount, hasCaret: true, ellipsis: glyphs.ellipsis});
		return {x: Math.min(caretColumn, columnCount - 1), y: layout.paneRowCount};
	};

	if (mode.name === 'filter') {
		const facts = filterFacts(state);
		return caretAfter('/', facts.query, filterSummary(facts, columnCount, glyphs));
	}

	if (mode.name === 'article-search') {
		const search = selectArticleSearch(state);
		const position = search ? searchPositionText(search.query, search.matches.length, search.currentIndex) : '';
		return caretAfter('/', search?.query ?? '', articleSearchSummary(position));
	}

	if (mode.name === 'prompt') {
		return caretAfter(promptLabels[mode.purpose], mode.draft, '');
	}

	return undefined;
}

/**
 * Where the terminal's cursor goes, as Emacs puts it, for screen readers and braille displays that follow it: on the
 * caret of a line being typed (the filter, the article's search, a prompt), at the start of the selected headline's
 * row while the list has the focus, at the first line of the article's text while the article has it, and at the top
 * left of the help and the messages, or of a terminal too small to draw in.
 */
export function cursorCell(state: State): Cell {
	const layout = layoutOf(state);
	const {mode} = state;
	if (layout.isTooSmall || mode.name === 'help' || mode.name === 'messages') {
		return {x: 0, y: 0};
	}

	const caret = caretCell(state, layout);
	if (caret) {
		return caret;
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
