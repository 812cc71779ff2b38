import type {KeyName} from './keymap.js';

/**
 * The flags a terminal input library sets for one input event, as Ink's `useInput` reports them: written out here
 * so that the pure input layer names no library (Ink's `Key` has these and more, and fits this type).
 */
export type KeyFlags = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageDown?: boolean;
	readonly pageUp?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly shift?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
};

const namedKeys: ReadonlyArray<[keyof KeyFlags, KeyName]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageDown', 'pagedown'],
	['pageUp', 'pageup'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'escape'],
	['tab', 'tab'],
	['backspace', 'backspace'],
	['delete', 'backspace'],
];

function nameOfCharacter(character: string): KeyName {
	const code = character.codePointAt(0) ?? 0;
	if (character === '\r' || character === '\n') {
		return 'enter';
	}

	if (character === '\t') {
		return 'tab';
	}

	if (character === '\u007F' || character === '\b') {
		return 'backspace';
	}

	if (character === '\u001B') {
		return 'escape';
	}

	if (character === ' ') {
		return 'space';
	}

	if (code < 0x20) {
		return `ctrl+${String.fromCodePoint(code + 0x60)}`;
	}

	return character;
}

/**
 * The keys in one input event from Ink's useInput. Ink separates escape sequences, but hands a run of ordinary
 * characters over as one string: over SSH `jjj` arrives in one read, and each j must count. `boundAltKeys` are the
 * Alt keys the keymap binds (a config file's `alt+x`); any other Esc-and-character is Esc, then the character.
 */
export function keysFromInput(input: string, key: KeyFlags, boundAltKeys: ReadonlySet<KeyName> = new Set()): KeyName[] {
	if (key.tab && key.shift) {
		return ['shift+tab'];
	}

	const named = namedKeys.find(([property]) => key[property] === true);
	if (named && input === '') {
		return [named[1]];
	}

	if (key.ctrl && input.length === 1) {
		return [`ctrl+${input.toLowerCase()}`];
	}

	// A terminal sends Alt+j as Esc then j, and so does a user who presses Esc then j quickly enough for both to arrive
	// in one read (over SSH, often). Broadsheet's own keys bind no Alt key: unless the config binds this one, it is the
	// two keys it also is.
	if (key.meta && !key.escape && input !== '') {
		if (input.length === 1 && boundAltKeys.has(`alt+${input}`)) {
			return [`alt+${input}`];
		}

		return ['escape', ...[...input].map(character => nameOfCharacter(character))];
	}

	return [...input].map(character => nameOfCharacter(character));
}
