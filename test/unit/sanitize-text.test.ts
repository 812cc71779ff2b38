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

	it('keeps tabs, line breaks and wide characters', () => {
		expect(sanitizeText('a\tb\nc 👩 習近平')).toBe('a\tb\nc 👩 習近平');
	});

	it('turns CRLF and lone CR into line feeds', () => {
		expect(sanitizeText('a\r\nb\rc')).toBe('a\nb\nc');
	});

	describe('a string introducer left open', () => {
		const stories = 'First story\n\nBody one.\n\nSecond story \u009D\n\nBody two.\n\nThird story\n\nBody three.\n';

		it('loses only itself: the double-encoded ” leaves U+009D behind, and every later story stays', () => {
			expect(sanitizeText(stories)).toBe(stories.replace('\u009D', ''));
		});

		it.each([
			['U+0090 (DCS)', '\u0090'],
			['U+0098 (SOS)', '\u0098'],
			['U+009D (OSC)', '\u009D'],
			['U+009E (PM)', '\u009E'],
			['U+009F (APC)', '\u009F'],
			['ESC P', '\u001BP'],
			['ESC X', '\u001BX'],
			['ESC ]', '\u001B]'],
			['ESC ^', '\u001B^'],
			['ESC _', '\u001B_'],
		])('%s keeps the rest of the field', (_name, introducer) => {
			expect(sanitizeText(`Slavoj ${introducer}Žižek speaks at the festival today.`)).toBe('Slavoj Žižek speaks at the festival today.');
		});

		it('still removes a terminated string whole, in either form', () => {
			expect(sanitizeText('a\u009D52;c;UFdORUQ=\u0007b')).toBe('ab');
			expect(sanitizeText('a\u001B]2;title\u001B\\b')).toBe('ab');
		});

		it('keeps a payload longer than 4 KB as text rather than deleting up to a far terminator', () => {
			const long = 'x'.repeat(5000);
			expect(sanitizeText(`a\u001B]${long}\u0007b`)).toBe(`a${long}b`);
		});
	});

	it.each([
		['the Arabic letter mark', 'a\u061Cb', 'ab'],
		['the combining grapheme joiner', 'a\u034Fb', 'ab'],
		['the Mongolian vowel separator', 'a\u180Eb', 'ab'],
		['deprecated format characters', 'a\u206A\u206Fb', 'ab'],
		['the Hangul fillers', 'a\u115F\u3164b', 'ab'],
		['tag characters', 'a\u{E0041}\u{E007F}b', 'ab'],
	])('removes %s, invisible or drawn differently by each terminal', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	it('turns line and paragraph separators into line feeds', () => {
		expect(sanitizeText('a\u2028b\u2029c')).toBe('a\nb\nc');
	});
});

describe('sanitizeText: emoji drawn the same width in every terminal (issue 17)', () => {
	it('takes the joiner out from between pictographs, so each is drawn, and measured, apart', () => {
		expect(sanitizeText('a \u{1F468}\u200D\u{1F469}\u200D\u{1F467} b')).toBe('a \u{1F468}\u{1F469}\u{1F467} b');
		expect(sanitizeText('\u{1F469}\u{1F3FD}\u200D\u{1F4BB}')).toBe('\u{1F469}\u{1F3FD}\u{1F4BB}');
	});

	it('takes the emoji request (U+FE0F) off a pictograph that is text by default, and leaves it on others', () => {
		expect(sanitizeText('\u{1F3F3}\uFE0F\u200D\u{1F308}')).toBe('\u{1F3F3}\u{1F308}');
		expect(sanitizeText('I \u2764\uFE0F it')).toBe('I \u2764 it');
	});

	it('keeps the joiner where a script needs it (Devanagari, Malayalam)', () => {
		expect(sanitizeText('\u0915\u094D\u200D\u0937')).toBe('\u0915\u094D\u200D\u0937');
		expect(sanitizeText('\u0D28\u0D4D\u200D')).toBe('\u0D28\u0D4D\u200D');
	});
});
