import {describe, expect, it} from 'vitest';
import {defaultKeymap, keyLabel} from '../../source/input/keymap.js';
import {keymapWithOverrides} from '../../source/input/key-overrides.js';
import {helpLayout, helpLines} from '../../source/state/help-layout.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {asciiGlyphs, unicodeGlyphs} from '../../source/text/glyphs.js';
import {displayWidth} from '../../source/text/text-width.js';
import {titleRow} from '../../source/ui/title-row.js';
import {newsArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
const helpTop = (state: State) => (state.mode.name === 'help' ? state.mode.scrollTop : undefined);
const layoutAt = (rowCount: number, columnCount: number) => helpLayout(defaultKeymap, unicodeGlyphs, rowCount, columnCount);

/** Where each binding's description starts on screen: the column of its first words, after (some of) its keys. */
const descriptionColumns = (lines: ReadonlyArray<{text: string; isTitle: boolean}>, keymap = defaultKeymap) =>
	keymap.map(binding => {
		const start = binding.help.split(' ').slice(0, 2).join(' ');
		const keys = binding.keys.map(key => keyLabel(key)).join(' ');
		const line = lines.find(candidate => !candidate.isTitle && candidate.text.includes(start) && keys.startsWith(candidate.text.slice(0, candidate.text.indexOf(start)).trim()));
		return line?.text.indexOf(start);
	});

describe('the help overlay layout', () => {
	it('takes the fewest columns that show every line, each at least 60 wide, and scrolls only when they overflow', () => {
		expect(layoutAt(22, 80)).toMatchObject({helpColumnCount: 1, helpColumnWidth: 80, bodyRowCount: 21});
		expect(layoutAt(200, 200).helpColumnCount).toBe(1);
		expect(layoutAt(200, 200).maximumScrollTop).toBe(0);
		const huge = layoutAt(48, 200);
		expect(huge.maximumScrollTop).toBe(0);
		expect(huge.lines.length).toBeLessThanOrEqual(huge.visibleRowCount);
		expect(layoutAt(22, 80).maximumScrollTop).toBe(layoutAt(22, 80).lines.length - 21);
	});

	it.each([[200], [120], [80], [60], [40], [20]])('wraps descriptions instead of cutting them, at %i columns', columnCount => {
		for (const glyphs of [unicodeGlyphs, asciiGlyphs]) {
			const lines = helpLines(defaultKeymap, glyphs, columnCount);
			expect(lines.map(line => line.text).join('\n')).not.toContain(glyphs.ellipsis);
			expect(Math.max(...lines.map(line => displayWidth(line.text)))).toBeLessThanOrEqual(columnCount - 1);
			// Every word of every description is on some line.
			const text = lines.map(line => line.text).join(' ');
			expect(text.replaceAll(/\s+/gu, ' ')).toContain('reload the files from disk');
			expect(text.replaceAll(/\s+/gu, ' ')).toContain('(--watch does it when they change, and every --refresh minutes for URLs)');
		}
	});

	it.each([[200], [120], [60], [40]])('starts every description in one column, after long keys too, at %i columns', columnCount => {
		const columns = new Set(descriptionColumns(helpLines(defaultKeymap, unicodeGlyphs, columnCount)));
		expect([...columns]).toHaveLength(1);
	});

	it('wraps keys too long for their column rather than pushing the descriptions', () => {
		const result = keymapWithOverrides(defaultKeymap, {'cursor-down': ['j', 'down', 'ctrl+n', 'ctrl+e', 'ctrl+y', 'alt+j', 'alt+n']});
		if (!('keymap' in result)) {
			throw new Error(result.error);
		}

		const lines = helpLines(result.keymap, unicodeGlyphs, 60);
		expect(new Set(descriptionColumns(lines, result.keymap)).size).toBe(1);
		expect(lines.map(line => line.text).join('\n')).toMatch(/^ {2}j ↓ Ctrl-N .*next headline/mu);
	});
});

describe('a title row', () => {
	it('keeps the title and the indicator apart, shortening the indicator first, then the title', () => {
		expect(titleRow([' taipei-times.txt'], ['4% '], 20, '…')).toBe(' taipei-times.t… 4% ');
		expect(titleRow([' Keys   (? or Esc or q closes)', ' Keys (? closes)', ' Keys'], ['j/k scroll  1–10/120 ', '1–10/120 '], 40, '…')).toBe(' Keys (? closes)   j/k scroll  1–10/120 ');
		expect(titleRow([' Keys   (? or Esc or q closes)', ' Keys (? closes)', ' Keys'], ['j/k scroll  1–3/120 ', '1–3/120 '], 20, '…')).toBe(' Keys       1–3/120 ');
		expect(titleRow([' news.txt'], [''], 20, '…')).toBe(' news.txt           ');
	});
});

describe('scrolling the help overlay', () => {
	const start = press(createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}}), '?');
	const maximum = helpLayout(defaultKeymap, unicodeGlyphs, 23, 80).maximumScrollTop;

	it('scrolls with j/k, Space/b and g/G, within bounds', () => {
		expect(maximum).toBeGreaterThan(22);
		expect(helpTop(press(start, 'j', 'j', 'k'))).toBe(1);
		expect(helpTop(press(start, 'k'))).toBe(0);
		expect(helpTop(press(start, 'space'))).toBe(Math.min(22, maximum));
		expect(helpTop(press(start, 'G'))).toBe(maximum);
		expect(helpTop(press(start, 'G', 'b', 'g'))).toBe(0);
	});

	it('leaves the list alone, and opens at the top next time', () => {
		const scrolled = press(start, 'j', 'j');
		expect(scrolled.selectedId).toBe(start.selectedId);
		expect(helpTop(press(scrolled, '?', '?'))).toBe(0);
	});
});

describe('the help in columns', () => {
	it('starts no column with the rest of a description, nor ends one with a section title', () => {
		for (const [rowCount, columnCount] of [[39, 120], [29, 120], [49, 200], [23, 130]] as const) {
			const layout = layoutAt(rowCount, columnCount);
			if (layout.helpColumnCount === 1) {
				continue;
			}

			for (let start = layout.bodyRowCount; start < layout.lines.length; start += layout.bodyRowCount) {
				const first = layout.lines[start]!;
				// A column's first line is a title, or a binding's first line (its keys), or a blank.
				expect(first.isTitle || /^ {2}\S/u.test(first.text) || first.text.trim() === '', `${rowCount}x${columnCount}: ${first.text}`).toBe(true);
				expect(layout.lines[start - 1]!.isTitle, `${rowCount}x${columnCount}`).toBe(false);
			}
		}
	});
});
