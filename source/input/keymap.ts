import type {ModeName} from '../mode.js';
import {type Glyphs, unicodeGlyphs} from '../text/glyphs.js';

/** Everything a key can ask for. */
export type Command =
	| 'cursor-down'
	| 'cursor-up'
	| 'page-down'
	| 'page-up'
	| 'go-first'
	| 'go-last'
	| 'open'
	| 'back'
	| 'toggle-focus'
	| 'next-article'
	| 'previous-article'
	| 'filter-start'
	| 'filter-accept'
	| 'filter-cancel'
	| 'filter-erase-character'
	| 'filter-erase-word'
	| 'filter-erase-all'
	| 'filter-clear'
	| 'order-cycle'
	| 'article-search-start'
	| 'article-search-accept'
	| 'article-search-cancel'
	| 'match-next'
	| 'match-previous'
	| 'link-number'
	| 'link-open'
	| 'link-copy'
	| 'reload'
	| 'full-text'
	| 'help-toggle'
	| 'toggle-read'
	| 'mark-all-read'
	| 'toggle-star'
	| 'cycle-view'
	| 'suspend'
	| 'redraw'
	| 'quit';

/**
 * A key as the keymap names it: a printable character as itself (`j`, `G`, `/`), or a name
 * (`down`, `enter`, `space`, `ctrl+c`, …). See input/keys-from-input.ts. In the keymap, `digit` stands for any
 * of `0` to `9`.
 */
export type KeyName = string;

/** One row of the keymap: which keys do what, in which modes, and how help and the status line describe it. */
export type Binding = {
	readonly command: Command;
	readonly keys: readonly KeyName[];
	readonly modes: readonly ModeName[];
	/** What the help overlay and readme.md say it does. */
	readonly help: string;
	/** A word or two for the status line; bindings without one stay out of it. */
	readonly hint?: string;
};

/** A keymap: the one table that drives input handling, the status line, the help overlay and readme.md's key table. */
export type Keymap = readonly Binding[];

/** The keys Broadsheet comes with; a config file changes them with `keymapWithOverrides` (input/key-overrides.ts). */
export const defaultKeymap: Keymap = [
	{command: 'cursor-down', keys: ['j', 'down'], modes: ['browse', 'read', 'help'], help: 'next headline; in an article, scroll down a line', hint: 'move'},
	{command: 'cursor-up', keys: ['k', 'up'], modes: ['browse', 'read', 'help'], help: 'previous headline; in an article, scroll up a line'},
	{command: 'page-down', keys: ['pagedown', 'space', 'ctrl+f'], modes: ['browse', 'read', 'help'], help: 'page down'},
	{command: 'page-up', keys: ['pageup', 'b', 'ctrl+b'], modes: ['browse', 'read', 'help'], help: 'page up'},
	{command: 'go-first', keys: ['g', 'home'], modes: ['browse', 'read', 'help'], help: 'first headline; in an article, its top'},
	{command: 'go-last', keys: ['G', 'end'], modes: ['browse', 'read', 'help'], help: 'last headline; in an article, its end'},
	{command: 'open', keys: ['enter', 'l', 'right'], modes: ['browse'], help: 'open the article', hint: 'open'},
	{command: 'back', keys: ['escape', 'h', 'left', 'q'], modes: ['read'], help: 'back to the headlines (q too: it goes back one level, as in newsboat and mutt)', hint: 'back'},
	{command: 'filter-clear', keys: ['escape'], modes: ['browse'], help: 'clear the filter'},
	{command: 'toggle-focus', keys: ['tab'], modes: ['browse', 'read'], help: 'switch between the headlines and the article', hint: 'pane'},
	{command: 'next-article', keys: ['J'], modes: ['read'], help: 'next article'},
	{command: 'previous-article', keys: ['K'], modes: ['read'], help: 'previous article'},
	{command: 'article-search-start', keys: ['/'], modes: ['read'], help: 'search the article', hint: 'search'},
	{command: 'match-next', keys: ['n'], modes: ['read'], help: 'next match of the search, wrapping at the end'},
	{command: 'match-previous', keys: ['N'], modes: ['read'], help: 'previous match of the search, wrapping at the top'},
	{command: 'filter-start', keys: ['/'], modes: ['browse'], help: 'filter the headlines', hint: 'filter'},
	{command: 'link-open', keys: ['o'], modes: ['browse', 'read'], help: 'open the article\'s address in the browser (over SSH, copy it); 3o opens link [3]'},
	{command: 'link-copy', keys: ['y'], modes: ['browse', 'read'], help: 'copy the article\'s address to the clipboard; 3y copies link [3]'},
	{command: 'link-number', keys: ['digit'], modes: ['browse', 'read'], help: 'a link number for o and y'},
	{command: 'order-cycle', keys: ['S'], modes: ['browse', 'read'], help: 'sort: file order, newest, oldest, by source, A–Z (and best match while filtered)'},
	{command: 'filter-accept', keys: ['enter'], modes: ['filter'], help: 'keep the filter and go back to the list', hint: 'keep'},
	{command: 'filter-cancel', keys: ['escape'], modes: ['filter'], help: 'clear the filter', hint: 'clear'},
	{command: 'cursor-down', keys: ['down', 'ctrl+n'], modes: ['filter'], help: 'next match'},
	{command: 'cursor-up', keys: ['up', 'ctrl+p'], modes: ['filter'], help: 'previous match'},
	{command: 'filter-erase-character', keys: ['backspace'], modes: ['filter'], help: 'erase a character'},
	{command: 'filter-erase-word', keys: ['ctrl+w'], modes: ['filter'], help: 'erase a word'},
	{command: 'filter-erase-all', keys: ['ctrl+u'], modes: ['filter'], help: 'erase the whole query'},
	{command: 'article-search-accept', keys: ['enter'], modes: ['article-search'], help: 'keep the search and go back to reading', hint: 'keep'},
	{command: 'article-search-cancel', keys: ['escape'], modes: ['article-search'], help: 'cancel the search', hint: 'cancel'},
	{command: 'filter-erase-character', keys: ['backspace'], modes: ['article-search'], help: 'erase a character'},
	{command: 'filter-erase-word', keys: ['ctrl+w'], modes: ['article-search'], help: 'erase a word'},
	{command: 'filter-erase-all', keys: ['ctrl+u'], modes: ['article-search'], help: 'erase the whole search'},
	{command: 'toggle-read', keys: ['u'], modes: ['browse', 'read'], help: 'mark the article read or unread'},
	{command: 'mark-all-read', keys: ['m'], modes: ['browse', 'read'], help: 'mark every article in the list read'},
	{command: 'toggle-star', keys: ['s'], modes: ['browse', 'read'], help: 'star or unstar the article'},
	{command: 'cycle-view', keys: ['v'], modes: ['browse'], help: 'show all articles, only unread ones, or only starred ones'},
	{command: 'full-text', keys: ['F'], modes: ['browse', 'read'], help: 'fetch the full story from the article\'s address, in place of the feed\'s summary (kept for reading offline)'},
	{command: 'reload', keys: ['R'], modes: ['browse', 'read'], help: 'reload the files from disk (--watch does it when they change)'},
	{command: 'help-toggle', keys: ['?'], modes: ['browse', 'read', 'help'], help: 'show or hide this help', hint: 'help'},
	{command: 'help-toggle', keys: ['escape', 'q'], modes: ['help'], help: 'close the help', hint: 'close'},
	{command: 'quit', keys: ['q'], modes: ['browse'], help: 'quit (in an article or the help, q goes back one level)', hint: 'quit'},
	{command: 'quit', keys: ['Q'], modes: ['browse', 'read', 'help'], help: 'quit from anywhere but a line being typed'},
	{command: 'quit', keys: ['ctrl+c'], modes: ['browse', 'read', 'filter', 'article-search', 'help'], help: 'quit at once'},
	{command: 'suspend', keys: ['ctrl+z'], modes: ['browse', 'read', 'filter', 'article-search', 'help'], help: 'suspend; fg resumes'},
	{command: 'redraw', keys: ['ctrl+l'], modes: ['browse', 'read', 'filter'], help: 'redraw the screen'},
];

