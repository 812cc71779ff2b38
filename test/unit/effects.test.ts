import {describe, expect, it} from 'vitest';
import {createState} from '../../source/state/initial-state.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {newsArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});

describe('the outbox of effects (issue 12.3)', () => {
	const list = createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}});

	it('starts empty, and keys that touch nothing outside leave it so', () => {
		expect(list.effects).toEqual([]);
		expect(press(list, 'j', 'enter', 'q').effects).toEqual([]);
	});

	it('Ctrl-Z asks to suspend and Ctrl-L to redraw, in order, each a value of its own', () => {
		const asked = press(list, 'ctrl+z', 'ctrl+l', 'ctrl+z');
		expect(asked.effects).toEqual([{kind: 'suspend'}, {kind: 'redraw'}, {kind: 'suspend'}]);
		expect(asked.effects[0]).not.toBe(asked.effects[2]);
		expect(asked.mode).toEqual(list.mode);
	});

	it('effects-run takes out the effects the shell ran, and only those', () => {
		const asked = press(list, 'ctrl+z', 'ctrl+l');
		const more = press(asked, 'ctrl+l');
		const run = update(more, {type: 'effects-run', effects: asked.effects});
		expect(run.effects).toEqual([{kind: 'redraw'}]);
		expect(run.effects[0]).toBe(more.effects[2]);
		expect(update(run, {type: 'effects-run', effects: asked.effects})).toBe(run);
	});
});
