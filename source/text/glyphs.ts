// The characters the interface draws for itself, and its own words in ASCII: below everything that draws.

/** The characters the interface draws itself (not the articles' text), in a Unicode and an ASCII form. */
export type Glyphs = {
	/** Whether these are the ASCII glyphs: then {@link chromeText} spells the interface's own words in ASCII. */
	readonly isAscii: boolean;
	/** The column between the two panes. */
	readonly paneSeparator: string;
	/** Ends text cut to fit. */
	readonly ellipsis: string;
	/** Starts a list item in an article. */
	readonly bullet: string;
	/** Draws a horizontal rule, as in the list's group headers. */
	readonly rule: string;
	/**
	 * The mark in the first column of each list row: unread articles get `unread` (and a bold headline), starred
	 * ones `starred` (read or not), read ones `read`. Each must be one column wide.
	 */
	readonly listMarkers: {readonly unread: string; readonly starred: string; readonly read: string};
	/** Separates the parts of the status line and of an article's by-line, spaces included. */
	readonly partSeparator: string;
	/** How the help overlay and the status line write the arrow keys. */
	readonly arrowKeys: {readonly up: string; readonly down: string; readonly left: string; readonly right: string};
};

/** The glyphs for a UTF-8 terminal. */
export const unicodeGlyphs: Glyphs = {
	isAscii: false,
	paneSeparator: '│',
	ellipsis: '…',
	bullet: '•',
	rule: '─',
	listMarkers: {unread: '•', starred: '★', read: ' '},
	partSeparator: ' · ',
	arrowKeys: {up: '↑', down: '↓', left: '←', right: '→'},
};

/** The glyphs for a terminal whose locale is not UTF-8 (or with `--ascii`): plain ASCII. */
export const asciiGlyphs: Glyphs = {
	isAscii: true,
	paneSeparator: '|',
	ellipsis: '...',
	bullet: '*',
	rule: '-',
	// As mutt marks flagged messages.
	listMarkers: {unread: '*', starred: '!', read: ' '},
	partSeparator: ' - ',
	arrowKeys: {up: 'Up', down: 'Down', left: 'Left', right: 'Right'},
};

const asciiForms: Readonly<Record<string, string>> = {
	'–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '·': '-', '•': '*',
	'→': '->', '←': '<-', '↑': '^', '↓': 'v', '─': '-', '│': '|', '×': 'x', '★': '!', '\u00A0': ' ',
};

/**
 * The interface's own words (help texts, labels, messages) as `glyphs` can draw them: unchanged in Unicode; in
 * ASCII, typographic characters become their ASCII forms (`A–Z` is `A-Z`) and anything else non-ASCII `?`.
 * Not for the articles' text, which is shown as it is.
 */
export function chromeText(text: string, glyphs: Glyphs): string {
	// eslint-disable-next-line no-control-regex
	return glyphs.isAscii ? text.replaceAll(/[^\u0000-\u007F]/gu, character => asciiForms[character] ?? '?') : text;
}
