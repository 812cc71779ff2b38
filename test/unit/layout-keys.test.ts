import {describe, expect, it} from 'vitest';
import {keymapWithOverrides} from '../../source/input/key-overrides.js';
import {defaultKeymap} from '../../source/input/keymap.js';
import {usLayoutKey} from '../../source/input/layout-keys.js';
import {createState} from '../../source/state/initial-state.js';
import {selectedIndex} from '../../source/state/selectors.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {numberedArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
const start = createState(numberedArticles(10), {viewport: {columnCount: 80, rowCount: 24}});

describe('keys typed on another layout', () => {
	it.each([
		['о', 'j'], ['л', 'k'], ['й', 'q'], ['Й', 'Q'], ['п', 'g'], ['П', 'G'], ['х', '['], ['ъ', ']'], ['ж', ';'], ['Б', '<'], ['Ю', '>'], ['я', 'z'],
		['і', 's'], ['ї', ']'], ['є', '\''], ['ґ', '`'], ['ў', 'o'],
		['ξ', 'j'], ['κ', 'k'], ['γ', 'g'], ['Γ', 'G'], ['ς', 'w'], ['ρ', 'r'], ['ζ', 'z'], ['ν', 'n'], ['Ν', 'N'],
	])('reads %s as the US key at its place, %s', (key, us) => {
		expect(usLayoutKey(key)).toBe(us);
	});

	it('leaves Latin letters, digits, punctuation and named keys alone', () => {
		for (const key of ['j', 'é', 'ß', '7', '/', '?', 'enter', 'ctrl+c', '中']) {
			expect(usLayoutKey(key)).toBeUndefined();
		}
	});

	it('moves, opens and quits with Cyrillic and Greek letters as with j, k, l and q', () => {
		expect(selectedIndex(press(start, 'о', 'о', 'л'))).toBe(1);
		expect(selectedIndex(press(start, 'ξ', 'ξ', 'ξ'))).toBe(3);
		expect(selectedIndex(press(start, 'П'))).toBe(9);
		expect(press(start, 'д').mode.name).toBe('read');
		expect(press(start, 'д', 'й').mode.name).toBe('browse');
		expect(press(start, 'й').mode.name).toBe('quit');
	});

	it('types the letters themselves in the filter line', () => {
		const filtering = press(start, '/', 'о', 'λ');
		expect(filtering.mode).toEqual({name: 'filter', draft: 'оλ'});
	});

	it('gives way to a key the config file binds', () => {
		const result = keymapWithOverrides(defaultKeymap, {'toggle-star': ['о']});
		if (!('keymap' in result)) {
			throw new Error(result.error);
		}

		const custom = createState(numberedArticles(10), {viewport: {columnCount: 80, rowCount: 24}, keymap: result.keymap});
		const starred = press(custom, 'о');
		expect(selectedIndex(starred)).toBe(0);
		expect(starred.notice).toBe('starred (U undoes)');
	});
});
