import {Box, Text} from 'ink';
import {keyLabel} from '../input/keymap.js';
import type {HelpLayout, HelpLine} from '../state/help-layout.js';
import {chromeText} from '../text/glyphs.js';
import type {Theme} from './theme.js';
import {titleRow} from './title-row.js';

type HelpOverlayProps = {
	/** The keymap's help laid out for the pane (see state/help-layout.ts). */
	readonly layout: HelpLayout;
	readonly rowCount: number;
	readonly columnCount: number;
	/** The first line of keys on screen, when they do not all fit. */
	readonly scrollTop?: number;
	/** The keys that close the overlay, as the title names them (`? or Esc`). */
	readonly closingKeys: readonly string[];
	/** The keys that scroll the overlay a row down and up, as the title names them (`j/k scroll`). */
	readonly scrollKeys: readonly string[];
	readonly theme: Theme;
};

/**
 * Every binding of the keymap, in as few columns as show them all (else as many as fit, scrolling), descriptions
 * wrapped beside their keys; when they overflow, the title shows which lines are on screen, and the keymap's keys to
 * scroll (j/k, Space/b and g/G by default).
 */
export function HelpOverlay({layout, rowCount, columnCount, scrollTop = 0, closingKeys, scrollKeys, theme}: HelpOverlayProps) {
	const {styles, glyphs} = theme;
	const {lines, bodyRowCount, visibleRowCount, helpColumnWidth: columnWidth} = layout;
	const top = Math.max(0, Math.min(scrollTop, lines.length - visibleRowCount));
	const visibleLines = lines.slice(top, top + visibleRowCount);
	const columns: HelpLine[][] = [];
	for (let start = 0; start < visibleLines.length; start += bodyRowCount) {
		columns.push(visibleLines.slice(start, start + bodyRowCount));
	}

	const closing = closingKeys.map(key => keyLabel(key, glyphs));
	const titles = [` Keys   (${closing.join(' or ')} closes)`, ...(closing[0] === undefined ? [] : [` Keys (${closing[0]} closes)`]), ' Keys'];
	const scrollHint = scrollKeys.length > 0 ? `${scrollKeys.map(key => keyLabel(key, glyphs)).join('/')} scroll  ` : '';
	const range = `${top + 1}–${top + visibleLines.length}/${lines.length} `;
	const indicators = visibleLines.length < lines.length ? [scrollHint + range, range].map(text => chromeText(text, glyphs)) : [''];
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount}>
			<Text wrap="truncate" {...styles.paneTitleFocused}>
				{titleRow(titles, indicators, columnCount, glyphs.ellipsis)}
			</Text>
			<Box flexDirection="row">
				{columns.map((column, columnIndex) => (
					// eslint-disable-next-line react/no-array-index-key
					<Box key={columnIndex} flexDirection="column" width={columnWidth}>
						{column.map((line, rowIndex) => (
							// eslint-disable-next-line react/no-array-index-key
							<Text key={rowIndex} wrap="truncate" bold={line.isTitle}>
								{line.text}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
