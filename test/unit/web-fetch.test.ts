import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readdirSync} from 'node:fs';
import {type AddressInfo, createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, gzipSync} from 'node:zlib';
import {afterEach, describe, expect, test} from 'vitest';
import {deferCacheEviction} from '../../source/load/web/feed-cache.js';
import {cacheWritesDone, fetchFeed} from '../../source/load/web/fetch-feed.js';
import {fetchUrl, type FetchOptions, firstRequestSent} from '../../source/load/web/fetch-url.js';
import {cachedRoute, fixedRoute, redirectRoute, rssFeed, startProxy, startWebServer, type WebServer} from '../helpers/web-server.js';

const options: FetchOptions = {timeoutMs: 2000, maximumByteCount: 1024 * 1024, userAgent: 'Broadsheet/9.9.9', environment: {}};
const feed = rssFeed('Harbour news', ['Ferry timetable changes']);

const servers: Array<{close: () => Promise<void>}> = [];
async function serve(...parameters: Parameters<typeof startWebServer>): Promise<WebServer> {
	const server = await startWebServer(...parameters);
	servers.push(server);
	return server;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

async function failure(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		return (error as Error).message;
	}

	throw new Error('it did not fail');
}

describe('fetching a feed', () => {
	test('sends a User-Agent naming Broadsheet and its version, and asks for compression', async () => {
		const server = await serve({'/feed.xml': fixedRoute(feed, {'content-type': 'application/rss+xml; charset=UTF-8'})});
		const fetched = await fetchUrl(server.url('/feed.xml'), options);
		expect(fetched.kind === 'body' && fetched.bytes.toString()).toBe(feed);
		expect(fetched.kind === 'body' && fetched.charset).toBe('utf-8');
		expect(server.requests[0]?.headers['user-agent']).toBe('Broadsheet/9.9.9');
		expect(server.requests[0]?.headers['accept-encoding']).toMatch(/gzip.*deflate.*br/u);
	});

	test.each([
		['gzip', gzipSync],
		['br', brotliCompressSync],
	] as const)('reads a body sent with Content-Encoding: %s', async (encoding, compress) => {
		const server = await serve({'/feed.xml': fixedRoute(compress(Buffer.from(feed)), {'content-encoding': encoding})});
		const fetched = await fetchUrl(server.url('/feed.xml'), options);
		expect(fetched.kind === 'body' && fetched.bytes.toString()).toBe(feed);
	});

	test('follows redirects, relative ones too, and says where the body came from', async () => {
		const server = await serve({'/old': redirectRoute('/older', 301), '/older': redirectRoute('/feed.xml', 308), '/feed.xml': fixedRoute(feed)});
		const fetched = await fetchUrl(server.url('/old'), options);
		expect(fetched.kind === 'body' && fetched.url).toBe(server.url('/feed.xml'));
	});

	test('stops after 5 redirects', async () => {
		const routes = Object.fromEntries(Array.from({length: 7}, (_, index) => [`/r${index}`, redirectRoute(`/r${index + 1}`)]));
		const server = await serve(routes);
		expect(await failure(fetchUrl(server.url('/r0'), options))).toBe(`${server.url('/r0')}: more than 5 redirects`);
	});

	test('a redirect loop is a one-line error', async () => {
		const server = await serve({'/a': redirectRoute('/b'), '/b': redirectRoute('/a')});
		expect(await failure(fetchUrl(server.url('/a'), options))).toBe(`${server.url('/a')}: redirects in a loop (back to ${server.url('/a')})`);
	});

	test('never follows a redirect to another scheme than http(s)', async () => {
		const server = await serve({'/feed': redirectRoute('file:///etc/passwd')});
		expect(await failure(fetchUrl(server.url('/feed'), options))).toBe(`${server.url('/feed')}: redirected to file:, which Broadsheet does not follow (only http and https)`);
	});

	test('a server that never answers times out', async () => {
		const server = await serve({'/slow': () => {}});
		expect(await failure(fetchUrl(server.url('/slow'), {...options, timeoutMs: 200}))).toBe(`${server.url('/slow')}: no answer within 0.2 s`);
	});

	test('a body that stalls times out, one that drips slowly but steadily does not', async () => {
		const server = await serve({
			'/stall'(_request, response) {
				response.writeHead(200, {'content-type': 'application/rss+xml'});
				response.write('<rss>');
			},
			'/drip'(_request, response) {
				response.writeHead(200, {'content-type': 'application/rss+xml'});
				const pieces = feed.match(/[\s\S]{1,40}/gu)!.slice(0, 8);
				const rest = feed.slice(pieces.join('').length);
				const timer = setInterval(() => {
					const piece = pieces.shift();
					if (piece === undefined) {
						clearInterval(timer);
						response.end(rest);
					} else {
						response.write(piece);
					}
				}, 50);
			},
		});
		expect(await failure(fetchUrl(server.url('/stall'), {...options, timeoutMs: 300}))).toBe(`${server.url('/stall')}: the server stopped sending for 0.3 s`);
		const dripped = await fetchUrl(server.url('/drip'), {...options, timeoutMs: 300});
		expect(dripped.kind === 'body' && dripped.bytes.toString()).toBe(feed);
	});

	test('a body that drips on and on stops at the total time limit', async () => {
		const server = await serve({
			'/drip'(_request, response) {
				response.writeHead(200, {'content-type': 'application/rss+xml'});
				const timer = setInterval(() => response.write(' '), 50);
				response.on('close', () => clearInterval(timer));
			},
		});
		expect(await failure(fetchUrl(server.url('/drip'), {...options, timeoutMs: 300, totalTimeoutMs: 800}))).toBe(`${server.url('/drip')}: still not complete after 0.8 s, though it keeps sending (a slow-drip server?)`);
	});

	test('an endless body stops at the size cap', async () => {
		const server = await serve({
			'/endless'(_request, response) {
				response.writeHead(200, {'content-type': 'text/xml'});
				const chunk = Buffer.alloc(64 * 1024, 'a');
				const write = () => {
					while (response.write(chunk)) {
			// Write until the socket's buffer is full.
		}
					response.once('drain', write);
				};

				write();
			},
		});
		expect(await failure(fetchUrl(server.url('/endless'), options))).toBe(`${server.url('/endless')} is larger than 1 MB, the most Broadsheet fetches`);
	});

	test('a decompression bomb stops at the size cap, counted after decompression', async () => {
		const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'a'), {level: 9});
		expect(bomb.length).toBeLessThan(100 * 1024);
		const server = await serve({'/bomb': fixedRoute(bomb, {'content-encoding': 'gzip', 'content-type': 'application/rss+xml'})});
		const before = process.memoryUsage().rss;
		expect(await failure(fetchUrl(server.url('/bomb'), options))).toBe(`${server.url('/bomb')} is larger than 1 MB, the most Broadsheet fetches`);
		expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
	});

	test('a body that says it is gzip but is not is a one-line error', async () => {
		const server = await serve({'/broken': fixedRoute('not gzip at all', {'content-encoding': 'gzip'})});
		expect(await failure(fetchUrl(server.url('/broken'), options))).toBe(`${server.url('/broken')}: its compressed body cannot be decompressed`);
	});

	test('huge headers are refused', async () => {
		const server = await serve({
			'/headers'(_request, response) {
				response.writeHead(200, {'x-padding': 'a'.repeat(100 * 1024)}).end(feed);
			},
		});
		expect(await failure(fetchUrl(server.url('/headers'), options))).toBe(`${server.url('/headers')}: the server's headers are too large`);
	});

	test('an untrusted certificate is an error, never skipped', async () => {
		const server = await serve({'/feed.xml': fixedRoute(feed)}, {isTls: true});
		expect(await failure(fetchUrl(server.url('/feed.xml'), options))).toBe(`${server.url('/feed.xml')}: its TLS certificate cannot be trusted (DEPTH_ZERO_SELF_SIGNED_CERT); Broadsheet never skips the check`);
	});

	test('HTTP errors name the status', async () => {
		const server = await serve({'/gone': fixedRoute('gone', {}, 410)});
		expect(await failure(fetchUrl(server.url('/gone'), options))).toBe(`${server.url('/gone')}: the server answered HTTP 410 Gone`);
		expect(await failure(fetchUrl(server.url('/missing'), options))).toBe(`${server.url('/missing')}: the server answered HTTP 404 Not Found`);
	});

	test('a connection refused names the address', async () => {
		const server = await serve();
		const address = server.url('/feed.xml');
		await server.close();
		expect(await failure(fetchUrl(address, options))).toBe(`${address}: the connection was refused`);
	});
});

