import {exitCodes} from '../../exit-codes.js';
import {printableName} from '../../text/sanitize-text.js';
import {ageText, type CachedFeed, readCachedFeed, touchCachedFeed, writeCachedFeed} from './feed-cache.js';
import {type FetchOptions, FetchError, fetchUrl, loadFetch} from './fetch-url.js';

/** How feeds are fetched: the request's limits, where they are cached, and whether to use the cache only. */
export type FeedFetchOptions = Omit<FetchOptions, 'validators'> & {
	/** The cache directory; none: nothing is cached. */
	readonly cacheDirectory?: string;
	/** Use the cache only (`--offline`). */
	readonly isOffline?: boolean;
	/** The most all cached feeds may hold. */
	readonly cacheByteCount?: number;
	/** The clock, for tests. */
	readonly now?: () => number;
};

/** A feed's bytes, where they came from, and a warning when they are an old copy standing in for a failed fetch. */
export type FeedBytes = {
	readonly url: string;
	/** The address the bytes came from, after redirects: the base for relative links. */
	readonly finalUrl: string;
	readonly bytes: Buffer;
	readonly charset?: string;
	/** `…: offline (…): showing the copy from 3 h ago`, when the cache stood in. */
	readonly notice?: string;
	/** How old the copy that stood in is, in words (`3 h`). */
	readonly staleAge?: string;
};

const fromCache = (cached: CachedFeed, notice?: string, staleAge?: string): FeedBytes => ({
	url: cached.url,
	finalUrl: cached.finalUrl,
	bytes: cached.bytes,
	...(cached.charset ? {charset: cached.charset} : {}),
	...(notice ? {notice} : {}),
	...(staleAge ? {staleAge} : {}),
});

/** The cache writes under way, by address. */
const cacheWrites = new Map<string, Promise<void>>();

/**
 * Lets `write` (of the copy of `url`) go on while the feed is parsed and shown: written a step at a time through the
 * thread pool, a copy took longer to store than the feed to parse when many arrived at once, and the first frame
 * waited for it. A fetch of the same address waits for it before it reads the cache.
 */
function writeInBackground(url: string, write: Promise<void>): void {
	const written: Promise<void> = write.finally(() => {
		if (cacheWrites.get(url) === written) {
			cacheWrites.delete(url);
		}
	});
	cacheWrites.set(url, written);
}

/** Resolves once every copy being written to the cache is written (or failed, which a cache may). */
export async function cacheWritesDone(): Promise<void> {
	await Promise.all(cacheWrites.values());
}

/**
 * Fetches the feed at `url`, conditionally when the cache has a copy (a 304 opens the copy); stores what comes, in the
 * background (see {@link cacheWritesDone}). When the fetch fails for a reason that may pass (offline, DNS, a timeout, a
 * 5xx) and the cache has a copy, the copy opens with a notice of its age. With `isOffline`, only the cache is read.
 * Fails with a one-line {@link FetchError}.
 */
export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedBytes> {
	const now = options.now ?? Date.now;
	const {cacheDirectory} = options;
	const write = cacheWrites.get(url);
	if (write) {
		await write;
	}

	const reading = cacheDirectory === undefined ? undefined : readCachedFeed(cacheDirectory, url);
	if (!options.isOffline) {
		// While the thread pool reads the cache: the request needs both.
		loadFetch();
	}

	const cached = await reading;
	if (options.isOffline) {
		if (!cached) {
			throw new FetchError(`${printableName(url)}: not in the cache, and --offline fetches nothing`, false, exitCodes.notFound);
		}

		return fromCache(cached);
	}

	let fetched;
	try {
		fetched = await fetchUrl(url, {...options, ...(cached ? {validators: cached.validators} : {})});
	} catch (error) {
		if (cached && error instanceof FetchError && error.isTransient) {
			const reason = error.message.startsWith(printableName(url) + ': ') ? error.message.slice(printableName(url).length + 2) : error.message;
			const age = ageText(now() - cached.fetchedAt);
			return fromCache(cached, `${printableName(url)}: offline (${reason}): showing the copy from ${age} ago`, age);
		}

		throw error;
	}

	if (fetched.kind === 'not-modified') {
		if (!cached) {
			throw new FetchError(`${printableName(url)}: the server answered 304 Not Modified, and there is no copy`, false);
		}

		if (cacheDirectory !== undefined) {
			writeInBackground(url, touchCachedFeed(cacheDirectory, cached, now(), options.cacheByteCount));
		}

		return fromCache(cached);
	}

	if (cacheDirectory !== undefined) {
		writeInBackground(url, writeCachedFeed(cacheDirectory, {url, finalUrl: fetched.url, ...(fetched.charset ? {charset: fetched.charset} : {}), validators: fetched.validators, fetchedAt: now(), bytes: fetched.bytes}, options.cacheByteCount));
	}

	return {url, finalUrl: fetched.url, bytes: fetched.bytes, ...(fetched.charset ? {charset: fetched.charset} : {})};
}
