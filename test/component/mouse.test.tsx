import {afterEach, describe, expect, it} from 'vitest';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {numberedArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';

const wide = {columnCount: 120, rowCount: 30};
const narrow = {columnCount: 80, rowCount: 24};
const articles = numberedArticles(40);
/** One article far longer than the pane, its paragraphs numbered. */
const longArticle = parsePlainText(
	`A very long article\n\n${Array.from({length: 80}, (_, index) => `Paragraph ${index + 1} of the long article.`).join('\n\n')}`,
	'long.txt',
).articles;

/** What a terminal sends for the mouse, at a 1-based column and row, as xterm's SGR mode (1006) says it. */
const mouse = {
	click: (column: number, row: number) => `\u001B[<0;${column};${row}M\u001B[<0;${column};${row}m`,
	wheelDown: (column: number, row: number) => `\u001B[<65;${column};${row}M`,
	wheelUp: (column: number, row: number) => `\u001B[<64;${column};${row}M`,
};

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const linesOf = (frame: string) => frame.split('\n');
/** The list pane's half of each row, beside the article. */
const listHalf = (frame: string) => linesOf(frame).map(line => line.split('│')[0] ?? '');
/** The article pane's half of each row. */
const articleHalf = (frame: string) => linesOf(frame).map(line => line.split('│')[1] ?? '');
/** The position in the list's title, `3/40`. */
const listPosition = (frame: string) => /(\d+\/\d+) *$/u.exec(listHalf(frame)[0]!.trimEnd())?.[1];
const tick = async () => new Promise(resolve => {
	setImmediate(resolve);
});

describe('the mouse beside the list (120x30)', () => {
	it('selects the headline clicked, and the article beside it follows', async () => {
		app = renderApp(articles, wide);
		// Row 1 is the list's title, so row 4 is the third headline.
		app.press(mouse.click(10, 4));
		const frame = await app.waitForFrame(current => listPosition(current) === '3/40' && articleHalf(current).some(line => line.includes('Body of article 3,')));
		expect(listHalf(frame)[3]).toContain('Headline number 3');
	});

	it('scrolls the list under the pointer with the wheel, bringing the selection into view', async () => {
		app = renderApp(articles, wide);
		app.press(mouse.wheelDown(10, 10), mouse.wheelDown(10, 10));
		const frame = await app.waitForFrame(current => listHalf(current)[1]!.includes('Headline number 7 '));
		expect(listPosition(frame)).toBe('7/40');
		app.press(mouse.wheelUp(10, 10));
		const back = await app.waitForFrame(current => listHalf(current)[1]!.includes('Headline number 4 '));
		expect(listPosition(back)).toBe('7/40');
	});

	it('scrolls the article under the pointer with the wheel, leaving the list alone', async () => {
		app = renderApp([...longArticle, ...articles], wide);
		expect(articleHalf(app.frame()).join('\n')).toContain('Paragraph 1 of');
		app.press(mouse.wheelDown(80, 10), mouse.wheelDown(80, 10), mouse.wheelDown(80, 10), mouse.wheelDown(80, 10));
		const frame = await app.waitForFrame(current => !articleHalf(current).join('\n').includes('Paragraph 1 of'));
		expect(articleHalf(frame)[0]).toMatch(/\d+% $/u);
		expect(listPosition(frame)).toBe('1/41');
		expect(listHalf(frame)[1]).toContain('A very long article');
	});

	it('gives the article the focus when it is clicked: j then scrolls it', async () => {
		app = renderApp([...longArticle, ...articles], wide);
		app.press(mouse.click(80, 10));
		app.press('jjjjjjjjjjjjjjjjjjjj');
		const frame = await app.waitForFrame(current => !articleHalf(current).join('\n').includes('Paragraph 1 of'));
		expect(listPosition(frame)).toBe('1/41');
	});

	it('gives the list the focus back when a headline is clicked while reading', async () => {
		app = renderApp(articles, wide);
		app.press('\r', mouse.click(10, 6));
		await app.waitForFrame(current => listPosition(current) === '5/40');
		app.press('j');
		await app.waitForFrame(current => listPosition(current) === '6/40');
	});
});

describe('the mouse on one pane (80x24)', () => {
	it('selects a headline with a click, and opens it with a click on the selected one', async () => {
		app = renderApp(articles, narrow);
		app.press(mouse.click(10, 5));
		await app.waitForFrame(current => listPosition(current) === '4/40');
		expect(app.frame()).not.toContain('Body of article 4,');
		app.press(mouse.click(10, 5));
		await app.waitForFrame(current => current.includes('Body of article 4,') && !current.includes('Headline number 5'));
	});

	it('scrolls the open article with the wheel', async () => {
		app = renderApp(longArticle, narrow);
		app.press('\r');
		await app.waitForFrame(current => current.includes('Paragraph 1 of'));
		app.press(mouse.wheelDown(10, 10), mouse.wheelDown(10, 10), mouse.wheelDown(10, 10), mouse.wheelDown(10, 10));
		await app.waitForFrame(current => !current.includes('Paragraph 1 of') && current.includes('Paragraph 8 of'));
	});

	it('scrolls the help overlay with the wheel', async () => {
		app = renderApp(articles, {columnCount: 80, rowCount: 12});
		app.press('?');
		const help = await app.waitForFrame(current => current.includes('Browsing'));
		app.press(mouse.wheelDown(10, 5), mouse.wheelDown(10, 5));
		await app.waitForFrame(current => current !== help && !current.includes('Browsing'));
	});
});

describe('mouse reports never type', () => {
	it('leaves the filter line as typed, whatever the mouse sent between the keys', async () => {
		app = renderApp(articles, wide);
		app.press('/', 'hea', mouse.wheelDown(10, 10), mouse.click(10, 4), `${mouse.wheelUp(70, 3)}d${mouse.click(90, 3)}`, '\u001B[<2;5;5M\u001B[<1;5;5m');
		const frame = await app.waitForFrame(current => current.includes('/head'));
		expect(linesOf(frame).at(-2)).toMatch(/^\/head\b/u);
		expect(frame).not.toMatch(/[[<;]\d/u);
	});

	it('reads the old X10 form too, typing none of it, and selects with it', async () => {
		app = renderApp(articles, wide);
		app.press('/', 'head');
		await app.waitForFrame(current => current.includes('/head'));
		// A click at column 10, row 4, as a terminal without mode 1006 sends it.
		app.press(`\u001B[M${String.fromCodePoint(32, 42, 36)}\u001B[M${String.fromCodePoint(35, 42, 36)}`);
		await app.waitForFrame(current => listPosition(current) === '3/40');
		app.press('e');
		const frame = await app.waitForFrame(current => current.includes('/heade'));
		expect(linesOf(frame).at(-2)).toMatch(/^\/heade\b/u);
	});

	it('joins a report that arrives in two reads, typing none of it', async () => {
		app = renderApp(articles, wide);
		app.press('/', 'x');
		await app.waitForFrame(current => current.includes('/x'));
		app.press('\u001B[<65;10;1');
		await tick();
		await tick();
		app.press('0M');
		await tick();
		app.press('y');
		const frame = await app.waitForFrame(current => current.includes('/xy'));
		expect(linesOf(frame).at(-2)).toMatch(/^\/xy\b/u);
	});

	it('keeps the filter and opens the article when the article is clicked from the filter line', async () => {
		app = renderApp(articles, wide);
		app.press('/', 'number 12');
		await app.waitForFrame(current => listHalf(current)[1]!.includes('Headline number 12'));
		app.press(mouse.click(80, 10), 'j');
		const frame = await app.waitForFrame(current => articleHalf(current).some(line => line.includes('Body of article 12,')) && /back/u.test(linesOf(current).at(-1)!));
		expect(linesOf(frame).at(-2)).toMatch(/^\/number 12 +1 match of 40/u);
		// Opened, so read: the unread bullet is gone.
		expect(listHalf(frame)[1]).toMatch(/^ +Headline number 12/u);
	});
});
