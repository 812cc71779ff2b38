import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import {type Article, withId} from '../article.js';
import {monotonicMs} from './clock.js';
import {exitCodes, UserFacingError} from '../exit-codes.js';
import {printableName} from '../text/sanitize-text.js';
import {broadsheetDirectory} from '../xdg-directories.js';
import {isGzip} from '../formats/decode.js';
import {detectFormat} from '../formats/detect.js';
import type {FormatName} from '../formats/format.js';
import {parseSubscriptions} from '../formats/subscriptions.js';
import {decodeInput} from './decode-input.js';
import {type DecodedInput, InputsParse, type InputsParseOptions, type ParsedInput} from './parse-inputs.js';
import type {FeedFetchOptions} from './web/fetch-feed.js';

/** How URLs are fetched: limits, the cache, `--offline` (see web/fetch-feed.ts). */
export type WebOptions = FeedFetchOptions & {
	/**
	 * The longest the other feeds wait for the first one's request to go out (see {@link WebFeeds}): by default
	 * {@link firstRequestWaitMs}. A test of the order alone sets it long, so that a loaded machine cannot end the wait.
	 */
	readonly firstRequestWaitMs?: number;
};

/** Where feeds are cached: `$XDG_CACHE_HOME/broadsheet/feeds`, by default `~/.cache/broadsheet/feeds`. */
export function feedCacheDirectory(environment: Readonly<Record<string, string | undefined>>, homeDirectory: string): string {
	return join(broadsheetDirectory('cache', environment, homeDirectory), 'feeds');
}

/** How many feeds have answered (or failed), and how many there are. */
export type FetchCounts = {readonly fetched: number; readonly total: number};

/**
 * A feed to fetch: its address and, from a subscription list (OPML, a newsboat `urls` file), its title and groups.
 * `path` is the input that named it: the URL itself when given on the command line, else the list's path; its
 * articles come in that input's place in the list, in the order the feeds were named.
 */
export type FeedRequest = {
	readonly url: string;
	/** What its articles name as their source when the feed names none (the list's title for it). */
	readonly title?: string;
	/** The groups (OPML outlines, newsboat tags) the list puts it in: see {@link WebFeeds.inputsOf}. */
	readonly groups?: readonly string[];
	/** The input that named it; the URL itself by default. */
	readonly path?: string;
};

/**
 * The feeds `text` lists, when it is a subscription list (OPML, or a newsboat `urls` file) that lists some, each
 * named as coming from `path`; undefined for any other text, and when `format` asks to read it as something else.
 */
export function listedFeeds(text: string, name: string, path: string, format: FormatName | undefined): FeedRequest[] | undefined {
	if ((format !== undefined && format !== 'subscriptions') || detectFormat(text, name) !== 'subscriptions') {
		return undefined;
	}

	const subscriptions = parseSubscriptions(text);
	if (!subscriptions || subscriptions.length === 0) {
		return undefined;
	}

	return subscriptions.map(({url, title, groups}) => ({url, path, groups, ...(title === undefined ? {} : {title})}));
}

/** How many feeds are fetched at once. */
export const feedsFetchedAtOnce = 8;

/** The longest the other feeds wait for the first one's request to go out (see {@link WebFeeds}). */
const firstRequestWaitMs = 50;

