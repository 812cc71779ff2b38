import type {Article} from '../article.js';
import {defaultKeymap, type Keymap} from '../input/keymap.js';
import type {Viewport} from '../mode.js';
import {noReadMarks, type ReadMarks} from '../read-state/marks.js';
import {type Glyphs, unicodeGlyphs} from '../text/glyphs.js';
import {defaultOrderFor, type ListOrder} from './list-order.js';
import {selectHits} from './selectors.js';
import type {HideRule} from '../search/field-filters.js';
import type {FetchCounts, NamedView, SearchResults, State} from './state.js';
import {searchTextOf} from './field-filtering.js';

/**
 * The state at start-up, in the order given, else newest first when the articles have dates, else file order.
 * With a query, `results` may bring its hits when the search was quick enough to run before the first frame;
 * otherwise the list shows every article until a `search-finished` action brings them.
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
		selectedId: undefined,
		shownArticleId: undefined,
		listTop: 0,
		articleScrollTop: 0,
		viewport: options.viewport,
		mode: {name: 'browse'},
		articleSearch: undefined,
		notice: options.notice,
		pendingNumber: undefined,
		linkRequest: undefined,
		programRequest: undefined,
		lastPipeCommand: '',
		fullTextRequest: undefined,
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
		reloadRequestCount: 0,
		suspendRequestCount: 0,
		redrawRequestCount: 0,
		inputLabel: options.inputLabel ?? '',
		keymap: options.keymap ?? defaultKeymap,
		glyphs: options.glyphs ?? unicodeGlyphs,
	};
	const selectedId = selectHits(state)[0]?.article.id;
	return {...state, selectedId, shownArticleId: selectedId};
}
