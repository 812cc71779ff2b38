import {describe, expect, it} from 'vitest';
import {createState} from '../../source/state/initial-state.js';
import {defaultKeymap, pickKeymap} from '../../source/input/keymap.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {newsArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});

describe('the outbox of effects (issue 12.3)', () => {
	const list = createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}});

	it('starts empty, and keys that touch nothing outside leave it so', () => {
		expect(list.effects).toEqual([]);
		expect(press(list, 'j', 'k', 'v', '?', 'escape').effects).toEqual([]);
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

	it('asks to save the read marks at each change of them, with the marks as they are then, and only then', () => {
		const opened = press(list, 'j', 'enter');
		expect(opened.effects).toEqual([{kind: 'save-read-marks', marks: opened.readMarks}]);
		// Scrolling and going back change no mark.
		expect(press(opened, 'j', 'escape').effects).toEqual(opened.effects);
		const starred = press(opened, 's', 'U');
		expect(starred.effects.map(effect => effect.kind)).toEqual(['save-read-marks', 'save-read-marks', 'save-read-marks']);
		expect(starred.effects.at(-1)).toEqual({kind: 'save-read-marks', marks: starred.readMarks});
		// Folding the saved marks into one object changes nothing to save.
		const folded = {saved: starred.readMarks.saved, changed: new Map(starred.readMarks.changed)};
		expect(update(starred, {type: 'read-marks-saved', marks: starred.readMarks, folded}).effects).toEqual(starred.effects);
	});

	it('asks to quit with q, handing on the article picked with Enter under --pick, and nothing after', () => {
		expect(press(list, 'q').effects).toEqual([{kind: 'quit'}]);
		expect(press(list, 'q', 'j', 'q').effects).toEqual([{kind: 'quit'}]);
		const picking = createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}, keymap: pickKeymap(defaultKeymap)});
		expect(press(picking, 'j', 'enter').effects).toEqual([{kind: 'quit', picked: newsArticles[1]}]);
	});
});
