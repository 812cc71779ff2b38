import {helpSections, type Keymap} from '../input/keymap.js';

/** How the help overlay lays its rows out: in as many columns as fit whole descriptions, scrolling when they overflow. */
export type HelpLayout = {
	/** Rows of keys and section titles, in reading order. */
	readonly totalRowCount: number;
	/** Columns of rows side by side. */
	readonly helpColumnCount: number;
	/** Width of each of those columns, in character cells. */
	readonly helpColumnWidth: number;
	/** Rows in each column (the pane less the title row). */
	readonly bodyRowCount: number;
	/** Rows on screen at once: every column's. */
	readonly visibleRowCount: number;
	/** The furthest the rows can scroll. */
	readonly maximumScrollTop: number;
};

/** About the width a key and its longest description take: narrower columns would cut descriptions short. */
const minimumHelpColumnWidth = 60;

const helpRowCounts = new WeakMap<Keymap, number>();

/** How many rows the help overlay lists for `keymap`: a title per section and a row per binding. */
export function helpRowCountOf(keymap: Keymap): number {
	let count = helpRowCounts.get(keymap);
	if (count === undefined) {
		count = helpSections(keymap).reduce((sum, section) => sum + 1 + section.bindings.length, 0);
		helpRowCounts.set(keymap, count);
	}

	return count;
}

/** The layout of `helpRowCount` help rows (see {@link helpRowCountOf}) in a pane of `rowCount` rows and `columnCount` columns. */
export function helpLayout(helpRowCount: number, rowCount: number, columnCount: number): HelpLayout {
	const bodyRowCount = Math.max(1, rowCount - 1);
	const helpColumnCount = Math.max(1, Math.min(Math.floor(columnCount / minimumHelpColumnWidth), Math.ceil(helpRowCount / bodyRowCount)));
	const visibleRowCount = helpColumnCount * bodyRowCount;
	return {
		totalRowCount: helpRowCount,
		helpColumnCount,
		helpColumnWidth: Math.max(1, Math.floor(columnCount / helpColumnCount)),
		bodyRowCount,
		visibleRowCount,
		maximumScrollTop: Math.max(0, helpRowCount - visibleRowCount),
	};
}
