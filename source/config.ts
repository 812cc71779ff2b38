import {join} from 'node:path';
import {broadsheetDirectory} from './xdg-directories.js';
import {jsonSyntaxProblem} from './formats/json-errors.js';
import {printableName, sanitizeText} from './text/sanitize-text.js';
import {type KeyOverrides, keymapWithOverrides, parseKeyName} from './input/key-overrides.js';
import type {Command, Keymap, KeyName} from './input/keymap.js';
import {isListOrder, type ListOrder, listOrders} from './state/list-order.js';
import type {Environment} from './terminal/looks.js';
import type {ConfiguredOpener} from './terminal/opener.js';
import {commandWords} from './text/command-words.js';
import {minimumReadingWidth, type ReadingAlign} from './state/screen-settings.js';
import {type ColorName, colorNames, type StyleRole, styleRoles} from './ui/theme.js';
import {type HideRule, parseFieldQuery, parseHideRule} from './search/field-filters.js';
import type {NamedView} from './state/state.js';
import {commandFor} from './input/keymap.js';

/** What a config file holds, checked: the keymap with its changes, colours by role, and defaults for options. */
export type Config = {
	readonly keymap: Keymap;
	readonly colors: Readonly<Partial<Record<StyleRole, ColorName | undefined>>>;
	/** Draw ASCII only (`--ascii`), or Unicode even when the locale is not UTF-8. */
	readonly ascii?: boolean;
	/** Colour (`true`) even with `NO_COLOR` set, or none (`false`), as `--no-color`. */
	readonly color?: boolean;
	/** The filter to start with when `--filter` gives none. */
	readonly filter?: string;
	/** The list's order when `--sort` gives none. */
	readonly sort?: ListOrder;
	/** Commands that open links by pattern (`o`), tried in order before the browser. */
	readonly openers?: readonly ConfiguredOpener[];
	/** Seconds to wait for a server's answer, or for more of a body (`--timeout`). */
	readonly timeout?: number;
	/** Minutes between fetches of URLs with `--watch` (`--refresh`). */
	readonly refresh?: number;
	/** The most columns a line of the article takes (`reading-width`). */
	readonly readingWidth?: number;
	/** Where the article's text stands in a wider pane (`reading-align`: `left`, or `centre`/`center`). */
	readonly readingAlign?: ReadingAlign;
	/** Whether the mouse scrolls and selects (`false`: as `--no-mouse`). */
	readonly mouse?: boolean;
	/** The sources (names or feed addresses) whose full stories are fetched ahead of time (`--full-text`). */
	readonly fullText?: readonly string[];
	/** Saved filters, with a name and maybe a key of their own; `V` moves between them. */
	readonly views?: readonly NamedView[];
	/** Filters whose matches never show. */
	readonly hideRules?: readonly HideRule[];
	/** Whether the terminal's cursor shows on the selected headline and the article's top (`show-cursor`). */
	readonly showCursor?: boolean;
};

/** Where the config file is: `$XDG_CONFIG_HOME/broadsheet/config.json`, by default `~/.config/broadsheet/config.json`. */
export function defaultConfigPath(environment: Environment, homeDirectory: string): string {
	return join(broadsheetDirectory('config', environment, homeDirectory), 'config.json');
}

/** A role's name in a config file: `paneTitleFocused` is `pane-title-focused`. */
const kebabCase = (name: string) => name.replaceAll(/[A-Z]/gu, letter => '-' + letter.toLowerCase());

const roleByName = new Map<string, StyleRole>(styleRoles.map(role => [kebabCase(role), role]));
/** Colours as a config file names them: `red`, `bright-red`, `gray`, and `default` for the terminal's own. */
const colorByName = new Map<string, ColorName | undefined>([
	...colorNames.map(color => [color.endsWith('Bright') ? `bright-${color.slice(0, -'Bright'.length)}` : color, color] as const),
	['grey', 'gray'],
	['default', undefined],
]);

