import {chmodSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {repositoryRoot, singlePaneSize, startBroadsheet, statusRowIndex, useFixtureDirectory, waitForFile, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();
const articleUrl = 'https://example.com/news/lighthouse-keeper-retires';
const longUrl = `https://example.com/${'a-very-long-path/'.repeat(6)}report.html`;
const feedPath = fixtures.write(
	'feed.xml',
	`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Coast news</title>
<item><title>Lighthouse man retires</title><link>${articleUrl}</link>
<description><![CDATA[<p>The keeper of the northern light <a href="https://example.com/one">handed over</a> the keys on Sunday.</p>
<p>The storm season starts soon, and the keeper says the light is in good hands. See <a href="${longUrl}">the report</a>.</p>]]></description></item>
<item><title>Second story</title><link>https://example.com/second</link><description>Nothing to see.</description></item>
</channel></rss>`,
);
const openedPath = join(fixtures.path, 'opened.txt');
const browserPath = fixtures.write('browser.sh', `#!/bin/sh\nprintf '%s' "$1" > '${openedPath}'\necho 'noise the screen must not show'\necho 'more noise' >&2\n`);
chmodSync(browserPath, 0o755);

/** No SSH, no tmux, and a browser that writes down what it was asked to open. */
const localEnvironment = {SSH_CONNECTION: undefined, SSH_TTY: undefined, TMUX: undefined, BROWSER: browserPath};

const osc52For = (text: string) => `\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`;

/** Whether the first occurrence of `text` on the screen is drawn inverse. */
function isDrawnInverse(session: TerminalSession, text: string): boolean {
	const rowIndex = session.lines().findIndex(line => line.includes(text));
	const column = session.lines()[rowIndex]?.indexOf(text) ?? -1;
	const buffer = session.terminal.buffer.active;
	return rowIndex !== -1 && Boolean(buffer.getLine(buffer.viewportY + rowIndex)?.getCell(column)?.isInverse());
}

async function openArticle(environment: Record<string, string | undefined> = localEnvironment): Promise<TerminalSession> {
	const session = await startBroadsheet([feedPath], singlePaneSize, {env: environment});
	session.press(keys.enter);
	await waitForFrame(session, /Esc\/h back/u);
	return session;
}

describe('links in a real terminal (80x24)', () => {
	it('sends the article address to the terminal as an OSC 8 hyperlink, and shows its text', async () => {
		const session = await openArticle();
		expect(session.rawOutput()).toContain(`\u001B]8;;${articleUrl}\u0007${articleUrl}\u001B]8;;\u0007`);
		expect(session.lines()[3]).toBe(` ${articleUrl}`);
		// A reference longer than the screen is cut, not wrapped, and links to the whole address.
		const referenceRow = session.lines().find(line => line.startsWith(' [2] '));
		expect(referenceRow).toMatch(/^ \[2\] https:\/\/example\.com\/a-very-long-path\/.*…$/u);
		expect(session.rawOutput()).toContain(`\u001B]8;;${longUrl}\u0007`);
		expect(session.lines().filter(line => line.includes('report.html'))).toEqual([]);
	});

	it('y copies the address with OSC 52', async () => {
		const session = await openArticle();
		session.press('y');
		await waitForFrame(session, 'copied to the clipboard');
		expect(session.rawOutput()).toContain(osc52For(articleUrl));
	});

	it('1y copies link [1]', async () => {
		const session = await openArticle();
		session.press('1', 'y');
		await waitForFrame(session, 'copied to the clipboard: https://example.com/one');
		expect(session.rawOutput()).toContain(osc52For('https://example.com/one'));
	});

	it('1y copies a podcast enclosure\'s address, shown with its type and size (issue 13)', async () => {
		const session = await startBroadsheet([join(repositoryRoot, 'test/fixtures/feeds/podcast.xml')], singlePaneSize, {env: localEnvironment});
		session.press(keys.enter);
		await waitForFrame(session, 'Audio (audio/mpeg, 30 MB) [1]');
		session.press('1', 'y');
		await waitForFrame(session, 'copied to the clipboard: https://radio.example/12.mp3');
		expect(session.rawOutput()).toContain(osc52For('https://radio.example/12.mp3'));
	});

	it('o runs $BROWSER with the address, detached, without its output reaching the screen', async () => {
		const session = await openArticle();
		session.press('o');
		await waitForFrame(session, 'opening with browser.sh');
		expect(await waitForFile(openedPath, {timeoutMs: 5000, hasText: true})).toBe(articleUrl);
		await session.settle();
		expect(session.screen()).not.toContain('noise');
		expect(session.rawOutput()).not.toContain('noise');
		expect(session.rawOutput()).not.toContain('\u001B]52;');
	});

	it('o over SSH copies instead of starting the system\'s browser, and says so', async () => {
		const session = await openArticle({...localEnvironment, SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22', BROWSER: undefined});
		session.press('o');
		await waitForFrame(session, 'over SSH, so copied');
		expect(session.rawOutput()).toContain(osc52For(articleUrl));
	});

	it('o over SSH runs a $BROWSER set explicitly', async () => {
		rmSync(openedPath, {force: true});
		const session = await openArticle({...localEnvironment, SSH_TTY: '/dev/pts/9'});
		session.press('o');
		expect(await waitForFile(openedPath, {hasText: true})).toBe(articleUrl);
		expect(session.rawOutput()).not.toContain(osc52For(articleUrl));
	});

	it('o reports a browser that cannot start in one line of the status line', async () => {
		const session = await openArticle({...localEnvironment, BROWSER: join(fixtures.path, 'missing-browser')});
		session.press('o');
		const screen = await waitForFrame(session, 'not found');
		expect(screen.split('\n')[statusRowIndex(session)]).toMatch(/could not open the link: .*missing-browser not found/u);
	});

	it('in tmux, y also sends the OSC 52 through tmux passthrough', async () => {
		const session = await openArticle({...localEnvironment, TMUX: '/tmp/tmux-1000/default,1,0'});
		session.press('y');
		await waitForFrame(session, 'copied to the clipboard');
		const sequence = osc52For(articleUrl);
		expect(session.rawOutput()).toContain(`\u001BPtmux;${sequence.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`);
	});
});

describe('searching the article in a real terminal (80x24)', () => {
	it('highlights the matches in inverse, counts them, and n moves on', async () => {
		const session = await openArticle();
		session.press('/', 'keeper');
		// In the address, and twice in the text.
		await waitForFrame(session, /\/keeper +match 1\/3/u);
		expect(isDrawnInverse(session, 'keeper of')).toBe(true);
		expect(isDrawnInverse(session, 'northern')).toBe(false);
		session.press(keys.enter, 'n', 'n');
		await waitForFrame(session, /match 3\/3 +All/u);
		session.press('n');
		await waitForFrame(session, 'search hit the end, continuing at the top');
		session.press('/', 'zzz');
		await waitForFrame(session, /\/zzz +no match/u);
		session.press(keys.escape);
		await waitForFrame(session, screen => screen.includes('match 1/3') && !screen.includes('/zzz'));
	});
});
