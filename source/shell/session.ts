import type {Article} from '../article.js';
import type {Keymap} from '../input/keymap.js';
import type {ArticleArrivals} from '../load/parse-in-background.js';
import type {MarkMap} from '../read-state/marks.js';
import type {ReadStateStore} from '../read-state/store.js';
import type {HideRule} from '../search/field-filters.js';
import type {ListOrder} from '../state/list-order.js';
import type {ScreenSettings} from '../state/screen-settings.js';
import type {FetchCounts, NamedView} from '../state/state.js';
import type {ConfiguredOpener} from '../terminal/opener.js';
import type {Theme} from '../ui/theme.js';
import type {ProgramEnvironment} from './article-programs.js';
import type {FullTextEnvironment} from './use-full-text.js';
import type {LinkEnvironment} from './link-actions.js';
import type {ReloadOptions} from './use-reload.js';

/**
 * What an interactive session is, built once by cli.ts and handed whole to the shell (run-interface.tsx, Root, App):
 * the inputs and their first articles, how the list starts, the read marks, the looks and keys, the config file's
 * settings, and the handles through which effects reach the world. Tests build one with what they need; what they
 * leave out takes its default.
 */
export type Session = ReloadOptions & {
	// The inputs.
	/** The articles at start; a reload (`R`, `--watch`) replaces them. */
	readonly articles: readonly Article[];
	/** What the status line calls the inputs (`news.txt`, `3 files`). */
	readonly fileName: string;
	/** How many warnings reading the inputs gave; they are printed when the interface ends. */
	readonly warningCount?: number;
	/** Those warnings, sanitised, for the messages overlay (`!`). */
	readonly inputWarnings?: readonly string[];
	/** The rest of the articles, when only the first ones were parsed before the first frame. */
	readonly arrivals?: ArticleArrivals;
	/** How much of the inputs was parsed before the first frame, when not all was (0 to 1). */
	readonly loadingShare?: number;
	/** How many feeds had answered before the first frame, of how many, when not all had. */
	readonly fetchCounts?: FetchCounts;
	/** A notice for the status line at start (cached copies stood in for feeds that could not be fetched). */
	readonly initialNotice?: string;
	/**
	 * The set of inputs open (see read-state/places.ts): the article selected in it is saved with the read marks, and
	 * the next session on the same inputs starts there. Undefined for stdin.
	 */
	readonly inputSetKey?: string;

	// How the list starts.
	/** A filter to start with (`--filter`). */
	readonly initialQuery?: string;
	/** An order to start with (`--sort`); with `--filter`, its matches come in this order too, not best first. */
	readonly initialOrder?: ListOrder;

	// Read marks.
	/** The read marks saved by earlier sessions. */
	readonly savedMarks?: MarkMap;
	/** Where read marks are saved as they change; without it (`--no-state`, tests), they last the session only. */
	readonly readStateStore?: ReadStateStore;

	// Looks, keys and the config file's settings.
	/** The looks, chosen once at start-up (colour or not, Unicode or ASCII, the config file's colours). */
	readonly theme?: Theme;
	/** The keys, the default keymap with the config file's changes (or `--pick`'s); fixed for the session. */
	readonly keymap?: Keymap;
	/** The article's measure and alignment (the config file's `reading-width` and `reading-align`). */
	readonly screen?: Partial<ScreenSettings>;
	/** The config file's hide rules: articles that meet one never show. */
	readonly hideRules?: readonly HideRule[];
	/** The config file's named views (saved filters), which `V` and their own keys show. */
	readonly namedViews?: readonly NamedView[];
	/** The sources whose full stories are fetched ahead of time (`--full-text`, the config's `fullText`): names or feed addresses. */
	readonly fullTextSources?: readonly string[];
	/** Whether the terminal reports the mouse (not with `--no-mouse`, or `"mouse": false` in the config). */
	readonly hasMouse?: boolean;
	/**
	 * Whether the terminal's cursor shows where it stands (the config file's `cursor`); hidden or not, it follows
	 * the selected headline and the top of the article, for screen readers.
	 */
	readonly isCursorShown?: boolean;
	/** The config file's commands for links by pattern. */
	readonly openers?: readonly ConfiguredOpener[];

	// The handles effects go through.
	/** Where `F` fetches full stories from and keeps them (limits, User-Agent, proxies); Node's fetch and $XDG_CACHE_HOME by default. */
	readonly fullTextEnvironment?: FullTextEnvironment;
	/** Where `o` and `y` send links; run-interface.tsx gives the real terminal's, tests their own. */
	readonly linkEnvironment?: LinkEnvironment;
	/** Where `|`, `p` and `w` run their programs and write their files (run-interface.tsx gives them); without it they say they cannot. */
	readonly programs?: ProgramEnvironment;
};
