import {Box, Text} from 'ink';
import type {Article} from '../article.js';
import type {ListRows} from '../state/list-rows.js';
import type {ListViewName} from '../state/state.js';
import {displayWidth, padToWidth, truncateToWidth} from '../terminal/text-width.js';
import {ListRow} from './list-row.js';
import {groupRule, theme} from './theme.js';

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
	/** Which articles the list shows; the title names any view but `all`. */
	readonly viewName?: ListViewName;
	/** Whether an article has been read; all are unread without it. */
	readonly isRead?: (article: Article) => boolean;
	/** Whether an article is starred; none is without it. */
	readonly isStarred?: (article: Article) => boolean;
};

const emptyListNotices: Readonly<Record<ListViewName, string>> = {
	all: ' No headlines match.',
	unread: ' No unread headlines here.',
	starred: ' No starred headlines here.',
};

/** A source's group header, `── Reuters (12) ──────`, across the pane. */
function GroupHeader({source, articleCount, columnCount}: {readonly source: string; readonly articleCount: number; readonly columnCount: number}) {
	const label = ` ${groupRule.repeat(2)} ${truncateToWidth(source, Math.max(1, columnCount - 12 - String(articleCount).length))} (${articleCount}) `;
	return (
		<Text wrap="truncate" {...theme.separator}>
			{label + groupRule.repeat(Math.max(0, columnCount - displayWidth(label) - 1))}
		</Text>
	);
}

/**
 * The headline list: a title row with the view (unless it is all articles), the order and the position (`3/5`),
 * then only the rows that fit.
 */
export function ListPane({rows, listTop, selectedIndex, orderLabel, rowCount, columnCount, isFocused, viewName = 'all', isRead, isStarred}: ListPaneProps) {
	const position = rows.articleCount === 0 ? '0/0' : `${selectedIndex + 1}/${rows.articleCount}`;
	const title = viewName === 'all' ? ` Headlines · ${orderLabel}` : ` Headlines · ${viewName} · ${orderLabel}`;
	const visibleRows = rows.slice(listTop, listTop + rowCount);
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount + 1}>
			<Text wrap="truncate" {...(isFocused ? theme.paneTitleFocused : theme.paneTitle)}>
				{padToWidth(title, columnCount - position.length - 1) + position + ' '}
			</Text>
			{visibleRows.length === 0 ? <Text {...theme.notice}>{emptyListNotices[viewName]}</Text> : null}
			{visibleRows.map(row =>
				row.kind === 'group' ? (
					<GroupHeader key={`group:${row.source}`} source={row.source} articleCount={row.articleCount} columnCount={columnCount} />
				) : (
					<ListRow
						key={row.hit.article.id}
						article={row.hit.article}
						headlineMatches={row.hit.headlineMatches}
						isSelected={row.articleIndex === selectedIndex}
						isUnread={!(isRead?.(row.hit.article) ?? false)}
						isStarred={isStarred?.(row.hit.article) ?? false}
						columnCount={columnCount}
					/>
				),
			)}
		</Box>
	);
}
