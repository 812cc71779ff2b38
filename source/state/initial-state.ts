import type {Article} from '../article.js';
import {defaultKeymap, type Keymap} from '../input/keymap.js';
import type {Viewport} from '../mode.js';
import {articleKey, noReadMarks, type ReadMarks} from '../read-state/marks.js';
import {type Glyphs, unicodeGlyphs} from '../text/glyphs.js';
import {defaultOrderFor, type ListOrder} from './list-order.js';
import {defaultScreenSettings, type ScreenSettings} from './screen-settings.js';
import {type Message, withMessage} from './messages.js';
import {layoutOf} from './layout.js';
import {selectHits, selectListRows} from './selectors.js';
import type {HideRule} from '../search/field-filters.js';
import type {FetchCounts, NamedView, SearchResults, State} from './state.js';
import {searchTextOf} from './field-filtering.js';
import {withSearchAsked} from './search-requests.js';

/**
 * The state at start-up, in the order given, else newest first when the articles have dates, else file order.
 * With a query, `results` may bring its hits when the search was quick enough to run before the first frame;
 * otherwise the list shows every article until a `search-finished` action brings them, and the state's outbox asks
 * for that search.
 */
export function createState(
	articles: readonly Article[],
	options: {
		query?: string;
		viewport: Viewport;
		results?: SearchResults;
		order?: ListOrder;
		shouldRankMatches?: boolean;
		readMarks?: ReadMarks;
		keymap?: Keymap;
		glyphs?: Glyphs;
		inputLabel?: string;
		/** How much of the inputs is parsed, when only the first articles are (see `loadingShare`). */
		loadingShare?: number;
		/** How many feeds have answered, of how many, when some are still being fetched. */
		fetchCounts?: FetchCounts;
		/** A notice to show in the status line until the first key (cached copies stood in for feeds). */
		notice?: string;
		inputWarningCount?: number;
		/** Warnings reading the inputs gave before the first frame, for the messages overlay. */
		inputWarnings?: readonly string[];
		/** The article's measure and alignment from the config file. */
		screen?: Partial<ScreenSettings>;
		/**
		 * The article to start on, by its read-state key: the one selected when these inputs were last closed (vim's
		 * last cursor position). Without a filter only; when it is gone, the list starts at the top.
		 */
		selectedKey?: string;
		/** The time the filter's relative dates (`since:2d`) count back from; 0 when absent, as in tests. */
		now?: number;
		hideRules?: readonly HideRule[];
		namedViews?: readonly NamedView[];
	},
): State {
	const query = options.query?.trim() ?? '';
	const state: State = {
		articles,
		searchedArticles: articles,
		order: options.order ?? defaultOrderFor(articles),
		shouldRankMatches: options.shouldRankMatches ?? true,
		query,
		results: searchTextOf(query) !== '' && options.results?.query === searchTextOf(query) ? options.results : undefined,
		searchProgress: undefined,
		runningSearch: undefined,
		selectedId: undefined,
		shownArticleId: undefined,
		listTop: 0,
		articleScrollTop: 0,
		viewport: options.viewport,
		// A setting the config file leaves out comes as undefined: the default stands.
		screen: {...defaultScreenSettings, ...Object.fromEntries(Object.entries(options.screen ?? {}).filter(([, value]) => value !== undefined))},
		mode: {name: 'browse'},
		articleSearch: undefined,
		notice: options.notice,
		pendingNumber: undefined,
		lastPipeCommand: '',
		fullTextPendingIds: new Set(),
		readMarks: options.readMarks ?? noReadMarks,
		filterBasis: {now: options.now ?? 0, readMarks: options.readMarks ?? noReadMarks},
		hideRules: options.hideRules ?? [],
		namedViews: options.namedViews ?? [],
		view: {name: 'all'},
		markUndos: [],
		loadingShare: options.loadingShare,
		fetchCounts: options.fetchCounts,
		inputWarningCount: options.inputWarningCount ?? 0,
		warnings: [],
		messages: [...(options.inputWarnings ?? []), ...(options.notice === undefined ? [] : [options.notice])].reduce<readonly Message[]>(
			(messages, text, index) => withMessage(messages, text, index < (options.inputWarnings?.length ?? 0) ? 'warning' : 'notice'),
			[],
		),
		reloads: {isRunning: false},
		effects: [],
		inputLabel: options.inputLabel ?? '',
		keymap: options.keymap ?? defaultKeymap,
		glyphs: options.glyphs ?? unicodeGlyphs,
	};
	const hits = selectHits(state);
	const {selectedKey} = options;
	const placeIndex = selectedKey === undefined || query !== '' ? -1 : hits.findIndex(hit => articleKey(hit.article) === selectedKey);
	if (placeIndex > 0) {
		return withSearchAsked({...state, ...selectionInView(state, placeIndex)});
	}

	const selectedId = hits[0]?.article.id;
	// Still loading: the article may come with the rest (see `placeToRestore`).
	const placeToRestore = placeIndex === -1 && selectedKey !== undefined && query === '' && options.loadingShare !== undefined ? selectedKey : undefined;
	return withSearchAsked({...state, selectedId, shownArticleId: selectedId, ...(placeToRestore === undefined ? {} : {placeToRestore})});
}

/** The selection on the article at `index` of the list, with the list scrolled to show it in the middle when it is below the first screen. */
export function selectionInView(state: State, index: number): Pick<State, 'selectedId' | 'shownArticleId' | 'listTop'> {
	const selectedId = selectHits(state)[index]?.article.id;
	const rows = selectListRows(state);
	const {listRowCount} = layoutOf(state);
	const row = rows.rowOfArticle(index);
	const listTop = row < listRowCount ? 0 : Math.max(0, Math.min(row - Math.floor(listRowCount / 2), rows.rowCount - listRowCount));
	return {selectedId, shownArticleId: selectedId, listTop};
}