/** Whether an input names a web address (http or https) rather than a FILE. */
export function isWebAddress(text: string): boolean {
	return /^https?:\/\/[^/?#\s]/iu.test(text);
}

/** What articles fetched from `url` name as their source when the feed names none: its host. */
function hostOf(url: string): string {
	try {
		return printableName(new URL(url).host);
	} catch {
		return printableName(url);
	}
}

/**
 * An article's id once fetched from `feedUrl`: an id that is an address already (a permalink GUID, the link) stays;
 * another (a GUID such as `1234`, a hash) is prefixed with the feed's address. So ids stay the same from one fetch to
 * the next, whatever order feeds answer in, and read marks stay on their articles.
 */
export function webArticleId(feedUrl: string, id: string): string {
	return /^[a-z][a-z\d+.-]*:/iu.test(id) ? id : `${feedUrl}#${id}`;
}

/**
 * An article fetched from `feedUrl` as the list shows it: its id made lasting (see {@link webArticleId}), the feed's
 * address, and the groups the subscription list files its feed under, when it names any.
 */
export function webArticle(feedUrl: string, article: Article, groups: readonly string[] | undefined): Article {
	const fetched = Object.assign(withId(article, webArticleId(feedUrl, article.id)), {feedUrl});
	return groups && groups.length > 0 ? Object.assign(fetched, {groups}) : fetched;
}

/**
 * Ends the connections Node's fetch keeps open for more requests (and any still fetching: the session is over), so
 * that the process ends at once rather than when they time out. Nothing happens when nothing was fetched.
 */
export async function closeWebConnections(): Promise<void> {
	const dispatcher = (globalThis as unknown as Record<symbol, {destroy?: () => Promise<void>} | undefined>)[Symbol.for('undici.globalDispatcher.1')];
	await dispatcher?.destroy?.().catch(() => {});
}

const defaultMaximumByteCount = 50 * 1024 * 1024;

/**
 * A body that is a gzip file itself (a `.xml.gz` served as it is), decompressed within the same limit as the body:
 * otherwise a 50 MB bomb would expand to the 500 MiB a file may. Other bodies are returned as they are.
 */
function withinLimit(bytes: Buffer, name: string, maximumByteCount: number): Buffer {
	if (!isGzip(bytes)) {
		return bytes;
	}

	try {
		return gunzipSync(bytes, {maxOutputLength: maximumByteCount});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
			throw new UserFacingError(`${name} decompresses to more than ${Math.round(maximumByteCount / 1024 / 1024)} MB, the most Broadsheet fetches`, exitCodes.tooLarge);
		}

		// Not gzip after all, or broken: decoding says so.
		return bytes;
	}
}

/** The options every fetch needs when the command line gave none (tests, and callers that fetch nothing). */
function fallbackWebOptions(): WebOptions {
	return {timeoutMs: 10_000, maximumByteCount: defaultMaximumByteCount, userAgent: 'Broadsheet', environment: process.env};
}

/** Fetches and decodes the feed at `url` (see web/fetch-feed.ts), with a notice when an old copy stands in. */
export async function readWebInput(url: string, options: WebOptions | undefined, request: Omit<FeedRequest, 'url'> = {}): Promise<{input: DecodedInput; notice?: string; staleAge?: string}> {
	// Loaded only for a URL: reading files never pays for the fetching code, nor for Node's fetch.
	const {fetchFeed} = await import('./web/fetch-feed.js');
	// For the launcher (scripts/launcher.cjs): its code cache should hold the feeds' compiled code too.
	(process as NodeJS.EventEmitter).emit('broadsheet:feeds-fetched');
	const fetched = await fetchFeed(url, options ?? fallbackWebOptions());
	const name = printableName(url);
	const {text, byteCount} = decodeInput(withinLimit(fetched.bytes, name, options?.maximumByteCount ?? defaultMaximumByteCount), name, fetched.charset);
	return {input: {path: request.path ?? url, file: url, name, source: request.title === undefined ? hostOf(url) : printableName(request.title), text, byteCount, documentUrl: fetched.finalUrl}, ...(fetched.notice ? {notice: fetched.notice} : {}), ...(fetched.staleAge ? {staleAge: fetched.staleAge} : {})};
}

/** The status line's notice for cached copies of these ages standing in for failed fetches (see {@link WebFeeds.offlineNotice}). */
export function offlineNoticeOf(ages: readonly string[]): string | undefined {
	if (ages.length === 0) {
		return undefined;
	}

	return ages.length === 1 ? `offline: showing the copy from ${ages[0]} ago` : `offline: ${ages.length} feeds show their cached copies`;
}

type Slot =
	| {readonly state: 'fetching'}
	// A subscription list at a URL: its feeds are fetched in its place.
	| {readonly state: 'list'}
	| {readonly state: 'parsing'; readonly parse: InputsParse; readonly notice?: string; readonly staleAge?: string}
	| {readonly state: 'failed'; readonly error: UserFacingError};

