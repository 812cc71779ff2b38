import {Box, Text} from 'ink';
import {type Binding, keyLabel} from '../input/keymap.js';
import {helpLayout} from '../state/help-layout.js';
import {padToWidth} from '../text/text-width.js';
import {chromeText} from '../text/glyphs.js';
import type {Theme} from './theme.js';

/** A titled group of bindings, as the help overlay shows them. */
export type HelpSection = {readonly title: string; readonly bindings: readonly Binding[]};

type HelpOverlayProps = {
	readonly sections: readonly HelpSection[];
	readonly rowCount: number;
	readonly columnCount: number;
	/** The first row of keys on screen, when they do not all fit. */
	readonly scrollTop?: number;
	/** The keys that close the overlay, as the title names them (`? or Esc`). */
	readonly closingKeys: readonly string[];
	/** The keys that scroll the overlay a row down and up, as the title names them (`j/k scroll`). */
	readonly scrollKeys: readonly string[];
	readonly theme: Theme;
};

type HelpRow = {readonly text: string; readonly isTitle: boolean};

/** The keys' column, a space after them included. */
const keyColumnCount = 20;

/**
 * Every binding of the keymap, flowed into as many columns as fit whole descriptions; when they overflow, the title
 * shows which rows are on screen, and the keymap's keys to scroll (j/k, Space/b and g/G by default) (see state/help-layout.ts).
 */
export function HelpOverlay({sections, rowCount, columnCount, scrollTop = 0, closingKeys, scrollKeys, theme}: HelpOverlayProps) {
	const {styles, glyphs} = theme;
	const rows: HelpRow[] = sections.flatMap(section => [
		{text: section.title, isTitle: true},
		...section.bindings.map(binding => ({
			text: padToWidth('  ' + binding.keys.map(key => keyLabel(key, glyphs)).join(' '), keyColumnCount - 1, glyphs.ellipsis) + ' ' + chromeText(binding.help, glyphs),
			isTitle: false,
		})),
	]);
	const {bodyRowCount, visibleRowCount, helpColumnWidth: columnWidth} = helpLayout(rows.length, rowCount, columnCount);
	const top = Math.max(0, Math.min(scrollTop, rows.length - visibleRowCount));
	const visibleRows = rows.slice(top, top + visibleRowCount);
	const columns: HelpRow[][] = [];
	for (let start = 0; start < visibleRows.length; start += bodyRowCount) {
		columns.push(visibleRows.slice(start, start + bodyRowCount));
	}

	const title = ` Keys   (${closingKeys.map(key => keyLabel(key, glyphs)).join(' or ')} closes)`;
	const scrollHint = scrollKeys.length > 0 ? `${scrollKeys.map(key => keyLabel(key, glyphs)).join('/')} scroll  ` : '';
	const position = visibleRows.length < rows.length ? chromeText(`${scrollHint}${top + 1}–${top + visibleRows.length}/${rows.length} `, glyphs) : '';
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount}>
			<Text wrap="truncate" {...styles.paneTitleFocused}>
				{padToWidth(padToWidth(title, columnCount - position.length, glyphs.ellipsis) + position, columnCount, glyphs.ellipsis)}
			</Text>
			<Box flexDirection="row">
				{columns.map((column, columnIndex) => (
					// eslint-disable-next-line react/no-array-index-key
					<Box key={columnIndex} flexDirection="column" width={columnWidth}>
						{column.map((row, rowIndex) => (
							// eslint-disable-next-line react/no-array-index-key
							<Text key={rowIndex} wrap="truncate" bold={row.isTitle}>
								{padToWidth(row.isTitle ? ' ' + row.text : row.text, columnWidth - 1, glyphs.ellipsis)}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
