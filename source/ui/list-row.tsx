import {memo} from 'react';
import {Text} from 'ink';
import type {Article} from '../article.js';
import type {MatchRanges} from '../search/search.js';
import {displayWidth, truncateToWidth} from '../terminal/text-width.js';
import {highlightedSegments} from './segments.js';
import {theme} from './theme.js';

type ListRowProps = {
	readonly article: Article;
	readonly headlineMatches: MatchRanges;
	readonly isSelected: boolean;
	readonly columnCount: number;
};

/** One headline in the list: the kicker as a label, then the headline, matched characters highlighted, cut to fit. */
function ListRowView({article, headlineMatches, isSelected, columnCount}: ListRowProps) {
	const kicker = article.kicker ? truncateToWidth(article.kicker, Math.floor(columnCount / 2)) : '';
	const lead = kicker ? ` ${kicker} ` : ' ';
	const headlineColumnCount = Math.max(0, columnCount - displayWidth(lead) - 1);
	const segments = highlightedSegments(article.headline, headlineMatches, headlineColumnCount);
	const usedWidth = displayWidth(lead) + segments.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	// Only the selected row needs trailing spaces, to draw its bar across the pane; fewer cells make cheaper frames.
	const padding = isSelected ? ' '.repeat(Math.max(0, columnCount - usedWidth)) : '';
	return (
		<Text wrap="truncate" {...(isSelected ? theme.selectedRow : {})}>
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
