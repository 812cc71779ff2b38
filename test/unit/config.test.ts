import {describe, expect, it} from 'vitest';
import {defaultConfigPath, parseConfig} from '../../source/config.js';
import {keyConflicts, keymapWithOverrides, parseKeyName, textModesOf} from '../../source/input/key-overrides.js';
import {commandFor, defaultKeymap, hintsFor, type Keymap, keymapModes} from '../../source/input/keymap.js';

const configOf = (json: unknown) => {
	const result = parseConfig(JSON.stringify(json), defaultKeymap);
	if ('error' in result) {
		throw new Error(result.error);
	}

	return result.config;
};

const errorOf = (text: string) => {
	const result = parseConfig(text, defaultKeymap);
	return 'error' in result ? result.error : undefined;
};

describe('where the config file is', () => {
	it('follows XDG_CONFIG_HOME, else ~/.config', () => {
		expect(defaultConfigPath({XDG_CONFIG_HOME: '/xdg'}, '/home/ana')).toBe('/xdg/broadsheet/config.json');
		expect(defaultConfigPath({}, '/home/ana')).toBe('/home/ana/.config/broadsheet/config.json');
		expect(defaultConfigPath({XDG_CONFIG_HOME: ''}, '/home/ana')).toBe('/home/ana/.config/broadsheet/config.json');
		expect(defaultConfigPath({XDG_CONFIG_HOME: 'relative'}, '/home/ana')).toBe('/home/ana/.config/broadsheet/config.json');
	});
});

describe('a good config file', () => {
	it('may be empty, or blank space only: no settings, the default keys', () => {
		for (const text of ['', '  \n\t\n', '\uFEFF\n']) {
			expect(parseConfig(text, defaultKeymap)).toEqual({config: {keymap: defaultKeymap, colors: {}}});
		}
	});

	it('rebinds a command wherever it applies, leaving printable keys out of the filter line', () => {
		const {keymap} = configOf({keys: {'cursor-down': ['e', 'down', 'ctrl+n']}});
		expect(commandFor(keymap, 'e', 'browse')).toBe('cursor-down');
		expect(commandFor(keymap, 'e', 'read')).toBe('cursor-down');
		expect(commandFor(keymap, 'j', 'browse')).toBeUndefined();
		expect(commandFor(keymap, 'ctrl+n', 'browse')).toBe('cursor-down');
		expect(commandFor(keymap, 'ctrl+n', 'filter')).toBe('cursor-down');
		expect(commandFor(keymap, 'e', 'filter')).toBeUndefined();
		expect(hintsFor(keymap, 'browse')[0]).toEqual({keys: 'e/↓', hint: 'move'});
	});

	it('reads key names as people write them', () => {
		expect(configOf({keys: {'page-down': ['PgDn', 'Ctrl-E', 'Space']}}).keymap.find(binding => binding.command === 'page-down')?.keys).toEqual([
			'pagedown',
			'ctrl+e',
			'space',
		]);
		expect(configOf({keys: {quit: 'x'}}).keymap.find(binding => binding.command === 'quit')?.keys).toEqual(['x']);
	});

	it('takes colours by role and the defaults', () => {
		const config = configOf({
			colors: {selection: 'blue', 'pane-title-focused': 'bright-red', kicker: 'default'},
			ascii: true,
			color: false,
			filter: 'korea',
			sort: 'oldest',
			$schema: 'x',
		});
		expect(config.colors).toEqual({selection: 'blue', paneTitleFocused: 'redBright', kicker: undefined});
		expect(config).toMatchObject({ascii: true, color: false, filter: 'korea', sort: 'oldest'});
	});

	it('takes the sources whose full stories are fetched ahead of time (issue 15.4)', () => {
		expect(configOf({fullText: ['Ferry Desk', 'https://example.org/feed.xml']}).fullText).toEqual(['Ferry Desk', 'https://example.org/feed.xml']);
	});

	it('takes the mouse setting, as --no-mouse', () => {
		expect(configOf({mouse: false})).toMatchObject({mouse: false});
		expect(errorOf('{"mouse": "off"}')).toBe('mouse: should be true or false, not "off"');
	});

	it('is optional throughout: {} is the defaults', () => {
		expect(configOf({})).toEqual({keymap: defaultKeymap, colors: {}});
	});
});

