import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keysFromInput} from '../../source/input/keys-from-input.js';

const noKey: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
	super: false, hyper: false, capsLock: false, numLock: false,
};

describe('splitting an input chunk into keys', () => {
	it('counts each key of a chunk that arrived at once', () => {
		expect(keysFromInput('jjj', noKey)).toEqual(['j', 'j', 'j']);
		expect(keysFromInput('/abc\r', noKey)).toEqual(['/', 'a', 'b', 'c', 'enter']);
		expect(keysFromInput('q\u0003', noKey)).toEqual(['q', 'ctrl+c']);
	});

	it('names special keys Ink recognised', () => {
		expect(keysFromInput('', {...noKey, downArrow: true})).toEqual(['down']);
		expect(keysFromInput('', {...noKey, pageDown: true})).toEqual(['pagedown']);
		expect(keysFromInput('', {...noKey, return: true})).toEqual(['enter']);
		expect(keysFromInput('', {...noKey, escape: true, meta: true})).toEqual(['escape']);
		expect(keysFromInput('', {...noKey, delete: true})).toEqual(['backspace']);
		expect(keysFromInput('', {...noKey, tab: true, shift: true})).toEqual(['shift+tab']);
	});

	it('names control keys and spaces', () => {
		expect(keysFromInput('c', {...noKey, ctrl: true})).toEqual(['ctrl+c']);
		expect(keysFromInput(' ', noKey)).toEqual(['space']);
		expect(keysFromInput('\u0015', noKey)).toEqual(['ctrl+u']);
		expect(keysFromInput('a\u007Fb', noKey)).toEqual(['a', 'backspace', 'b']);
	});

	it('keeps wide characters whole', () => {
		expect(keysFromInput('習近平', noKey)).toEqual(['習', '近', '平']);
		expect(keysFromInput('😀', noKey)).toEqual(['😀']);
	});

	it('gives nothing for a key it does not know', () => {
		expect(keysFromInput('', noKey)).toEqual([]);
	});
});

describe('Esc and a character in one read (issue 14)', () => {
	it('is Esc, then the character: Broadsheet binds no Alt key', () => {
		expect(keysFromInput('j', {...noKey, meta: true})).toEqual(['escape', 'j']);
		expect(keysFromInput('q', {...noKey, meta: true})).toEqual(['escape', 'q']);
	});

	it('is the Alt key when the keymap binds it (a config file\'s alt+x)', () => {
		expect(keysFromInput('x', {...noKey, meta: true}, new Set(['alt+x']))).toEqual(['alt+x']);
		expect(keysFromInput('j', {...noKey, meta: true}, new Set(['alt+x']))).toEqual(['escape', 'j']);
	});
});
