/*
A regular expression with a Unicode property class (`\p{Lu}`, `\p{L}`, `\p{N}`, …) costs V8 0.1 to 0.5 ms to compile
the first time it runs (the launcher has them compiled to machine code at once, `--regexp-tier-up-ticks=0`), against
0.01 ms for one of ASCII classes; the plain-text parser's few of them were a third of the sample's parse. Most news
text has no letter or digit beyond ASCII, so the text formats keep each such expression beside its ASCII twin (the
same expression with `[A-Z]` for `\p{Lu}`, `[a-z]` for `\p{Ll}`, `[A-Za-z]` for `\p{L}`, `[0-9]` for `\p{N}`, and
nothing for `\p{Lt}` and `\p{Lo}`, which hold no ASCII character) and run the twin wherever the two cannot differ: where
every character the classes are tried on is one of these.
*/

import {patternOnFirstUse} from '../text/pattern-on-first-use.js';

// ASCII and General Punctuation (U+2000–U+206F: curly quotes, dashes, '…', spaces): characters on which each class above
// and its twin agree, since General Punctuation holds no letter or digit. Tab rather than NUL starts the range only to
// keep control characters out of the source; the characters before it are merely left to the Unicode expressions.
const beyondAsciiLetters = /[^\t-\u007F\u2000-\u206F]/u;

/**
 * Whether every character of `text` is one on which Unicode's letter and digit classes agree with their ASCII twins
 * (see above): ASCII or General Punctuation. False for some text whose letters are all ASCII (one with a `«` or a
 * `×`), which only costs that text the Unicode form.
 */
export function hasOnlyAsciiLetters(text: string): boolean {
	return !beyondAsciiLetters.test(text);
}

/** A regular expression with Unicode property classes, and its ASCII twin (see above). */
export type LetterPattern = {
	readonly ascii: RegExp;
	/** Made at its first use (see letterPattern). */
	readonly unicode: RegExp;
	/**
	 * Finds a character beyond ASCII letters where the classes would be tried on it, the only place the two forms
	 * can differ: for an expression that looks at only part of the text (the start of a line, the character after a
	 * sentence's end), so that a letter elsewhere does not cost the Unicode form. Any such character when left out.
	 * Not global: it is only tested.
	 */
	readonly otherLetterInReach?: RegExp;
};

/**
 * A LetterPattern whose Unicode form is made the first time it is needed: V8 reads the \p{…} classes when the
 * expression is made, whether it runs or not (text/pattern-on-first-use.ts), and most text never needs it.
 */
export function letterPattern({ascii, unicode, otherLetterInReach}: {readonly ascii: RegExp; readonly unicode: () => RegExp; readonly otherLetterInReach?: RegExp}): LetterPattern {
	const unicodeForm = patternOnFirstUse(unicode);
	return {
		ascii,
		get unicode() {
			return unicodeForm();
		},
		otherLetterInReach,
	};
}

/** The form of `pattern` to run on `text`: its ASCII twin unless a letter beyond ASCII is in the classes' reach. */
export function letterPatternFor(pattern: LetterPattern, text: string): RegExp {
	const isOtherLetterInReach = pattern.otherLetterInReach ? pattern.otherLetterInReach.test(text) : !hasOnlyAsciiLetters(text);
	return isOtherLetterInReach ? pattern.unicode : pattern.ascii;
}
