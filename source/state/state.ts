import type {Article} from '../article.js';
import type {Mode, Viewport} from '../mode.js';
import type {Keymap, KeyName} from '../input/keymap.js';
import type {MarkName, ReadMarks} from '../read-state/marks.js';
import type {HideRule} from '../search/field-filters.js';
import type {SearchHit} from '../search/search.js';
import type {Glyphs} from '../text/glyphs.js';
import type {ListOrder} from './list-order.js';
import type {ScreenSettings} from './screen-settings.js';
import type {Message} from './message.js';

/**
 * Which articles the list shows: all, the unread ones, or the starred ones. `unread` and `starred` judge by the
 * marks as they were when the view was chosen, so that an article does not vanish from under the cursor when it
 * is read or unstarred; choosing the view again brings the list up to date.
 */
export type ListView = {readonly name: 'all'} | {readonly name: 'unread' | 'starred'; readonly marks: ReadMarks};

/** The names of the views, in the order `v` cycles through them. */
export type ListViewName = ListView['name'];

/**
 * What a search found: the hits for a query (trimmed), most relevant first. After a reload, the hits still in the
 * new articles are kept, marked stale, until the search runs again over the new articles. Provisional hits come
 * from the word index alone, shown while fuse.js ranks the head of the list (see SearchStep in search.ts).
 */
export type SearchResults = {
	readonly query: string;
	readonly hits: readonly SearchHit[];
	readonly isStale?: boolean;
	readonly isProvisional?: boolean;
};

/** A search that has run for a while without finishing: its query, and the share of articles indexed so far. */
export type SearchProgress = {readonly query: string; readonly indexedShare: number};

/**
 * The search in force in the article being read (`/` then Enter): kept until another article is selected. One that
 * `n` or `N` took over from the filter (see filterWords) looks for any of its `words` rather than for `query`.
 */
export type ArticleSearch = {readonly articleId: string; readonly query: string; readonly matchIndex: number; readonly words?: readonly string[]};


/**
 * A change of marks the user asked for (`u`, `s`, `m`), as `U` undoes it: flag `name` was set to `isOn` for `keys`,
 * which all had it the other way before. `description` says what was done (`marked 3 articles read`).
 */
export type MarkChange = {
	readonly keys: readonly string[];
	readonly name: MarkName;
	readonly isOn: boolean;
	readonly description: string;
};

/**
 * The whole state of the interface. Derived data (the list for the empty query, wrapped text) comes from selectors.
 * Search results are kept because they arrive later than the keystroke that asked for them: the shell runs the
 * search and reports it with a `search-finished` action.
 */
