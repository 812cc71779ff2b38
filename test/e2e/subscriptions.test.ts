import {describe, expect, it} from 'vitest';
import {runBroadsheetPiped, useFixtureDirectory} from '../helpers/run-broadsheet.js';

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

	it('opening a list by itself says how many feeds it lists, in one line, with exit code 13', async () => {
		const result = await runBroadsheetPiped([fixtures.write('urls-only', urls)]);
		expect(result.exitCode).toBe(13);
		expect(result.stderr.trim()).toMatch(/^broadsheet: .*urls-only: this is a newsboat urls file of 1 feed: reading it needs fetching the feeds from the web$/u);
	});
});
