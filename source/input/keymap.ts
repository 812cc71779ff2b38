import type {ModeName} from '../mode.js';
import {type Glyphs, unicodeGlyphs} from '../text/glyphs.js';

/** Everything a key can ask for. */
export type Command =
	| 'cursor-down'
	| 'cursor-up'
	| 'page-down'
	| 'page-up'
	| 'half-page-down'
	| 'half-page-up'
	| 'go-first'
	| 'go-last'
	| 'open'
	| 'back'
	| 'toggle-focus'
	| 'next-article'
	| 'previous-article'
	| 'next-unread'
	| 'previous-unread'
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
	| 'undo-mark'
	| 'confirm-yes'
	| 'confirm-no'
	| 'toggle-star'
	| 'cycle-view'
	| 'next-named-view'
	| 'suspend'
	| 'redraw'
	| 'pick'
	| 'pipe-start'
	| 'page'
	| 'save-start'
	| 'prompt-accept'
	| 'prompt-cancel'
	| 'list-narrower'
	| 'list-wider'
	| 'article-pane-toggle'
	| 'messages-toggle'
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
	{command: 'half-page-down', keys: ['ctrl+d'], modes: ['browse', 'read', 'help'], help: 'half a page down'},
	{command: 'half-page-up', keys: ['ctrl+u'], modes: ['browse', 'read', 'help'], help: 'half a page up'},
	{command: 'half-page-down', keys: ['d'], modes: ['read'], help: 'half a page down, as in less'},
	{command: 'half-page-up', keys: ['u'], modes: ['read'], help: 'half a page up, as in less'},
	{command: 'go-first', keys: ['g', 'home'], modes: ['browse', 'read', 'help'], help: 'first headline; in an article, its top; 3g goes to the third'},
	{command: 'go-last', keys: ['G', 'end'], modes: ['browse', 'read', 'help'], help: 'last headline; in an article, its end; 3G goes to the third headline or line'},
	{command: 'open', keys: ['enter', 'l', 'right'], modes: ['browse'], help: 'open the article', hint: 'open'},
	{command: 'back', keys: ['escape', 'h', 'left', 'q'], modes: ['read'], help: 'back to the headlines (q too: it goes back one level, as in newsboat and mutt)', hint: 'back'},
	{command: 'filter-clear', keys: ['escape'], modes: ['browse'], help: 'clear the filter'},
	{command: 'toggle-focus', keys: ['tab'], modes: ['browse', 'read'], help: 'switch between the headlines and the article', hint: 'pane'},
	{command: 'next-article', keys: ['J'], modes: ['read'], help: 'next article'},
	{command: 'previous-article', keys: ['K'], modes: ['read'], help: 'previous article'},
	{command: 'next-unread', keys: [']'], modes: ['browse', 'read'], help: 'next unread article (in an article, open it)'},
	{command: 'previous-unread', keys: ['['], modes: ['browse', 'read'], help: 'previous unread article (in an article, open it)'},
	{command: 'article-search-start', keys: ['/'], modes: ['read'], help: 'search the article', hint: 'search'},
	{command: 'match-next', keys: ['n'], modes: ['read'], help: 'next match of the search (or of the filter\'s words), wrapping at the end'},
	{command: 'match-previous', keys: ['N'], modes: ['read'], help: 'previous match of the search (or of the filter\'s words), wrapping at the top'},
	{command: 'filter-start', keys: ['/'], modes: ['browse'], help: 'filter the headlines: words, and fields with source:, author:, kicker:, group:, is:unread, is:starred, since:2d, before:2024-01-01', hint: 'filter'},
	{command: 'link-open', keys: ['o'], modes: ['browse', 'read'], help: 'open the article\'s address in the browser (over SSH, copy it); 3o opens link [3]'},
	{command: 'link-copy', keys: ['y'], modes: ['browse', 'read'], help: 'copy the article\'s address to the clipboard; 3y copies link [3]'},
	{command: 'link-number', keys: ['digit'], modes: ['browse', 'read'], help: 'a count before a motion (5j, 3G); a link number before o and y (3o)'},
	{command: 'pipe-start', keys: ['|'], modes: ['browse', 'read'], help: 'pipe the article\'s text to a command, run without a shell'},
	{command: 'page', keys: ['p'], modes: ['browse', 'read'], help: 'show the article\'s text in $PAGER (less when unset)'},
	{command: 'save-start', keys: ['w'], modes: ['browse', 'read'], help: 'save the article\'s text to a file (asked for)'},
	{command: 'order-cycle', keys: ['S'], modes: ['browse', 'read'], help: 'sort: file order, newest, oldest, by source, by group, A–Z (and best match while filtered)'},
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
	{command: 'toggle-read', keys: ['u'], modes: ['browse'], help: 'mark the article read or unread (in an article, M)'},
	{command: 'toggle-read', keys: ['M'], modes: ['browse', 'read'], help: 'mark the article read or unread'},
	{command: 'mark-all-read', keys: ['m'], modes: ['browse', 'read'], help: 'mark every article in the list read, once you say y'},
	{command: 'undo-mark', keys: ['U'], modes: ['browse', 'read'], help: 'undo the last change of read or starred marks (u, M, s, m), one by one'},
	{command: 'toggle-star', keys: ['s'], modes: ['browse', 'read'], help: 'star or unstar the article'},
	{command: 'cycle-view', keys: ['v'], modes: ['browse'], help: 'show all articles, only unread ones, or only starred ones'},
	{command: 'next-named-view', keys: ['V'], modes: ['browse'], help: 'next named view of the config file (a saved filter; a view\'s own key shows it), then none'},
	{command: 'full-text', keys: ['F'], modes: ['browse', 'read'], help: 'fetch the full story from the article\'s address, in place of the feed\'s summary (kept for reading offline)'},
	{command: 'reload', keys: ['R'], modes: ['browse', 'read'], help: 'reload the files from disk and fetch URLs again (--watch does it when they change, and every --refresh minutes for URLs)'},
	{command: 'list-narrower', keys: ['<'], modes: ['browse', 'read'], help: 'narrow the list beside the article (the article widens)'},
	{command: 'list-wider', keys: ['>'], modes: ['browse', 'read'], help: 'widen the list beside the article (the article narrows)'},
	{command: 'article-pane-toggle', keys: ['z'], modes: ['browse', 'read'], help: 'hide the article pane beside the list, or show it again'},
	{command: 'messages-toggle', keys: ['!'], modes: ['browse', 'read'], help: 'show the last 200 notices and warnings, after they leave the status line'},
	{command: 'help-toggle', keys: ['?'], modes: ['browse', 'read', 'help'], help: 'show or hide this help', hint: 'help'},
	{command: 'help-toggle', keys: ['escape', 'q'], modes: ['help'], help: 'close the help', hint: 'close'},
	{command: 'prompt-accept', keys: ['enter'], modes: ['prompt'], help: 'run the command, or save to the path', hint: 'run'},
	{command: 'prompt-cancel', keys: ['escape'], modes: ['prompt'], help: 'cancel', hint: 'cancel'},
	{command: 'filter-erase-character', keys: ['backspace'], modes: ['prompt'], help: 'erase a character'},
	{command: 'filter-erase-word', keys: ['ctrl+w'], modes: ['prompt'], help: 'erase a word'},
	{command: 'filter-erase-all', keys: ['ctrl+u'], modes: ['prompt'], help: 'erase the whole line'},
	{command: 'confirm-yes', keys: ['y'], modes: ['confirm'], help: 'yes: do it', hint: 'yes'},
	{command: 'confirm-no', keys: ['n', 'escape'], modes: ['confirm'], help: 'no: leave everything as it is (so does any other key)', hint: 'no'},
	{command: 'quit', keys: ['q'], modes: ['browse'], help: 'quit (in an article or the help, q goes back one level)', hint: 'quit'},
	{command: 'quit', keys: ['Q'], modes: ['browse', 'read', 'help'], help: 'quit from anywhere but a line being typed'},
	{command: 'quit', keys: ['ctrl+c'], modes: ['browse', 'read', 'filter', 'article-search', 'help', 'messages', 'confirm', 'prompt'], help: 'quit at once'},
	{command: 'suspend', keys: ['ctrl+z'], modes: ['browse', 'read', 'filter', 'article-search', 'help', 'confirm', 'prompt'], help: 'suspend; fg resumes'},
	{command: 'redraw', keys: ['ctrl+l'], modes: ['browse', 'read', 'filter'], help: 'redraw the screen'},
	{command: 'messages-toggle', keys: ['!', 'escape', 'q'], modes: ['messages'], help: 'close the messages', hint: 'close'},
	{command: 'cursor-down', keys: ['j', 'down'], modes: ['messages'], help: 'scroll down a line', hint: 'scroll'},
	{command: 'cursor-up', keys: ['k', 'up'], modes: ['messages'], help: 'scroll up a line'},
	{command: 'page-down', keys: ['pagedown', 'space', 'ctrl+f'], modes: ['messages'], help: 'page down'},
	{command: 'page-up', keys: ['pageup', 'b', 'ctrl+b'], modes: ['messages'], help: 'page up'},
	{command: 'go-first', keys: ['g', 'home'], modes: ['messages'], help: 'the oldest message'},
	{command: 'go-last', keys: ['G', 'end'], modes: ['messages'], help: 'the latest message'},
];