describe('a config file with a mistake gets one message naming the entry', () => {
	it.each([
		['{"keys": {"cursor-dwn": ["j"]}}', 'keys.cursor-dwn: no such command'],
		['{"keys": {"cursor-down": ["k"]}}', 'keys.cursor-down: k is also bound to cursor-up (while browsing)'],
		['{"keys": {"go-first": ["j"], "cursor-down": ["down"]}}', undefined],
		['{"keys": {"open": ["ctrl+c"]}}', 'keys.open: ctrl+c always quits; choose another key'],
		['{"keys": {"filter-erase-word": ["w"]}}', 'keys.filter-erase-word: w would type into the filter line; add a key such as ctrl+LETTER'],
		['{"keys": {"cursor-down": ["dwn"]}}', 'keys.cursor-down: "dwn" is not a key; use a character, ctrl+LETTER, alt+CHARACTER, or one of up, down, left, right, pageup, pagedown, home, end, enter, escape, tab, shift+tab, backspace, space, digit'],
		['{"keys": {"cursor-down": ["ctrl+i"]}}', 'keys.cursor-down: ctrl+i is the same key as tab in a terminal; write tab'],
		['{"keys": {"cursor-down": [1]}}', 'keys.cursor-down: should be a list of keys, as in ["j", "down"], not a list'],
		['{"keys": ["j"]}', 'keys: should be an object of commands and their keys, as in {"cursor-down": ["j", "down"]}, not a list'],
		['{"colors": {"selecton": "blue"}}', /^colors\.selecton: no such role; use kicker, headline, deck, .*selection/u],
		['{"colors": {"selection": "blu"}}', /^colors\.selection: "blu" is not a colour; use black, red, .*bright-red.*default$/u],
		['{"ascii": "yes"}', 'ascii: should be true or false, not "yes"'],
		['{"filter": 3}', 'filter: should be a string, not 3'],
		['{"sort": "random"}', 'sort: "random" is not an order; use file, newest, oldest, source, group, headline'],
		['{"timeout": "soon"}', 'timeout: should be a number, not "soon"'],
		['{"refresh": 0}', 'refresh: should be a number above 0, not 0'],
		['{"keys": {"go-first": ["5"]}}', 'keys.go-first: 5 is also bound to link-number (while browsing)'],
		['{"colour": false}', 'colour: no such setting; use keys, colors, openers, views, hide, fullText, ascii, color, filter, sort, timeout, refresh, mouse, reading-width, reading-align, show-cursor'],
		['{"fullText": "Ferry Desk"}', 'fullText: should be a list of sources (names or feed addresses), as in ["Ferry Desk", "https://example.org/feed.xml"], not "Ferry Desk"'],
		['[1]', 'should hold an object, as in {"keys": {…}, "colors": {…}}, not a list'],
		['{\n  "keys": {\n    "quit": ["x"],\n  }\n}', /^line 4, column 3: not valid JSON \(Expected double-quoted property name\)$/u],
	])('%s', (text, expected) => {
		const error = errorOf(text);
		if (expected instanceof RegExp) {
			expect(error).toMatch(expected);
		} else {
			expect(error).toBe(expected);
		}

		expect(error ?? '').not.toContain('\n');
	});
});

