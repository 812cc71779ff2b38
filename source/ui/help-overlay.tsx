import {Box, Text} from 'ink';
import {type Binding, keyLabel} from '../input/keymap.js';
import {padToWidth} from '../terminal/text-width.js';
import {theme} from './theme.js';

/** A titled group of bindings, as the help overlay shows them. */
export type HelpSection = {readonly title: string; readonly bindings: readonly Binding[]};

type HelpOverlayProps = {
	readonly sections: readonly HelpSection[];
	readonly rowCount: number;
	readonly columnCount: number;
};

type HelpRow = {readonly text: string; readonly isTitle: boolean};

const keyColumnCount = 18;

/** Every binding of the keymap, flowed into as many columns as it takes to fit the rows available. */
export function HelpOverlay({sections, rowCount, columnCount}: HelpOverlayProps) {
	const rows: HelpRow[] = sections.flatMap(section => [
		{text: section.title, isTitle: true},
		...section.bindings.map(binding => ({
			text: padToWidth('  ' + binding.keys.map(key => keyLabel(key)).join(' '), keyColumnCount) + binding.help,
			isTitle: false,
		})),
	]);
	const bodyRowCount = Math.max(1, rowCount - 1);
	const columns: HelpRow[][] = [];
	for (let start = 0; start < rows.length; start += bodyRowCount) {
		columns.push(rows.slice(start, start + bodyRowCount));
	}

	const columnWidth = Math.max(1, Math.floor(columnCount / Math.max(1, columns.length)));
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount}>
			<Text wrap="truncate" {...theme.paneTitleFocused}>
				{padToWidth(' Keys   (? or Esc closes)', columnCount)}
			</Text>
			<Box flexDirection="row">
				{columns.map((column, columnIndex) => (
					// eslint-disable-next-line react/no-array-index-key
					<Box key={columnIndex} flexDirection="column" width={columnWidth}>
						{column.map((row, rowIndex) => (
							// eslint-disable-next-line react/no-array-index-key
							<Text key={rowIndex} wrap="truncate" bold={row.isTitle}>
								{padToWidth(row.isTitle ? ' ' + row.text : row.text, columnWidth - 1)}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
