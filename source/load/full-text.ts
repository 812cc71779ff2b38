import {createHash} from 'node:crypto';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';
import {articlePageDraft} from '../formats/article-page.js';
import {buildArticles} from '../formats/build-articles.js';
import {decodeBytes} from '../formats/decode.js';

/** A story fetched and extracted: its paragraphs and links, sanitised as every input is. */
export type FullText = {readonly paragraphs: readonly string[]; readonly links: readonly string[]; readonly isFromCache: boolean};

/** How a page is fetched: Node's `fetch` by default; tests pass their own. */
export type FetchPage = (url: string, signal: AbortSignal) => Promise<{readonly ok: boolean; readonly status: number; arrayBuffer(): Promise<ArrayBuffer>}>;

/** The most of a page read (bytes): a story page is rarely over 2 MB. */
const largestPageByteCount = 20 * 1024 * 1024;
/** How long a fetch may take in all. */
const fetchTimeoutMs = 20_000;

/** $XDG_CACHE_HOME/broadsheet/full-text, else ~/.cache/broadsheet/full-text (a relative XDG path is ignored). */
export function fullTextCacheDirectory(environment: Readonly<Record<string, string | undefined>> = process.env): string {
	const cacheHome = environment.XDG_CACHE_HOME;
	return join(cacheHome && isAbsolute(cacheHome) ? cacheHome : join(environment.HOME || homedir(), '.cache'), 'broadsheet', 'full-text');
}

function cachePath(directory: string, url: string): string {
	return join(directory, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
}

async function cached(directory: string, url: string): Promise<FullText | undefined> {
	try {
		const stored = JSON.parse(await readFile(cachePath(directory, url), 'utf8')) as {url?: unknown; paragraphs?: unknown; links?: unknown};
		const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(item => typeof item === 'string');
		if (stored.url !== url || !isStrings(stored.paragraphs) || !isStrings(stored.links)) {
			return undefined;
		}

		// Read back through the same cleaning as a page: the cache file is outside input like any other.
		const [article] = buildArticles([{headline: 'cached', paragraphs: stored.paragraphs, links: stored.links}], 'cache');
		return article ? {paragraphs: article.paragraphs, links: article.links ?? [], isFromCache: true} : undefined;
	} catch {
		return undefined;
	}
}

/** Writes the story beside its final name, then renames it there: a reader never sees half a file. */
async function store(directory: string, url: string, text: FullText): Promise<void> {
	try {
		await mkdir(directory, {recursive: true, mode: 0o700});
		const path = cachePath(directory, url);
		const temporary = `${path}.${process.pid}.tmp`;
		await writeFile(temporary, JSON.stringify({url, paragraphs: text.paragraphs, links: text.links}), {mode: 0o600});
		await rename(temporary, path);
	} catch {
		// The cache only saves a fetch: a story that cannot be kept is still shown.
	}
}

/**
 * The full story at `url`: from the cache when it was fetched before (so it opens offline), else fetched with
 * `fetchPage`, extracted as an article page is (see formats/article-page.ts), and cached. Fails with an Error whose
 * message is one line saying why.
 */
export async function fetchFullText(url: string, {fetchPage, cacheDirectory = fullTextCacheDirectory(), signal}: {fetchPage?: FetchPage; cacheDirectory?: string; signal?: AbortSignal} = {}): Promise<FullText> {
	const fromCache = await cached(cacheDirectory, url);
	if (fromCache) {
		return fromCache;
	}

	const timeout = AbortSignal.timeout(fetchTimeoutMs);
	const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
	let response: Awaited<ReturnType<FetchPage>>;
	try {
		response = await (fetchPage ?? (async (address, abort) => globalThis.fetch(address, {signal: abort, redirect: 'follow', headers: {'user-agent': 'Broadsheet (terminal news reader)'}})))(url, combined);
	} catch (error) {
		throw new Error(timeout.aborted ? 'the site took too long to answer' : `the site could not be reached (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`);
	}

	if (!response.ok) {
		throw new Error(`the site answered ${response.status}`);
	}

	const bytes = new Uint8Array(await response.arrayBuffer());
	if (bytes.length > largestPageByteCount) {
		throw new Error('the page is too large');
	}

	const decoded = decodeBytes(bytes);
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
	await store(cacheDirectory, url, text);
	return text;
}
