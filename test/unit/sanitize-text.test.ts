import {describe, expect, it} from 'vitest';
import {sanitizeText} from '../../source/text/sanitize-text.js';

describe('sanitising text from a file', () => {
	it.each([
		['CSI colours', 'a\u001B[31mb\u001B[0mc', 'abc'],
		['OSC title with BEL', 'a\u001B]0;pwned\u0007b', 'ab'],
		['OSC 52 clipboard with ST', 'a\u001B]52;c;ZXZpbA==\u001B\\b', 'ab'],
		['DCS', 'a\u001BPq#0;2;0;0;0\u001B\\b', 'ab'],
		['8-bit CSI', 'a\u009B2Jb', 'ab'],
		['bare ESC', 'a\u001Bb', 'a'],
		['bell and backspace', 'a\u0007\u0008b', 'ab'],
		['bidi override', 'a\u202Eb\u2066c', 'abc'],
		['zero-width space', 'a\u200Bb', 'ab'],
		['NUL', 'a\u0000b', 'ab'],
		// Invisible, counted as no column by string-width, drawn as one by terminals: rows would be too wide.
		['soft hyphen', 'news\u00ADpaper', 'newspaper'],
	])('removes %s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	it('keeps tabs, line breaks, emoji joiners and wide characters', () => {
		expect(sanitizeText('a\tb\nc 👩\u200D💻 習近平')).toBe('a\tb\nc 👩\u200D💻 習近平');
	});

	it('turns CRLF and lone CR into line feeds', () => {
		expect(sanitizeText('a\r\nb\rc')).toBe('a\nb\nc');
	});
});
