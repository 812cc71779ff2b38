/**
 * Operating system commands (OSC) for links: OSC 8 hyperlinks and OSC 52 clipboard writes. Pure builders; the shell
 * decides when to write them (only ever to a terminal).
 */

const escape = '\u001B';
const bell = '\u0007';
/** String terminator, ESC \. */
const stringTerminator = `${escape}\\`;

// Anything that could end an OSC string early or start another sequence: C0 and C1 controls and DEL.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/u;

/** Whether `url` can go inside an OSC string: no control character (ESC, BEL, …) that would end it or start another. */
export function isSafeInSequence(url: string): boolean {
	return url !== '' && !controlCharacter.test(url);
}

/**
 * `text` as an OSC 8 hyperlink to `url` (ESC ] 8 ; ; URL BEL text ESC ] 8 ; ; BEL), or plain `text` when the URL
 * holds a control character (articles' URLs are sanitised already; this is the second lock).
 *
 * The sequence ends in BEL, not ESC \: it goes through Ink 6.8, whose output stage (@alcalzone/ansi-tokenize 0.2.5)
 * knows an OSC 8 only when it ends in BEL, and counts an ESC \-terminated one as visible characters, which breaks
 * the line's width. Terminals that support OSC 8 accept either ending.
 */
export function hyperlink(url: string, text: string): string {
	return isSafeInSequence(url) ? `${escape}]8;;${url}${bell}${text}${escape}]8;;${bell}` : text;
}

/**
 * Whether the terminal named by `TERM` can be sent OSC 8 hyperlinks. Terminals that do not support them ignore
 * them, except the few that print an unknown OSC's text: the Linux console, and `dumb` ones.
 */
export function canShowHyperlinks(environment: Readonly<Record<string, string | undefined>>): boolean {
	const term = environment['TERM'] ?? '';
	return term !== 'dumb' && term !== 'linux' && !term.startsWith('linux-');
}

/**
 * The OSC 52 sequence that asks the terminal to put `text` on the clipboard (ESC ] 52 ; c ; BASE64 BEL). It works
 * through SSH, since the local terminal does the copying.
 */
export function clipboardSequence(text: string): string {
	return `${escape}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${bell}`;
}

/**
 * `sequence` wrapped for tmux's passthrough (DCS tmux; … ST, each ESC inside doubled), so that tmux hands it to
 * the terminal outside (tmux 3.3 and later only with `set -g allow-passthrough on`).
 */
export function tmuxPassthrough(sequence: string): string {
	return `${escape}Ptmux;${sequence.replaceAll(escape, escape + escape)}${stringTerminator}`;
}

/**
 * What to write to copy `text`: the OSC 52 sequence, and inside tmux (`TMUX` set) also its passthrough form. tmux
 * with `set-clipboard on` acts on the plain one itself; with `allow-passthrough on` it forwards the wrapped one;
 * either way the terminal outside sets the clipboard (twice at worst, to the same text).
 */
export function copySequences(text: string, environment: Readonly<Record<string, string | undefined>>): string {
	const sequence = clipboardSequence(text);
	return environment['TMUX'] ? sequence + tmuxPassthrough(sequence) : sequence;
}
