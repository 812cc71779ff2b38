import type {Article} from '../article.js';
import {selectHits} from './selectors.js';

/**
 * What the user is doing. `browse` has the headline list in focus, `read` the article; `filter` edits the
 * filter line; `help` shows the key overlay over the mode it came from; `quit` asks the shell to exit.
 */
export type Mode =
	| {readonly name: 'browse'}
	| {readonly name: 'read'}
	| {readonly name: 'filter'; readonly draft: string}
	| {readonly name: 'help'; readonly returnTo: 'browse' | 'read'}
	| {readonly name: 'quit'};

/** The names of the modes. */
export type ModeName = Mode['name'];

/** The terminal's size in character cells. */
export type Viewport = {readonly columnCount: number; readonly rowCount: number};

/** The whole state of the interface. Derived data (the filtered list, wrapped text) comes from selectors. */
export type State = {
	readonly articles: readonly Article[];
	/** The filter in force; while the filter line is open, the draft in `mode` applies instead. */
	readonly query: string;
	/** The selected article, by id, so that it survives filtering. */
	readonly selectedId: string | undefined;
	/** Index of the first list row on screen. */
	readonly listTop: number;
	/** First line of the article text on screen. */
	readonly articleScrollTop: number;
	readonly viewport: Viewport;
	readonly mode: Mode;
};

/** The state at start-up. */
export function createState(articles: readonly Article[], options: {query?: string; viewport: Viewport}): State {
	const state: State = {
		articles,
		query: options.query ?? '',
		selectedId: undefined,
		listTop: 0,
		articleScrollTop: 0,
		viewport: options.viewport,
		mode: {name: 'browse'},
	};
	return {...state, selectedId: selectHits(state)[0]?.article.id};
}
