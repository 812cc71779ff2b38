import {mkdtempSync, readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {repositoryRoot, singlePaneSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';
import {fixedRoute, startProxy, startWebServer} from '../helpers/web-server.js';

const fixtures = useFixtureDirectory();
let server: Server;
let base = '';

beforeAll(async () => {
	const page = readFileSync(join(repositoryRoot, 'test/fixtures/pages/og-meta-story.html'));
	server = createServer((request, response) => {
		if (request.url === '/story') {
			// A moment's wait, so that the progress shows.
			setTimeout(() => {
				response.writeHead(200, {'content-type': 'text/html'});
				response.end(page);
			}, 300);
		} else {
			response.writeHead(404);
			response.end();
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
	server.close();
});

describe('F fetches the full story (issue 15.4)', () => {
	it('shows progress, then the story in place of the summary; a failure is one line and the summary stays', async () => {
		const feed = fixtures.write('feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Library to open on Sundays</title><link>${base}/story</link><description>A two-line summary of the library story.</description></item>
<item><title>A story that is gone</title><link>${base}/gone</link><description>The summary that stays.</description></item>
</channel></rss>`);
		const cacheHome = mkdtempSync(join(tmpdir(), 'broadsheet-cache-'));
		const session = await startBroadsheet([feed], singlePaneSize, {env: {XDG_CACHE_HOME: cacheHome}});
		await waitForFrame(session, 'Library to open on Sundays');
		session.press('\r');
		await waitForFrame(session, 'A two-line summary of the library story.');
		session.press('F');
		await waitForFrame(session, /fetching the full story/u);
		await waitForFrame(session, 'Full story from 127.0.0.1');
		expect(session.screen()).toMatch(/The main branch of the Valley Public Library/u);
		session.press('J');
		await waitForFrame(session, 'The summary that stays.');
		session.press('F');
		await waitForFrame(session, 'no full story: the server answered HTTP 404 Not Found');
		expect(session.screen()).toContain('The summary that stays.');
		session.press('Q');
		expect((await session.exited).exitCode).toBe(0);
	});

	it('fetches through the proxy HTTP_PROXY names, saying who it is, as feeds are fetched (issue 15.4)', async () => {
		const page = readFileSync(join(repositoryRoot, 'test/fixtures/pages/og-meta-story.html'));
		const site = await startWebServer({'/story': fixedRoute(page, {'content-type': 'text/html; charset=utf-8'})});
		const proxy = await startProxy();
		try {
			const feed = fixtures.write('proxied.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Library to open on Sundays</title><link>${site.url('/story')}</link><description>A two-line summary of the library story.</description></item>
</channel></rss>`);
			const session = await startBroadsheet([feed], singlePaneSize, {env: {XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'broadsheet-cache-')), HTTP_PROXY: proxy.url, http_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined}});
			await waitForFrame(session, 'Library to open on Sundays');
			session.press('\r');
			await waitForFrame(session, 'A two-line summary of the library story.');
			session.press('F');
			await waitForFrame(session, 'Full story from 127.0.0.1');
			expect(proxy.targets).toEqual([new URL(site.origin).host]);
			expect(site.requests.map(request => request.headers['user-agent'])).toEqual([expect.stringMatching(/^Broadsheet\/\d+\.\d+\.\d+$/u)]);
			session.press('Q');
			expect((await session.exited).exitCode).toBe(0);
		} finally {
			await proxy.close();
			await site.close();
		}
	});

	it('--full-text SOURCE fetches that source\'s stories ahead of time, at most 4 at once, and the filter finds their words; other sources\' are not fetched (issue 15.4)', async () => {
		let inFlight = 0;
		let mostInFlight = 0;
		const pageRequests: string[] = [];
		const storyPage = (index: number) => `<!doctype html><html><head><title>Harbour story ${index}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour story ${index}</h1>
<p>The harbour master said on Tuesday that the ${index === 3 ? 'quillwort' : 'seagrass'} beds by the north pier would be surveyed again this spring, after divers reported that the channel had silted up faster than expected.</p>
<p>Boats will be kept to the marked lanes while the survey runs, and the ferry will use the east berth for two weeks. Fishermen said the change would cost them an hour each morning.</p></article></body></html>`;
		const site = await startWebServer();
		for (let index = 1; index <= 10; index++) {
			site.routes.set(`/story-${index}`, (request, response) => {
				pageRequests.push(request.url ?? '');
				inFlight++;
				mostInFlight = Math.max(mostInFlight, inFlight);
				setTimeout(() => {
					inFlight--;
					response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(storyPage(index));
				}, 250);
			});
		}

		const items = (desk: string, from: number, to: number) => Array.from({length: to - from + 1}, (_, offset) => from + offset)
			.map(index => `<item><title>${desk} item ${index}</title><link>${site.url(`/story-${index}`)}</link><guid>${desk}-${index}</guid><description>Summary ${index}.</description></item>`).join('');
		const chosen = fixtures.write('chosen.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Desk</title>${items('Harbour', 1, 8)}</channel></rss>`);
		const other = fixtures.write('other.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Other Desk</title>${items('Other', 9, 10)}</channel></rss>`);
		try {
			const session = await startBroadsheet(['--sort', 'file', '--full-text', 'harbour desk', chosen, other], singlePaneSize, {env: {XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'broadsheet-cache-')), HTTP_PROXY: undefined, http_proxy: undefined}});
			await waitForFrame(session, /full stories \d+\/8/u);
			await waitForFrame(session, screen => !screen.includes('full stories'), 15_000);
			expect(pageRequests.sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(index => `/story-${index}`).sort());
			expect(mostInFlight).toBeLessThanOrEqual(4);
			expect(mostInFlight).toBeGreaterThan(1);
			// The chosen source's articles show their stories without F; the others keep their summaries.
			session.press('\r');
			await waitForFrame(session, 'Full story from 127.0.0.1');
			expect(session.screen()).toContain('seagrass beds by the north pier');
			session.press('q');
			await waitForFrame(session, 'Headlines');
			session.press('G');
			await waitForFrame(session, '10/10');
			session.press('\r');
			await waitForFrame(session, 'Summary 10.');
			expect(session.screen()).not.toContain('Full story from');
			// The filter searches the stories fetched.
			session.press('q', '/');
			session.press(...'quillwort');
			await waitForFrame(session, screen => /Harbour item 3/u.test(screen) && !/Harbour item 1\b/u.test(screen));
			session.press('\u0003');
			expect((await session.exited).exitCode).toBe(0);
		} finally {
			await site.close();
		}
	});
});
