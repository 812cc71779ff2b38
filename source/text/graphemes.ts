let segmenter: Intl.Segmenter | undefined;

/** A grapheme segmenter, made on first use: the first one a process makes loads ICU's break rules (~20 ms or more). */
export function graphemeSegmenter(): Intl.Segmenter {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter;
}

/**
 * The columns the UTF-16 code unit `code` takes when it is plain: a character that always takes the same width on
 * its own and never joins a neighbour into one cluster. One column for Latin, Greek and Cyrillic letters and the
 * punctuation, arrows and box drawing that news text and Broadsheet's own frame use; two for the common CJK
 * ideographs, kana, Hangul syllables and full-width forms. Undefined for everything else (combining marks, the soft
 * hyphen, emoji-capable symbols, surrogates, …), which needs the full rules.
 */
export function plainColumnCount(code: number): 1 | 2 | undefined {
	if (
		(code >= 0x20 && code <= 0x7E)
		|| (code >= 0xA0 && code <= 0x2FF && code !== 0xAD)
		|| (code >= 0x370 && code <= 0x482)
		|| (code >= 0x48A && code <= 0x52F)
		|| (code >= 0x2010 && code <= 0x2027)
		|| (code >= 0x2030 && code <= 0x205E && code !== 0x203C && code !== 0x2049)
		|| (code >= 0x20A0 && code <= 0x20C0)
		|| (code >= 0x2190 && code <= 0x2193)
		|| (code >= 0x2500 && code <= 0x259F)
	) {
		return 1;
	}

	if (
		(code >= 0x3000 && code <= 0x3029)
		|| (code >= 0x3041 && code <= 0x3096)
		|| (code >= 0x30A1 && code <= 0x30FA)
		|| (code >= 0x3400 && code <= 0x4DBF)
		|| (code >= 0x4E00 && code <= 0x9FFF)
		|| (code >= 0xAC00 && code <= 0xD7A3)
		|| (code >= 0xFF01 && code <= 0xFF60)
	) {
		return 2;
	}

	return undefined;
}

/**
 * Text whose every code unit `plainColumnCount` gives one column: tested in one native call, where a loop over the code
 * units runs as cold code at start-up. test/unit/graphemes.test.ts checks it against `plainColumnCount` for every code
 * unit.
 */
export const singleColumnText = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u20A0-\u20C0\u2190-\u2193\u2500-\u259F]*$/;

/** Whether the code unit `code` is a grapheme of its own whatever surrounds it (a CR can join the LF after it). */
function isOwnGrapheme(code: number): boolean {
	return plainColumnCount(code) !== undefined || (code < 0x20 && code !== 0x0D) || (code >= 0x7F && code <= 0x9F);
}

/** One grapheme cluster of a string and where it starts, as `Intl.Segmenter` gives them. */
export type Grapheme = {readonly segment: string; readonly index: number};

function * codeUnitsOf(text: string): Generator<Grapheme> {
	for (let index = 0; index < text.length; index++) {
		yield {segment: text[index]!, index};
	}
}

/**
 * The grapheme clusters of `text`, as `Intl.Segmenter` gives them. Text in which every code unit stands alone
 * (most news text, and every frame Broadsheet draws around it) is split without the segmenter.
 */
export function graphemesOf(text: string): Iterable<Grapheme> {
	for (let index = 0; index < text.length; index++) {
		if (!isOwnGrapheme(text.charCodeAt(index))) {
			return graphemeSegmenter().segment(text);
		}
	}

	return codeUnitsOf(text);
}
