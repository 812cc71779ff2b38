import {appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runBroadsheetPiped, singlePaneSize, startBroadsheet, statusRowIndex, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();

const article = (headline: string) => `${headline}\n\nA paragraph about ${headline.toLowerCase()}.\n---\n`;

/** An RSS feed with one item a headline. */
const feed = (...headlines: string[]) =>
	`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${headlines
		.map(headline => `<item><title>${headline}</title><guid>${headline}</guid><description>About ${headline}.</description></item>`)
		.join('')}</channel></rss>`;

describe('--watch', () => {
	it('shows an article appended to the file without a key, keeping the selection', async () => {
		const path = fixtures.write('appended.txt', article('Tram line approved') + article('Storm heads for the coast'));
		const session = await startBroadsheet(['--watch', path], singlePaneSize);
		session.press('j');
		await waitForFrame(session, /^ Headlines · file order +2\/2/mu);
		appendFileSync(path, article('Harbour ferry returns'));
		await waitForFrame(session, screen => screen.includes('Harbour ferry returns') && / 2\/3$/mu.test(screen));
		expect(session.lines()[statusRowIndex(session)]).toMatch(/ appended\.txt · 3 article.*reloaded: 1 new, 0 gone$/u);
	});

	it('follows a file an editor replaces by renaming a new one over it', async () => {
		const path = fixtures.write('renamed.txt', article('Tram line approved'));
		const session = await startBroadsheet(['--watch', path], singlePaneSize);
		await waitForFrame(session, 'Tram line approved');
		const temporary = fixtures.write('.renamed.txt.swp', article('Tram line approved') + article('Chess prodigy wins'));
		renameSync(temporary, path);
		await waitForFrame(session, 'Chess prodigy wins');
		// And it goes on watching the new file.
		appendFileSync(path, article('Lighthouse keeper retires'));
		await waitForFrame(session, 'Lighthouse keeper retires');
	});

	it('keeps the old list with a warning when the file turns bad, and recovers when it is fixed', async () => {
		const path = fixtures.write('wire.xml', feed('Copper prices climb', 'Storm heads for the coast'));
		// Wide enough for the warning with the file's temporary path.
		const session = await startBroadsheet(['--watch', path], {columnCount: 99, rowCount: 24});
		await waitForFrame(session, 'Storm heads for the coast');
		writeFileSync(path, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x07, 0x00, 0x00]));
		await waitForFrame(session, screen => screen.includes('kept the old articles:'));
		const rows = session.lines();
		// The failure counts as a warning: it is printed on exit.
		expect(rows[statusRowIndex(session)]).toMatch(/wire\.xml · 2 articles · 1 warni\S*\s*kept the old articles: .*wire\.xml is not/u);
		expect(rows.slice(1, 3).map(row => row.trim().replace(/^• /u, ''))).toEqual(['Copper prices climb', 'Storm heads for the coast']);

		writeFileSync(path, feed('Copper prices climb', 'Storm heads for the coast', 'Chess prodigy wins'));
		await waitForFrame(session, screen => screen.includes('Chess prodigy wins') && screen.includes('reloaded: 1 new, 0 gone'));
	});

	it('counts the files of a watched directory as they come and go, and says when none has articles', async () => {
		const folder = join(fixtures.path, 'desk');
		mkdirSync(folder);
		writeFileSync(join(folder, 'a.txt'), article('Tram line approved') + article('Storm heads for the coast') + article('Chess prodigy wins'));
		const session = await startBroadsheet(['--watch', folder], singlePaneSize);
		await waitForFrame(session, 'Chess prodigy wins');
		expect(session.lines()[statusRowIndex(session)]).toMatch(/^ 1 file · 3 articles/u);
		writeFileSync(join(folder, 'b.txt'), article('Lighthouse keeper retires'));
		await waitForFrame(session, 'Lighthouse keeper retires');
		expect(session.lines()[statusRowIndex(session)]).toMatch(/^ 2 files · 4 articles/u);
		rmSync(join(folder, 'a.txt'));
		rmSync(join(folder, 'b.txt'));
		await waitForFrame(session, screen => screen.includes(' 0 files · 0 articles'));
		expect(session.lines()[1]).toBe(' No articles.');
	});

	it('warns once of a file in a watched directory that cannot be read, not at every reload, and again if it fails anew', async () => {
		// A link to nowhere: unreadable to root too, which reads a file whatever its permissions.
		const folder = join(fixtures.path, 'with-broken-link');
		mkdirSync(folder);
		const good = join(folder, 'a.txt');
		const bad = join(folder, 'b.txt');
		writeFileSync(good, article('Tram line approved'));
		symlinkSync(join(fixtures.path, 'nowhere.txt'), bad);
		// Wide enough for the warning with the file's temporary path.
		const session = await startBroadsheet(['--watch', folder], {columnCount: 200, rowCount: 24});
		await waitForFrame(session, 'Tram line approved');
		const status = () => session.lines()[statusRowIndex(session)] ?? '';
		expect(status()).toMatch(/ · 1 warning /u);

		for (const headline of ['Storm heads for the coast', 'Chess prodigy wins']) {
			appendFileSync(good, article(headline));
			await waitForFrame(session, screen => screen.includes(headline) && screen.includes('reloaded: 1 new, 0 gone'));
			expect(status()).not.toContain('kept the old articles');
			expect(status()).toMatch(/ · 1 warning /u);
		}

		// Read well once, then unreadable again: that is news.
		rmSync(bad);
		writeFileSync(bad, article('Lighthouse keeper retires'));
		await waitForFrame(session, screen => screen.includes('Lighthouse keeper retires'));
		rmSync(bad);
		symlinkSync(join(fixtures.path, 'nowhere.txt'), bad);
		await waitForFrame(session, screen => screen.includes('kept the old articles') && screen.includes('b.txt: no such file'));
	});

	it('refuses to watch stdin alone', async () => {
		const result = await runBroadsheetPiped(['--watch', '-'], {input: article('Tram line approved')});
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toBe('broadsheet: --watch needs a FILE: stdin cannot be read again\n');
	});
});

