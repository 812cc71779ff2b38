import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {keys, runPiped} from '../helpers/pty-terminal.js';
import {commandPath, repositoryRoot, spawnBroadsheet, splitSize, startBroadsheet, statusRowIndex, testEnvironment, waitForFrame} from '../helpers/run-broadsheet.js';
import {cachedRoute, fixedRoute, rssFeed, startProxy, startWebServer, type WebServer} from '../helpers/web-server.js';
import {commandWords} from '../../source/text/command-words.js';

const servers: WebServer[] = [];
async function serve(...parameters: Parameters<typeof startWebServer>): Promise<WebServer> {
	const server = await startWebServer(...parameters);
	servers.push(server);
	return server;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

/** A fresh feed cache, and no proxy from the machine's environment. */
const webEnvironment = () => ({
	XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'broadsheet-e2e-cache-')),
	HTTP_PROXY: undefined,
	HTTPS_PROXY: undefined,
	http_proxy: undefined,
	https_proxy: undefined,
	ALL_PROXY: undefined,
	all_proxy: undefined,
});

describe('feeds from the web', () => {
	it('shows the first feed to answer without waiting for the slowest, with fetching n/m, then the rest as it comes', async () => {
		let answerSlow: () => void = () => {};
		const server = await serve({
			'/fast.xml': fixedRoute(rssFeed('Fast desk', ['Ferry timetable changes'])),
			'/slow.xml'(_request, response) {
				answerSlow = () => response.writeHead(200, {'content-type': 'application/rss+xml'}).end(rssFeed('Slow desk', ['Harbour crane arrives late']));
			},
		});
		const terminal = await startBroadsheet([server.url('/slow.xml'), server.url('/fast.xml')], splitSize, {env: webEnvironment()});
		const first = await waitForFrame(terminal, 'Ferry timetable changes');
		expect(terminal.lines()[statusRowIndex(terminal)]).toMatch(/ 2 feeds · 1 article · fetching 1\/2 /u);
		expect(first).not.toContain('Harbour crane');
		answerSlow();
		await waitForFrame(terminal, screen => screen.includes('Harbour crane arrives late') && / 2 articles /u.test(screen));
		expect(terminal.lines()[statusRowIndex(terminal)]).not.toContain('fetching');
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
	});

	it('a feed that fails is a warning naming it, and the session goes on', async () => {
		const server = await serve({'/fast.xml': fixedRoute(rssFeed('Fast desk', ['Ferry timetable changes']))});
		const terminal = await startBroadsheet([server.url('/fast.xml'), server.url('/gone.xml')], splitSize, {env: webEnvironment()});
		await waitForFrame(terminal, / 1 article · 1 warning /u);
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
		expect(terminal.screen().replaceAll('\n', '')).toContain(`broadsheet: warning: ${server.url('/gone.xml')}: the server answered HTTP 404 Not Found`);
	});

	it('q and Ctrl-C quit at once while a server keeps it waiting', async () => {
		const server = await serve({'/hang.xml'() {}});
		const started = Date.now();
		const terminal = await spawnBroadsheet([server.url('/hang.xml')], splitSize, {env: webEnvironment()});
		await terminal.waitFor('Fetching feeds… 0/1');
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
		expect(Date.now() - started).toBeLessThan(8000);
		const interrupted = await spawnBroadsheet([server.url('/hang.xml')], splitSize, {env: webEnvironment()});
		await interrupted.waitFor('Fetching feeds… 0/1');
		interrupted.press(keys.ctrlC);
		expect(await interrupted.exited).toEqual({exitCode: 0});
	});

	it('q quits the interface at once while another feed keeps it waiting', async () => {
		const server = await serve({'/hang.xml'() {}, '/fast.xml': fixedRoute(rssFeed('Fast desk', ['Ferry timetable changes']))});
		const terminal = await startBroadsheet([server.url('/hang.xml'), server.url('/fast.xml')], splitSize, {env: webEnvironment()});
		await waitForFrame(terminal, 'fetching 1/2');
		const pressed = Date.now();
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
		expect(Date.now() - pressed).toBeLessThan(3000);
	});

	it('when a feed cannot be fetched, its cached copy opens, with a notice of its age', async () => {
		let isDown = false;
		const feed = rssFeed('Harbour desk', ['Ferry timetable changes']);
		const server = await serve({
			'/feed.xml'(request, response) {
				if (isDown) {
					response.writeHead(503).end();
				} else {
					cachedRoute(feed)(request, response);
				}
			},
		});
		const env = webEnvironment();
		const fetched = await runPiped(process.execPath, [commandPath, '--list', server.url('/feed.xml')], {cwd: repositoryRoot, env: {...testEnvironment, ...env}});
		expect(fetched.stdout).toBe('Ferry timetable changes\n');
		isDown = true;
		const terminal = await startBroadsheet([server.url('/feed.xml')], splitSize, {env});
		await waitForFrame(terminal, screen => screen.includes('Ferry timetable changes') && screen.includes('offline: showing the copy from'));
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
		expect(terminal.screen().replaceAll('\n', '')).toMatch(new RegExp(`broadsheet: warning: ${server.url('/feed.xml').replaceAll('.', '\\.')}: offline \\(the server answered HTTP 503 Service Unavailable\\): showing the copy from \\d+ s ago`, 'u'));
		const offline = await runPiped(process.execPath, [commandPath, '--offline', '--list', server.url('/feed.xml')], {cwd: repositoryRoot, env: {...testEnvironment, ...env}});
		expect(offline).toMatchObject({stdout: 'Ferry timetable changes\n', stderr: '', exitCode: 0});
	});

	it('goes through the proxy HTTP_PROXY names, unless NO_PROXY exempts the host', async () => {
		const server = await serve({'/feed.xml': fixedRoute(rssFeed('Harbour desk', ['Ferry timetable changes']))});
		const proxy = await startProxy();
		servers.push({...server, close: proxy.close});
		const run = async (env: Record<string, string | undefined>) => runPiped(process.execPath, [commandPath, '--list', server.url('/feed.xml')], {cwd: repositoryRoot, env: {...testEnvironment, ...webEnvironment(), ...env}});
		expect(await run({HTTP_PROXY: proxy.url})).toMatchObject({stdout: 'Ferry timetable changes\n', stderr: '', exitCode: 0});
		expect(proxy.targets).toEqual([new URL(server.origin).host]);
		expect(await run({http_proxy: proxy.url, NO_PROXY: '127.0.0.1'})).toMatchObject({stdout: 'Ferry timetable changes\n', exitCode: 0});
		expect(proxy.targets).toHaveLength(1);
	});

	it('runs the readme\'s more examples (lists and groups, --offline, proxies, article pages, --full-text) against a local server (issue 15)', async () => {
		const page = readFileSync(join(repositoryRoot, 'test/fixtures/pages/og-meta-story.html'));
		const server = await serve({
			'/feed.xml': fixedRoute(rssFeed('Harbour Desk', ['Ferry timetable changes', 'Library to open on Sundays'], {linkBase: '/2026/12/'})),
			'/atom.xml': fixedRoute('<feed xmlns="http://www.w3.org/2005/Atom"><title>Science Desk</title><entry><title>Probe reaches orbit</title><id>urn:probe</id></entry></feed>'),
			'/2026/12/story-1.html': fixedRoute(page, {'content-type': 'text/html; charset=utf-8'}),
			'/2026/12/story-2.html': fixedRoute(page, {'content-type': 'text/html; charset=utf-8'}),
			'/2026/12/library.html': fixedRoute(page, {'content-type': 'text/html; charset=utf-8'}),
		});
		server.routes.set('/feeds.opml', fixedRoute(`<?xml version="1.0"?>\n<opml version="2.0"><body><outline text="Harbour"><outline text="Harbour Desk" xmlUrl="${server.url('/feed.xml')}"/></outline><outline text="Science"><outline text="Science Desk" xmlUrl="${server.url('/atom.xml')}"/></outline></body></opml>\n`, {'content-type': 'text/x-opml'}));
		const proxy = await startProxy();
		servers.push({...server, close: proxy.close});
		const readme = readFileSync(join(repositoryRoot, 'readme.md'), 'utf8');
		const section = readme.slice(readme.indexOf('### More examples'));
		const examples = /```sh\n([\s\S]*?)```/u.exec(section)![1]!.trim().split('\n');
		expect(examples).toHaveLength(7);
		const directory = mkdtempSync(join(tmpdir(), 'broadsheet-readme-more-'));
		const urls = join(directory, 'urls');
		writeFileSync(urls, `${server.url('/feed.xml')} harbour "~Harbour Desk"\n${server.url('/atom.xml')} science\n`);
		const environment = webEnvironment();
		const localCommand = (example: string) => example
			.replaceAll('https://example.org', server.origin)
			.replaceAll('http://example.org', server.origin)
			.replaceAll('http://proxy.example:3128', proxy.url)
			.replaceAll('~/.newsboat/urls', urls);
		const outputs = [];
		for (const example of examples.slice(0, -1)) {
			const result = await runPiped('bash', ['-c', `set -o pipefail\nbroadsheet() { "$BROADSHEET_NODE" "$BROADSHEET_COMMAND" "$@"; }\n${localCommand(example)}`], {
				cwd: directory,
				env: {...testEnvironment, ...environment, BROADSHEET_NODE: process.execPath, BROADSHEET_COMMAND: commandPath},
			});
			expect(result.stderr, example).toBe('');
			expect(result.exitCode, example).toBe(0);
			outputs.push(result.stdout);
		}

		const [list, grouped, exported, offline, proxied, printed] = outputs;
		expect(list).toBe('Ferry timetable changes\nLibrary to open on Sundays\nProbe reaches orbit\n');
		expect(grouped).toBe('harbour\tFerry timetable changes\nharbour\tLibrary to open on Sundays\nscience\tProbe reaches orbit\n');
		expect(exported).toBe('');
		expect(readFileSync(join(directory, 'feeds.opml'), 'utf8')).toContain(`<outline text="harbour" title="harbour">`);
		expect(offline).toBe('Ferry timetable changes\nLibrary to open on Sundays\n');
		expect(proxied).toBe(offline);
		expect(proxy.targets).toEqual([new URL(server.origin).host]);
		expect(printed!.split('\n')[0]).toBe('Valley library to open on Sundays');
		// The last example opens the interface: the chosen feed's stories come in full without F.
		const words = commandWords(localCommand(examples.at(-1)!));
		expect('words' in words && words.words[0]).toBe('broadsheet');
		const terminal = await startBroadsheet('words' in words ? words.words.slice(1) : [], splitSize, {env: environment});
		await waitForFrame(terminal, screen => screen.includes('Full story from 127.0.0.1') && !screen.includes('full stories'), 15_000);
		expect(terminal.screen()).toContain('The main branch of the Valley Public Library');
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});
	});

	it('runs the readme\'s examples of feeds on the web against a local server', async () => {
		const server = await serve({
			'/feed.xml': fixedRoute(rssFeed('Example desk', ['Ferry timetable changes'])),
			'/atom.xml': fixedRoute('<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><entry><title>Bridge closes</title><id>urn:bridge</id><link href="bridge.html"/></entry></feed>'),
		});
		const readme = readFileSync(join(repositoryRoot, 'readme.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Feeds on the web'));
		const examples = /```sh\n([\s\S]*?)```/u.exec(section)![1]!.trim().split('\n');
		expect(examples).toHaveLength(3);
		const directory = mkdtempSync(join(tmpdir(), 'broadsheet-readme-web-'));
		writeFileSync(join(directory, 'news.md'), '# Harbour notes\n\nThe notes of the week.\n');
		const outputs = [];
		for (const example of examples) {
			const command = example.replaceAll('https://example.org', server.origin).replaceAll('https://example.net', server.origin).replaceAll('~/notes/news.md', join(directory, 'news.md'));
			const result = await runPiped('bash', ['-c', `set -o pipefail\nbroadsheet() { "$BROADSHEET_NODE" "$BROADSHEET_COMMAND" "$@"; }\n${command}`], {
				cwd: repositoryRoot,
				env: {...testEnvironment, ...webEnvironment(), BROADSHEET_NODE: process.execPath, BROADSHEET_COMMAND: commandPath},
			});
			expect(result.stderr).toBe('');
			expect(result.exitCode).toBe(0);
			outputs.push(result.stdout);
		}

		expect(outputs).toEqual([
			'Ferry timetable changes\n',
			'Ferry timetable changes\nBridge closes\nHarbour notes\n',
			'https://example.invalid/story-1.html\n',
		]);
	});

	it('R fetches the feeds again, and --watch does it every --refresh minutes', async () => {
		let titles = ['Ferry timetable changes'];
		const server = await serve({
			'/feed.xml'(_request, response) {
				response.writeHead(200, {'content-type': 'application/rss+xml'}).end(rssFeed('Harbour desk', titles));
			},
		});
		const terminal = await startBroadsheet([server.url('/feed.xml')], splitSize, {env: webEnvironment()});
		await waitForFrame(terminal, / 1 article /u);
		titles = ['Ferry timetable changes', 'Bridge closes for repairs'];
		terminal.press('R');
		await waitForFrame(terminal, screen => screen.includes('Bridge closes for repairs') && / 2 articles /u.test(screen));
		terminal.press('q');
		expect(await terminal.exited).toEqual({exitCode: 0});

		titles = ['Ferry timetable changes'];
		// 0.01 minutes: every 0.6 s.
		const watching = await startBroadsheet(['--watch', '--refresh', '0.01', server.url('/feed.xml')], splitSize, {env: webEnvironment()});
		await waitForFrame(watching, / 1 article /u);
		titles = ['Ferry timetable changes', 'Harbour crane arrives'];
		await waitForFrame(watching, screen => screen.includes('Harbour crane arrives') && / 2 articles /u.test(screen), 10_000);
		watching.press('q');
		expect(await watching.exited).toEqual({exitCode: 0});
	});
});
