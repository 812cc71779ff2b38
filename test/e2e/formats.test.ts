import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {repositoryRoot, runBroadsheetPiped, singlePaneSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();
const fixture = (path: string) => readFileSync(join(repositoryRoot, 'test/fixtures', path));
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('formats on the command line', () => {
	it('reads an RSS feed, newest first, as one headline a line', async () => {
		const result = await runBroadsheetPiped([join(repositoryRoot, 'test/fixtures/feeds/rss2.xml')]);
		expect(result.exitCode).toBe(0);
		expect(lines(result.stdout)[0]).toBe('Ferry timetable changes from Monday');
		expect(lines(result.stdout)[1]).toBe('Library extends opening hours');
	});

	it('reads a gzip-compressed feed whatever its name, and from stdin', async () => {
		const compressed = fixtures.write('feed.bin', gzipSync(fixture('feeds/rss2.xml')));
		const fromFile = await runBroadsheetPiped([compressed]);
		expect(lines(fromFile.stdout)[0]).toBe('Ferry timetable changes from Monday');
		const fromStdin = await runBroadsheetPiped(['-'], {input: gzipSync(fixture('data/ag-style.csv'))});
		expect(lines(fromStdin.stdout)[0]).toBe('Keston Rovers sign a goalkeeper from the coast');
	});

	it('opens several files and directories, reporting a file that fails while the others open', async () => {
		const csv = fixtures.write('news.csv', fixture('data/ag-style.csv'));
		const broken = fixtures.write('broken.xml', '<?xml version="1.0"?><rss><channel><item><title>Unfinished');
		const result = await runBroadsheetPiped([csv, broken, join(repositoryRoot, 'test/fixtures/feeds/atom.xml')]);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('Keston Rovers sign a goalkeeper from the coast');
		expect(result.stderr).toMatch(/^broadsheet: warning: .*broken\.xml/mu);
		expect(result.stderr).not.toMatch(/\n\s+at /u);
	});

	it('takes --format over detection and --fields for unusual columns', async () => {
		const csv = fixtures.write('mail.csv', 'subject,message\nLunch moved to noon,The canteen opens late on Friday.\n');
		const mapped = await runBroadsheetPiped(['--fields', 'headline=subject,body=message', csv]);
		expect(lines(mapped.stdout)).toEqual(['Lunch moved to noon']);
		const asText = await runBroadsheetPiped(['--format', 'text', csv]);
		expect(lines(asText.stdout)[0]).toBe('subject,message');
	});

	it('rejects a bad --format or --fields with one line and exit code 2', async () => {
		for (const args of [['--format', 'xml'], ['--fields', 'colour=red']]) {
			const result = await runBroadsheetPiped([...args, 'samples/taipei-times.txt']);
			expect(result.exitCode).toBe(2);
			expect(lines(result.stderr)).toHaveLength(1);
		}
	});

	it('fails with exit code 10 and the position when nothing can be read', async () => {
		const broken = fixtures.write('only-broken.xml', '<?xml version="1.0"?>\n<rss>\n<channel>\n<title>Nothing');
		const result = await runBroadsheetPiped([broken]);
		expect(result.exitCode).toBe(10);
		expect(result.stderr).toMatch(/^broadsheet: .*only-broken\.xml: line \d+/u);
	});
});

describe('HTML\'s named character references in the built command', () => {
	// The build unpacks htmlparser2's table of them ahead of time (unpackedEntityTables in scripts/build.js): the
	// command reads them as the source does, from the table entities unpacks itself.
	it('reads them as the source does: short and long names, those without a semicolon, and numbers', async () => {
		const references = ['eacute', 'iuml', 'mdash', 'notin', 'NotNestedLessLess', 'amp', 'frac12', 'CounterClockwiseContourIntegral', 'zwnj', 'hellip', 'laquo', 'raquo', 'euro', 'copy', 'Aring', 'thetasym', 'lArr', 'ne', 'fjlig', 'bne', 'nbsp'];
		const paragraph = `${references.map(name => `&amp;${name};`).join(' ')} &amp;eacute &amp;copy2 &amp;#233; &amp;#x1F600; &amp;unknownname;`;
		const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>References</title><description>&lt;p&gt;${paragraph}&lt;/p&gt;</description></item></channel></rss>`;
		const path = fixtures.write('references.xml', feed);
		const {loadInputs} = await import('../../source/load/read-input.js');
		const {PassThrough} = await import('node:stream');
		const fromSource = await loadInputs([path], new PassThrough());
		const result = await runBroadsheetPiped(['--json', path]);
		expect(result.exitCode).toBe(0);
		const {paragraphs} = JSON.parse(lines(result.stdout)[0]!) as {paragraphs: string[]};
		expect(paragraphs).toEqual(fromSource.articles[0]?.paragraphs);
		expect(paragraphs[0]).toContain('é ï — ∉');
	});
});

describe('feeds in the interface', () => {
	it('shows the by-line, the address and the numbered links of a feed article', async () => {
		const session = await startBroadsheet([join(repositoryRoot, 'test/fixtures/feeds/rss2.xml')], singlePaneSize);
		session.press('\r');
		const screen = await waitForFrame(session, 'By Mira Okafor');
		expect(screen).toContain('https://gazette.example/2024/05/ferry-timetable');
		expect(screen).toMatch(/ferry timetable \[1\]/u);
		session.press('G');
		await waitForFrame(session, '[1] https://gazette.example/timetable.pdf');
		session.press('Q');
		expect((await session.exited).exitCode).toBe(0);
	});
});

describe('names from outside the file', () => {
	it('never prints control characters from a file name', async () => {
		const evil = fixtures.write('evil\u001B]0;pwned\u0007name.txt', 'A headline\n\nA body.');
		const missing = await runBroadsheetPiped([`${evil}.missing`]);
		expect(missing.exitCode).toBe(3);
		expect(missing.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u);
		expect(missing.stderr).toContain('evil?]0;pwned?name.txt.missing: no such file');
	});
});

describe('a directory of sfeed files (issue 13)', () => {
	it('lists every feed\'s items, each file\'s name its source', async () => {
		const result = await runBroadsheetPiped(['--json', '--sort', 'source', join(repositoryRoot, 'test/fixtures/sfeed')]);
		expect(result.exitCode).toBe(0);
		const articles = result.stdout.trim().split('\n').map(line => JSON.parse(line) as {headline: string; source: string});
		expect(articles.map(article => [article.source, article.headline])).toEqual([
			['council', 'Council meets'],
			['harbour', 'Ferry returns to the harbour'],
			['harbour', 'Pier reopens'],
		]);
	});
});
