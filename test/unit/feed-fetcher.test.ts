import {EventEmitter} from 'node:events';
import {mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {MessageChannel} from 'node:worker_threads';
import {afterEach, describe, expect, test} from 'vitest';
import {exitCodes, UserFacingError} from '../../source/exit-codes.js';
import {type FeedFetcher, fetcherInWorker, type FetchWorkerPort} from '../../source/load/web/feed-fetcher.js';
import type {FeedFetchOptions} from '../../source/load/web/fetch-feed.js';
import {serveFeedFetches} from '../../source/load/web/fetch-service.js';
import {FetchError} from '../../source/load/web/fetch-url.js';
import {cachedRoute, fixedRoute, rssFeed, startWebServer, type WebServer} from '../helpers/web-server.js';

// The fetch worker's two sides (feed-fetcher.ts asking, fetch-service.ts answering), joined by a message channel in
// this thread: what the launcher's worker does, without the built command.

const feed = rssFeed('Harbour news', ['Ferry timetable changes']);
const closers: Array<() => Promise<void> | void> = [];

afterEach(async () => {
	await Promise.all(closers.splice(0).map(async close => close()));
});

async function serve(routes: Parameters<typeof startWebServer>[0]): Promise<WebServer> {
	const server = await startWebServer(routes);
	closers.push(async () => server.close());
	return server;
}

function options(cacheDirectory?: string): FeedFetchOptions {
	return {timeoutMs: 2000, maximumByteCount: 1024 * 1024, userAgent: 'Broadsheet/9.9.9', environment: {}, ...(cacheDirectory ? {cacheDirectory} : {})};
}

/** A fetcher whose worker side answers on the other end of a channel. */
function fetcherOverChannel(): FeedFetcher {
	const {port1, port2} = new MessageChannel();
	serveFeedFetches(port1);
	closers.push(() => {
		port1.close();
	});
	return fetcherInWorker(port2);
}

describe('fetching feeds in the fetch worker', () => {
	test('answers with the body and where it came from, and keeps a copy in the cache that a second fetch asks about', async () => {
		const server = await serve({'/feed.xml': cachedRoute(feed)});
		const cacheDirectory = mkdtempSync(join(tmpdir(), 'broadsheet-fetcher-'));
		const fetcher = fetcherOverChannel();
		const fetched = await fetcher.fetchFeed(server.url('/feed.xml'), options(cacheDirectory));
		expect(fetched.bytes.toString()).toBe(feed);
		expect(fetched.finalUrl).toBe(server.url('/feed.xml'));
		expect(fetched.charset).toBe('utf-8');
		// The copy is written after the answer; the next fetch of the address waits for it, and asks conditionally.
		const again = await fetcher.fetchFeed(server.url('/feed.xml'), options(cacheDirectory));
		expect(again.bytes.toString()).toBe(feed);
		expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
		expect(readdirSync(cacheDirectory).filter(name => name.endsWith('.feed'))).toHaveLength(1);
	});

	test('fails as a fetch here fails: the same words, exit code and kind of error', async () => {
		const server = await serve({'/gone.xml': fixedRoute('gone', {}, 404)});
		const fetcher = fetcherOverChannel();
		const error = await fetcher.fetchFeed(server.url('/gone.xml'), options()).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(FetchError);
		expect((error as FetchError).message).toBe(`${server.url('/gone.xml')}: the server answered HTTP 404 Not Found`);
		expect((error as FetchError).exitCode).toBe(exitCodes.notFound);
		expect((error as FetchError).isTransient).toBe(false);
	});

	test('a fetch whose signal aborts fails with the signal\'s reason', async () => {
		const server = await serve({'/slow.xml': () => {}});
		const fetcher = fetcherOverChannel();
		const controller = new AbortController();
		const fetching = fetcher.fetchFeed(server.url('/slow.xml'), {...options(), signal: controller.signal}).catch((error: unknown) => error);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		controller.abort(new Error('the session ended'));
		expect(((await fetching) as Error).message).toBe('the session ended');
	});

	test('when the worker ends, what it had not answered is fetched in this thread, and so is all that follows', async () => {
		const port = Object.assign(new EventEmitter(), {postMessage() {}, ref() {}, unref() {}}) as unknown as FetchWorkerPort & EventEmitter;
		const fetchedHere: string[] = [];
		const here: FeedFetcher = {
			async fetchFeed(url) {
				fetchedHere.push(url);
				return {url, finalUrl: url, bytes: Buffer.from(feed)};
			},
			deferCacheEviction: () => async () => {},
			async firstRequestSent() {},
			async close() {},
		};
		const fetcher = fetcherInWorker(port, here);
		const first = fetcher.fetchFeed('https://example.org/a.xml', options());
		port.emit('exit', 1);
		expect((await first).bytes.toString()).toBe(feed);
		await fetcher.fetchFeed('https://example.org/b.xml', options());
		expect(fetchedHere).toEqual(['https://example.org/a.xml', 'https://example.org/b.xml']);
	});

	test('a failure that is not a FetchError keeps its words and exit code', async () => {
		const port = Object.assign(new EventEmitter(), {
			postMessage(message: {type: string; id: number}) {
				if (message.type === 'fetch') {
					queueMicrotask(() => {
						port.emit('message', {type: 'failed', id: message.id, failure: {message: 'too large', exitCode: exitCodes.tooLarge}});
					});
				}
			},
			ref() {},
			unref() {},
		}) as unknown as FetchWorkerPort & EventEmitter;
		const error = await fetcherInWorker(port).fetchFeed('https://example.org/a.xml', options()).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(UserFacingError);
		expect(error).not.toBeInstanceOf(FetchError);
		expect((error as UserFacingError).exitCode).toBe(exitCodes.tooLarge);
	});
});
