import {describe, expect, it} from 'vitest';
import {commandFor as commandIn, defaultKeymap as keymap, helpSections, hintsFor, keyLabel, keymapModes, pickKeymap} from '../../source/input/keymap.js';
import type {ModeName} from '../../source/mode.js';
import {asciiGlyphs} from '../../source/text/glyphs.js';

const commandFor = (key: string, mode: ModeName) => commandIn(keymap, key, mode);

describe('the keymap', () => {
	it('binds no key twice in one mode', () => {
		for (const mode of keymapModes) {
			const keys = keymap.filter(binding => binding.modes.includes(mode)).flatMap(binding => binding.keys);
			expect(keys.filter((key, index) => keys.indexOf(key) !== index), `duplicates in ${mode}`).toEqual([]);
		}
	});

	it('gives every binding a description and at least one key and mode', () => {
		for (const binding of keymap) {
			expect(binding.help.length, binding.command).toBeGreaterThan(3);
			expect(binding.keys.length).toBeGreaterThan(0);
			expect(binding.modes.length).toBeGreaterThan(0);
		}
	});

	it('quits on Ctrl-C in every mode', () => {
		for (const mode of keymapModes) {
			expect(commandFor('ctrl+c', mode)).toBe('quit');
		}
	});

	it('leaves every mode but browse with Esc', () => {
		expect(commandFor('escape', 'read')).toBe('back');
		expect(commandFor('escape', 'filter')).toBe('filter-cancel');
		expect(commandFor('escape', 'help')).toBe('help-toggle');
		expect(commandFor('escape', 'article-search')).toBe('article-search-cancel');
	});

	it('leaves printable keys free to type in the filter line', () => {
		const printable = keymap.filter(binding => binding.modes.includes('filter')).flatMap(binding => binding.keys).filter(key => [...key].length === 1);
		expect(printable).toEqual([]);
		expect(commandFor('q', 'filter')).toBeUndefined();
		const searchPrintable = keymap.filter(binding => binding.modes.includes('article-search')).flatMap(binding => binding.keys).filter(key => [...key].length === 1);
		expect(searchPrintable).toEqual([]);
		expect(commandFor('n', 'article-search')).toBeUndefined();
		expect(commandFor('7', 'article-search')).toBeUndefined();
	});

	it('gives / to the article search in an article, and to the headline filter in the list', () => {
		expect(commandFor('/', 'read')).toBe('article-search-start');
		expect(commandFor('/', 'browse')).toBe('filter-start');
		expect([commandFor('n', 'read'), commandFor('N', 'read')]).toEqual(['match-next', 'match-previous']);
	});

	it('reads every digit as a link number before o and y', () => {
		for (const digit of '0123456789') {
			expect(commandFor(digit, 'read')).toBe('link-number');
			expect(commandFor(digit, 'browse')).toBe('link-number');
		}

		expect([commandFor('o', 'read'), commandFor('y', 'browse')]).toEqual(['link-open', 'link-copy']);
		expect(keyLabel('digit')).toBe('0-9');
	});

	it('has the keys the readme promises', () => {
		const expected: Array<[string, string]> = [
			['j', 'cursor-down'], ['down', 'cursor-down'], ['k', 'cursor-up'], ['up', 'cursor-up'],
			['pagedown', 'page-down'], ['space', 'page-down'], ['pageup', 'page-up'], ['b', 'page-up'],
			['g', 'go-first'], ['home', 'go-first'], ['G', 'go-last'], ['end', 'go-last'],
			['enter', 'open'], ['l', 'open'], ['right', 'open'], ['tab', 'toggle-focus'], ['/', 'filter-start'], ['?', 'help-toggle'], ['q', 'quit'],
		];
		for (const [key, command] of expected) {
			expect(commandFor(key, 'browse'), key).toBe(command);
		}

		for (const key of ['escape', 'h', 'left']) {
			expect(commandFor(key, 'read')).toBe('back');
		}
	});

	it('labels keys for people', () => {
		expect(['ctrl+c', 'escape', 'pagedown', 'down', 'j'].map(key => keyLabel(key))).toEqual(['Ctrl-C', 'Esc', 'PgDn', '↓', 'j']);
		expect(['down', 'left', 'right', 'up'].map(key => keyLabel(key, asciiGlyphs))).toEqual(['Down', 'Left', 'Right', 'Up']);
	});

	it('derives the status hints and the help sections from the same table', () => {
		expect(hintsFor(keymap, 'browse').map(hint => hint.hint)).toEqual(['move', 'open', 'pane', 'filter', 'help', 'quit']);
		expect(hintsFor(keymap, 'filter').map(hint => hint.hint)).toEqual(['keep', 'clear']);
		const listed = helpSections(keymap).flatMap(section => section.bindings);
		expect(listed).toHaveLength(keymap.length);
	});
});

describe('the keymap of --pick', () => {
	const picking = pickKeymap(keymap);

	it('picks with Enter in the list and in an article, and quits with Esc in the list', () => {
		expect(commandIn(picking, 'enter', 'browse')).toBe('pick');
		expect(commandIn(picking, 'enter', 'read')).toBe('pick');
		expect(commandIn(picking, 'escape', 'browse')).toBe('quit');
		expect(commandIn(picking, 'l', 'browse')).toBe('open');
		expect(commandIn(picking, 'escape', 'read')).toBe('back');
		expect(commandIn(picking, 'enter', 'filter')).toBe('filter-accept');
	});

	it('binds no key twice in one mode', () => {
		for (const mode of keymapModes) {
			const keys = picking.filter(binding => binding.modes.includes(mode)).flatMap(binding => binding.keys);
			expect(keys.filter((key, index) => keys.indexOf(key) !== index), `duplicates in ${mode}`).toEqual([]);
		}
	});
});
