/**
 * The looks of the interface, as data: a style for each role and the glyphs the interface draws itself. The shell
 * builds one theme at start-up (colour or not, Unicode or ASCII, the config file's colours) and passes it down;
 * components only read the theme they are given.
 */

import {asciiGlyphs, type Glyphs, unicodeGlyphs} from '../text/glyphs.js';

/** The basic sixteen ANSI colours, as Ink names them: the terminal's own palette, whatever its background. */
export const colorNames = [
	'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white',
	'gray', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright',
] as const;

/** One of the basic sixteen ANSI colours. */
export type ColorName = (typeof colorNames)[number];

/** How a run of text is drawn: the props of Ink's Text that the interface uses. */
export type Style = {
	readonly color?: ColorName;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly inverse?: boolean;
};

/**
 * The default styles. They use the terminal's own foreground and background, the attributes (bold, dim, italic,
 * underline, inverse), and only colours that read on dark and on light backgrounds alike: red and magenta. Yellow,
 * cyan and white vanish on a light background, blue and black on a dark one, so none of them is used.
 */
export const defaultStyles = {
	kicker: {color: 'red', bold: true},
	headline: {bold: true},
	deck: {italic: true},
	meta: {dimColor: true},
	/** A heading inside the article's text. */
	heading: {bold: true},
	/** Preformatted text: code blocks, never re-wrapped. Dim, so that it shows without colour too. */
	code: {dimColor: true},
	date: {dimColor: true},
	link: {underline: true},
	match: {underline: true, bold: true},
	/** Every match of the search in the article, as less draws them. */
	articleMatch: {inverse: true},
	/** The match n and N moved to: underlined too, so that it stands out without colour. */
	currentArticleMatch: {inverse: true, bold: true, underline: true, color: 'magenta'},
	selection: {inverse: true},
	/** A row whose article is unread: bold as a whole. */
	unreadRow: {bold: true},
	/** The star of a starred article. */
	starMarker: {color: 'magenta'},
	paneTitleFocused: {bold: true, inverse: true},
	paneTitle: {dimColor: true},
	statusBar: {inverse: true},
	/** A message in the status line: `copied … to the clipboard`, or what went wrong. */
	statusNotice: {inverse: true, bold: true},
	hintKey: {bold: true},
	separator: {dimColor: true},
	notice: {color: 'magenta'},
} as const satisfies Record<string, Style>;

/** What a style is for: the roles a config file can colour. */
export type StyleRole = keyof typeof defaultStyles;

/** Every role, in the order readme.md lists them. */
export const styleRoles = Object.keys(defaultStyles) as readonly StyleRole[];

/** The looks the components draw with. */
export type Theme = {
	readonly styles: Readonly<Record<StyleRole, Style>>;
	readonly glyphs: Glyphs;
};

/** What decides the theme: made once at start-up from the command line, the environment and the config file. */
export type ThemeOptions = {
	/** Whether colours are wanted (`NO_COLOR`, `--no-color` and the config file turn them off). */
	readonly hasColor: boolean;
	/** Whether to draw ASCII only (a locale that is not UTF-8, or `--ascii`). */
	readonly isAscii: boolean;
	/** Colours by role from the config file, over the defaults (`undefined` takes the colour away). */
	readonly colors?: Readonly<Partial<Record<StyleRole, ColorName | undefined>>>;
};

/**
 * The theme for `options`. Without colour, every style keeps its attributes and loses its colour: the selection
 * and the status bar stay inverse, so they still show.
 */
export function createTheme({hasColor, isAscii, colors = {}}: ThemeOptions): Theme {
	const styles = {} as Record<StyleRole, Style>;
	for (const role of styleRoles) {
		const {color, ...attributes} = {...defaultStyles[role], ...(role in colors ? {color: colors[role]} : {})} as Style;
		styles[role] = hasColor && color !== undefined ? {...attributes, color} : attributes;
	}

	return {styles, glyphs: isAscii ? asciiGlyphs : unicodeGlyphs};
}

/** Colour and Unicode, as on most terminals: what tests and the readme show. */
export const defaultTheme: Theme = createTheme({hasColor: true, isAscii: false});