/** The screen's settings in a config file (see state/screen-settings.ts), checked; undefined for another name. */
function parseScreenSetting(name: string, value: unknown): Partial<Config> | {error: string} | undefined {
	if (name === 'reading-width') {
		return Number.isInteger(value) && (value as number) >= minimumReadingWidth
			? {readingWidth: value as number}
			: {error: `reading-width: should be a whole number of columns, ${minimumReadingWidth} or more, as in 80, not ${describe(value)}`};
	}

	if (name === 'reading-align') {
		const align = value === 'left' ? 'left' : value === 'centre' || value === 'center' ? 'centre' : undefined;
		return align ? {readingAlign: align} : {error: `reading-align: should be "left" or "centre" (or "center"), not ${describe(value)}`};
	}

	if (name === 'show-cursor') {
		return typeof value === 'boolean' ? {showCursor: value} : {error: `show-cursor: should be true or false, not ${describe(value)}`};
	}

	return undefined;
}

/** The names of the screen's settings, for the message that lists every setting. */
const screenSettingNames = ['reading-width', 'reading-align', 'show-cursor'];

/** The config file's settings besides `keys` and `colors`, and the type each takes. */
const settingTypes = {ascii: 'boolean', color: 'boolean', filter: 'string', sort: 'string', timeout: 'number', refresh: 'number', mouse: 'boolean'} as const;
type SettingName = keyof typeof settingTypes;

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : JSON.stringify(value));
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseKeys(value: unknown, keymap: Keymap): {keymap: Keymap} | {error: string} {
	if (!isObject(value)) {
		return {error: `keys: should be an object of commands and their keys, as in {"cursor-down": ["j", "down"]}, not ${describe(value)}`};
	}

	// No prototype: a command named `__proto__` or `constructor` is a name like any other, and no such command.
	const overrides: Partial<Record<Command, KeyName[]>> = Object.create(null) as Partial<Record<Command, KeyName[]>>;
	for (const [command, written] of Object.entries(value)) {

		const list: unknown[] = typeof written === 'string' ? [written] : Array.isArray(written) ? written : [written];
		const keys: KeyName[] = [];
		for (const item of list) {
			if (typeof item !== 'string') {
				return {error: `keys.${command}: should be a list of keys, as in ["j", "down"], not ${describe(written)}`};
			}

			const parsed = parseKeyName(item);
			if ('error' in parsed) {
				return {error: `keys.${command}: ${parsed.error}`};
			}

			keys.push(parsed.key);
		}

		overrides[command as Command] = keys;
	}

	const result = keymapWithOverrides(keymap, overrides as KeyOverrides);
	return 'error' in result ? {error: `keys.${result.command}: ${result.error}`} : result;
}

function parseColors(value: unknown): {colors: Config['colors']} | {error: string} {
	if (!isObject(value)) {
		return {error: `colors: should be an object of roles and colours, as in {"selection": "blue"}, not ${describe(value)}`};
	}

	const colors: Partial<Record<StyleRole, ColorName | undefined>> = {};
	for (const [name, color] of Object.entries(value)) {
		const role = roleByName.get(name);
		if (!role) {
			return {error: `colors.${name}: no such role; use ${[...roleByName.keys()].join(', ')}`};
		}

		if (typeof color !== 'string' || !colorByName.has(color.toLowerCase())) {
			return {error: `colors.${name}: ${describe(color)} is not a colour; use ${[...colorByName.keys()].join(', ')}`};
		}

		colors[role] = colorByName.get(color.toLowerCase());
	}

	return {colors};
}

const openerExample = '{"match": "youtube\\.com|\\.mp4$", "command": ["mpv", "{url}"]}';

/**
 * `openers`: a list of `{match, command, terminal}`, `match` a regular expression for the address, `command` the
 * program and its arguments as a list (or one string, split into words as a shell would, but run by none),
 * `terminal` true for a program that draws on the terminal.
 */
function parseOpeners(value: unknown): {openers: ConfiguredOpener[]} | {error: string} {
	if (!Array.isArray(value)) {
		return {error: `openers: should be a list, as in [${openerExample}], not ${describe(value)}`};
	}

	const openers: ConfiguredOpener[] = [];
	for (const [index, entry] of value.entries()) {
		const where = `openers[${index}]`;
		if (!isObject(entry)) {
			return {error: `${where}: should be an object, as in ${openerExample}, not ${describe(entry)}`};
		}

		const unknown = Object.keys(entry).find(name => name !== 'match' && name !== 'command' && name !== 'terminal');
		if (unknown !== undefined) {
			return {error: `${where}.${printableName(unknown)}: no such field; use match, command, terminal`};
		}

		const {match, command, terminal} = entry;
		if (typeof match !== 'string') {
			return {error: `${where}.match: should be a regular expression in a string, not ${describe(match)}`};
		}

		let pattern: RegExp;
		try {
			pattern = new RegExp(match, 'iu');
		} catch (error) {
			return {error: `${where}.match: ${printableName((error as Error).message)}`};
		}

		const words = typeof command === 'string' ? commandWords(command) : {words: command};
		if ('error' in words) {
			return {error: `${where}.command: ${words.error}`};
		}

		if (!Array.isArray(words.words) || words.words.length === 0 || !words.words.every(word => typeof word === 'string') || words.words[0] === '') {
			return {error: `${where}.command: should be a program and its arguments, as in ["mpv", "{url}"], not ${describe(command)}`};
		}

		if (terminal !== undefined && typeof terminal !== 'boolean') {
			return {error: `${where}.terminal: should be true or false, not ${describe(terminal)}`};
		}

		openers.push({pattern, command: words.words as string[], needsTerminal: terminal === true});
	}

	return {openers};
}

