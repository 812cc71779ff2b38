import {memo} from 'react';
import {Text} from 'ink';
import type {Article} from '../article.js';
import type {MatchRanges} from '../search/search.js';
import {displayWidth, truncateToWidth} from '../terminal/text-width.js';
import {highlightedSegments} from './segments.js';
import {listMarkers, theme} from './theme.js';

type ListRowProps = {
	readonly article: Article;
	readonly headlineMatches: MatchRanges;
	readonly isSelected: boolean;
	readonly isUnread: boolean;
	readonly isStarred: boolean;
	readonly columnCount: number;
};

/**
 * One headline in the list: a marker (unread, starred), the kicker as a label, then the headline, matched
 * characters highlighted, cut to fit. Unread rows are bold as a whole, which costs no extra style runs.
 */
function ListRowView({article, headlineMatches, isSelected, isUnread, isStarred, columnCount}: ListRowProps) {
	const kicker = article.kicker ? truncateToWidth(article.kicker, Math.floor(columnCount / 2)) : '';
	// The marker's column, a space, then the kicker and a space.
	const lead = kicker ? `${listMarkers.read} ${kicker} ` : `${listMarkers.read} `;
	const headlineColumnCount = Math.max(0, columnCount - displayWidth(lead) - 1);
	const segments = highlightedSegments(article.headline, headlineMatches, headlineColumnCount);
	const usedWidth = displayWidth(lead) + segments.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	// Only the selected row needs trailing spaces, to draw its bar across the pane; fewer cells make cheaper frames.
	const padding = isSelected ? ' '.repeat(Math.max(0, columnCount - usedWidth)) : '';
	const rowStyle = isSelected ? (isUnread ? {...theme.selectedRow, ...theme.unreadRow} : theme.selectedRow) : isUnread ? theme.unreadRow : {};
	return (
		<Text wrap="truncate" {...rowStyle}>
			{isStarred ? <Text {...theme.starMarker}>{listMarkers.starred}</Text> : isUnread ? listMarkers.unread : listMarkers.read}
			{' '}
			{kicker ? <Text {...theme.kicker}>{kicker}</Text> : null}
			{kicker ? ' ' : ''}
			{segments.map((segment, index) =>
				segment.isMatch ? (
					// eslint-disable-next-line react/no-array-index-key
					<Text key={index} {...theme.match}>{segment.text}</Text>
				) : (
					segment.text
				),
			)}
			{padding}
		</Text>
	);
}

/** A list row; memoised, since most rows do not change from one keystroke to the next. */
export const ListRow = memo(ListRowView);
