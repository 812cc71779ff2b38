import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PassThrough} from 'node:stream';
import {gzipSync} from 'node:zlib';
import {afterEach, describe, expect, test} from 'vitest';
import {type Arrival, parseInBackground} from '../../source/load/parse-in-background.js';
import {loadInputs, reloadInputs} from '../../source/load/read-input.js';
import type {WebOptions} from '../../source/load/web-feeds.js';
import {cachedRoute, fixedRoute, rssFeed, startWebServer, type WebServer} from '../helpers/web-server.js';

const servers: WebServer[] = [];
async function serve(...parameters: Parameters<typeof startWebServer>): Promise<WebServer> {
	const server = await startWebServer(...parameters);
	servers.push(server);
	return server;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const web = (overrides: Partial<WebOptions> = {}): WebOptions => ({timeoutMs: 2000, maximumByteCount: 1024 * 1024, userAgent: 'Broadsheet/test', environment: {}, cacheDirectory: mkdtempSync(join(tmpdir(), 'broadsheet-web-load-')), ...overrides});
const stdin = () => new PassThrough();

describe('URLs as inputs', () => {
	test('files and URLs mix, their articles in the order the inputs were given', async () => {
		const server = await serve({'/a.xml': fixedRoute(rssFeed('Alpha', ['Alpha one', 'Alpha two'])), '/b.xml': fixedRoute(rssFeed('Beta', ['Beta one']))});
		const directory = mkdtempSync(join(tmpdir(), 'broadsheet-web-mix-'));
		writeFileSync(join(directory, 'local.txt'), 'Local headline\nLocal story body.\n');
		const loaded = await loadInputs([server.url('/b.xml'), join(directory, 'local.txt'), server.url('/a.xml')], stdin(), {web: web()});
		expect(loaded.articles.map(article => article.headline)).toEqual(['Beta one', 'Local headline', 'Alpha one', 'Alpha two']);
		expect(loaded.articles[0]?.source).toBe('Beta');
		expect(loaded.label).toBe('1 file, 2 feeds');
	});

	test('relative links resolve against the address the feed came from, after redirects', async () => {
		const feed = '<rss version="2.0"><channel><title>No address</title><item><title>Story</title><link>stories/1.html</link><description>&lt;p&gt;See &lt;a href="../more.html"&gt;more&lt;/a&gt;&lt;/p&gt;</description></item></channel></rss>';
		const server = await serve({'/news/feed.xml': fixedRoute(feed), '/old': (_request, response) => response.writeHead(301, {location: '/news/feed.xml'}).end()});
		const loaded = await loadInputs([server.url('/old')], stdin(), {web: web()});
		expect(loaded.articles[0]?.url).toBe(server.url('/news/stories/1.html'));
		expect(loaded.articles[0]?.links).toContain(server.url('/news/more.html'));
	});

	test('articles keep their ids from one fetch to the next, whatever order feeds answer in', async () => {
		const server = await serve({'/a.xml': cachedRoute(rssFeed('Alpha', ['Alpha one'])), '/b.xml': fixedRoute(rssFeed('Beta', ['Beta one']))});
		const options = {web: web()};
		const first = await loadInputs([server.url('/a.xml'), server.url('/b.xml')], stdin(), options);
		const second = await loadInputs([server.url('/b.xml'), server.url('/a.xml')], stdin(), options);
		const idOf = (articles: typeof first.articles, headline: string) => articles.find(article => article.headline === headline)?.id;
		expect(idOf(first.articles, 'Alpha one')).toBe(`${server.url('/a.xml')}#Alpha-1`);
		expect(idOf(second.articles, 'Alpha one')).toBe(idOf(first.articles, 'Alpha one'));
		expect(idOf(second.articles, 'Beta one')).toBe(idOf(first.articles, 'Beta one'));
	});

	test('the charset of Content-Type decodes the body', async () => {
		const feed = Buffer.from(rssFeed('Latin', ['Caf\u00E9 opens']), 'latin1');
		const server = await serve({'/latin.xml': fixedRoute(feed, {'content-type': 'application/rss+xml; charset=ISO-8859-1'})});
		const loaded = await loadInputs([server.url('/latin.xml')], stdin(), {web: web()});
		expect(loaded.articles[0]?.headline).toBe('Caf\u00E9 opens');
	});

	test('a feed that fails is a warning naming it; the others open', async () => {
		const server = await serve({'/a.xml': fixedRoute(rssFeed('Alpha', ['Alpha one'])), '/page.html': fixedRoute('<!doctype html><html><head><title>Home</title></head><body><p>Hello</p></body></html>', {'content-type': 'text/html'})});
		const loaded = await loadInputs([server.url('/missing.xml'), server.url('/a.xml')], stdin(), {web: web()});
		expect(loaded.articles.map(article => article.headline)).toEqual(['Alpha one']);
		expect(loaded.warnings).toEqual([`${server.url('/missing.xml')}: the server answered HTTP 404 Not Found`]);
	});

	test('one URL that fails is the command\'s failure, with its exit code', async () => {
		const server = await serve();
		await expect(loadInputs([server.url('/missing.xml')], stdin(), {web: web()})).rejects.toMatchObject({message: `${server.url('/missing.xml')}: the server answered HTTP 404 Not Found`, exitCode: 3});
	});

	test('the first articles do not wait for the slowest feed: the rest arrive as feeds answer, with how many have', async () => {
		let answerSlow: () => void = () => {};
		const server = await serve({
			'/fast.xml': fixedRoute(rssFeed('Fast', ['Fast one'])),
			'/slow.xml'(_request, response) {
				answerSlow = () => response.writeHead(200).end(rssFeed('Slow', ['Slow one']));
			},
		});
		const loaded = await loadInputs([server.url('/slow.xml'), server.url('/fast.xml')], stdin(), {web: web(), firstArticleCount: 500});
		expect(loaded.articles.map(article => article.headline)).toEqual(['Fast one']);
		expect(loaded.rest?.fetchCounts?.()).toEqual({fetched: 1, total: 2});
		const arrivals: Arrival[] = [];
		const background = parseInBackground(loaded.rest!);
		background.arrivals.subscribe(arrival => arrivals.push(arrival));
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
		answerSlow();
		const all = await background.loaded;
		expect(all.articles.map(article => article.headline)).toEqual(['Slow one', 'Fast one']);
		expect(arrivals.at(-1)).toMatchObject({loadingShare: undefined});
		expect(arrivals.at(-1)?.fetchCounts).toBeUndefined();
	});

	describe('the first feed\'s request goes out before the others are set up', () => {
		// In a process of its own: the first request of this one has gone out long ago.
		const readInputPath = fileURLToPath(new URL('../../source/load/read-input.ts', import.meta.url));
		/**
		 * Loads three feeds, the first from `firstUrl` (SERVER: the feeds' server, SILENT: one that never answers), in a
		 * fresh process: all of them, or (`isInteractive`) as the interface does, until one has articles. The others wait
		 * for the first request `firstRequestWaitMs` at most (the product's 50 ms when undefined).
		 */
		const loadInFreshProcess = (firstUrl: string, isInteractive: boolean, firstRequestWaitMs?: number) => {
			const script = `import {createServer} from 'node:http';
import {createServer as createTcpServer} from 'node:net';
import {subscribe} from 'node:diagnostics_channel';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
const {loadInputs} = await import(${JSON.stringify(readInputPath)});
const feed = '<rss version="2.0"><channel><title>Desk</title><item><title>Story</title></item></channel></rss>';
const server = createServer((request, response) => response.writeHead(200, {'content-type': 'application/rss+xml'}).end(feed));
// Takes the connection and says nothing: a TLS handshake that never ends.
const silent = createTcpServer(() => {});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
await new Promise(resolve => silent.listen(0, '127.0.0.1', resolve));
const origin = 'http://127.0.0.1:' + server.address().port;
const first = ${JSON.stringify(firstUrl)}.replace('SERVER', origin).replace('SILENT', 'https://127.0.0.1:' + silent.address().port);
const events = [];
subscribe('undici:request:create', ({request}) => events.push('create ' + request.path));
subscribe('undici:client:sendHeaders', ({request}) => events.push('send ' + request.path));
const started = performance.now();
const loaded = await loadInputs([first, origin + '/b.xml', origin + '/c.xml'], new PassThrough(), {
	web: {timeoutMs: 5000, maximumByteCount: 1024 * 1024, userAgent: 'Broadsheet/test', environment: {}, cacheDirectory: mkdtempSync(join(tmpdir(), 'broadsheet-first-request-')), firstRequestWaitMs: ${firstRequestWaitMs}},
	firstArticleCount: ${isInteractive ? 500 : undefined},
});
console.log(JSON.stringify({events, elapsedMs: performance.now() - started, articleCount: loaded.articles.length}));
process.exit(0);`;
			const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8', timeout: 20_000});
			return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {events: string[]; elapsedMs: number; articleCount: number};
		};

		test('the others are asked for once the first has gone out', () => {
			// Loading Node's fetch in a fresh process can take longer than the product's 50 ms on a loaded machine, and the
			// wait's end would then let the others go first: this checks the order the wait gives, not the wait's length.
			const {events} = loadInFreshProcess('SERVER/a.xml', false, 10_000);
			const firstSent = events.indexOf('send /a.xml');
			expect(firstSent).toBeGreaterThan(-1);
			expect(events.indexOf('create /b.xml')).toBeGreaterThan(firstSent);
			expect(events.indexOf('create /c.xml')).toBeGreaterThan(firstSent);
		});

		test('a first host that never answers holds the others back only a moment, not until it times out', () => {
			const {elapsedMs, articleCount} = loadInFreshProcess('SILENT/a.xml', true);
			expect(articleCount).toBeGreaterThan(0);
			expect(elapsedMs).toBeLessThan(2500);
		});
	});

	test('with --offline the cache is read and nothing fetched; a fetch that fails opens the copy with its age', async () => {
		let isDown = false;
		const server = await serve({
			'/a.xml'(request, response) {
				if (isDown) {
					response.writeHead(502).end();
				} else {
					cachedRoute(rssFeed('Alpha', ['Alpha one']))(request, response);
				}
			},
		});
		const options = {web: web()};
		await loadInputs([server.url('/a.xml')], stdin(), options);
		const offline = await loadInputs([server.url('/a.xml')], stdin(), {web: {...options.web, isOffline: true}});
		expect(offline.articles.map(article => article.headline)).toEqual(['Alpha one']);
		expect(server.requests).toHaveLength(1);
		isDown = true;
		const stale = await loadInputs([server.url('/a.xml')], stdin(), options);
		expect(stale.articles.map(article => article.headline)).toEqual(['Alpha one']);
		expect(stale.warnings).toEqual([`${server.url('/a.xml')}: offline (the server answered HTTP 502 Bad Gateway): showing the copy from 0 s ago`]);
	});

	test('a reload fetches again; a feed that fails keeps its articles', async () => {
		let titles = ['Alpha one'];
		let isDown = false;
		const server = await serve({
			'/a.xml'(_request, response) {
				if (isDown) {
					response.writeHead(404).end();
				} else {
					response.writeHead(200).end(rssFeed('Alpha', titles));
				}
			},
		});
		const options = {web: web({cacheDirectory: undefined})};
		const first = await loadInputs([server.url('/a.xml')], stdin(), options);
		titles = ['Alpha one', 'Alpha two'];
		const second = await reloadInputs(first, [server.url('/a.xml')], options);
		expect(second.articles.map(article => article.headline)).toEqual(['Alpha one', 'Alpha two']);
		expect(second.articles[0]?.id).toBe(first.articles[0]?.id);
		isDown = true;
		const third = await reloadInputs(second, [server.url('/a.xml')], options);
		expect(third.articles.map(article => article.headline)).toEqual(['Alpha one', 'Alpha two']);
		expect(third.failures).toEqual([`${server.url('/a.xml')}: the server answered HTTP 404 Not Found`]);
	});

	test('fetches a list of feeds with titles and groups (a subscription list), in the list\'s place, and again on reload', async () => {
		const untitled = '<rss version="2.0"><channel><item><title>Untitled one</title><guid>u-1</guid></item></channel></rss>';
		const server = await serve({'/a.xml': fixedRoute(rssFeed('Alpha', ['Alpha one'])), '/untitled.xml': fixedRoute(untitled)});
		const directory = mkdtempSync(join(tmpdir(), 'broadsheet-web-list-'));
		writeFileSync(join(directory, 'before.txt'), 'Before headline\nBefore body.\n');
		writeFileSync(join(directory, 'after.txt'), 'After headline\nAfter body.\n');
		const list = join(directory, 'feeds.opml');
		const feeds = [
			{url: server.url('/untitled.xml'), title: 'The Untitled Gazette', groups: ['News', 'Local'], path: list},
			{url: server.url('/a.xml'), title: 'Alpha (as the list calls it)', groups: ['Tech'], path: list},
		];
		const paths = [join(directory, 'before.txt'), list, join(directory, 'after.txt')];
		// The list itself is the caller's to read: here it stands for a path that holds no file of articles.
		writeFileSync(list, '');
		const loaded = await loadInputs(paths, stdin(), {web: web(), feeds});
		expect(loaded.articles.map(article => [article.headline, article.source])).toEqual([
			['Before headline', 'before.txt'],
			['Untitled one', 'The Untitled Gazette'],
			['Alpha one', 'Alpha'],
			['After headline', 'after.txt'],
		]);
		expect(loaded.inputs.map(input => input.groups)).toEqual([undefined, ['News', 'Local'], ['Tech'], undefined]);
		const reloaded = await reloadInputs(loaded, paths, {web: web(), feeds});
		expect(reloaded.articles.map(article => article.headline)).toEqual(['Before headline', 'Untitled one', 'Alpha one', 'After headline']);
		expect(reloaded.inputs.find(input => input.file === server.url('/a.xml'))?.groups).toEqual(['Tech']);
	});

	test('articles carry the groups their feed has in an OPML list (nested outlines) or a newsboat urls file (tags), and keep them on reload (issue 15.2)', async () => {
		const server = await serve({'/a.xml': fixedRoute(rssFeed('Alpha', ['Alpha one'])), '/b.xml': fixedRoute(rssFeed('Beta', ['Beta one'])), '/c.xml': fixedRoute(rssFeed('Gamma', ['Gamma one']))});
		const directory = mkdtempSync(join(tmpdir(), 'broadsheet-web-groups-'));
		const opml = join(directory, 'feeds.opml');
		writeFileSync(opml, `<?xml version="1.0"?>\n<opml version="2.0"><body><outline text="News"><outline text="World"><outline text="A" xmlUrl="${server.url('/a.xml')}"/></outline></outline><outline text="Loose" xmlUrl="${server.url('/b.xml')}"/></body></opml>\n`);
		const urls = join(directory, 'urls');
		writeFileSync(urls, `# tagged\n${server.url('/c.xml')} "~Gamma Wire" tech "deep sea" !hidden\n`);
		const loaded = await loadInputs([opml, urls], stdin(), {web: web()});
		const groupsOf = (articles: typeof loaded.articles) => articles.map(article => [article.headline, article.groups]);
		expect(groupsOf(loaded.articles)).toEqual([
			['Alpha one', ['News', 'World']],
			['Beta one', undefined],
			['Gamma one', ['tech', 'deep sea']],
		]);
		const reloaded = await reloadInputs(loaded, [opml, urls], {web: web()});
		expect(groupsOf(reloaded.articles)).toEqual(groupsOf(loaded.articles));
	});

	test('a gzip file served as it is decompresses within the same limit as a body', async () => {
		const server = await serve({
			'/feed.xml.gz': fixedRoute(gzipSync(rssFeed('Alpha', ['Alpha one'])), {'content-type': 'application/gzip'}),
			'/bomb.xml.gz': fixedRoute(gzipSync(Buffer.alloc(4 * 1024 * 1024, ' ')), {'content-type': 'application/gzip'}),
		});
		const loaded = await loadInputs([server.url('/feed.xml.gz')], stdin(), {web: web()});
		expect(loaded.articles.map(article => article.headline)).toEqual(['Alpha one']);
		await expect(loadInputs([server.url('/bomb.xml.gz')], stdin(), {web: web()})).rejects.toMatchObject({message: `${server.url('/bomb.xml.gz')} decompresses to more than 1 MB, the most Broadsheet fetches`, exitCode: 11});
	});
});
