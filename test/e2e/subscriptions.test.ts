import {describe, expect, it} from 'vitest';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {keys} from '../helpers/pty-terminal.js';
import {runBroadsheetPiped, singlePaneSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';
import {fixedRoute, rssFeed, startWebServer} from '../helpers/web-server.js';

const fixtures = useFixtureDirectory();

const feed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Harbour &amp; Gazette</title>
<atom:link href="https://news.example.org/rss" rel="self" type="application/rss+xml"/>
<item><title>Ferry returns</title></item></channel></rss>
`;
const urls = '# my feeds\nhttps://wire.example.com/feed.xml "~Wire Service" world\n';

describe('subscription lists (issue 15.2)', () => {
	it('--export-opml writes the feeds of feed files and newsboat urls files as OPML that reads back', async () => {
		const result = await runBroadsheetPiped(['--export-opml', fixtures.write('feed.xml', feed), fixtures.write('urls', urls)]);
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain('<outline type="rss" text="Harbour &amp; Gazette" title="Harbour &amp; Gazette" xmlUrl="https://news.example.org/rss"/>');
		expect(result.stdout).toMatch(/<outline text="world" title="world">\s*<outline type="rss" text="Wire Service" title="Wire Service" xmlUrl="https:\/\/wire\.example\.com\/feed\.xml"\/>/u);
		const again = await runBroadsheetPiped(['--export-opml', fixtures.write('again.opml', result.stdout)]);
		expect(again.stdout).toBe(result.stdout);
	});

	it('opens the feeds a list names, fetched from the web, where the list stands; a feed that fails is a warning (issue 15.2)', async () => {
		const server = await startWebServer({
			'/one.xml': fixedRoute(rssFeed('Harbour One', ['Ferry returns', 'Tide tables out'])),
			'/two.xml': fixedRoute(rssFeed('Harbour Two', ['Lighthouse relit'])),
			'/three.xml': fixedRoute(rssFeed('Harbour Three', ['Bridge reopens'])),
		});
		try {
			const opml = fixtures.write('local.opml', `<?xml version="1.0"?>\n<opml version="2.0"><body><outline text="Ports"><outline text="One" xmlUrl="${server.url('/one.xml')}"/><outline text="Gone" xmlUrl="${server.url('/gone.xml')}"/></outline></body></opml>\n`);
			const newsboat = fixtures.write('local-urls', `# mine\n${server.url('/three.xml')} "~Third" ports\n${server.url('/two.xml')}\n`);
			const result = await runBroadsheetPiped(['--list', '--sort', 'file', newsboat, opml], {env: {XDG_CACHE_HOME: `${fixtures.path}/cache`}});
			expect(result.stdout.trim().split('\n')).toEqual(['Bridge reopens', 'Lighthouse relit', 'Ferry returns', 'Tide tables out']);
			expect(result.stderr).toBe(`broadsheet: warning: ${server.url('/gone.xml')}: the server answered HTTP 404 Not Found\n`);
			expect(result.exitCode).toBe(0);
		} finally {
			await server.close();
		}
	});

	it('an OPML list at a URL: its groups show beside the headlines and in the article, S groups by them, --json gives them (issue 15.2)', async () => {
		const server = await startWebServer({
			'/ferries.xml': fixedRoute(rssFeed('Ferry Desk', ['Ferry returns', 'Night crossing cut'])),
			'/space.xml': fixedRoute(rssFeed('Space Desk', ['Probe reaches orbit'])),
			'/tides.xml': fixedRoute(rssFeed('Tide Desk', ['Spring tides due'])),
			'/loose.xml': fixedRoute(rssFeed('Loose Desk', ['Market opens early'])),
		});
		server.routes.set('/feeds.opml', fixedRoute(`<?xml version="1.0"?>\n<opml version="2.0"><body><outline text="Harbour"><outline text="Ferries" xmlUrl="${server.url('/ferries.xml')}"/></outline><outline text="Science"><outline text="Space" xmlUrl="${server.url('/space.xml')}"/></outline><outline text="Harbour"><outline text="Tides" xmlUrl="${server.url('/tides.xml')}"/></outline><outline text="Loose" xmlUrl="${server.url('/loose.xml')}"/></body></opml>\n`, {'content-type': 'text/x-opml'}));
		const env = {XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'broadsheet-e2e-groups-')), HTTP_PROXY: undefined, http_proxy: undefined, ALL_PROXY: undefined, all_proxy: undefined};
		try {
			const terminal = await startBroadsheet([server.url('/feeds.opml')], singlePaneSize, {env});
			const first = await waitForFrame(terminal, screen => screen.includes('Market opens early') && screen.includes('Spring tides due') && screen.includes('Probe reaches orbit'));
			const rowOf = (screen: string, headline: string) => screen.split('\n').find(line => line.includes(headline)) ?? '';
			expect(rowOf(first, 'Ferry returns')).toMatch(/Ferry returns +Harbour *$/u);
			expect(rowOf(first, 'Probe reaches orbit')).toMatch(/Probe reaches orbit +Science *$/u);
			expect(rowOf(first, 'Market opens early')).not.toMatch(/Harbour|Science/u);
			for (const order of ['newest', 'oldest', 'by source', 'by group']) {
				terminal.press('S');
				await waitForFrame(terminal, `Headlines · ${order}`);
			}

			const grouped = await waitForFrame(terminal, '── no group (1)');
			const rows = grouped.split('\n').slice(1, 10).map(line => line.trim());
			expect(rows).toEqual([
				expect.stringMatching(/^── Harbour \(3\) ─+$/u),
				'• Ferry returns',
				'• Night crossing cut',
				'• Spring tides due',
				expect.stringMatching(/^── Science \(1\) ─+$/u),
				'• Probe reaches orbit',
				expect.stringMatching(/^── no group \(1\) ─+$/u),
				'• Market opens early',
				'',
			]);
			terminal.press(keys.enter);
			const article = await waitForFrame(terminal, screen => screen.split('\n')[0]!.includes('Ferry Desk'));
			expect(article.split('\n')[0]).toMatch(/^ Ferry Desk · Harbour +/u);
			terminal.press('Q');
			expect(await terminal.exited).toEqual({exitCode: 0});
			const printed = await runBroadsheetPiped(['--json', '--sort', 'group', server.url('/feeds.opml')], {env});
			expect(printed.stdout.trim().split('\n').map(line => {
				const record = JSON.parse(line) as {headline: string; groups?: string[]};
				return [record.headline, record.groups];
			})).toEqual([['Ferry returns', ['Harbour']], ['Night crossing cut', ['Harbour']], ['Spring tides due', ['Harbour']], ['Probe reaches orbit', ['Science']], ['Market opens early', undefined]]);
		} finally {
			await server.close();
		}
	});

	it('says so in one line, with exit code 13, when a list names no feed', async () => {
		const result = await runBroadsheetPiped([fixtures.write('empty.opml', '<?xml version="1.0"?>\n<opml version="2.0"><body><outline text="Ports"/></body></opml>\n')]);
		expect(result.exitCode).toBe(13);
		expect(result.stderr.trim()).toMatch(/^broadsheet: .*empty\.opml: this is an OPML subscription list that names no feed \(an http or https address\)$/u);
	});
});
