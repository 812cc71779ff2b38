import {describe, expect, it} from 'vitest';
import {runBroadsheetPiped, useFixtureDirectory} from '../helpers/run-broadsheet.js';
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

	it('says so in one line, with exit code 13, when a list names no feed', async () => {
		const result = await runBroadsheetPiped([fixtures.write('empty.opml', '<?xml version="1.0"?>\n<opml version="2.0"><body><outline text="Ports"/></body></opml>\n')]);
		expect(result.exitCode).toBe(13);
		expect(result.stderr.trim()).toMatch(/^broadsheet: .*empty\.opml: this is an OPML subscription list that names no feed \(an http or https address\)$/u);
	});
});
