import {isAbsolute, join} from 'node:path';
import {type Article, withId} from '../article.js';
import {exitCodes, UserFacingError} from '../exit-codes.js';
import {printableName} from '../text/sanitize-text.js';
import {decodeInput} from './decode-input.js';
import {type DecodedInput, InputsParse, type InputsParseOptions, type ParsedInput} from './parse-inputs.js';
import type {FeedFetchOptions} from './web/fetch-feed.js';

/** How URLs are fetched: limits, the cache, `--offline` (see web/fetch-feed.ts). */
export type WebOptions = FeedFetchOptions;

/** Where feeds are cached: `$XDG_CACHE_HOME/broadsheet/feeds`, by default `~/.cache/broadsheet/feeds`. */
export function feedCacheDirectory(environment: Readonly<Record<string, string | undefined>>, homeDirectory: string): string {
	const cacheHome = environment['XDG_CACHE_HOME'];
	// The XDG specification says to ignore a relative path.
	const base = cacheHome && isAbsolute(cacheHome) ? cacheHome : join(homeDirectory, '.cache');
	return join(base, 'broadsheet', 'feeds');
}

/** How many feeds have answered (or failed), and how many there are. */
export type FetchCounts = {readonly fetched: number; readonly total: number};

/** How many feeds are fetched at once. */
export const feedsFetchedAtOnce = 8;

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

/** The options every fetch needs when the command line gave none (tests, and callers that fetch nothing). */
function fallbackWebOptions(): WebOptions {
	return {timeoutMs: 10_000, maximumByteCount: 50 * 1024 * 1024, userAgent: 'Broadsheet', environment: process.env};
}

/** Fetches and decodes the feed at `url` (see web/fetch-feed.ts), with a notice when an old copy stands in. */
export async function readWebInput(url: string, options: WebOptions | undefined): Promise<{input: DecodedInput; notice?: string; staleAge?: string}> {
	// Loaded only for a URL: reading files never pays for the fetching code, nor for Node's fetch.
	const {fetchFeed} = await import('./web/fetch-feed.js');
	const fetched = await fetchFeed(url, options ?? fallbackWebOptions());
	const name = printableName(url);
	const {text, byteCount} = decodeInput(fetched.bytes, name, fetched.charset);
	return {input: {path: url, file: url, name, source: hostOf(url), text, byteCount, documentUrl: fetched.finalUrl}, ...(fetched.notice ? {notice: fetched.notice} : {}), ...(fetched.staleAge ? {staleAge: fetched.staleAge} : {})};
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
	| {readonly state: 'parsing'; readonly parse: InputsParse; readonly notice?: string; readonly staleAge?: string}
	| {readonly state: 'failed'; readonly error: UserFacingError};

/**
 * Feeds fetched at most {@link feedsFetchedAtOnce} at a time, each parsed once it has come (a slice at a time, by
 * {@link parseFor}), kept in the order the URLs were given whatever order they answer in. A feed that fails is a
 * failure to warn of, never the end of the others.
 */
export class WebFeeds {
	private readonly slots = new Map<string, Slot>();
	private settled = 0;
	private waiters: Array<() => void> = [];

	constructor(
		readonly urls: readonly string[],
		private readonly options: InputsParseOptions & {readonly web?: WebOptions},
	) {
		for (const url of urls) {
			this.slots.set(url, {state: 'fetching'});
		}

		let next = 0;
		const worker = async () => {
			while (next < urls.length) {
				const url = urls[next++]!;
				// eslint-disable-next-line no-await-in-loop
				await this.fetchOne(url);
			}
		};

		for (let index = 0; index < Math.min(feedsFetchedAtOnce, urls.length); index++) {
			void worker();
		}
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
		const deadline = performance.now() + budgetMs;
		for (const slot of this.slots.values()) {
			if (slot.state === 'parsing' && !slot.parse.isComplete) {
				slot.parse.parseFor(Math.max(0, deadline - performance.now()));
				if (performance.now() >= deadline) {
					break;
				}
			}
		}

		return this.isComplete;
	}

	/** The articles fetched from `url` so far, their ids made lasting (see {@link webArticleId}). */
	inputsOf(url: string): ParsedInput[] {
		const slot = this.slots.get(url);
		if (slot?.state !== 'parsing') {
			return [];
		}

		return slot.parse.parsedInputs.map(input => ({...input, articles: input.articles.map((article: Article) => withId(article, webArticleId(url, article.id)))}));
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

	private async fetchOne(url: string): Promise<void> {
		try {
			const {input, notice, staleAge} = await readWebInput(url, this.options.web);
			this.slots.set(url, {state: 'parsing', parse: new InputsParse([input], this.options), ...(notice ? {notice} : {}), ...(staleAge ? {staleAge} : {})});
		} catch (error) {
			this.slots.set(url, {state: 'failed', error: error instanceof UserFacingError ? error : new UserFacingError(`${printableName(url)}: internal error: ${(error as Error).message}`, exitCodes.internalError)});
		}

		this.settled++;
		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) {
			resolve();
		}
	}
}
