import type {PromptPurpose} from '../mode.js';
import type {Glyphs} from '../text/glyphs.js';
import {displayWidth, truncateToWidth} from '../text/text-width.js';
import {groupedNumber} from '../text/numbers.js';

/**
 * The lines typed on above the status line: the filter (`/query`), the article's search (`/query` in an article) and a
 * prompt (`pipe to: `, `save to: `). Each is a prefix, the end of what is typed that fits, a caret cell while typing,
 * room, and a summary at the right. Laid out here, once, for the components that draw them and for the terminal's
 * cursor, which sits on the caret (state/cursor.ts).
 */
export type TypedLine = {
	/** What is typed, or its end behind an ellipsis when it does not fit. */
	readonly shownDraft: string;
	/** Blank cells between the caret and the summary. */
	readonly gap: string;
	/** The column of the caret cell, from the line's left. */
	readonly caretColumn: number;
};

/** How a line of `columnCount` cells shows `draft` after `prefix`, with `summary` at the right. */
export function typedLineLayout({prefix, draft, summary, columnCount, hasCaret, ellipsis}: {
	readonly prefix: string;
	readonly draft: string;
	readonly summary: string;
	readonly columnCount: number;
	readonly hasCaret: boolean;
	readonly ellipsis: string;
}): TypedLine {
	const prefixWidth = displayWidth(prefix);
	const summaryWidth = displayWidth(summary);
	// One cell for the caret, and one spare.
	const draftColumnCount = Math.max(1, columnCount - prefixWidth - summaryWidth - 2);
	// Show the end of a long line, where the typing happens.
	const tail = displayWidth(draft) <= draftColumnCount ? draft : ellipsis + [...draft].slice(-Math.max(1, draftColumnCount - displayWidth(ellipsis))).join('');
	const shownDraft = truncateToWidth(tail, draftColumnCount, ellipsis);
	const shownWidth = displayWidth(shownDraft);
	return {
		shownDraft,
		gap: ' '.repeat(Math.max(0, columnCount - prefixWidth - shownWidth - (hasCaret ? 1 : 0) - summaryWidth)),
		caretColumn: prefixWidth + shownWidth,
	};
}

/** The facts at the right of the filter line. */
export type FilterFacts = {
	readonly query: string;
	readonly matchCount: number;
	readonly articleCount: number;
	/**
	 * How many of the articles the filter has searched, when a query is in force: fewer than `articleCount` while a big
	 * input loads (the articles of the first frame; all of them once every article is in).
	 */
	readonly searchedCount?: number | undefined;
	/** A search that is taking a while: the list still shows the last results, and the count is theirs. */
	readonly slowSearch?: {readonly indexedShare: number} | undefined;
	/** Why a field term of the query cannot be read (`is:foo: use is:unread, …`): shown instead of the count. */
	readonly error?: string | undefined;
};

/**
 * The filter line's summary: ` 3 matches of 21,578 ` (` 3 matches in the first 505 ` while a big input loads), how a slow
 * search is doing, or why the query cannot be read.
 */
export function filterSummary({query, matchCount, articleCount, searchedCount, slowSearch, error}: FilterFacts, columnCount: number, glyphs: Pick<Glyphs, 'ellipsis'>): string {
	const {ellipsis} = glyphs;
	if (error !== undefined) {
		// An error gives the query at least a third of the line, and is cut to what is left.
		return truncateToWidth(` ${error} `, Math.max(1, columnCount - Math.max(displayWidth(query) + 3, Math.floor(columnCount / 3))), ellipsis);
	}

	if (slowSearch) {
		return slowSearch.indexedShare < 1 ? ` indexing ${Math.floor(slowSearch.indexedShare * 100)}%${ellipsis} ` : ` searching${ellipsis} `;
	}

	const count = matchCount === 1 ? '1 match' : `${matchCount === 0 ? 'no' : groupedNumber(matchCount)} matches`;
	// Not `of` every article while only some have been searched: the count would read as the answer for all of them.
	return searchedCount !== undefined && searchedCount < articleCount ? ` ${count} in the first ${groupedNumber(searchedCount)} ` : ` ${count} of ${groupedNumber(articleCount)} `;
}

/** The position of a search for people: `match 2/7`, `no match`, or `''` before anything is typed. */
export function searchPositionText(query: string, matchCount: number, currentIndex: number): string {
	if (query === '') {
		return '';
	}

	return matchCount === 0 ? 'no match' : `match ${currentIndex + 1}/${matchCount}`;
}

/** The article search line's summary: ` match 2/7 `, ` no match `, or nothing before anything is typed. */
export function articleSearchSummary(position: string): string {
	return position === '' ? '' : ` ${position} `;
}

/** What a prompt asks for, before what is typed. */
export const promptLabels: Readonly<Record<PromptPurpose, string>> = {pipe: 'pipe to: ', save: 'save to: '};