/**
 * Feeds fetched at most {@link feedsFetchedAtOnce} at a time, each parsed once it has come (a slice at a time, by
 * {@link parseFor}), kept in the order they were named whatever order they answer in. A feed that fails is a
 * failure to warn of, never the end of the others. More can be added while it runs ({@link add}: the feeds of a
 * subscription list, once the list is read).
 */
export class WebFeeds {
	private readonly slots = new Map<string, Slot>();
	private readonly requests = new Map<string, FeedRequest>();
	private readonly queue: FeedRequest[] = [];
	private readonly completedInputs = new Map<string, Array<ParsedInput & {readonly groups?: readonly string[]}>>();
	private activeCount = 0;
	/**
	 * Whether the first feed's request has gone out (or the first feed has answered or failed, or
	 * {@link firstRequestWaitMs} have passed): until then, the others wait. Started together, each request's own work
	 * (its cache read, Node's fetch setting it up, cold) came before the first went out, and the first answer, which the
	 * first frame waits for, came that much later.
	 */
	private isFirstUnderWay = false;
	private settled = 0;
	private waiters: Array<() => void> = [];
	/** Lets the feed cache look over its copies again: once every feed has answered (see deferCacheEviction). */
	private releaseCacheEviction: (() => Promise<void>) | undefined;

	constructor(
		requests: readonly FeedRequest[],
		private readonly options: InputsParseOptions & {readonly web?: WebOptions},
	) {
		// Loaded as the fetching code is, only for URLs; resolved before any feed can answer.
		void import('./web/feed-cache.js').then(({deferCacheEviction}) => {
			this.releaseCacheEviction = deferCacheEviction();
			if (this.isAllSettled) {
				void this.releaseCacheEviction();
			}
		});
		this.add(requests);
		const waited = new Promise<void>(resolve => {
			// A host slow to look up or to connect to holds the others back no longer than this.
			setTimeout(resolve, options.web?.firstRequestWaitMs ?? firstRequestWaitMs).unref();
		});
		void Promise.race([import('./web/fetch-url.js').then(async ({firstRequestSent}) => firstRequestSent()), this.nextSettled(), waited]).then(() => {
			this.isFirstUnderWay = true;
			this.startFetching();
		});
	}

	/** Fetches `requests` too (a URL already asked for is fetched once, in its first place). */
	add(requests: readonly FeedRequest[]): void {
		for (const request of requests) {
			if (!this.requests.has(request.url)) {
				this.requests.set(request.url, request);
				this.slots.set(request.url, {state: 'fetching'});
				this.queue.push(request);
			}
		}

		this.startFetching();
	}

	/** Starts fetching what waits, up to {@link feedsFetchedAtOnce} at a time (one until the first is under way). */
	private startFetching(): void {
		const limit = this.isFirstUnderWay ? feedsFetchedAtOnce : 1;
		while (this.activeCount < limit && this.queue.length > 0) {
			this.activeCount++;
			void this.work();
		}
	}

	/** The feeds asked for, in order: each with the input that named it. */
	get feeds(): readonly FeedRequest[] {
		return [...this.requests.values()];
	}

	/** How many feeds have answered (or failed), and how many there are. */
	get counts(): FetchCounts {
		return {fetched: this.settled, total: this.slots.size};
	}

	/** Whether every feed has answered or failed. */
	get isAllSettled(): boolean {
		return this.settled === this.slots.size;
	}

	/** Whether a feed that came is still to be parsed. */
	get hasParsingToDo(): boolean {
		return [...this.slots.values()].some(slot => slot.state === 'parsing' && !slot.parse.isComplete);
	}

	/** Whether every feed has answered and is parsed. */
	get isComplete(): boolean {
		return this.isAllSettled && !this.hasParsingToDo;
	}

	/** Whether some feed has given articles. */
	get hasArticles(): boolean {
		return [...this.slots.values()].some(slot => slot.state === 'parsing' && slot.parse.articleCount > 0);
	}

