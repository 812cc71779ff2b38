import stripAnsi from 'strip-ansi';
import {plainColumnCount, singleColumnText} from './graphemes.js';

/** Options the `string-width` package takes; the fast paths below give the same answer under its defaults. */
export type StringWidthOptions = {readonly ambiguousIsNarrow?: boolean; readonly countAnsiEscapeCodes?: boolean};

/** A function that measures the columns a string takes in a terminal, as the `string-width` package does. */
export type StringWidth = (text: string, options?: StringWidthOptions) => number;

const asciiPrintable = /^[\u0020-\u007E]*$/u;

/**
 * The width of `text` when every character in it is plain (see `plainColumnCount`), else undefined. Text of one-column
 * characters alone (most of it: bullets and box drawing are not ASCII) is answered by one native test; the loop over
 * code units runs as cold, interpreted code on the first frame.
 */
function plainWidth(text: string): number | undefined {
	if (singleColumnText.test(text)) {
		return text.length;
	}

	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const columnCount = plainColumnCount(text.charCodeAt(index));
		if (columnCount === undefined) {
			return undefined;
		}

		width += columnCount;
	}

	return width;
}

/**
 * A `string-width` that answers most text without the full rules, which build large Unicode tables when first
 * loaded (an `Intl.Segmenter` and the `\p{RGI_Emoji}` expression cost tens of milliseconds at start-up). Plain
 * text (ASCII, Latin, Greek, Cyrillic, punctuation, box drawing, common CJK) is counted directly; anything else goes
 * to `loadFullRules()`, called the first time it is needed.
 */
export function createStringWidth(loadFullRules: () => StringWidth): StringWidth {
	let fullRules: StringWidth | undefined;
	return (text, options) => {
		if (typeof text !== 'string' || text.length === 0) {
			return 0;
		}

		const usesDefaults = options === undefined || ((options.ambiguousIsNarrow ?? true) && !options.countAnsiEscapeCodes);
		if (usesDefaults) {
			if (asciiPrintable.test(text)) {
				return text.length;
			}

			const width = plainWidth(text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text);
			if (width !== undefined) {
				return width;
			}
		}

		fullRules ??= loadFullRules();
		return fullRules(text, options);
	};
}