/** Every mode a key can be pressed in, in the order the help overlay lists them. */
export const keymapModes: readonly ModeName[] = ['browse', 'read', 'filter', 'article-search', 'help'];

const isDigit = (key: KeyName) => key.length === 1 && key >= '0' && key <= '9';

/** The command `key` runs in `mode`, if any. */
export function commandFor(keymap: Keymap, key: KeyName, mode: ModeName): Command | undefined {
	return keymap.find(binding => binding.modes.includes(mode) && (binding.keys.includes(key) || (isDigit(key) && binding.keys.includes('digit'))))
		?.command;
}

const keyLabels: Readonly<Record<string, string>> = {
	pagedown: 'PgDn',
	pageup: 'PgUp',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	space: 'Space',
	tab: 'Tab',
	backspace: 'Backspace',
	digit: '0-9',
	'shift+tab': 'Shift-Tab',
};

/** How a key is written for people: `Esc`, `Ctrl-C`, `PgDn`, `j`, and the arrows as `glyphs` draw them. */
export function keyLabel(key: KeyName, glyphs: Glyphs = unicodeGlyphs): string {
	if (key.startsWith('ctrl+')) {
		return `Ctrl-${key.slice('ctrl+'.length).toUpperCase()}`;
	}

	if (key.startsWith('alt+')) {
		return `Alt-${key.slice('alt+'.length)}`;
	}

	if (key === 'up' || key === 'down' || key === 'left' || key === 'right') {
		return glyphs.arrowKeys[key];
	}

	return keyLabels[key] ?? key;
}

/** The bindings for one mode, in keymap order. */
export function bindingsFor(keymap: Keymap, mode: ModeName): Binding[] {
	return keymap.filter(binding => binding.modes.includes(mode));
}

/** The status line's key hints for a mode: `j/↓ move  Enter open …`. */
export function hintsFor(keymap: Keymap, mode: ModeName, glyphs: Glyphs = unicodeGlyphs): Array<{keys: string; hint: string}> {
	return bindingsFor(keymap, mode).flatMap(binding =>
		binding.hint && binding.keys.length > 0 ? [{keys: binding.keys.slice(0, 2).map(key => keyLabel(key, glyphs)).join('/'), hint: binding.hint}] : [],
	);
}

const sectionTitles: Readonly<Record<ModeName, string>> = {
	browse: 'Browsing',
	read: 'Reading',
	filter: 'Filtering',
	'article-search': 'Searching an article',
	help: 'Help',
	quit: '',
};

/** The keymap in sections by the first mode of each binding, for the help overlay and readme.md. */
export function helpSections(keymap: Keymap): Array<{title: string; bindings: Binding[]}> {
	return keymapModes
		.map(mode => ({title: sectionTitles[mode], bindings: keymap.filter(binding => binding.modes[0] === mode && binding.keys.length > 0)}))
		.filter(section => section.bindings.length > 0);
}