	/** Resolves when the next feed answers or fails (at once when all have). */
	async nextSettled(): Promise<void> {
		if (this.isAllSettled) {
			return;
		}

		await new Promise<void>(resolve => {
			this.waiters.push(resolve);
		});
	}

	/** Parses the feeds that have come for about `budgetMs` (at least one part when there is one); true when all is done. */
	parseFor(budgetMs: number): boolean {
		const deadline = monotonicMs() + budgetMs;
		for (const slot of this.slots.values()) {
			if (slot.state === 'parsing' && !slot.parse.isComplete) {
				slot.parse.parseFor(Math.max(0, deadline - monotonicMs()));
				if (monotonicMs() >= deadline) {
					break;
				}
			}
		}

		return this.isComplete;
	}

	/**
	 * The articles fetched from `url` so far, their ids made lasting (see {@link webArticleId}), with the groups the
	 * list gave the feed.
	 */
	inputsOf(url: string): Array<ParsedInput & {readonly groups?: readonly string[]}> {
		const slot = this.slots.get(url);
		if (slot?.state !== 'parsing') {
			return [];
		}

		const cached = this.completedInputs.get(url);
		if (cached) {
			return cached;
		}

		const groups = this.requests.get(url)?.groups;
		const inputs = slot.parse.parsedInputs.map(input => ({
			...input,
			articles: input.articles.map((article: Article) => webArticle(url, article, groups)),
			...(groups && groups.length > 0 ? {groups} : {}),
		}));
		if (slot.parse.isComplete) {
			// Each arrival asks for every feed's articles again: a feed parsed to its end gives the same ones each time.
			this.completedInputs.set(url, inputs);
		}

		return inputs;
	}

	/** The warnings of `url`: a cached copy standing in, and problems in the feed. */
	warningsOf(url: string): string[] {
		const slot = this.slots.get(url);
		if (slot?.state !== 'parsing') {
			return [];
		}

		return [...(slot.notice ? [slot.notice] : []), ...slot.parse.warnings];
	}

	/**
	 * What the status line says when cached copies stood in for feeds that could not be fetched: `offline: showing the
	 * copy from 3 h ago` for one, `offline: 3 feeds show their cached copies` for several; undefined for none.
	 */
	get offlineNotice(): string | undefined {
		const ages = [...this.slots.values()].flatMap(slot => (slot.state === 'parsing' && slot.staleAge ? [slot.staleAge] : []));
		return offlineNoticeOf(ages);
	}

	/** Why `url` gave no articles, if it failed or is parsed and had none. */
	failureOf(url: string): UserFacingError | undefined {
		const slot = this.slots.get(url);
		return slot?.state === 'failed' ? slot.error : slot?.state === 'parsing' ? slot.parse.failureOf(url) : undefined;
	}

	private async work(): Promise<void> {
		for (let request = this.queue.shift(); request !== undefined; request = this.queue.shift()) {
			// eslint-disable-next-line no-await-in-loop
			await this.fetchOne(request);
		}

		this.activeCount--;
	}

	private async fetchOne(request: FeedRequest): Promise<void> {
		const {url} = request;
		try {
			const {input, notice, staleAge} = await readWebInput(url, this.options.web, request);
			const listed = 'text' in input ? listedFeeds(input.text, input.name, request.path ?? url, this.options.format) : undefined;
			if (listed) {
				this.slots.set(url, {state: 'list'});
				this.add(listed);
				return;
			}

			this.slots.set(url, {state: 'parsing', parse: new InputsParse([input], this.options), ...(notice ? {notice} : {}), ...(staleAge ? {staleAge} : {})});
		} catch (error) {
			this.slots.set(url, {state: 'failed', error: error instanceof UserFacingError ? error : new UserFacingError(`${printableName(url)}: internal error: ${(error as Error).message}`, exitCodes.internalError)});
		} finally {
			this.settle();
		}
	}

	private settle(): void {
		this.settled++;
		if (this.isAllSettled) {
			void this.releaseCacheEviction?.();
		}

		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) {
			resolve();
		}
	}
}
