import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/shell/app.js';
import type {Article} from '../../source/article.js';
import type {LinkEnvironment} from '../../source/shell/link-actions.js';
import {renderApp, testNow} from '../helpers/render-app.js';

const paragraphs = Array.from({length: 28}, (_, index) =>
	index % 4 === 1 ? `Paragraph ${index + 1}: the keeper climbed the stairs of the lighthouse again.` : `Paragraph ${index + 1} is about the weather at sea.`,
);
const longUrl = `https://example.com/${'very-long-path/'.repeat(8)}lighthouse.html`;
const article: Article = {
	id: 'lighthouse',
	headline: 'Lighthouse man retires',
	headlineSource: 'title',
	paragraphs,
	source: 'news.txt',
	url: 'https://example.com/lighthouse',
	links: ['https://example.com/one', longUrl],
};
const other: Article = {id: 'other', headline: 'Another story', headlineSource: 'title', paragraphs: ['Nothing here.'], source: 'news.txt'};
const size = {columnCount: 80, rowCount: 20};
const keys = {enter: '\r', escape: '\u001B', backspace: '\u007F'};
/** Inverse on (SGR 7): how every match is drawn. */
const inverse = '\u001B[7m';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const linesOf = (frame: string) => frame.split('\n');

describe('searching the article (80x20)', () => {
	it('highlights every match, shows the position, and moves with n and N', async () => {
		app = renderApp([article, other], size);
		app.press(keys.enter);
		await app.waitForFrame(frame => frame.includes('Esc/h back'));
		app.press('/');
		await app.waitForFrame(frame => linesOf(frame).at(-2)?.startsWith('/') === true);
		app.press('keeper');
		let frame = await app.waitForFrame(frame => frame.includes('match 1/7'));
		// The search line at the bottom, the position in the pane's title too.
		expect(linesOf(frame).at(-2)).toMatch(/^\/keeper +match 1\/7 *$/u);
		expect(linesOf(frame)[0]).toMatch(/match 1\/7 {2}Top $/u);
		const styled = app.styledFrame();
		expect(styled.split(inverse).length - 1).toBeGreaterThanOrEqual(2);
		expect(styled).toMatch(/\u001B\[7m(?:\u001B\[[\d;]*m)*keeper/u);

		app.press(keys.enter);
		frame = await app.waitForFrame(frame => frame.includes('Esc/h back') && frame.includes('match 1/7'));
		expect(linesOf(frame).at(-2)).not.toMatch(/^\/keeper/u);
		app.press('n');
		frame = await app.waitForFrame(frame => frame.includes('match 2/7'));
		app.press('N', 'N');
		frame = await app.waitForFrame(frame => frame.includes('match 7/7'));
		expect(linesOf(frame).at(-1)).toContain('search hit the top, continuing at the end');
		// The seventh match is in view: paragraph 26 is on screen.
		expect(frame).toContain('Paragraph 26: the keeper');
		app.press('j');
		frame = await app.waitForFrame(frame => !frame.includes('continuing at the end'));
		expect(linesOf(frame).at(-1)).toContain('Esc/h back');
	});

	it('says no match clearly, and Esc puts the article back where it was', async () => {
		app = renderApp([article, other], size);
		app.press(keys.enter, '/', 'xyzzy');
		const frame = await app.waitForFrame(frame => frame.includes('/xyzzy'));
		expect(linesOf(frame).at(-2)).toMatch(/^\/xyzzy +no match *$/u);
		app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('xyzzy') && !frame.includes('no match') && frame.includes('Top'));
	});

	it('highlights a phrase that a wrapped line break splits, on both lines', async () => {
		const wrapped: Article = {...other, paragraphs: ['The northern lighthouse keeper handed over the keys on Sunday.']};
		app = renderApp([wrapped], {columnCount: 42, rowCount: 12});
		app.press(keys.enter);
		const before = await app.waitForFrame(frame => !frame.includes('Headlines') && frame.includes('keeper handed'));
		// At 40 columns of text: "…keeper handed" | "over the keys on Sunday."
		expect(linesOf(before).some(line => line.endsWith('keeper handed'))).toBe(true);
		app.press('/', 'handed over');
		await app.waitForFrame(frame => frame.includes('match 1/1'));
		const styled = app.styledFrame();
		expect(styled).toMatch(/\u001B\[7m(?:\u001B\[[\d;]*m)*handed(?:\u001B\[[\d;]*m)*\n/u);
		expect(styled).toMatch(/\n(?:\u001B\[[\d;]*m)* (?:\u001B\[[\d;]*m)*\u001B\[7m(?:\u001B\[[\d;]*m)*over(?:\u001B\[[\d;]*m)+ the keys/u);
	});

	it('keeps / for the headline filter in the list', async () => {
		app = renderApp([article, other], size);
		app.press('/');
		await app.waitForFrame(frame => frame.includes('2 matches of 2'));
	});
});

describe('links in the article pane', () => {
	it('draws the address as an OSC 8 hyperlink, and a long one cut with … but linked whole', async () => {
		app = renderApp([article, other], size);
		app.press(keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('Esc/h back'));
		const styled = app.styledFrame();
		expect(styled).toContain('\u001B]8;;https://example.com/lighthouse\u0007https://example.com/lighthouse\u001B]8;;\u0007');
		// Go to the end, where the references are listed.
		app.press('G');
		const end = await app.waitForFrame(frame => frame.includes('[2] https://'));
		const referenceLine = linesOf(end).find(line => line.includes('[2] '));
		expect(referenceLine).toMatch(/^ \[2\] https:\/\/example\.com\/very-long-path\/.*…$/u);
		expect(referenceLine?.length).toBeLessThanOrEqual(80);
		expect(app.styledFrame()).toContain(`\u001B]8;;${longUrl}\u0007`);
		expect(linesOf(frame).length).toBe(size.rowCount);
	});

	it('draws plain addresses for a terminal that cannot show hyperlinks', async () => {
		app = renderApp([article, other], size, {hasHyperlinks: false});
		app.press(keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('Esc/h back'));
		expect(frame).toContain(' https://example.com/lighthouse');
		expect(app.styledFrame()).not.toContain('\u001B]8;');
	});
});

describe('o and y', () => {
	function recordingEnvironment(environment: Record<string, string> = {}) {
		const written: string[] = [];
		const started: string[][] = [];
		const linkEnvironment: LinkEnvironment = {
			environment,
			platform: 'linux',
			writeToTerminal: sequence => written.push(sequence),
			startProgram(command, args) {
				started.push([command, ...args]);
				return {on: () => undefined};
			},
		};
		return {linkEnvironment, written, started};
	}

	it('y copies the address with OSC 52 and says so in the status line', async () => {
		const {linkEnvironment, written} = recordingEnvironment();
		app = renderApp([article, other], size, {linkEnvironment});
		app.press('y');
		const frame = await app.waitForFrame(frame => frame.includes('copied to the clipboard'));
		expect(linesOf(frame).at(-1)).toContain('copied to the clipboard: https://example.com/lighthouse');
		expect(written).toEqual([`\u001B]52;c;${Buffer.from('https://example.com/lighthouse').toString('base64')}\u0007`]);
	});

	it('2o opens link [2] with the opener', async () => {
		const {linkEnvironment, started} = recordingEnvironment({BROWSER: 'my-browser --new-tab'});
		app = renderApp([article, other], size, {linkEnvironment});
		app.press(keys.enter, '2');
		await app.waitForFrame(frame => frame.includes('o opens link [2]'));
		app.press('o');
		await app.waitForFrame(frame => frame.includes('opening with my-browser'));
		expect(started).toEqual([['my-browser', '--new-tab', longUrl]]);
	});

	it('opens a link once, even when the app renders again with a new environment', async () => {
		const {linkEnvironment, started} = recordingEnvironment();
		app = renderApp([article, other], size, {linkEnvironment});
		app.press('o');
		await app.waitForFrame(frame => frame.includes('opening with xdg-open'));
		app.rerender(<App session={{articles: [article, other], fileName: 'news.txt', linkEnvironment: {...linkEnvironment}}} viewport={{columnCount: 81, rowCount: 20}} now={testNow} />);
		await app.waitForFrame(frame => linesOf(frame)[0]?.length === 81);
		expect(started).toEqual([['xdg-open', 'https://example.com/lighthouse']]);
	});

	it('o copies instead over SSH', async () => {
		const {linkEnvironment, started, written} = recordingEnvironment({SSH_CONNECTION: '10.0.0.1 5000 10.0.0.2 22'});
		app = renderApp([article, other], size, {linkEnvironment});
		app.press('o');
		await app.waitForFrame(frame => frame.includes('over SSH, so copied'));
		expect(started).toEqual([]);
		expect(written).toHaveLength(1);
	});
});

describe('a notice in the status line (120x20)', () => {
	it('keeps the file name, the count and the warnings beside it when there is room for both', async () => {
		app = renderApp([other, article], {columnCount: 120, rowCount: 20}, {warningCount: 1, fileName: 'world-news-2026.jsonl'});
		app.press('o');
		const frame = await app.waitForFrame(frame => frame.includes('this article has no address'));
		expect(linesOf(frame).at(-1)).toMatch(/^ world-news-2026\.jsonl · 2 articles · 1 warning {3}this article has no address *$/u);
	});
});
