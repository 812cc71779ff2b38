import {memo} from 'react';
import {Text} from 'ink';
import type {Article} from '../article.js';
import type {MatchRanges} from '../search/search.js';
import {displayWidth, padToWidth, truncateToWidth} from '../text/text-width.js';
import {highlightedSegments} from './segments.js';
import type {Theme} from './theme.js';

type ListRowProps = {
	readonly article: Article;
	readonly headlineMatches: MatchRanges;
	readonly isSelected: boolean;
	readonly isUnread: boolean;
	readonly isStarred: boolean;
	readonly columnCount: number;
	readonly theme: Theme;
	/** The date as the list shows it (`3h ago`), right-aligned in the last `dateColumnCount` columns. */
	readonly dateLabel?: string;
	/** Columns kept for the date at the end of the row; 0 when the list shows no dates. */
	readonly dateColumnCount: number;
	/** The groups of the article's feed (`News / World`), drawn dim in a column before the date. */
	readonly groupLabel?: string;
	/** Columns kept for group labels before the date; 0 (the default) when the list shows none. */
	readonly groupColumnCount?: number;
};

/**
 * One headline in the list: a marker (unread, starred), the kicker as a label, then the headline, matched
 * characters highlighted, cut to fit, the feed's group dim when the list shows groups, and the date at the end when
 * the list shows dates. Unread rows are bold as a whole, which costs no extra style runs.
 */
function ListRowView({article, headlineMatches, isSelected, isUnread, isStarred, columnCount, theme, dateLabel, dateColumnCount, groupLabel, groupColumnCount = 0}: ListRowProps) {
	const {styles, glyphs} = theme;
	const {listMarkers} = glyphs;
	const headlineAreaCount = columnCount - (dateColumnCount > 0 ? dateColumnCount + 1 : 0) - (groupColumnCount > 0 ? groupColumnCount + 1 : 0);
	const kicker = article.kicker ? truncateToWidth(article.kicker, Math.floor(headlineAreaCount / 2), glyphs.ellipsis) : '';
	// The marker's column, a space, then the kicker and a space.
	const lead = kicker ? `${listMarkers.read} ${kicker} ` : `${listMarkers.read} `;
	const headlineColumnCount = Math.max(0, headlineAreaCount - displayWidth(lead) - 1);
	const segments = highlightedSegments(article.headline, headlineMatches, headlineColumnCount, glyphs.ellipsis);
	const usedWidth = displayWidth(lead) + segments.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	// Only the selected row needs trailing spaces, to draw its bar across the pane; fewer cells make cheaper frames.
	// A row with a date pads up to it, so that dates line up.
	const hasDate = dateColumnCount > 0 && dateLabel !== undefined;
	const group = groupColumnCount > 0 && groupLabel !== undefined ? padToWidth(truncateToWidth(groupLabel, groupColumnCount, glyphs.ellipsis), groupColumnCount) + ' ' : '';
	const hasTail = hasDate || group !== '';
	const paddedWidth = hasTail ? headlineAreaCount : isSelected ? columnCount : 0;
	const padding = ' '.repeat(Math.max(0, paddedWidth - usedWidth));
	// A row with a date and no group keeps the group's column blank; the selected row's bar runs to the pane's edge.
	const groupColumn = group === '' && hasDate && groupColumnCount > 0 ? ' '.repeat(groupColumnCount + 1) : group;
	const date = hasDate ? dateLabel.padStart(dateColumnCount) + ' ' : hasTail && isSelected && dateColumnCount > 0 ? ' '.repeat(dateColumnCount + 1) : '';
	const rowStyle = isSelected ? (isUnread ? {...styles.selection, ...styles.unreadRow} : styles.selection) : isUnread ? styles.unreadRow : {};
	return (
		<Text wrap="truncate" {...rowStyle}>
			{isStarred ? <Text {...styles.starMarker}>{listMarkers.starred}</Text> : isUnread ? listMarkers.unread : listMarkers.read}
			{' '}
			{kicker ? <Text {...styles.kicker}>{kicker}</Text> : null}
			{kicker ? ' ' : ''}
			{segments.map((segment, index) =>
				segment.isMatch ? (
					// eslint-disable-next-line react/no-array-index-key
					<Text key={index} {...styles.match}>{segment.text}</Text>
				) : (
					segment.text
				),
			)}
			{padding}
			{groupColumn ? <Text {...styles.date}>{groupColumn}</Text> : null}
			{date ? <Text {...styles.date}>{date}</Text> : null}
		</Text>
	);
}

/** A list row; memoised, since most rows do not change from one keystroke to the next. */
export const ListRow = memo(ListRowView);
