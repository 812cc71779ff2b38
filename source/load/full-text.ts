import {createHash} from 'node:crypto';
import {mkdir, readFile, rename, unlink, utimes, writeFile} from './file-promises.js';
import {join} from 'node:path';
import {articlePageDraft} from '../formats/article-page.js';
import {buildArticles} from '../formats/build-articles.js';
import {decodeBytes} from '../formats/decode.js';
import {printableName} from '../text/sanitize-text.js';
import {broadsheetDirectory} from '../xdg-directories.js';
import {evictLeastRecent} from './web/cache-eviction.js';
import {defaultTimeoutMs, type FetchOptions, fetchUrl} from './web/fetch-url.js';

/** A story fetched and extracted: its paragraphs and links, sanitised as every input is. */
export type FullText = {readonly paragraphs: readonly string[]; readonly links: readonly string[]; readonly isFromCache: boolean};

/**
 * How a page is fetched: the fetcher feeds go through by default (see web/fetch-url.ts); tests may pass their own. It
 * fails with an Error whose message is one line.
 */
export type FetchPage = (url: string, signal: AbortSignal | undefined) => Promise<{readonly bytes: Uint8Array; readonly charset?: string}>;

/** How pages are fetched: as feeds are (timeouts, size cap, User-Agent, proxies), without the cache's validators. */
export type PageFetchOptions = Omit<FetchOptions, 'validators' | 'signal'> & {
	/** `--offline`: stories come from the cache only. */
	readonly isOffline?: boolean;
};

/** The most of a page read (bytes): a story page is rarely over 2 MB. */
const largestPageByteCount = 20 * 1024 * 1024;

/** The options when the caller gives none: the feeds' defaults, and the proxies of the process's environment. */
function defaultPageFetchOptions(): PageFetchOptions {
	return {timeoutMs: defaultTimeoutMs, maximumByteCount: largestPageByteCount, userAgent: 'Broadsheet', environment: process.env};
}

/** A page fetched as feeds are: redirects, timeouts, the size cap (at most {@link largestPageByteCount}), proxies. */
function pageFetcher(options: PageFetchOptions): FetchPage {
	return async (url, signal) => {
		const fetched = await fetchUrl(url, {...options, maximumByteCount: Math.min(options.maximumByteCount, largestPageByteCount), ...(signal ? {signal} : {})});
		if (fetched.kind !== 'body') {
			throw new Error('the site answered 304 Not Modified to a request that was not conditional');
		}

		return {bytes: fetched.bytes, ...(fetched.charset ? {charset: fetched.charset} : {})};
	};
}

/** A fetch failure's one line without the address it starts with: the line names the site already. */
function reasonOf(url: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const name = printableName(url);
	return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message.startsWith(`${name} `) ? `the page ${message.slice(name.length + 1)}` : message;
}

/** $XDG_CACHE_HOME/broadsheet/full-text, else ~/.cache/broadsheet/full-text (a relative XDG path is ignored). */
export function fullTextCacheDirectory(environment: Readonly<Record<string, string | undefined>> = process.env): string {
	return join(broadsheetDirectory('cache', environment), 'full-text');
}

function cachePath(directory: string, url: string): string {
	return join(directory, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
}

async function cached(directory: string, url: string): Promise<FullText | undefined> {
	try {
		const path = cachePath(directory, url);
		const stored = JSON.parse(await readFile(path, 'utf8')) as {url?: unknown; paragraphs?: unknown; links?: unknown};
		const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(item => typeof item === 'string');
		if (stored.url !== url || !isStrings(stored.paragraphs) || !isStrings(stored.links)) {
			return undefined;
		}

		// The file's time says when the story was last read, for eviction (access times are often not kept).
		const now = new Date();
		await utimes(path, now, now).catch(() => {});
		// Read back through the same cleaning as a page: the cache file is outside input like any other.
		const [article] = buildArticles([{headline: 'cached', paragraphs: stored.paragraphs, links: stored.links}], 'cache');
		return article ? {paragraphs: article.paragraphs, links: article.links ?? [], isFromCache: true} : undefined;
	} catch {
		return undefined;
	}
}

/** How much all kept stories may hold together before the least recently read go. */
export const defaultFullTextCacheByteCount = 50 * 1024 * 1024;

let temporaryCount = 0;

/**
 * Writes the story beside its final name, then renames it there: a reader never sees half a file. Then removes the
 * stories read least recently while all of them hold more than `maximumByteCount`.
 */
async function store(directory: string, url: string, text: FullText, maximumByteCount: number): Promise<void> {
	const path = cachePath(directory, url);
	const temporary = `${path}.${process.pid}.${temporaryCount++}.tmp`;
	try {
		await mkdir(directory, {recursive: true, mode: 0o700});
		await writeFile(temporary, JSON.stringify({url, paragraphs: text.paragraphs, links: text.links}), {mode: 0o600});
		await rename(temporary, path);
		await evictLeastRecent(directory, '.json', maximumByteCount);
	} catch {
		// The cache only saves a fetch: a story that cannot be kept is still shown.
		await unlink(temporary).catch(() => {});
	}
}

/**
 * The full story at `url`: from the cache when it was fetched before (so it opens offline), else fetched as feeds are
 * (with `web`'s limits and proxies, or `fetchPage`), extracted as an article page is (see formats/article-page.ts), and cached. Fails with an Error whose
 * message is one line saying why.
 */
export async function fetchFullText(
	url: string,
	{fetchPage, web, cacheDirectory = fullTextCacheDirectory(), cacheByteCount = defaultFullTextCacheByteCount, signal}: {fetchPage?: FetchPage; web?: PageFetchOptions; cacheDirectory?: string; cacheByteCount?: number; signal?: AbortSignal} = {},
): Promise<FullText> {
	const fromCache = await cached(cacheDirectory, url);
	if (fromCache) {
		return fromCache;
	}

	if (web?.isOffline && !fetchPage) {
		throw new Error('not in the cache, and --offline fetches nothing');
	}

	let page: Awaited<ReturnType<FetchPage>>;
	try {
		page = await (fetchPage ?? pageFetcher(web ?? defaultPageFetchOptions()))(url, signal);
	} catch (error) {
		signal?.throwIfAborted();
		throw new Error(reasonOf(url, error));
	}

	const decoded = decodeBytes(page.bytes, page.charset);
	if ('reason' in decoded) {
		throw new Error('the page is not text');
	}

	const draft = articlePageDraft(decoded.text);
	if ('problem' in draft) {
		throw new Error(draft.problem);
	}

	const [article] = buildArticles([{...draft, url, headline: draft.headline ?? 'story'}], 'page');
	if (!article || article.paragraphs.length === 0) {
		throw new Error('the page holds no story');
	}

	const text: FullText = {paragraphs: article.paragraphs, links: article.links ?? [], isFromCache: false};
	await store(cacheDirectory, url, text, cacheByteCount);
	return text;
}