describe('proxies', () => {
	test('HTTP_PROXY carries http requests, HTTPS_PROXY https ones, and NO_PROXY exempts a host', async () => {
		const server = await serve({'/feed.xml': fixedRoute(feed)});
		const proxy = await startProxy();
		servers.push(proxy);
		const viaProxy = await fetchUrl(server.url('/feed.xml'), {...options, environment: {HTTP_PROXY: proxy.url}});
		expect(viaProxy.kind === 'body' && viaProxy.bytes.toString()).toBe(feed);
		expect(proxy.targets).toHaveLength(1);
		expect(proxy.targets[0]).toContain(new URL(server.origin).host);
		await fetchUrl(server.url('/feed.xml'), {...options, environment: {HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1'}});
		expect(proxy.targets).toHaveLength(1);
	});

	test('https goes through the proxy\'s tunnel, and the server\'s certificate is still checked', async () => {
		const server = await serve({'/feed.xml': fixedRoute(feed)}, {isTls: true});
		const proxy = await startProxy();
		servers.push(proxy);
		expect(await failure(fetchUrl(server.url('/feed.xml'), {...options, environment: {HTTPS_PROXY: proxy.url}}))).toBe(`${server.url('/feed.xml')}: its TLS certificate cannot be trusted (DEPTH_ZERO_SELF_SIGNED_CERT); Broadsheet never skips the check`);
		expect(proxy.targets).toEqual([new URL(server.origin).host]);
	});

	test('a proxy that refuses says how', async () => {
		const server = await serve({'/feed.xml': fixedRoute(feed)});
		const refusing = createServer(socket => {
			socket.once('data', () => socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'));
		});
		await new Promise<void>(resolve => {
			refusing.listen(0, '127.0.0.1', resolve);
		});
		servers.push({close: async () => new Promise<void>(resolve => refusing.close(() => resolve()))});
		const refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
		expect(await failure(fetchUrl(server.url('/feed.xml'), {...options, environment: {http_proxy: refusingUrl}}))).toBe(`${server.url('/feed.xml')}: the proxy refused the connection (HTTP/1.1 407 Proxy Authentication Required)`);
	});

	test('a proxy that cannot be reached says so', async () => {
		const server = await serve({'/feed.xml': fixedRoute(feed)});
		const proxy = await startProxy();
		await proxy.close();
		expect(await failure(fetchUrl(server.url('/feed.xml'), {...options, environment: {http_proxy: proxy.url}}))).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feed\.xml: /u);
	});
});

describe('the feed cache', () => {
	const cacheDirectory = () => mkdtempSync(join(tmpdir(), 'broadsheet-feed-cache-'));

	test('a second fetch is conditional, and a 304 opens the cached copy', async () => {
		const server = await serve({'/feed.xml': cachedRoute(feed)});
		const directory = cacheDirectory();
		const first = await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory});
		const second = await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory});
		expect(second.bytes.toString()).toBe(feed);
		expect(first.bytes.toString()).toBe(feed);
		expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
		expect(server.requests[1]?.headers['if-modified-since']).toBe('Mon, 01 Dec 2025 10:00:00 GMT');
		expect(second.notice).toBeUndefined();
	});

	test('when the server fails, the cached copy opens with a notice of its age', async () => {
		let isDown = false;
		const server = await serve({
			'/feed.xml'(request, response) {
				if (isDown) {
					response.writeHead(503, {}).end();
				} else {
					cachedRoute(feed)(request, response);
				}
			},
		});
		const directory = cacheDirectory();
		let now = Date.UTC(2026, 0, 1, 9);
		await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory, now: () => now});
		isDown = true;
		now += 3 * 60 * 60 * 1000;
		const copy = await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory, now: () => now});
		expect(copy.bytes.toString()).toBe(feed);
		expect(copy.notice).toBe(`${server.url('/feed.xml')}: offline (the server answered HTTP 503 Service Unavailable): showing the copy from 3 h ago`);
	});

	test('--offline reads the cache only, and a feed not in it is an error', async () => {
		const server = await serve({'/feed.xml': cachedRoute(feed)});
		const directory = cacheDirectory();
		await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory});
		const offline = await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory, isOffline: true});
		expect(offline.bytes.toString()).toBe(feed);
		expect(server.requests).toHaveLength(1);
		expect(await failure(fetchFeed(server.url('/other.xml'), {...options, cacheDirectory: directory, isOffline: true}))).toBe(`${server.url('/other.xml')}: not in the cache, and --offline fetches nothing`);
	});

	test('a cache directory other users can write is not read', async () => {
		const server = await serve({'/feed.xml': cachedRoute(feed)});
		const directory = cacheDirectory();
		await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory});
		chmodSync(directory, 0o777);
		expect(await failure(fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory, isOffline: true}))).toContain('not in the cache');
		chmodSync(directory, 0o700);
		expect((await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory, isOffline: true})).bytes.toString()).toBe(feed);
	});

	test('a feed is given as soon as it has come, its copy written meanwhile; a fetch of the same address reads that copy', async () => {
		const server = await serve({'/feed.xml': cachedRoute(feed, {etag: '"v1"'})});
		const directory = cacheDirectory();
		const fetched = await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory});
		expect(fetched.bytes.toString()).toBe(feed);
		// Written a step at a time through the thread pool: no copy can be in place yet.
		expect(existsSync(directory) ? readdirSync(directory).filter(name => name.endsWith('.feed')) : []).toEqual([]);
		expect((await fetchFeed(server.url('/feed.xml'), {...options, cacheDirectory: directory, isOffline: true})).bytes.toString()).toBe(feed);
		await cacheWritesDone();
		expect(readdirSync(directory).filter(name => name.endsWith('.feed'))).toHaveLength(1);
	});

	test('the cache stays within its size, the oldest copies going first, and leaves no temporary files', async () => {
		const big = `${feed}<!--${'x'.repeat(40 * 1024)}-->`;
		const server = await serve({'/a': fixedRoute(big), '/b': fixedRoute(big), '/c': fixedRoute(big)});
		const directory = cacheDirectory();
		let now = Date.UTC(2026, 0, 1);
		for (const path of ['/a', '/b', '/c']) {
			now += 60_000;
			await fetchFeed(server.url(path), {...options, cacheDirectory: directory, cacheByteCount: 100 * 1024, now: () => now});
		}

		await cacheWritesDone();
		expect(readdirSync(directory)).toHaveLength(2);
		expect(await failure(fetchFeed(server.url('/a'), {...options, cacheDirectory: directory, isOffline: true}))).toContain('not in the cache');
		expect((await fetchFeed(server.url('/c'), {...options, cacheDirectory: directory, isOffline: true})).bytes.toString()).toBe(big);
	});

	test('while feeds arrive, the look over the cache waits; once they are in, the cache is brought within its size (issue 15 measures)', async () => {
		const big = `${feed}<!--${'x'.repeat(40 * 1024)}-->`;
		const server = await serve({'/d': fixedRoute(big), '/e': fixedRoute(big), '/f': fixedRoute(big)});
		const directory = cacheDirectory();
		const release = deferCacheEviction();
		let now = Date.UTC(2026, 0, 1);
		for (const path of ['/d', '/e', '/f']) {
			now += 60_000;
			await fetchFeed(server.url(path), {...options, cacheDirectory: directory, cacheByteCount: 100 * 1024, now: () => now});
		}

		await cacheWritesDone();
		expect(readdirSync(directory)).toHaveLength(3);
		await release();
		expect(readdirSync(directory)).toHaveLength(2);
		expect(await failure(fetchFeed(server.url('/d'), {...options, cacheDirectory: directory, isOffline: true}))).toContain('not in the cache');
	});
});

