import {describe, expect, it} from 'vitest';
import {createState} from '../../source/state/initial-state.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {newsArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});

describe.each([
	['one pane', {columnCount: 80, rowCount: 24}],
	['side by side', {columnCount: 120, rowCount: 30}],
])('q and Q (%s), as in newsboat and mutt', (_layout, viewport) => {
	const list = createState(newsArticles, {viewport});
	const reading = press(list, 'enter');

	it('q in an article goes back to the headlines, keeping the place', () => {
		expect(reading.mode.name).toBe('read');
		const back = press(reading, 'q');
		expect(back.mode.name).toBe('browse');
		expect(back.selectedId).toBe(reading.selectedId);
	});

	it('q in the help closes it, back where it was opened', () => {
		expect(press(list, '?', 'q').mode.name).toBe('browse');
		expect(press(reading, '?', 'q').mode.name).toBe('read');
	});

	it('q from the list quits', () => {
		expect(press(list, 'q').mode.name).toBe('quit');
		expect(press(reading, 'q', 'q').mode.name).toBe('quit');
	});

	it('Q quits from the list, an article or the help', () => {
		expect(press(list, 'Q').mode.name).toBe('quit');
		expect(press(reading, 'Q').mode.name).toBe('quit');
		expect(press(reading, '?', 'Q').mode.name).toBe('quit');
	});

	it('q and Q are letters in the filter line', () => {
		const typing = press(list, '/', 'q', 'Q');
		expect(typing.mode).toEqual({name: 'filter', draft: 'qQ'});
	});
});
