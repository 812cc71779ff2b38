import {Box, Text} from 'ink';
import type {Article} from '../article.js';
import {type DateYears, listDateColumnCount, listDateLabel, listShowsYears} from '../state/date-labels.js';
import {groupLabel} from '../state/list-order.js';
import type {ListRows} from '../state/list-rows.js';
import type {ListViewName} from '../state/state.js';
import {displayWidth, truncateToWidth} from '../text/text-width.js';
import {ListRow} from './list-row.js';
import {chromeText} from '../text/glyphs.js';
import type {Theme} from './theme.js';
import {titleRow} from './title-row.js';

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
	readonly theme: Theme;
	/** The years the articles' dates span (undefined: none has a date); dated articles get a column. */
	readonly dateYears: DateYears | undefined;
	/** How wide the column of group labels is at most (see state/selectors.ts); 0 or absent for none. */
	readonly groupColumnCount?: number;
	/** The time the dates are seen from (today's show their time), in milliseconds since the epoch; refreshed every minute. */
	readonly now: number;
	/** Whether a filter is in force: without one, an empty list of all articles means there are none. */
	readonly hasQuery?: boolean;
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

type GroupHeaderProps = {readonly source: string; readonly articleCount: number; readonly columnCount: number; readonly theme: Theme};

/** A source's group header, `── Reuters (12) ──────`, across the pane. */
function GroupHeader({source, articleCount, columnCount, theme}: GroupHeaderProps) {
	const {rule, ellipsis} = theme.glyphs;
	const label = ` ${rule.repeat(2)} ${truncateToWidth(source, Math.max(1, columnCount - 12 - String(articleCount).length), ellipsis)} (${articleCount}) `;
	return (
		<Text wrap="truncate" {...theme.styles.separator}>
			{label + rule.repeat(Math.max(0, columnCount - displayWidth(label) - 1))}
		</Text>
	);
}

/** Narrowest column of group labels worth showing. */
const narrowestGroupColumnCount = 6;

/** Narrowest list that has room for dates. */
const datedListMinimumColumnCount = 40;

/**
 * The headline list: a title row with the view (unless it is all articles), the order and the position (`3/5`),
 * then only the rows that fit.
 */
export function ListPane({
	rows,
	listTop,
	selectedIndex,
	orderLabel,
	rowCount,
	columnCount,
	isFocused,
	viewName = 'all',
	hasQuery = false,
	isRead,
	isStarred,
	theme,
	dateYears,
	groupColumnCount = 0,
	now,
}: ListPaneProps) {
	const {styles, glyphs} = theme;
	const position = rows.articleCount === 0 ? '0/0' : `${selectedIndex + 1}/${rows.articleCount}`;
	const {partSeparator} = glyphs;
	const title = chromeText(viewName === 'all' ? ` Headlines${partSeparator}${orderLabel}` : ` Headlines${partSeparator}${viewName}${partSeparator}${orderLabel}`, glyphs);
	const visibleRows = rows.slice(listTop, listTop + rowCount);
	const dateColumnCount = columnCount >= datedListMinimumColumnCount ? listDateColumnCount(dateYears, now) : 0;
	const showsYears = listShowsYears(dateYears);
	// A fifth of the pane at most, and none where that is too narrow to name a group.
	const fittedGroupColumnCount = Math.min(groupColumnCount, Math.floor(columnCount / 5));
	const shownGroupColumnCount = fittedGroupColumnCount >= narrowestGroupColumnCount ? fittedGroupColumnCount : 0;
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount + 1}>
			<Text wrap="truncate" {...(isFocused ? styles.paneTitleFocused : styles.paneTitle)}>
				{titleRow([title], [`${position} `], columnCount, glyphs.ellipsis)}
			</Text>
			{visibleRows.length === 0 ? <Text {...styles.notice}>{viewName === 'all' && !hasQuery ? ' No articles.' : emptyListNotices[viewName]}</Text> : null}
			{visibleRows.map(row =>
				row.kind === 'group' ? (
					<GroupHeader key={`group:${row.source}`} source={row.source} articleCount={row.articleCount} columnCount={columnCount} theme={theme} />
				) : (
					<ListRow
						key={row.hit.article.id}
						article={row.hit.article}
						headlineMatches={row.hit.headlineMatches}
						isSelected={row.articleIndex === selectedIndex}
						isUnread={!(isRead?.(row.hit.article) ?? false)}
						isStarred={isStarred?.(row.hit.article) ?? false}
						columnCount={columnCount}
						theme={theme}
						dateLabel={dateColumnCount > 0 && row.hit.article.publishedAt !== undefined ? listDateLabel(row.hit.article.publishedAt, now, showsYears) : undefined}
						dateColumnCount={dateColumnCount}
						groupLabel={shownGroupColumnCount > 0 ? groupLabel(row.hit.article) : undefined}
						groupColumnCount={shownGroupColumnCount}
					/>
				),
			)}
		</Box>
	);
}