describe('the first request', () => {
	test('is known to be on its way before its answer comes, so that other work can wait for the answer', async () => {
		let answer: () => void = () => {};
		const requested = new Promise<void>(resolve => {
			answer = resolve;
		});
		let respond: () => void = () => {};
		const server = await serve({
			'/feed.xml'(_request, response) {
				respond = () => response.writeHead(200, {'content-type': 'application/rss+xml'}).end(feed);
				answer();
			},
		});
		const sent = firstRequestSent();
		let isAnswered = false;
		const fetched = fetchUrl(server.url('/feed.xml'), options).finally(() => {
			isAnswered = true;
		});
		await sent;
		await requested;
		expect(isAnswered).toBe(false);
		respond();
		expect((await fetched).kind).toBe('body');
	});
});

describe('loading Node\'s fetch ahead of the first request', () => {
	test('loadFetch loads it (looking up fetch loads nothing: Node 20 loads undici on its first call)', () => {
		// In a process of its own: this one may have loaded fetch already.
		const modulePath = fileURLToPath(new URL('../../source/load/web/fetch-url.ts', import.meta.url));
		const script = `const {loadFetch} = await import(${JSON.stringify(modulePath)});
const isLoaded = () => process.moduleLoadList.some(name => name.includes('undici'));
void globalThis.fetch;
const before = isLoaded();
loadFetch();
console.log(JSON.stringify({before, after: isLoaded()}));`;
		const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8'});
		expect(JSON.parse(result.stdout.trim())).toEqual({before: false, after: true});
	});
});