const viewExample = '{"name": "Markets", "filter": "source:reuters is:unread", "key": "M"}';

/** `views`: a list of `{name, filter, key}`, each filter read as the filter line reads it, relative dates from `now`. */
function parseViews(value: unknown, now: number): {views: NamedView[]} | {error: string} {
	if (!Array.isArray(value)) {
		return {error: `views: should be a list, as in [${viewExample}], not ${describe(value)}`};
	}

	const views: NamedView[] = [];
	for (const [index, entry] of value.entries()) {
		const where = `views[${index}]`;
		if (!isObject(entry)) {
			return {error: `${where}: should be an object, as in ${viewExample}, not ${describe(entry)}`};
		}

		const unknown = Object.keys(entry).find(name => name !== 'name' && name !== 'filter' && name !== 'key');
		if (unknown !== undefined) {
			return {error: `${where}.${printableName(unknown)}: no such field; use name, filter, key`};
		}

		const {name, filter, key} = entry;
		if (typeof name !== 'string' || name.trim() === '') {
			return {error: `${where}.name: should be a name in a string, not ${describe(name)}`};
		}

		if (typeof filter !== 'string' || filter.trim() === '') {
			return {error: `${where}.filter: should be a filter in a string, as in "source:reuters coffee", not ${describe(filter)}`};
		}

		const cleanFilter = sanitizeText(filter).replaceAll('\n', ' ');
		const {error} = parseFieldQuery(cleanFilter, now);
		if (error !== undefined) {
			return {error: `${where}.filter: ${printableName(error)}`};
		}

		let viewKey: KeyName | undefined;
		if (key !== undefined) {
			if (typeof key !== 'string') {
				return {error: `${where}.key: should be a key in a string, as in "M", not ${describe(key)}`};
			}

			const parsed = parseKeyName(key);
			if ('error' in parsed) {
				return {error: `${where}.key: ${parsed.error}`};
			}

			viewKey = parsed.key;
		}

		views.push({name: sanitizeText(name).replaceAll('\n', ' ').trim(), filter: cleanFilter, ...(viewKey === undefined ? {} : {key: viewKey})});
	}

	return {views};
}

/** The first view whose key is bound to something else while browsing, or to another view, with why. */
function viewKeyClash(views: readonly NamedView[], keymap: Keymap): string | undefined {
	for (const [index, view] of views.entries()) {
		if (view.key === undefined) {
			continue;
		}

		const command = commandFor(keymap, view.key, 'browse');
		if (command !== undefined) {
			return `views[${index}].key: ${view.key} is also bound to ${command} (while browsing); choose another key`;
		}

		const other = views.findIndex(({key}) => key === view.key);
		if (other !== index) {
			return `views[${index}].key: ${view.key} is also the key of views[${other}]`;
		}
	}

	return undefined;
}

/** `hide`: a list of filters of words and field terms, relative dates from `now`. */
function parseHideRules(value: unknown, now: number): {hideRules: HideRule[]} | {error: string} {
	if (!Array.isArray(value)) {
		return {error: `hide: should be a list of filters, as in ["source:example.org", "horoscope"], not ${describe(value)}`};
	}

	const hideRules: HideRule[] = [];
	for (const [index, entry] of value.entries()) {
		if (typeof entry !== 'string') {
			return {error: `hide[${index}]: should be a filter in a string, as in "source:example.org", not ${describe(entry)}`};
		}

		const rule = parseHideRule(sanitizeText(entry).replaceAll('\n', ' '), now);
		if ('error' in rule) {
			return {error: `hide[${index}]: ${printableName(rule.error)}`};
		}

		hideRules.push(rule);
	}

	return {hideRules};
}

