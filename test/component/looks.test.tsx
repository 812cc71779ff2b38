import {afterEach, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {keymapWithOverrides} from '../../source/input/key-overrides.js';
import {defaultKeymap} from '../../source/input/keymap.js';
import {createTheme} from '../../source/ui/theme.js';
import {newsArticles, numberedArticles} from '../helpers/articles.js';
import {renderApp, testNow} from '../helpers/render-app.js';

const wide = {columnCount: 120, rowCount: 30};
const narrow = {columnCount: 80, rowCount: 24};
const keys = {down: '\u001B[B', enter: '\r', escape: '\u001B'};
const hour = 3_600_000;

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** Any character outside printable ASCII. */
const nonAscii = /[^\u0020-\u007E\n]/u;
/** SGR sequences that set a colour: 30–39, 40–49, 90–97, 100–107 (38 and 48 lead 256 and true colours). */
const colorSgr = /\u001B\[(?:\d+;)*(?:3\d|4\d|9[0-7]|10[0-7])(?:;\d+)*m/u;

/** The news articles with dates an hour, a day and a year old, and long headlines that must be cut. */
const datedArticles: readonly Article[] = newsArticles.map((article, index) => ({
	...article,
	headline: index === 0 ? `${article.headline} as traders in London and Shanghai bid the metal higher for a third day running` : article.headline,
	publishedAt: [testNow - hour, testNow - 26 * hour, Date.UTC(2026, 2, 4), testNow - 5 * 60_000, undefined][index],
	author: index === 0 ? 'Ana Ruiz' : undefined,
	url: index === 0 ? 'https://example.com/markets/2026/11/28/copper-prices-climb-on-strong-demand-as-traders-bid-the-metal-higher' : undefined,
	categories: index === 0 ? ['Markets', 'Metals'] : undefined,
}));

describe('ASCII chrome', () => {
	const ascii = createTheme({hasColor: true, isAscii: true});

	it('draws every frame with ASCII only when the articles are ASCII', async () => {
		app = renderApp(datedArticles, wide, {theme: ascii, initialOrder: 'file'});
		const frames = [app.frame()];
		expect(frames[0]).toContain(' | ');
		expect(frames[0]).toMatch(/news\.txt - 5 articles .*j\/Down move/u);
		expect(frames[0]).toMatch(/^\* MARKETS: Copper prices climb .*\.\.\. +13:05 /mu);
		expect(frames[0]).toContain('By Ana Ruiz - Sat 28 Nov 2026 13:05 UTC - 1 min read');
		// The address is never wrapped: it is cut to the pane, with ASCII dots.
		expect(frames[0]).toMatch(/\| https:\/\/example\.com\/markets\/.*\.\.\. *$/mu);

		app.press('?');
		frames.push(await app.waitForFrame(frame => frame.includes('Keys')));
		expect(frames[1]).toMatch(/Enter l Right +open the article/u);
		app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('Keys'));
		app.press('/', 'x', 'q', 'z', 'j');
		frames.push(await app.waitForFrame(frame => frame.includes('no matches')));
		for (const frame of frames) {
			expect(frame.match(nonAscii), frame).toBeNull();
		}
	});

	it('cuts a long article source with ASCII dots', () => {
		app = renderApp(numberedArticles(3), {columnCount: 30, rowCount: 10}, {theme: ascii});
		app.press(keys.enter);
		expect(app.frame().match(nonAscii)).toBeNull();
	});
});

describe('without colour', () => {
	const colorless = createTheme({hasColor: false, isAscii: false, colors: {selection: 'blue'}});

	it('writes no colour, and the selection still stands out in reverse', async () => {
		app = renderApp(datedArticles, narrow, {theme: colorless, initialOrder: 'file'});
		app.press(keys.down);
		const styled = await app.waitForFrame(frame => frame.includes(' 2/5 '));
		expect(app.styledFrame()).not.toMatch(colorSgr);
		const selectedRow = app.styledFrame().split('\n').find(line => line.includes('Lighthouse keeper'));
		expect(selectedRow).toMatch(/^\u001B\[7m(?:\u001B\[1m)?• Lighthouse keeper/u);
		expect(styled).toContain('Lighthouse keeper');
	});

	it('uses the colours it is given when colour is on', () => {
		app = renderApp(datedArticles, wide, {theme: createTheme({hasColor: true, isAscii: false, colors: {selection: 'blue'}}), initialOrder: 'file'});
		const selectedRow = app.styledFrame().split('\n').find(line => line.includes('Copper prices'));
		expect(selectedRow).toMatch(/\u001B\[34m/u);
	});
});

describe('dates', () => {
	it('shows the time today, the weekday this week and the day this year at the end of list rows, lined up, and none for an undated article (issue 14.17)', () => {
		app = renderApp(datedArticles, narrow, {initialOrder: 'file'});
		const rows = app.frame().split('\n');
		const ends = rows.slice(1, 6).map(row => row.slice(-7));
		expect(ends).toEqual([' 13:05 ', '   Fri ', ' 4 Mar ', ' 14:00 ', expect.not.stringMatching(/\d/u)]);
		expect(rows[1]).toMatch(/^• MARKETS: Copper prices .*… +13:05 $/u);
	});

	it('gives no date column to articles without dates', () => {
		app = renderApp(newsArticles, narrow);
		expect(app.frame().split('\n')[2]).toBe('• Lighthouse keeper retires after forty years');
	});

	it('moves with the time it is given', () => {
		app = renderApp(datedArticles, narrow, {now: testNow + 2 * 24 * hour, initialOrder: 'file'});
		expect(app.frame().split('\n')[1]).toMatch(/ Sat $/u);
	});

	it('shows the full date and the reading time in the article', async () => {
		app = renderApp(datedArticles, narrow, {initialOrder: 'file'});
		app.press(keys.enter);
		const frame = await app.waitForFrame(text => text.includes('min read'));
		expect(frame).toContain('By Ana Ruiz · Sat 28 Nov 2026 13:05 UTC · 1 min read · Markets, Metals');
	});
});

describe('a keymap with changes', () => {
	it('drives the keys, the status line and the help overlay', async () => {
		const result = keymapWithOverrides(defaultKeymap, {'cursor-down': ['e', 'down'], 'help-toggle': ['H', 'Z']});
		if (!('keymap' in result)) {
			throw new Error(result.error);
		}

		app = renderApp(newsArticles, narrow, {keymap: result.keymap});
		expect(app.frame().split('\n').at(-1)).toMatch(/e\/↓ move .*H\/Z help/u);
		app.press('e');
		await app.waitForFrame(frame => frame.includes(' 2/5 '));
		app.press('j');
		app.press('H');
		const help = await app.waitForFrame(frame => frame.includes('Keys'));
		expect(help).toContain('Keys   (H or Z closes)');
		expect(help).toMatch(/ e ↓ +next headline/u);
		app.press('Z');
		expect(await app.waitForFrame(frame => !frame.includes('Keys'))).toContain(' 2/5 ');
	});

	it('names the keys in force for scrolling the help overlay', async () => {
		const result = keymapWithOverrides(defaultKeymap, {'cursor-down': ['ctrl+n', 'down']});
		if (!('keymap' in result)) {
			throw new Error(result.error);
		}

		app = renderApp(newsArticles, narrow, {keymap: result.keymap});
		app.press('?');
		const help = await app.waitForFrame(frame => frame.includes('Keys'));
		expect(help.split('\n')[0]).toMatch(/ Ctrl-N\/k scroll {2}1–\d+\/\d+ $/u);
	});
});

describe('dates in an archive (issue 14.17)', () => {
	it('gives rows of one old year their day and month, and rows of several years the year too', () => {
		const oneYear = newsArticles.map((article, index) => ({...article, publishedAt: Date.UTC(1987, 9, 19 - index, 12)}));
		app = renderApp(oneYear, narrow, {initialOrder: 'file'});
		expect(app.frame().split('\n').slice(1, 4).map(row => row.slice(-8))).toEqual([' 19 Oct ', ' 18 Oct ', ' 17 Oct ']);
		app.unmount();
		const severalYears = oneYear.map((article, index) => (index === 1 ? {...article, publishedAt: Date.UTC(2019, 5, 1, 12)} : article));
		app = renderApp(severalYears, narrow, {initialOrder: 'file'});
		expect(app.frame().split('\n').slice(1, 3).map(row => row.slice(-13))).toEqual([' 19 Oct 1987 ', '  1 Jun 2019 ']);
	});
});
