/**
 * Text from a file is hostile until proven otherwise: it must never reach the terminal as a control sequence.
 * This runs once, where text enters the model.
 */

import {patternOnFirstUse} from './pattern-on-first-use.js';

/**
 * The longest payload of a string sequence (OSC, DCS, SOS, PM, APC) that is removed with it. A string sequence is
 * removed whole only when its terminator (BEL or ST) follows within this many characters, on the same line: an
 * introducer left open (the U+009D that a double-encoded ” leaves behind) loses only itself, and never takes the
 * rest of a field, or of a file, with it.
 */
const longestStringPayload = 4096;

// ESC-introduced sequences: CSI (ESC [ … final), OSC / DCS / SOS / PM / APC strings (ESC ] … BEL or ST) when
// terminated, a lone string introducer (ESC ] with no terminator in reach), and two-byte escapes.
const escapeSequence = new RegExp(
	String.raw`\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?`
		+ String.raw`|[\]PX^_][^\u0007\u001B\u009C\n]{0,${longestStringPayload}}(?:\u0007|\u001B\\|\u009C)`
		+ String.raw`|[\]PX^_]`
		+ String.raw`|[\u0020-\u002F]*[\u0030-\u007E]?)`,
	'g',
);

// C1 string introducers with their payloads when terminated (8-bit forms of OSC, DCS, SOS, PM, APC), then CSI in
// 8-bit form. An unterminated introducer is left to `unsafeCharacter`, which removes it alone.
const eightBitSequence = new RegExp(
	String.raw`[\u0090\u0098\u009D\u009E\u009F][^\u0007\u009C\u001B\n]{0,${longestStringPayload}}(?:\u0007|\u009C)`
		+ String.raw`|\u009B[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?`,
	'g',
);

// What is left after the sequences are gone: C0 controls but tab and line feed, DEL, C1 controls,
// bidirectional overrides and isolates (they can reorder what the user sees), the zero-width characters
// that hide text (keeping ZWJ, which joins emoji, and ZWNJ, which some scripts need), and the soft hyphen U+00AD:
// an invisible hyphenation hint that string-width counts as no column but terminals draw as one, which would make
// a row one column wider than its layout and shift the pane separator. Also the Arabic letter mark U+061C (bidi),
// the combining grapheme joiner U+034F, the Mongolian vowel separator U+180E, the deprecated format characters
// U+206A–206F, the Hangul fillers U+115F and U+3164 (blank, yet two columns wide in some terminals and none in
// others), and the tag characters U+E0000–E007F (invisible text).
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- control characters and lone joiners are what it finds
const unsafeCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;

// Anything the replacements below would touch: every control character (C0 but tab and line feed, DEL, C1), and
// the invisible characters of `unsafeCharacter`.
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- control characters and lone joiners are what it finds
const needsCleaning = /[\u200D\uFE0F\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;

// Emoji joined into one picture (U+200D between pictographs: a family, a rainbow flag) are drawn as one picture two
// columns wide by some terminals and as each picture apart by others (xterm, tmux): a row measured one way overflows
// and wraps when drawn the other. Without the joiner, every terminal draws each picture apart, as measured.
// eslint-disable-next-line no-misleading-character-class -- a skin tone or U+FE0F after a pictograph, one at a time
const joinedPictograph = patternOnFirstUse(() => /(\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D(?=\p{Extended_Pictographic})/gu);
// Likewise a pictograph that is text by default (🏳, ❤) asked to be drawn as emoji (U+FE0F): one column in some
// terminals, two in others. Without the request, it is text, one column, everywhere.
const textPictographVariant = patternOnFirstUse(() => /(?!\p{Emoji_Presentation})(\p{Extended_Pictographic})\uFE0F/gu);

/**
 * Removes terminal control sequences and unsafe characters (soft hyphens among them). Carriage returns become line feeds
 * (CRLF and lone CR line ends), as do U+2028 and U+2029; tabs and line feeds are kept.
 */
export function sanitizeText(text: string): string {
	// Most text is clean: one scan decides, and clean text is returned as it is, without copies.
	if (!needsCleaning.test(text)) {
		return text;
	}

	return text
		.replaceAll('\r\n', '\n')
		.replaceAll('\r', '\n')
		// Line and paragraph separators end a line, as a line feed does (a terminal would draw them as nothing).
		.replaceAll(/[\u2028\u2029]/gu, '\n')
		.replace(escapeSequence, '')
		.replace(eightBitSequence, '')
		.replace(unsafeCharacter, '')
		.replace(joinedPictograph(), '$1')
		.replace(textPictographVariant(), '$1');
}

/**
 * A name from outside the file's text (a path, a file name) made safe to print: every control or invisible
 * character becomes `?`, so the name stays recognisable and nothing in it acts on the terminal.
 */
export function printableName(name: string): string {
	// eslint-disable-next-line no-misleading-character-class -- the pattern above, made global
	return needsCleaning.test(name) ? name.replace(new RegExp(needsCleaning.source, 'gu'), '?') : name;
}