/**
 * The config file's `text`, checked against `keymap` (the default keys); an empty file, or one of blank space only,
 * has no settings. A mistake answers one message naming the
 * entry (`keys.cursor-dwn: no such command`), for the caller to prefix with the file's path: a typo never passes
 * silently.
 */
export function parseConfig(
	text: string,
	keymap: Keymap,
	options: {
		/**
		 * Whether the keys go unused (`--list`, `--json`, `--print`, a pipe): a mistake in `keys` is then a warning,
		 * not the end of the run, and the keys stay the default ones.
		 */
		readonly areKeysUnused?: boolean;
		/** The time relative dates of views and hide rules (`since:2d`) count back from. */
		readonly now?: number;
	} = {},
): {config: Config; warnings?: string[]} | {error: string} {
	// An empty file (just created, or emptied to start over) holds no settings rather than bad JSON.
	if (text.trim() === '') {
		return {config: {keymap, colors: {}}};
	}

	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return {error: jsonSyntaxProblem(text, error)};
	}

	if (!isObject(json)) {
		return {error: `should hold an object, as in {"keys": {…}, "colors": {…}}, not ${describe(json)}`};
	}

	let config: Config = {keymap, colors: {}};
	const warnings: string[] = [];
	for (const [name, value] of Object.entries(json)) {
		if (name === 'keys') {
			const result = parseKeys(value, keymap);
			if ('error' in result && options.areKeysUnused) {
				warnings.push(result.error);
				continue;
			}

			if ('error' in result) {
				return result;
			}

			config = {...config, keymap: result.keymap};
		} else if (name === 'colors') {
			const result = parseColors(value);
			if ('error' in result) {
				return result;
			}

			config = {...config, colors: result.colors};
		} else if (name === 'views') {
			const result = parseViews(value, options.now ?? 0);
			if ('error' in result) {
				return result;
			}

			config = {...config, views: result.views};
		} else if (name === 'hide') {
			const result = parseHideRules(value, options.now ?? 0);
			if ('error' in result) {
				return result;
			}

			config = {...config, hideRules: result.hideRules};
		} else if (name === 'openers') {
			const result = parseOpeners(value);
			if ('error' in result) {
				return result;
			}

			config = {...config, openers: result.openers};
		} else if (screenSettingNames.includes(name)) {
			const result = parseScreenSetting(name, value);
			if (result && 'error' in result) {
				return result;
			}

			config = {...config, ...result};
		} else if (name === 'fullText') {
			if (!Array.isArray(value) || !value.every(item => typeof item === 'string' && item.trim() !== '')) {
				return {error: `fullText: should be a list of sources (names or feed addresses), as in ["Ferry Desk", "https://example.org/feed.xml"], not ${describe(value)}`};
			}

			config = {...config, fullText: value.map(item => sanitizeText(item as string).trim())};
		} else if (Object.hasOwn(settingTypes, name)) {
			const type = settingTypes[name as SettingName];
			if (typeof value !== type) {
				return {error: `${name}: should be ${type === 'boolean' ? 'true or false' : type === 'number' ? 'a number' : 'a string'}, not ${describe(value)}`};
			}

			if (type === 'number' && !(Number.isFinite(value) && (value as number) > 0)) {
				return {error: `${name}: should be a number above 0, not ${describe(value)}`};
			}

			if (name === 'sort' && !isListOrder(value as string)) {
				return {error: `sort: ${describe(value)} is not an order; use ${listOrders.join(', ')}`};
			}

			// A filter from the file is shown in the filter line: nothing in it may act on the terminal.
			config = {...config, [name]: typeof value === 'string' ? sanitizeText(value).replaceAll('\n', ' ') : value};
		} else if (!name.startsWith('$')) {
			// `$schema` and other `$` names are left for editors.
			return {error: `${printableName(name)}: no such setting; use keys, colors, openers, views, hide, fullText, ${[...Object.keys(settingTypes), ...screenSettingNames].join(', ')}`};
		}
	}

	const clash = config.views ? viewKeyClash(config.views, config.keymap) : undefined;
	if (clash !== undefined) {
		if (!options.areKeysUnused) {
			return {error: clash};
		}

		warnings.push(clash);
	}

	return warnings.length > 0 ? {config, warnings} : {config};
}
