/**
 * Text from a file is hostile until proven otherwise: it must never reach the terminal as a control sequence.
 * This runs once, where text enters the model.
 */

// ESC-introduced sequences: CSI (ESC [ … final), OSC / DCS / SOS / PM / APC strings (ESC ] … BEL or ST), and two-byte escapes.
const escapeSequence =
	// eslint-disable-next-line no-control-regex
	/\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|[\]PX^_][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|[\u0020-\u002F]*[\u0030-\u007E]?)/g;

// C1 string introducers and their payloads (8-bit forms of OSC, DCS, SOS, PM, APC), then CSI in 8-bit form.
// eslint-disable-next-line no-control-regex
const eightBitSequence = /[\u0090\u0098\u009D\u009E\u009F][^\u0007\u009C\u001B]*(?:\u0007|\u009C)?|\u009B[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?/g;

// What is left after the sequences are gone: C0 controls but tab and line feed, DEL, C1 controls,
// bidirectional overrides and isolates (they can reorder what the user sees), the zero-width characters
// that hide text (keeping ZWJ, which joins emoji, and ZWNJ, which some scripts need), and the soft hyphen U+00AD:
// an invisible hyphenation hint that string-width counts as no column but terminals draw as one, which would make
// a row one column wider than its layout and shift the pane separator.
// eslint-disable-next-line no-control-regex
const unsafeCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

// Anything the replacements below would touch: every control character (C0 but tab and line feed, DEL, C1), and
// the invisible characters of `unsafeCharacter`.
// eslint-disable-next-line no-control-regex
const needsCleaning = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/u;

/**
 * Removes terminal control sequences and unsafe characters (soft hyphens among them). Carriage returns become line feeds
 * (CRLF and lone CR line ends), tabs and line feeds are kept.
 */
export function sanitizeText(text: string): string {
	// Most text is clean: one scan decides, and clean text is returned as it is, without copies.
	if (!needsCleaning.test(text)) {
		return text;
	}

	return text
		.replaceAll('\r\n', '\n')
		.replaceAll('\r', '\n')
		.replace(escapeSequence, '')
		.replace(eightBitSequence, '')
		.replace(unsafeCharacter, '');
}

/**
 * A name from outside the file's text (a path, a file name) made safe to print: every control or invisible
 * character becomes `?`, so the name stays recognisable and nothing in it acts on the terminal.
 */
export function printableName(name: string): string {
	return needsCleaning.test(name) ? name.replace(new RegExp(needsCleaning.source, 'gu'), '?') : name;
}
