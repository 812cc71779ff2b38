import {mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {repositoryRoot, runBroadsheetPiped, singlePaneSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();
const pagePath = (name: string) => join(repositoryRoot, 'test/fixtures/pages', name);

describe('an HTML page opens as one article (issue 15.3)', () => {
	it('shows the headline, by-line, story and numbered links, without the page around them', async () => {
		const session = await startBroadsheet([pagePath('harbour-news.html')], singlePaneSize);
		await waitForFrame(session, 'Night ferry returns to the harbour after six years');
		session.press('\r');
		const screen = await waitForFrame(session, 'By Mara Lindqvist, Tomas Reyes');
		expect(screen).toContain('Harbour Gazette');
		expect(screen).toMatch(/night ferry between the harbour and the outer islands/u);
		expect(screen).not.toMatch(/cookies|Share on Facebook/u);
		session.press('G');
		await waitForFrame(session, '[2] https://ferries.example.org/book');
		expect(session.screen()).not.toMatch(/More on this story|Most viewed|All rights reserved/u);
		session.press('Q');
		expect((await session.exited).exitCode).toBe(0);
	});

	it('reads a page from gzip and from stdin', async () => {
		const compressed = fixtures.write('story.bin', gzipSync(readFileSync(pagePath('og-meta-story.html'))));
		const fromFile = await runBroadsheetPiped(['--print', compressed]);
		expect(fromFile.exitCode).toBe(0);
		expect(fromFile.stdout.split('\n').slice(0, 2)).toEqual(['Valley library to open on Sundays', 'By Priya Natarajan · Sat 2 May 2026 20:05 UTC · 1 min read · Local']);
		const fromStdin = await runBroadsheetPiped(['--list', '-'], {input: readFileSync(pagePath('tech-blog.html'))});
		expect(fromStdin.stdout.trim()).toBe('Parsing dates without tears');
	});

	it('a front page is one line and exit code 10 alone, a warning beside other files', async () => {
		const alone = await runBroadsheetPiped([pagePath('front-page.html')]);
		expect(alone.exitCode).toBe(10);
		expect(alone.stderr.trim()).toMatch(/^broadsheet: .*front-page\.html: no article on this page \(a front page or an error page\?\)$/u);
		const directory = join(fixtures.path, 'site');
		mkdirSync(directory);
		fixtures.write('site/front.html', readFileSync(pagePath('front-page.html')));
		fixtures.write('site/story.html', readFileSync(pagePath('harbour-news.html')));
		const mixed = await runBroadsheetPiped(['--list', directory]);
		expect(mixed.exitCode).toBe(0);
		expect(mixed.stdout.trim()).toBe('Night ferry returns to the harbour after six years');
		expect(mixed.stderr).toMatch(/^broadsheet: warning: .*front\.html: no article on this page/mu);
	});
});