/**
 * The keymap of a `--pick` session: Enter picks the article (in the list, or the one being read) instead of opening
 * it, which `l` and `→` still do, and Esc in the list ends the session with nothing picked, as in fzf.
 */
export function pickKeymap(keymap: Keymap): Keymap {
	const withoutKeys = (binding: Binding, keys: readonly KeyName[]): Binding =>
		binding.keys.some(key => keys.includes(key)) ? {...binding, keys: binding.keys.filter(key => !keys.includes(key))} : binding;
	const picked: Binding[] = keymap.map(binding => {
		const onPickedModes = binding.modes.filter(mode => mode === 'browse' || mode === 'read');
		if (onPickedModes.length === 0) {
			return binding;
		}

		return withoutKeys(binding, binding.modes.includes('browse') ? ['enter', 'escape'] : ['enter']);
	});
	return [
		{command: 'pick', keys: ['enter'], modes: ['browse', 'read'], help: 'print the article as a line of JSON and quit (--pick)', hint: 'pick'},
		{command: 'quit', keys: ['escape'], modes: ['browse'], help: 'quit without picking (--pick)'},
		...picked,
	];
}

/** Every mode a key can be pressed in, in the order the help overlay lists them. */
export const keymapModes: readonly ModeName[] = ['browse', 'read', 'filter', 'article-search', 'prompt', 'help', 'confirm', 'messages'];

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
	messages: 'Messages (!)',
	confirm: 'Answering a question (y/n)',
	prompt: 'Typing a command or a path (| and w)',
	quit: '',
};

/** The keymap in sections by the first mode of each binding, for the help overlay and readme.md. */
export function helpSections(keymap: Keymap): Array<{title: string; bindings: Binding[]}> {
	return keymapModes
		.map(mode => ({title: sectionTitles[mode], bindings: keymap.filter(binding => binding.modes[0] === mode && binding.keys.length > 0)}))
		.filter(section => section.bindings.length > 0);
}
