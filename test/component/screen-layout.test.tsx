import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {displayWidth} from '../../source/text/text-width.js';
import {renderApp} from '../helpers/render-app.js';

const seed = parsePlainText(readFileSync(new URL('../../samples/taipei-times.txt', import.meta.url), 'utf8'), 'taipei-times.txt').articles;
const huge = {columnCount: 200, rowCount: 50};

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The article pane's rows below its title: what follows the list and its separator on each row. */
function articleRows(frame: string): string[] {
	return frame
		.split('\n')
		.slice(1, -1)
		.map(line => {
			const separator = line.indexOf('│');
			return separator === -1 ? line : line.slice(separator + 1);
		});
}

/** From the first to the last printed character of each row: the columns the text spans. */
const spans = (rows: readonly string[]) => rows.map(row => displayWidth(row.trim()));

describe('the article at 200 columns', () => {
	it('keeps every line within the 80-column measure, beside the list and alone', async () => {
		app = renderApp(seed, huge);
		let frame = await app.waitForFrame(text => text.includes('Japan and the US agreed'));
		expect(Math.max(...spans(articleRows(frame)))).toBeLessThanOrEqual(80);
		expect(Math.max(...spans(articleRows(frame)))).toBeGreaterThan(60);
		// Alone on the screen (z hides the pane, Enter opens the article full width).
		app.press('z');
		await app.waitForFrame(text => !text.includes('│'));
		app.press('\r');
		frame = await app.waitForFrame(text => text.includes('Japan and the US agreed') && !text.includes('Headlines'));
		const rows = frame.split('\n').slice(1, -1);
		expect(Math.max(...spans(rows))).toBeLessThanOrEqual(80);
		expect(rows.every(row => row.trim() === '' || row.startsWith(' ') && !row.startsWith('  '))).toBe(true);
	});

	it('centres the text when the config says so', async () => {
		app = renderApp(seed, huge, {screen: {readingAlign: 'centre'}});
		app.press('z', '\r');
		const frame = await app.waitForFrame(text => text.includes('Japan and the US agreed') && !text.includes('Headlines'));
		const rows = frame.split('\n').slice(1, -1).filter(row => row.trim() !== '');
		const indent = Math.min(...rows.map(row => row.length - row.trimStart().length));
		expect(indent).toBe(1 + Math.floor((200 - 2 - 80) / 2));
	});

	it('moves the line between the panes with < and >', async () => {
		app = renderApp(seed, huge);
		const before = (await app.waitForFrame(text => text.includes('│'))).split('\n')[1]!.indexOf('│');
		app.press('>', '>');
		await app.waitForFrame(text => text.split('\n')[1]!.indexOf('│') === before + 8);
		app.press('<');
		await app.waitForFrame(text => text.split('\n')[1]!.indexOf('│') === before + 4);
	});
});

describe('the ? help', () => {
	it('wraps long descriptions at 200x50 rather than cutting them', async () => {
		app = renderApp(seed, huge);
		app.press('?');
		const frame = await app.waitForFrame(text => text.startsWith(' Keys'));
		expect(frame).not.toContain('…');
		expect(frame).toContain('3o opens');
		expect(frame).toContain('link [3]');
		// Everything shows at once: no scroll indicator.
		expect(frame.split('\n')[0]).not.toMatch(/\d+–\d+\/\d+/u);
	});

	it('starts every description in one column at 120x40, after long keys too', async () => {
		app = renderApp(seed, {columnCount: 120, rowCount: 40});
		app.press('?');
		const frame = await app.waitForFrame(text => text.startsWith(' Keys'));
		const starts = ['page down', 'half a page down', 'clear the filter', 'open the article', 'back to the headlines', 'star or unstar', 'half a page up, as in less', 'quit at once'].map(text => {
			const row = frame.split('\n').find(line => line.includes(text));
			return row === undefined ? undefined : row.indexOf(text) % 60;
		}).filter(start => start !== undefined);
		// The first page shows most of them (which ones depends on the keymap's length).
		expect(starts.length, JSON.stringify(starts)).toBeGreaterThanOrEqual(5);
		expect(new Set(starts).size, JSON.stringify(starts)).toBe(1);
		expect(starts[0]).toBeGreaterThan(0);
		expect(frame).not.toContain('…');
	});

	it('keeps its title apart from the scroll indicator at 40x12', async () => {
		app = renderApp(seed, {columnCount: 40, rowCount: 12});
		app.press('?');
		const title = (await app.waitForFrame(text => text.startsWith(' Keys'))).split('\n')[0]!;
		expect(title).toMatch(/^ Keys.*[^ ] {2,}j\/k scroll {2}1–\d+\/\d+ $/u);
		expect(title).not.toContain('…');
		expect(displayWidth(title)).toBe(40);
	});

	it('draws at 20x5, its title apart from the indicator', async () => {
		app = renderApp(seed, {columnCount: 20, rowCount: 5});
		app.press('?');
		const frame = await app.waitForFrame(text => text.startsWith(' Keys'));
		expect(frame.split('\n')[0]).toMatch(/^ Keys +1–\d+\/\d+ $/u);
		expect(Math.max(...frame.split('\n').map(line => displayWidth(line)))).toBeLessThanOrEqual(20);
	});
});

describe('the article pane title at 20x5', () => {
	it('keeps the source apart from the scroll position', async () => {
		app = renderApp(seed, {columnCount: 20, rowCount: 5});
		app.press('\r', 'j');
		const title = (await app.waitForFrame(text => /\d+%/u.test(text.split('\n')[0]!))).split('\n')[0]!;
		expect(title).toMatch(/^ taipei-times\.t… \d+% $/u);
	});
});

describe('the list title at 20x5', () => {
	it('keeps the title apart from the position', async () => {
		app = renderApp(seed, {columnCount: 20, rowCount: 5});
		const title = (await app.waitForFrame(text => text.includes('1/5'))).split('\n')[0]!;
		expect(title).toMatch(/^ Headlines · f… 1\/5 $/u);
	});
});