export type State = {
	/** Every article, in the inputs' own order; the list shows them in `order` (see selectors). */
	readonly articles: readonly Article[];
	/**
	 * The articles the filter searches: every article, except while a big input is still being parsed, when it is
	 * those of the first frame. An index of every article so far would be made again at each arrival, so that a search
	 * begun during the load would not end before it; once every article is in, the filter searches them all.
	 */
	readonly searchedArticles: readonly Article[];
	/** The order of the unfiltered list (`S` cycles it while no filter is in force). */
	readonly order: ListOrder;
	/**
	 * Whether a filter's matches come most relevant first (as in fzf), rather than in `matchOrder`. `S` with a filter
	 * in force steps through both: relevance, then each order; the unfiltered list keeps its own order meanwhile.
	 */
	readonly shouldRankMatches: boolean;
	/** The order a filter's matches take when they are not ranked; until `S` picks one, the unfiltered list's. */
	readonly matchOrder?: ListOrder;
	/** The filter in force; while the filter line is open, the draft in `mode` applies instead. */
	readonly query: string;
	/**
	 * The latest results for a non-empty query. While a search for a newer query runs, the list keeps showing
	 * these; once the query is empty they are dropped, and the list shows every article.
	 */
	readonly results: SearchResults | undefined;
	/** The search for the query in force, when it is taking a while. */
	readonly searchProgress: SearchProgress | undefined;
	/**
	 * The search the shell was last asked to run (a `start-search` effect) while its final results have not come:
	 * see state/search-requests.ts.
	 */
	readonly runningSearch: RunningSearch | undefined;
	/** The selected article, by id, so that it survives filtering. */
	readonly selectedId: string | undefined;
	/**
	 * The article the article pane shows, by id. Beside the list it follows the selection once the selection rests
	 * (a `selection-rested` action), so that holding Down redraws a few list rows a step rather than a whole
	 * article; whenever the article has the focus, or no article pane is beside the list, it follows at once.
	 */
	readonly shownArticleId: string | undefined;
	/** Index of the first list row on screen. */
	readonly listTop: number;
	/** First line of the shown article's text on screen. */
	readonly articleScrollTop: number;
	readonly viewport: Viewport;
	/** The article's measure and the split, as the config file and the keys (`<`, `>`, `z`) set them. */
	readonly screen: ScreenSettings;
	readonly mode: Mode;
	/** The search in the article, while it is the selected one. */
	readonly articleSearch: ArticleSearch | undefined;
	/** A one-line message for the status line (`copied … to the clipboard`), gone at the next key. */
	readonly notice: string | undefined;
	/**
	 * Digits typed before a key, for that key only: a count before a motion (`5j` moves five rows, `3G` goes to the
	 * third), a link number before `o` or `y` (`3o` opens link [3]). The status line shows it while it waits.
	 */
	readonly pendingNumber: number | undefined;
	/** The last command the article was piped to, offered again at the next `|`. */
	readonly lastPipeCommand: string;
	/** The articles whose full story is being fetched, by id: the status line says so, and keys still work. */
	readonly fullTextPendingIds: ReadonlySet<string>;
	/** While full stories are fetched ahead of time (`--full-text`): how many have come, of how many. */
	readonly prefetchCounts?: FetchCounts;
	/** Which articles are read and starred (see read-state/marks.ts); the shell saves them. */
	readonly readMarks: ReadMarks;
	readonly view: ListView;
	/** The changes of read and starred marks the user made, latest last, that `U` can undo one by one. */
	readonly markUndos: readonly MarkChange[];
	/**
	 * While the inputs are still being parsed after the first frame: how much of their text is parsed (0 to 1).
	 * Undefined once every article is in.
	 */
	readonly loadingShare: number | undefined;
	/** While feeds are still being fetched after the first frame: how many have answered, of how many. */
	readonly fetchCounts: FetchCounts | undefined;
	/** How many warnings reading the inputs gave so far; they are printed when the interface ends. */
	readonly inputWarningCount: number;
	/** Warnings raised while running (saving the read state failed), counted in the status line. */
	readonly warnings: readonly string[];
	/** The last notices and warnings shown, oldest first, for the messages overlay (`!`). */
	readonly messages: readonly Message[];
	/** The reloads running and wanted (see state/reload-queue.ts). */
	readonly reloads: ReloadQueue;
	/**
	 * The outbox: what the shell must do and has not done yet, oldest first (see {@link Effect}). The shell runs each
	 * once (shell/use-effects.ts) and reports it with an `effects-run` action, which takes it out.
	 */
	readonly effects: readonly Effect[];
	/** What the status line calls the inputs (`news.txt`, `1 file`, `3 files`); a reload can change it. */
	readonly inputLabel: string;
	/** See {@link FilterBasis}. */
	readonly filterBasis: FilterBasis;
	/** The config file's hide rules: articles that meet one never show, and the status line counts them. */
	readonly hideRules: readonly HideRule[];
	/** The config file's named views, in the order `V` moves through them. */
	readonly namedViews: readonly NamedView[];
	/** The keys, as the config file left them; fixed for the session. */
	readonly keymap: Keymap;
	/** The glyphs the article text is laid out with (ASCII or Unicode bullets and separators); fixed for the session. */
	readonly glyphs: Glyphs;
	/**
	 * The article to start on (by its read-state key: where these inputs were left last time) while it has not
	 * arrived yet: a big input's first frame holds only its first articles. Dropped at the first key or click, or once
	 * every article is in.
	 */
	readonly placeToRestore?: string;
};

