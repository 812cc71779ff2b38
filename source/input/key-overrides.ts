import type {ModeName} from '../mode.js';
import {printableName} from '../text/sanitize-text.js';
import {type Command, type Keymap, type KeyName, keymapModes} from './keymap.js';

/** New keys for commands, as a config file gives them: each list replaces the command's keys wherever it applies. */
export type KeyOverrides = Readonly<Partial<Record<Command, readonly KeyName[]>>>;

/** The key that quits in every mode, whatever the config file says. */
export const alwaysQuitKey: KeyName = 'ctrl+c';

const namedKeys = new Set([
	'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'space',
	// Any of 0 to 9 (a link number before o or y).
	'digit',
]);
const keyAliases: Readonly<Record<string, KeyName>> = {
	esc: 'escape',
	return: 'enter',
	pgup: 'pageup',
	pgdn: 'pagedown',
	'page-up': 'pageup',
	'page-down': 'pagedown',
	' ': 'space',
};
// The terminal sends these as tab, enter and backspace: they are no keys of their own.
const controlKeysWithNames: Readonly<Record<string, KeyName>> = {'ctrl+i': 'tab', 'ctrl+j': 'enter', 'ctrl+m': 'enter', 'ctrl+h': 'backspace'};

/** What a config file may name a key, for messages. */
export const keyNameHelp = 'a character, ctrl+LETTER, alt+CHARACTER, or one of ' + [...namedKeys].join(', ');

/**
 * The key name a config file's `written` stands for: a character as itself (`j`, `G`, `/`), a name in any case
 * (`Down`, `PgDn`, `Esc`), `ctrl+n` or `Ctrl-N`, `alt+x`. Answers an error message when it is not a key.
 */
export function parseKeyName(written: string): {key: KeyName} | {error: string} {
	const characters = [...written];
	// Control characters (C0, C1) and invisible or bidi ones (U+202E) are no keys, and are never echoed back as they are.
	if (printableName(written) !== written) {
		return {error: `${printableName(JSON.stringify(written))} is not a key; use ${keyNameHelp}`};
	}

	if (characters.length === 1 && written !== ' ') {
		return {key: written};
	}

	const modified = /^(ctrl|alt)[+-](.)$/iu.exec(written);
	if (modified) {
		const [, modifier = '', character = ''] = modified;
		if (modifier.toLowerCase() === 'alt') {
			return {key: `alt+${character}`};
		}

		const key = `ctrl+${character.toLowerCase()}`;
		const sameAs = controlKeysWithNames[key];
		if (sameAs) {
			return {error: `${written} is the same key as ${sameAs} in a terminal; write ${sameAs}`};
		}

		return /^ctrl\+[a-z]$/u.test(key) ? {key} : {error: `${JSON.stringify(written)} is not a key; use ${keyNameHelp}`};
	}

	const lower = written.toLowerCase();
	const named = keyAliases[lower] ?? lower;
	return namedKeys.has(named) ? {key: named} : {error: `${JSON.stringify(written)} is not a key; use ${keyNameHelp}`};
}

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** The keys a key name stands for: `digit` is each of 0 to 9. */
const keysOf = (key: KeyName): readonly KeyName[] => (key === 'digit' ? digits : [key]);
const isPrintable = (key: KeyName) => key === 'digit' || [...key].length === 1;

/**
 * The modes where printable keys type text (the filter line): those where `keymap` binds no printable key. Found
 * from the keymap, so that a new text mode needs nothing here.
 */
export function textModesOf(keymap: Keymap): ModeName[] {
	return keymapModes.filter(mode => !keymap.some(binding => binding.modes.includes(mode) && binding.keys.some(key => isPrintable(key))));
}

/** The commands `keymap` knows, in keymap order. */
export function commandsOf(keymap: Keymap): Command[] {
	return [...new Set(keymap.map(binding => binding.command))];
}

/** A key bound to two commands in one mode. */
export type KeyConflict = {readonly key: KeyName; readonly mode: ModeName; readonly commands: readonly [Command, Command]};

/** Every key bound to two different commands in one mode, in keymap order. */
export function keyConflicts(keymap: Keymap): KeyConflict[] {
	const conflicts: KeyConflict[] = [];
	for (const mode of keymapModes) {
		const commandsByKey = new Map<KeyName, Command>();
		for (const binding of keymap.filter(binding => binding.modes.includes(mode))) {
			for (const key of binding.keys.flatMap(name => keysOf(name))) {
				const bound = commandsByKey.get(key);
				if (bound === undefined) {
					commandsByKey.set(key, binding.command);
				} else if (bound !== binding.command) {
					conflicts.push({key, mode, commands: [bound, binding.command]});
				}
			}
		}
	}

	return conflicts;
}

const modeDescriptions: Partial<Record<ModeName, string>> = {
	browse: 'browsing',
	read: 'reading',
	filter: 'filtering',
	help: 'in help',
};

/**
 * `keymap` with the keys of each command in `overrides` replaced, wherever the command applies. In the filter
 * line (and any mode where keys type text) printable keys are left out, since they type; a command given only
 * printable keys then does nothing there. Ctrl-C quits in every mode
 * and cannot be bound to anything else. Answers the keymap, or an error naming the command at fault.
 */
export function keymapWithOverrides(keymap: Keymap, overrides: KeyOverrides): {keymap: Keymap} | {command: Command; error: string} {
	const known = new Set(commandsOf(keymap));
	const textModes = textModesOf(keymap);
	let result = keymap;
	for (const [command, keys = []] of Object.entries(overrides) as Array<[Command, readonly KeyName[] | undefined]>) {
		if (!known.has(command)) {
			return {command, error: 'no such command'};
		}

		if (command !== 'quit' && keys.includes(alwaysQuitKey)) {
			return {command, error: `${alwaysQuitKey} always quits; choose another key`};
		}

		const wanted = [...new Set(keys)];
		let hasKeys = false;
		result = result.map(binding => {
			if (binding.command !== command || (command === 'quit' && binding.keys.includes(alwaysQuitKey))) {
				return binding;
			}

			const typesText = binding.modes.some(mode => textModes.includes(mode));
			const bound = wanted.filter(key => !(typesText && isPrintable(key)) && !(command === 'quit' && key === alwaysQuitKey));
			hasKeys ||= bound.length > 0;
			return {...binding, keys: bound};
		});
		// A command of the filter line alone, given only printable keys, could never run.
		if (!hasKeys && wanted.some(key => key !== alwaysQuitKey)) {
			return {command, error: `${wanted.join(', ')} would type into the filter line; add a key such as ctrl+LETTER`};
		}
	}

	const changed = new Set(Object.keys(overrides));
	const conflicts = keyConflicts(result);
	const conflict = conflicts.find(({commands}) => commands.some(command => changed.has(command))) ?? conflicts[0];
	if (conflict) {
		const [first, second] = conflict.commands;
		const [command, other] = changed.has(first) ? [first, second] : [second, first];
		return {command, error: `${conflict.key} is also bound to ${other} (while ${modeDescriptions[conflict.mode] ?? conflict.mode})`};
	}

	return {keymap: result};
}