describe('R', () => {
	it('reloads the file after an edit', async () => {
		const path = fixtures.write('edited.txt', article('Tram line approved') + article('Storm heads for the coast'));
		const session = await startBroadsheet([path], singlePaneSize);
		await waitForFrame(session, 'Storm heads for the coast');
		writeFileSync(path, article('Harbour ferry returns') + article('Storm heads for the coast'));
		session.press('R');
		await waitForFrame(session, screen => screen.includes('Harbour ferry returns') && screen.includes('reloaded: 1 new, 1 gone'));
		expect(session.screen()).not.toContain('Tram line approved');
	});

	it('counts the warnings of the file as it was last read, and prints those on exit', async () => {
		const line = (title: string) => JSON.stringify({title, body: `About ${title.toLowerCase()}.`});
		const path = fixtures.write('wire.jsonl', [line('Copper prices climb'), line('Storm heads for the coast'), '{"title": broken'].join('\n'));
		const session = await startBroadsheet([path], {columnCount: 100, rowCount: 24});
		expect(session.lines()[statusRowIndex(session)]).toMatch(/ wire\.jsonl · 2 articles · 1 warning /u);
		writeFileSync(path, [line('Copper prices climb'), line('Chess prodigy wins'), '{"title": broken', '{"title": also broken'].join('\n'));
		session.press('R');
		await waitForFrame(session, screen => screen.includes('reloaded: 1 new, 1 gone'));
		// The notice takes the status line's room: the count shows once the next key clears it.
		session.press('j');
		await waitForFrame(session, screen => !screen.includes('reloaded:'));
		expect(session.lines()[statusRowIndex(session)]).toMatch(/ wire\.jsonl · 2 articles · 2 warnings /u);
		session.press('q');
		expect(await session.exited).toEqual({exitCode: 0});
		const warnings = session.screen().replaceAll('\n', '').match(/broadsheet: warning: .+?wire\.jsonl: line \d/gu);
		expect(warnings?.map(warning => warning.slice(-1))).toEqual(['3', '4']);
	});
});