/**
 * What the filter's field terms are judged by (see search/field-filters.ts): the time `since:2d` counts back from and
 * the marks `is:unread` reads, both as they were when the query last changed, so that an article read meanwhile does
 * not vanish from under the cursor.
 */
export type FilterBasis = {readonly now: number; readonly readMarks: ReadMarks};

/** A named view from the config file: a saved filter, shown with `V` (which moves between views) or its own key. */
export type NamedView = {readonly name: string; readonly filter: string; readonly key?: KeyName};

/**
 * Something `update` asks the shell to do, as a value: stop the process until `fg` (Ctrl-Z), clear the terminal and
 * draw the frame whole (Ctrl-L), open or copy a link (`o`, `y`), run a program on an article (`|`, `p`, `w`), fetch
 * a full story (`F`), reload the inputs, save the read marks, quit, or start or cancel the filter's search. Each is a
 * new object, so that the shell can tell one request from the next; shell/use-effects.ts runs each once. The
 * readme's architecture section lists who asks for each, and who runs it.
 */
export type Effect =
	| {readonly kind: 'suspend'}
	| {readonly kind: 'redraw'}
	| LinkEffect
	| ProgramEffect
	| FullTextEffect
	| ReloadEffect
	| SaveReadMarksEffect
	| QuitEffect
	| SearchEffect;

/** A link the user asked to open (`o`) or copy (`y`); the shell performs it (see link-actions.ts). */
export type LinkEffect = {readonly kind: 'link'; readonly action: 'open' | 'copy'; readonly url: string};

/**
 * A program to run on article `articleId` (see shell/article-programs.ts): its text piped to `words` (`|`), shown
 * in the pager (`p`), or saved to `path` (`w`).
 */
export type ProgramEffect = {readonly articleId: string} & (
	| {readonly kind: 'pipe'; readonly words: readonly string[]}
	| {readonly kind: 'page'}
	| {readonly kind: 'save'; readonly path: string}
);

/**
 * The full story the user asked for (`F`): the shell fetches `url`, extracts the article from the page, and answers
 * with a `full-text-finished` action (see shell/use-full-text.ts).
 */
export type FullTextEffect = {readonly kind: 'fetch-full-text'; readonly articleId: string; readonly url: string};

/**
 * Read the inputs again (see shell/use-reload.ts), telling of every input that failed (`R`), or only of those that
 * did not fail the time before (a reload `--watch` makes: a file that cannot be read is told of once).
 */
export type ReloadEffect = {readonly kind: 'reload'; readonly shouldTellEveryFailure: boolean};

/**
 * Whether a reload is running (the shell was asked for it and has not answered), and whether another is wanted
 * after it: asked for while it ran, however many times.
 */
export type ReloadQueue = {readonly isRunning: boolean; readonly next?: {readonly shouldTellEveryFailure: boolean}};

/**
 * The read marks changed (`u`, `s`, `m`, `U`, opening an article): the shell saves `marks` to the state file a moment
 * later (see shell/use-read-state-file.ts), so that a burst of changes costs one write.
 */
export type SaveReadMarksEffect = {readonly kind: 'save-read-marks'; readonly marks: ReadMarks};

/** End the interface (`q`, Ctrl-C), handing on the article `picked` with Enter under `--pick`, if one was. */
export type QuitEffect = {readonly kind: 'quit'; readonly picked?: Article};

/** A search the shell runs for the filter: for `query`, over `articles` (the filter's searched articles then). */
export type RunningSearch = {readonly query: string; readonly articles: readonly Article[]};

/**
 * Start searching (see shell/use-search.ts), in the background, reporting with `search-finished` actions (and
 * `search-progressed` ones while it takes a while); a new search supersedes the one running. Or stop searching: no
 * query lacks results any more.
 */
export type SearchEffect = ({readonly kind: 'start-search'} & RunningSearch) | {readonly kind: 'cancel-search'};

/** How many feeds have answered (or failed), and how many there are. */
export type FetchCounts = {readonly fetched: number; readonly total: number};