describe('rebinding keeps the keymap sound', () => {
	const bindingsOf = (keymap: Keymap) => keymap;

	it('quits with Ctrl-C in every mode, whatever quit is bound to', () => {
		for (const keys of [['x'], [], ['ctrl+c', 'x']]) {
			const result = keymapWithOverrides(defaultKeymap, {quit: keys});
			expect('keymap' in result).toBe(true);
			const keymap = 'keymap' in result ? result.keymap : [];
			for (const mode of keymapModes) {
				expect(commandFor(keymap, 'ctrl+c', mode), `${keys.join()} in ${mode}`).toBe('quit');
			}
		}
	});

	it('finds no conflicts in the default keymap, and names both commands of one', () => {
		expect(keyConflicts(defaultKeymap)).toEqual([]);
		const result = keymapWithOverrides(defaultKeymap, {'go-last': ['g']});
		expect(result).toEqual({command: 'go-last', error: 'g is also bound to go-first (while browsing)'});
	});

	it('lets two commands swap keys when both are rebound', () => {
		const result = keymapWithOverrides(defaultKeymap, {'cursor-down': ['k', 'down'], 'cursor-up': ['j', 'up']});
		const keymap = 'keymap' in result ? bindingsOf(result.keymap) : [];
		expect(commandFor(keymap, 'k', 'browse')).toBe('cursor-down');
		expect(commandFor(keymap, 'j', 'read')).toBe('cursor-up');
	});

	it('works for any command of the keymap, including ones added later', () => {
		const extended: Keymap = [...defaultKeymap, {command: 'quit', keys: ['Z'], modes: ['read'], help: 'a command added later'}];
		expect(textModesOf(extended)).toEqual(['filter', 'article-search', 'prompt']);
		for (const command of new Set(extended.map(binding => binding.command))) {
			const result = keymapWithOverrides(extended, {[command]: ['F']});
			expect('keymap' in result || result.error.includes('also bound') || result.error.includes('filter line'), command).toBe(true);
		}
	});

	it('parses key names', () => {
		expect(parseKeyName('G')).toEqual({key: 'G'});
		expect(parseKeyName('ESC')).toEqual({key: 'escape'});
		expect(parseKeyName('alt+j')).toEqual({key: 'alt+j'});
		expect(parseKeyName('Ctrl+N')).toEqual({key: 'ctrl+n'});
		expect(parseKeyName('\u0001')).toHaveProperty('error');
	});
});

describe('readme.md', () => {
	it('gives an example config file that is valid', async () => {
		const {readFileSync} = await import('node:fs');
		const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
		const example = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/u.exec(readme)?.[1];
		expect(example).toBeDefined();
		expect(parseConfig(example!, defaultKeymap)).toHaveProperty('config');
	});

	it('names every colour role the config file takes', async () => {
		const {readFileSync} = await import('node:fs');
		const {styleRoles} = await import('../../source/ui/theme.js');
		const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
		const configuration = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Formats'));
		for (const role of styleRoles) {
			expect(configuration, role).toContain('`' + role.replaceAll(/[A-Z]/gu, letter => '-' + letter.toLowerCase()) + '`');
		}
	});
});

describe('hostile config files (issue 17)', () => {
	const errorOf = (text: string) => {
		const result = parseConfig(text, defaultKeymap);
		return 'error' in result ? result.error : undefined;
	};

	it.each([
		['a C1 control', '\u009B'],
		['a right-to-left override', '\u202E'],
		['an escape', '\u001B'],
		['alt with a C1 control', 'alt+\u009D'],
	])('refuses a key name made of %s, without echoing it', (_name, key) => {
		const error = errorOf(JSON.stringify({keys: {quit: [key]}}));
		expect(error).toMatch(/^keys\.quit: .* is not a key; use /u);
		expect(error).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202E]/u);
	});

	it('refuses keys.__proto__ as no such command, rather than passing it silently', () => {
		expect(errorOf('{"keys": {"__proto__": ["x"]}}')).toMatch(/^keys\.__proto__: no such command/u);
	});

	it('refuses constructor, toString and the like as no such setting', () => {
		expect(errorOf('{"constructor": 1}')).toBe('constructor: no such setting; use keys, colors, openers, views, hide, fullText, ascii, color, filter, sort, timeout, refresh, mouse, reading-width, reading-align, show-cursor');
		expect(errorOf('{"toString": "x"}')).toBe('toString: no such setting; use keys, colors, openers, views, hide, fullText, ascii, color, filter, sort, timeout, refresh, mouse, reading-width, reading-align, show-cursor');
	});

	it('takes a filter without the escape sequences in it', () => {
		const result = parseConfig(JSON.stringify({filter: 'harbour\u001B]0;TITLE\u0007 news'}), defaultKeymap);
		expect(result).toMatchObject({config: {filter: 'harbour news'}});
	});
});
