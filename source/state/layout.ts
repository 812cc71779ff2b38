import type {State} from './state.js';

/** Where each part of the screen goes, in character cells. */
export type Layout = {
	/**
	 * Rows of the whole frame: the terminal's, its last row included (the frame writer draws a frame as tall as the
	 * terminal cell by cell, where Ink would clear the screen for it; see scripts/build.js).
	 */
	readonly frameRowCount: number;
	readonly columnCount: number;
	/** Whether list and article stand side by side; otherwise one pane at a time. */
	readonly isSplit: boolean;
	/** Whether the terminal is too small to show anything but a request for more room. */
	readonly isTooSmall: boolean;
	/** Whether the line above the status line shows: the filter line, the article's search line while it is open, or a prompt (| and w). */
	readonly hasFilterLine: boolean;
	/** Rows for panes (between the top and the filter and status lines). */
	readonly paneRowCount: number;
	readonly listColumnCount: number;
	/** Headline rows in the list (its pane less the header). */
	readonly listRowCount: number;
	readonly articleColumnCount: number;
	/** Text columns of the article: the pane less its margins, at most the reading width (see ScreenSettings). */
	readonly articleTextColumnCount: number;
	/** Blank columns before the article's text, past the pane's margin: the text centred, or 0 for left-aligned. */
	readonly articleTextIndent: number;
	/** Text rows in the article pane (its pane less the header). */
	readonly articleRowCount: number;
};

/** Narrowest terminal that shows the two panes side by side. */
export const splitMinimumColumnCount = 100;
/** The narrowest the list beside the article gets with `<`. */
export const minimumListColumnCount = 24;
/** The narrowest the article beside the list gets with `>`. */
export const minimumArticleColumnCount = 30;

/**
 * The list's width beside the article at `columnCount` columns: 45% of them (36 to 72), plus what `<` and `>` added,
 * leaving each pane its narrowest.
 */
export function splitListColumnCount(columnCount: number, listColumnDelta: number): number {
	const base = Math.min(72, Math.max(36, Math.floor(columnCount * 0.45)));
	const widest = Math.max(minimumListColumnCount, columnCount - 1 - minimumArticleColumnCount);
	return Math.min(widest, Math.max(minimumListColumnCount, base + listColumnDelta));
}

/** Smallest terminal Broadsheet draws in. */
export const minimumViewport = {columnCount: 20, rowCount: 5};

/**
 * What a terminal too small to draw in shows: the longest of `Need 20x5, have 19x5. q quits.`, `Need 20x5, have
 * 19x5`, `Need 20x5` and `20x5` that fits in its columns (a message cut mid-number would say nothing).
 */
export function tooSmallMessage(columnCount: number, rowCount: number): string {
	const need = `${minimumViewport.columnCount}x${minimumViewport.rowCount}`;
	const candidates = [`Need ${need}, have ${columnCount}x${rowCount}. q quits.`, `Need ${need}, have ${columnCount}x${rowCount}`, `Need ${need}`, need];
	return candidates.find(message => message.length <= columnCount) ?? '';
}

/** The layout for the state's viewport and mode. */
export function layoutOf(state: State): Layout {
	const {columnCount, rowCount} = state.viewport;
	const frameRowCount = Math.max(1, rowCount);
	const isTooSmall = columnCount < minimumViewport.columnCount || rowCount < minimumViewport.rowCount;
	const hasFilterLine = state.mode.name === 'filter' || state.mode.name === 'article-search' || state.mode.name === 'prompt' || state.query !== '';
	const paneRowCount = Math.max(1, frameRowCount - 1 - (hasFilterLine ? 1 : 0));
	const {screen} = state;
	const isSplit = columnCount >= splitMinimumColumnCount && !screen.isArticlePaneHidden;
	const listColumnCount = isSplit ? splitListColumnCount(columnCount, screen.listColumnDelta) : columnCount;
	const articleColumnCount = isSplit ? columnCount - listColumnCount - 1 : columnCount;
	const paneTextColumnCount = Math.max(1, articleColumnCount - 2);
	const articleTextColumnCount = Math.min(paneTextColumnCount, screen.readingWidth);
	return {
		frameRowCount,
		columnCount,
		isSplit,
		isTooSmall,
		hasFilterLine,
		paneRowCount,
		listColumnCount,
		listRowCount: Math.max(1, paneRowCount - 1),
		articleColumnCount,
		articleTextColumnCount,
		articleTextIndent: screen.readingAlign === 'centre' ? Math.floor((paneTextColumnCount - articleTextColumnCount) / 2) : 0,
		articleRowCount: Math.max(1, paneRowCount - 1),
	};
}
