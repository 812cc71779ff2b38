/**
 * Colours and marks, as data. Only the basic ANSI colours plus bold, inverse and underline, which read well on
 * dark and on light backgrounds alike.
 */
export const theme = {
	kicker: {color: 'cyan', bold: true},
	headline: {bold: true},
	deck: {italic: true},
	meta: {dimColor: true},
	link: {color: 'blue', underline: true},
	match: {underline: true, bold: true},
	/** Every match of the search in the article, as less draws them. */
	articleMatch: {inverse: true},
	/** The match n and N moved to. */
	currentArticleMatch: {inverse: true, bold: true, color: 'yellow'},
	selectedRow: {inverse: true},
	unreadRow: {bold: true},
	starMarker: {color: 'yellow'},
	paneTitleFocused: {bold: true, inverse: true},
	paneTitle: {dimColor: true},
	statusBar: {inverse: true},
	/** A message in the status line: `copied … to the clipboard`, or what went wrong. */
	statusNotice: {inverse: true, bold: true},
	hintKey: {bold: true},
	separator: {dimColor: true},
	notice: {color: 'yellow'},
} as const;

/** The column between the two panes. */
export const paneSeparator = '│';

/** The rule of a group header in the list (`── Reuters (12) ──`). */
export const groupRule = '─';

/**
 * The mark in the first column of each list row: unread articles get `unread` (and a bold headline), starred ones
 * `starred` (read or not), read ones `read`. Each must be one column wide.
 */
export const listMarkers = {unread: '•', starred: '★', read: ' '} as const;
