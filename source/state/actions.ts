/** The actions `update` takes: what happened to the interface (keys, the mouse, a search, a reload, an arrival). */
import type {KeyName} from '../input/keymap.js';
import type {ReadMarks} from '../read-state/marks.js';
import type {SearchHit} from '../search/search.js';
import type {Viewport} from '../mode.js';
import type {Effect, FetchCounts} from './state.js';
import type {Article} from '../article.js';
import type {MouseEvent} from '../input/mouse-input.js';
import type {PrefetchedStory} from './full-stories.js';

/** Something that happened to the interface. */
export type Action =
	/** Keys pressed at `now` (milliseconds since the epoch), which read marks record; 0 when absent, as in tests. */
	| {readonly type: 'keys-pressed'; readonly keys: readonly KeyName[]; readonly now?: number}
	/** The mouse was used (a click, a step of the wheel) at `now`, as for keys. */
	| {readonly type: 'mouse-used'; readonly event: MouseEvent; readonly now?: number}
	/** The shell has run `effects` (taken from the state's outbox): they leave it. */
	| {readonly type: 'effects-run'; readonly effects: readonly Effect[]}
	/** Something went wrong outside the state (saving the read state); the status line counts it. */
	| {readonly type: 'warning-raised'; readonly message: string}
	/** The changes of `marks` are in the state file; `folded` holds the same marks with them folded in as saved. */
	| {readonly type: 'read-marks-saved'; readonly marks: ReadMarks; readonly folded: ReadMarks}
	| {readonly type: 'viewport-resized'; readonly viewport: Viewport}
	/**
	 * The search for `query` (trimmed) finished with `hits`. `articles` are the ones searched: results for articles
	 * the filter no longer searches (a reload replaced them, or a big input finished loading) are dropped.
	 */
	| {
		readonly type: 'search-finished';
		readonly query: string;
		readonly hits: readonly SearchHit[];
		/** Whether these hits come before fuse.js has ranked the head of the list: final ones follow. */
		readonly isProvisional?: boolean;
		readonly articles?: readonly Article[];
	}
	/** The search for `query` is still running, with the index built for `indexedShare` of the articles. */
	| {readonly type: 'search-progressed'; readonly query: string; readonly indexedShare: number}
	/** A watched input changed, or the time came to fetch the feeds again (`--watch`): the inputs should be read again. */
	| {readonly type: 'reload-due'}
	/** The reload the state asked for could not happen or failed; `notice` says why. */
	| {readonly type: 'reload-failed'; readonly notice: string}
	/** The shell has something to tell: a link copied or opened, or why it could not be (or why a reload could not). */
	| {readonly type: 'notice-shown'; readonly text: string}
	/**
	 * No key has moved the selection off article `articleId` for a moment: the article pane catches up with it. A
	 * rest of an article no longer selected (a key came as the moment ended) changes nothing.
	 */
	| {readonly type: 'selection-rested'; readonly articleId: string | undefined}
	/**
	 * The inputs were read again (`R`, or `--watch` saw a change), which ends the reload the state asked for: `articles` in the inputs' order. `failures` name the
	 * inputs that could not be read this time and kept their old articles.
	 */
	| {
		readonly type: 'articles-loaded';
		readonly articles: readonly Article[];
		readonly failures: readonly string[];
		readonly label?: string;
		/** How many warnings reading the inputs gave this time, the failures among them; unknown: the count stays. */
		readonly inputWarningCount?: number;
	}
	/**
	 * More of the inputs is parsed, after the first frame showed their first articles: `articles` are all so far, in
	 * the inputs' order; `loadingShare` is how much is parsed, undefined when all is.
	 */
	| {
		readonly type: 'articles-arrived';
		readonly articles: readonly Article[];
		readonly loadingShare: number | undefined;
		readonly inputWarningCount: number;
		readonly fetchCounts?: FetchCounts;
		/** The inputs' warnings so far, sanitised: those beyond the count known before go to the messages. */
		readonly inputWarnings?: readonly string[];
	}
	/**
	 * The full story of article `articleId` (asked for with `F`) was fetched from `url` and extracted: its paragraphs
	 * and links, already sanitised; or it could not be, and `error` says why in a line.
	 */
	| {
		readonly type: 'full-text-finished';
		readonly articleId: string;
		readonly url: string;
		readonly result: {readonly paragraphs: readonly string[]; readonly links: readonly string[]; readonly isFromCache: boolean} | {readonly error: string};
	}
	/**
	 * Full stories fetched ahead of time (`--full-text`) have come: they take the place of their articles' summaries,
	 * quietly; `counts` is how many of those asked for have come, undefined once all have.
	 */
	| {
		readonly type: 'full-texts-prefetched';
		readonly stories: readonly PrefetchedStory[];
		readonly counts: FetchCounts | undefined;
	};
