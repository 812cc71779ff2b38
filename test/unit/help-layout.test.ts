import {describe, expect, it} from 'vitest';
import {defaultKeymap, helpSections} from '../../source/input/keymap.js';
import {helpLayout} from '../../source/state/help-layout.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {newsArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
const helpTop = (state: State) => (state.mode.name === 'help' ? state.mode.scrollTop : undefined);
const totalRowCount = helpSections(defaultKeymap).reduce((sum, section) => sum + 1 + section.bindings.length, 0);

describe('the help overlay layout', () => {
	it('puts side by side as many columns as fit whole descriptions, and no more than it needs', () => {
		expect(helpLayout(totalRowCount, 22, 80)).toMatchObject({helpColumnCount: 1, helpColumnWidth: 80, bodyRowCount: 21});
		expect(helpLayout(totalRowCount, 28, 120).helpColumnCount).toBe(Math.min(2, Math.ceil(totalRowCount / 27)));
		expect(helpLayout(totalRowCount, 200, 200).helpColumnCount).toBe(1);
	});

	it('scrolls when the rows overflow, and only then', () => {
		expect(helpLayout(totalRowCount, 22, 80).maximumScrollTop).toBe(totalRowCount - 21);
		expect(helpLayout(totalRowCount, 200, 80).maximumScrollTop).toBe(0);
	});
});

describe('scrolling the help overlay', () => {
	const start = press(createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}}), '?');
	const maximum = helpLayout(totalRowCount, 22, 80).maximumScrollTop;

	it('scrolls with j/k, Space/b and g/G, within bounds', () => {
		expect(helpTop(press(start, 'j', 'j', 'k'))).toBe(1);
		expect(helpTop(press(start, 'k'))).toBe(0);
		expect(helpTop(press(start, 'space'))).toBe(Math.min(21, maximum));
		expect(helpTop(press(start, 'G'))).toBe(maximum);
		expect(helpTop(press(start, 'G', 'b', 'g'))).toBe(0);
	});

	it('leaves the list alone, and opens at the top next time', () => {
		const scrolled = press(start, 'j', 'j');
		expect(scrolled.selectedId).toBe(start.selectedId);
		expect(helpTop(press(scrolled, '?', '?'))).toBe(0);
	});
});
