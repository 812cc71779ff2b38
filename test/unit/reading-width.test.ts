import {describe, expect, it} from 'vitest';
import {defaultKeymap} from '../../source/input/keymap.js';
import {parseConfig} from '../../source/config.js';
import {createState} from '../../source/state/initial-state.js';
import {layoutOf} from '../../source/state/layout.js';
import type {ScreenSettings} from '../../source/state/screen-settings.js';
import {shownArticleLines} from '../../source/state/selectors.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {numberedArticles} from '../helpers/articles.js';

const stateAt = (columnCount: number, screen: Partial<ScreenSettings> = {}) => createState(numberedArticles(3), {viewport: {columnCount, rowCount: 40}, screen});
const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});

describe('the reading width', () => {
	it('caps the article text at 80 columns by default, left-aligned, however wide the pane', () => {
		const layout = layoutOf(stateAt(200));
		expect(layout.articleColumnCount).toBeGreaterThan(100);
		expect(layout.articleTextColumnCount).toBe(80);
		expect(layout.articleTextIndent).toBe(0);
	});

	it('centres the text in the pane when asked', () => {
		const layout = layoutOf(stateAt(200, {readingAlign: 'centre'}));
		expect(layout.articleTextColumnCount).toBe(80);
		const spare = layout.articleColumnCount - 2 - 80;
		expect(layout.articleTextIndent).toBe(Math.floor(spare / 2));
	});

	it('takes the pane less its margins when the pane is narrower than the measure', () => {
		const layout = layoutOf(stateAt(100, {readingAlign: 'centre'}));
		expect(layout.articleTextColumnCount).toBe(layout.articleColumnCount - 2);
		expect(layout.articleTextIndent).toBe(0);
		expect(layoutOf(stateAt(80)).articleTextColumnCount).toBe(78);
	});

	it('takes another measure from the config file, and the default where the file says nothing', () => {
		expect(layoutOf(stateAt(200, {readingWidth: 60})).articleTextColumnCount).toBe(60);
		expect(layoutOf(stateAt(200, {readingWidth: undefined, readingAlign: undefined}))).toMatchObject({articleTextColumnCount: 80, articleTextIndent: 0});
	});

	it('wraps the shown article at the measure', () => {
		const long = parsePlainText(`A headline\n\n${'word '.repeat(200)}`, 'long.txt').articles;
		const state = createState(long, {viewport: {columnCount: 200, rowCount: 40}});
		const widths = shownArticleLines(state).map(line => line.text.length);
		expect(Math.max(...widths)).toBeLessThanOrEqual(80);
		expect(Math.max(...widths)).toBeGreaterThan(70);
	});
});

describe('resizing the split', () => {
	it('widens the list with > and narrows it with <, by 4 columns a press, a count repeating it', () => {
		const start = stateAt(160);
		const {listColumnCount} = layoutOf(start);
		expect(layoutOf(press(start, '>')).listColumnCount).toBe(listColumnCount + 4);
		expect(layoutOf(press(start, '<')).listColumnCount).toBe(listColumnCount - 4);
		expect(layoutOf(press(start, '3', '>')).listColumnCount).toBe(listColumnCount + 12);
		const wider = layoutOf(press(start, '>'));
		expect(wider.listColumnCount + 1 + wider.articleColumnCount).toBe(160);
	});

	it('stops at the narrowest each pane may get, and says so', () => {
		const narrowest = press(stateAt(160), '9', '9', '<');
		expect(layoutOf(narrowest).listColumnCount).toBe(24);
		expect(press(narrowest, '<').notice).toBe('the list is as narrow as it gets');
		const widest = press(stateAt(160), '9', '9', '>');
		expect(layoutOf(widest).articleColumnCount).toBe(30);
		// One step back from the end is one step, not the excess pressed past it.
		expect(layoutOf(press(widest, '<')).articleColumnCount).toBe(34);
	});

	it('works while reading, and says why nothing moves below 100 columns', () => {
		const reading = press(stateAt(160), 'enter');
		expect(layoutOf(press(reading, '<')).listColumnCount).toBe(layoutOf(reading).listColumnCount - 4);
		expect(press(stateAt(80), '>').notice).toBe('the panes stand side by side from 100 columns');
	});

	it('hides the article pane with z, giving the list the width, and shows it again', () => {
		const hidden = press(stateAt(160), 'z');
		expect(layoutOf(hidden).isSplit).toBe(false);
		expect(layoutOf(hidden).listColumnCount).toBe(160);
		expect(hidden.notice).toContain('z shows the pane again');
		const opened = press(hidden, 'enter');
		expect(opened.mode.name).toBe('read');
		expect(layoutOf(opened).articleTextColumnCount).toBe(80);
		expect(layoutOf(press(hidden, 'z')).isSplit).toBe(true);
	});
});

describe('the config file', () => {
	it('reads reading-width and reading-align', () => {
		const result = parseConfig('{"reading-width": 66, "reading-align": "center"}', defaultKeymap);
		expect('config' in result && result.config.readingWidth).toBe(66);
		expect('config' in result && result.config.readingAlign).toBe('centre');
	});

	it.each([
		['{"reading-width": 10}', 'reading-width: should be a whole number of columns, 20 or more, as in 80, not 10'],
		['{"reading-width": "wide"}', 'reading-width: should be a whole number of columns, 20 or more, as in 80, not "wide"'],
		['{"reading-align": "right"}', 'reading-align: should be "left" or "centre" (or "center"), not "right"'],
	])('refuses %s in one line', (text, error) => {
		expect(parseConfig(text, defaultKeymap)).toEqual({error});
	});
});
