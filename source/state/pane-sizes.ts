import {layoutOf, splitListColumnCount, splitMinimumColumnCount} from './layout.js';
import type {State} from './state.js';

/** How many columns `<` and `>` move the line between the list and the article. */
export const listColumnStep = 4;

/**
 * The list `steps` steps wider (`>`) or narrower (`<`, negative) beside the article, as far as each pane keeps its
 * narrowest; a notice says why nothing moved. The width is kept as a change from the default, so that it follows a
 * resize of the terminal.
 */
export function resizeList(state: State, steps: number): State {
	const {columnCount} = state.viewport;
	if (!layoutOf(state).isSplit) {
		return {
			...state,
			notice: state.screen.isArticlePaneHidden ? 'the article pane is hidden: z shows it' : `the panes stand side by side from ${splitMinimumColumnCount} columns`,
		};
	}

	const before = splitListColumnCount(columnCount, state.screen.listColumnDelta);
	const after = splitListColumnCount(columnCount, state.screen.listColumnDelta + steps * listColumnStep);
	if (after === before) {
		return {...state, notice: steps > 0 ? 'the article pane is as narrow as it gets' : 'the list is as narrow as it gets'};
	}

	const listColumnDelta = after - splitListColumnCount(columnCount, 0);
	return {...state, screen: {...state.screen, listColumnDelta}};
}

/** Hides the article pane beside the list, or shows it again (`z`). */
export function toggleArticlePane(state: State): State {
	const isArticlePaneHidden = !state.screen.isArticlePaneHidden;
	const notice = isArticlePaneHidden ? 'article pane hidden: Enter opens an article, z shows the pane again' : undefined;
	return {...state, screen: {...state.screen, isArticlePaneHidden}, notice};
}
