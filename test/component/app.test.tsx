import {readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {FilterLine} from '../../source/ui/filter-line.js';
import {displayWidth} from '../../source/text/text-width.js';
import {defaultTheme} from '../../source/ui/theme.js';
import {numberedArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';

const seed = parsePlainText(readFileSync(new URL('../../samples/taipei-times.txt', import.meta.url), 'utf8'), 'taipei-times.txt').articles;
const wide = {columnCount: 120, rowCount: 30};
const narrow = {columnCount: 80, rowCount: 24};
const keys = {down: '\u001B[B', up: '\u001B[A', enter: '\r', escape: '\u001B', tab: '\t', pageDown: '\u001B[6~', backspace: '\u007F'};

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const linesOf = (frame: string) => frame.split('\n');

describe('the first frame', () => {
	it('shows the list and the article side by side at 120 columns', () => {
		app = renderApp(seed, wide);
		const lines = linesOf(app.frame());
		expect(lines[0]).toMatch(/^ Headlines · file order +1\/5 │ taipei-times\.txt +All? ?|^ Headlines · file order +1\/5 │/u);
		expect(lines[1]).toContain('Japan and the US agreed');
		expect(lines[2]).toContain('EUROPEAN FUTURE? Albanian Prime Minister');
		expect(lines[4]).toContain('CANCER: Jose Mujica');
		expect(lines.at(-1)).toMatch(/news\.txt · 5 articles .*j\/↓ move .*\/ filter .*\? help .*q quit/u);
	});

	it('is as tall as the terminal, its last row the status line, and no wider than it', () => {
		for (const viewport of [wide, narrow, {columnCount: 100, rowCount: 10}, {columnCount: 20, rowCount: 6}]) {
			app = renderApp(seed, viewport);
			const lines = linesOf(app.frame());
			expect(lines.length, JSON.stringify(viewport)).toBe(viewport.rowCount);
			expect(Math.max(...lines.map(line => displayWidth(line)))).toBeLessThanOrEqual(viewport.columnCount);
			app.unmount();
		}
	});

	it('shows one pane at a time below 100 columns', () => {
		app = renderApp(seed, narrow);
		const frame = app.frame();
		expect(frame).toContain('Headlines');
		expect(frame).not.toContain('│');
		expect(frame).not.toContain('Japanese Prime Minister Shinzo Abe');
	});

	it('asks for more room below the minimum size', () => {
		app = renderApp(seed, {columnCount: 19, rowCount: 4});
		expect(app.frame()).toContain('Need 20x5');
	});
});

describe('navigating', () => {
	it('moves the selection, and the article beside it follows once the selection rests', async () => {
		app = renderApp(seed, wide);
		const firstArticle = 'Japanese Prime Minister Shinzo Abe';
		app.press('j', 'j', 'j');
		// Held keys redraw list rows only: the article stays until no key has moved the selection for a moment.
		const moved = await app.waitForFrame(frame => frame.includes('4/5'));
		expect(moved).toContain(firstArticle);
		expect(moved).not.toContain('Tributes poured in on Tuesday');
		const rested = await app.waitForFrame(frame => frame.includes('Tributes poured in on Tuesday'));
		expect(rested).not.toContain(firstArticle);
	});

	it('shows the selected article at once when it is opened', async () => {
		app = renderApp(seed, wide);
		app.press('jjj', keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('4/5'));
		expect(frame).toContain('Tributes poured in on Tuesday');
	});

	it('counts every key of a chunk that arrives at once', async () => {
		app = renderApp(seed, wide);
		app.press('jjj');
		await app.waitForFrame(frame => frame.includes('4/5'));
		app.press('kk');
		await app.waitForFrame(frame => frame.includes('2/5'));
	});

	it('draws only the rows that fit and scrolls the window', async () => {
		app = renderApp(numberedArticles(200), {columnCount: 80, rowCount: 12});
		expect(linesOf(app.frame()).filter(line => line.includes('Headline number'))).toHaveLength(10);
		app.press(keys.pageDown);
		const frame = await app.waitForFrame(frame => frame.includes('11/200'));
		expect(frame).toContain('Headline number 20');
		expect(frame).not.toContain('Headline number 9 ');
		app.press('G');
		await app.waitForFrame(frame => frame.includes('200/200') && frame.includes('Headline number 200'));
	});

	it('opens an article full width below 100 columns and goes back with Esc', async () => {
		app = renderApp(seed, narrow);
		app.press('jjj', keys.enter);
		const article = await app.waitForFrame(frame => frame.includes('Tributes poured in'));
		expect(article).toContain('CANCER:');
		expect(article).not.toContain('Headlines');
		app.press(keys.escape);
		await app.waitForFrame(frame => frame.includes('Headlines') && !frame.includes('Tributes poured in'));
	});

	it('scrolls the article while reading, showing where it is', async () => {
		app = renderApp(seed, {columnCount: 80, rowCount: 12});
		app.press(keys.enter);
		await app.waitForFrame(frame => /Top\s*$/mu.test(linesOf(frame)[0] ?? ''));
		app.press(' ');
		await app.waitForFrame(frame => /\d+%\s*$/u.test(linesOf(frame)[0] ?? ''));
		app.press('G');
		const end = await app.waitForFrame(frame => /End\s*$/u.test(linesOf(frame)[0] ?? ''));
		expect(end).toContain('Rice said to Abe in front of cameras');
	});

	it('moves focus between the panes with Tab', async () => {
		app = renderApp(seed, wide);
		app.press(keys.tab);
		await app.waitForFrame(frame => frame.includes('Esc/h back'));
		app.press(keys.tab);
		await app.waitForFrame(frame => frame.includes('Enter/l open'));
	});
});

describe('filtering', () => {
	it('narrows with each keystroke, counts and highlights the matches', async () => {
		app = renderApp(seed, wide);
		app.press('/');
		await app.waitForFrame(frame => frame.includes('5 matches of 5'));
		app.press('m', 'u', 'j', 'i', 'c', 'a');
		const frame = await app.waitForFrame(frame => frame.includes('1 match of 5'));
		expect(frame).toContain('/mujica');
		expect(linesOf(frame)[1]).toContain('CANCER: Jose Mujica');
		// The matched characters are underlined.
		expect(app.styledFrame()).toMatch(/\u001B\[4m(?:\u001B\[1m)?Mujica/u);
	});

	it('finds the typo mujika and nothing for xqzj', async () => {
		app = renderApp(seed, wide);
		app.press('/', 'mujika');
		await app.waitForFrame(frame => frame.includes('1 match of 5') && frame.includes('CANCER:'));
		app.press('\u0015', 'xqzj');
		const frame = await app.waitForFrame(frame => frame.includes('no matches of 5'));
		expect(frame).toContain('No headlines match');
	});

	it('keeps the filter on Enter and clears it with Esc', async () => {
		app = renderApp(seed, wide);
		app.press('/', 'tirana', keys.enter);
		const kept = await app.waitForFrame(frame => frame.includes('1/1') && frame.includes('Enter/l open'));
		expect(kept).toContain('FRAUD ALLEGED:');
		app.press(keys.escape);
		await app.waitForFrame(frame => frame.includes('/5'));
	});

	it('starts filtered with --filter', () => {
		app = renderApp(seed, wide, {initialQuery: 'mujica'});
		expect(app.frame()).toContain('1/1');
		expect(app.frame()).toContain('/mujica');
	});

	it('shows the results of the last query typed, however fast the keys come', async () => {
		app = renderApp(seed, wide);
		app.press('/', 'k', 'u', 's', 'h', '\u0015', 'b', 'e', 'r', 'i', 's', 'h', 'a');
		const frame = await app.waitForFrame(frame => frame.includes('/berisha') && frame.includes('1 match of 5'));
		expect(linesOf(frame)[1]).toContain('FRAUD ALLEGED:');
	});

	it('highlights the matches in rows far down a long list of results', async () => {
		const list = renderApp(numberedArticles(200), {columnCount: 80, rowCount: 12});
		app = list;
		list.press('/', 'headline', keys.enter);
		// The results are in once the first rows are highlighted.
		await list.waitForFrame(frame => frame.includes('Enter/l open') && list.styledFrame().includes('\u001B[4m'));
		list.press('G');
		await list.waitForFrame(frame => frame.includes('200/200'));
		const lastRows = linesOf(list.styledFrame()).filter(line => line.includes('number 1'));
		expect(lastRows.length).toBeGreaterThan(0);
		expect(lastRows.every(line => /\u001B\[4m(?:\u001B\[1m)?Headline/u.test(line))).toBe(true);
	});
});

describe('the filter line while a search takes a while', () => {
	const lineFor = (slowSearch: {indexedShare: number}) =>
		(render(<FilterLine query="minister" isEditing matchCount={5} articleCount={100_000} columnCount={60} slowSearch={slowSearch} theme={defaultTheme} />).lastFrame() ?? '').replaceAll(
			/\u001B\[[\d;]*m/gu,
			'',
		);

	it('says how far the index is built, then that it is searching', () => {
		expect(lineFor({indexedShare: 0.426})).toMatch(/^\/minister +indexing 42%… $/u);
		expect(lineFor({indexedShare: 1})).toMatch(/^\/minister +searching… $/u);
	});
});

describe('help', () => {
	it('lists the keymap and closes again', async () => {
		app = renderApp(seed, wide);
		app.press('?');
		const help = await app.waitForFrame(frame => frame.includes('Keys'));
		expect(help).toContain('next headline');
		expect(help).toContain('filter the headlines');
		// G goes to the last page: the indicator ends at the last row.
		app.press('G');
		await app.waitForFrame(frame => /\d+–(\d+)\/\1 /u.test(frame.split('\n')[0] ?? ''));
		app.press('?');
		await app.waitForFrame(frame => frame.includes('Headlines') && !frame.includes('next headline'));
	});
});

describe('resizing', () => {
	it('follows the terminal between split and single-pane layouts', async () => {
		app = renderApp(seed, wide);
		expect(app.frame()).toContain('│');
		app.resize(narrow);
		const small = await app.waitForFrame(frame => !frame.includes('│'));
		expect(linesOf(small)).toHaveLength(narrow.rowCount);
		app.resize({columnCount: 140, rowCount: 40});
		const big = await app.waitForFrame(frame => frame.includes('│'));
		expect(linesOf(big)).toHaveLength(40);
	});
});
