import {Box, Text} from 'ink';
import {keyLabel} from '../input/keymap.js';
import {type Message, messageLines} from '../state/messages.js';
import {chromeText} from '../text/glyphs.js';
import {padToWidth} from '../text/text-width.js';
import type {Theme} from './theme.js';
import {titleRow} from './title-row.js';

type MessagesOverlayProps = {
	readonly messages: readonly Message[];
	readonly rowCount: number;
	readonly columnCount: number;
	/** The first line on screen. */
	readonly scrollTop: number;
	/** The keys that close the overlay, as the title names them (`! or Esc or q`). */
	readonly closingKeys: readonly string[];
	readonly theme: Theme;
};

/** The notices and warnings kept, oldest first, wrapped; the title says which lines show when they do not all fit. */
export function MessagesOverlay({messages, rowCount, columnCount, scrollTop, closingKeys, theme}: MessagesOverlayProps) {
	const {styles, glyphs} = theme;
	const lines = messageLines(messages, columnCount).map(line => chromeText(line, glyphs));
	const bodyRowCount = Math.max(1, rowCount - 1);
	const top = Math.max(0, Math.min(scrollTop, lines.length - bodyRowCount));
	const visibleLines = lines.slice(top, top + bodyRowCount);
	const closing = closingKeys.map(key => keyLabel(key, glyphs));
	const titles = [` Messages   (${closing.join(' or ')} closes)`, ...(closing[0] === undefined ? [] : [` Messages (${closing[0]} closes)`]), ' Messages'];
	const range = `${top + 1}–${top + visibleLines.length}/${lines.length} `;
	const indicators = visibleLines.length < lines.length ? [chromeText(range, glyphs)] : [''];
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount}>
			<Text wrap="truncate" {...styles.paneTitleFocused}>
				{titleRow(titles, indicators, columnCount, glyphs.ellipsis)}
			</Text>
			{visibleLines.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate">
					{padToWidth(line, columnCount, glyphs.ellipsis)}
				</Text>
			))}
		</Box>
	);
}
