import type {Mode} from '../mode.js';
import {fieldQueryOf} from './field-filtering.js';
import {type Layout, layoutOf} from './layout.js';
import {activeQuery, selectArticleSearch, selectedIndex, selectHits, selectListRows, slowSearch} from './selectors.js';
import type {State} from './state.js';
import {filterSummary, promptLabels, searchPositionText, typedLineLayout} from './typed-lines.js';

/** A cell of the frame, in columns and rows from its top left. */
export type Cell = {readonly x: number; readonly y: number};

/** Whether the article has the focus, under an overlay or a line being typed too. */
const isReading = (mode: Mode) =>
	mode.name === 'read' ||
	mode.name === 'article-search' ||
	((mode.name === 'help' || mode.name === 'confirm' || mode.name === 'prompt' || mode.name === 'messages') && mode.returnTo === 'read');

/** The caret's cell on the line being typed above the status line (the filter, the article's search, a prompt), if any. */
function caretCell(state: State, layout: Layout): Cell | undefined {
	const {mode, glyphs} = state;
	const {columnCount} = layout;
	const onTypedLine = (column: number) => ({x: Math.min(column, columnCount - 1), y: layout.paneRowCount});
	if (mode.name === 'filter') {
		const query = activeQuery(state);
		const facts = {
			query,
			matchCount: selectHits(state).length,
			articleCount: state.articles.length,
			slowSearch: slowSearch(state),
			error: fieldQueryOf(query, state.filterBasis.now).error,
		};
		const summary = filterSummary(facts, columnCount, glyphs);
		return onTypedLine(typedLineLayout({prefix: '/', draft: query, summary, columnCount, hasCaret: true, ellipsis: glyphs.ellipsis}).caretColumn);
	}

	if (mode.name === 'article-search') {
		const search = selectArticleSearch(state);
		const query = search?.query ?? '';
		const position = search ? searchPositionText(search.query, search.matches.length, search.currentIndex) : '';
		const summary = position === '' ? '' : ` ${position} `;
		return onTypedLine(typedLineLayout({prefix: '/', draft: query, summary, columnCount, hasCaret: true, ellipsis: glyphs.ellipsis}).caretColumn);
	}

	if (mode.name === 'prompt') {
		return onTypedLine(typedLineLayout({prefix: promptLabels[mode.purpose], draft: mode.draft, summary: '', columnCount, hasCaret: true, ellipsis: glyphs.ellipsis}).caretColumn);
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
