import {Box, Text} from 'ink';
import type {ListRows} from '../state/list-rows.js';
import {displayWidth, padToWidth, truncateToWidth} from '../terminal/text-width.js';
import {ListRow} from './list-row.js';
import {theme} from './theme.js';

type ListPaneProps = {
	readonly rows: ListRows;
	/** The first row on screen. */
	readonly listTop: number;
	/** The selected article's position among the articles (header rows not counted). */
	readonly selectedIndex: number;
	/** What the title says about the order: `newest`, `by source`, `best match`. */
	readonly orderLabel: string;
	readonly rowCount: number;
	readonly columnCount: number;
	readonly isFocused: boolean;
};

/** A source's group header, `── Reuters (12) ──────`, across the pane. */
function GroupHeader({source, articleCount, columnCount}: {readonly source: string; readonly articleCount: number; readonly columnCount: number}) {
	const label = ` ── ${truncateToWidth(source, Math.max(1, columnCount - 12 - String(articleCount).length))} (${articleCount}) `;
	return (
		<Text wrap="truncate" {...theme.separator}>
			{label + '─'.repeat(Math.max(0, columnCount - displayWidth(label) - 1))}
		</Text>
	);
}

/** The headline list: a title row with the order and the position (`3/5`), then only the rows that fit. */
export function ListPane({rows, listTop, selectedIndex, orderLabel, rowCount, columnCount, isFocused}: ListPaneProps) {
	const position = rows.articleCount === 0 ? '0/0' : `${selectedIndex + 1}/${rows.articleCount}`;
	const title = ` Headlines · ${orderLabel}`;
	const visibleRows = rows.slice(listTop, listTop + rowCount);
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount + 1}>
			<Text wrap="truncate" {...(isFocused ? theme.paneTitleFocused : theme.paneTitle)}>
				{padToWidth(title, columnCount - position.length - 1) + position + ' '}
			</Text>
			{visibleRows.length === 0 ? <Text {...theme.notice}> No headlines match.</Text> : null}
			{visibleRows.map(row =>
				row.kind === 'group' ? (
					<GroupHeader key={`group:${row.source}`} source={row.source} articleCount={row.articleCount} columnCount={columnCount} />
				) : (
					<ListRow
						key={row.hit.article.id}
						article={row.hit.article}
						headlineMatches={row.hit.headlineMatches}
						isSelected={row.articleIndex === selectedIndex}
						columnCount={columnCount}
					/>
				),
			)}
		</Box>
	);
}
