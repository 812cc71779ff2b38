import {Text} from 'ink';
import {groupedNumber} from '../text/numbers.js';
import {displayWidth, truncateToWidth} from '../text/text-width.js';
import type {Theme} from './theme.js';

type FilterLineProps = {
	readonly query: string;
	readonly isEditing: boolean;
	readonly matchCount: number;
	readonly articleCount: number;
	readonly columnCount: number;
	/** A search that is taking a while: the list still shows the last results, and the count is theirs. */
	readonly slowSearch?: {readonly indexedShare: number};
	/** Why a field term of the query cannot be read (`is:foo: use is:unread, …`): shown instead of the count. */
	readonly error?: string;
	readonly theme: Theme;
};

/** The filter line: `/query` with a cursor while typing, and how many articles match (or how a slow search is doing). */
export function FilterLine({query, isEditing, matchCount, articleCount, columnCount, slowSearch, error, theme}: FilterLineProps) {
	const {styles, glyphs} = theme;
	const count = matchCount === 1 ? '1 match' : `${matchCount === 0 ? 'no' : groupedNumber(matchCount)} matches`;
	let summary = ` ${count} of ${groupedNumber(articleCount)} `;
	if (error !== undefined) {
		summary = ` ${error} `;
	} else if (slowSearch) {
		summary = slowSearch.indexedShare < 1 ? ` indexing ${Math.floor(slowSearch.indexedShare * 100)}%${glyphs.ellipsis} ` : ` searching${glyphs.ellipsis} `;
	}

	// An error gives the query at least a third of the line, and is cut to what is left.
	summary = error === undefined ? summary : truncateToWidth(summary, Math.max(1, columnCount - Math.max(displayWidth(query) + 3, Math.floor(columnCount / 3))), glyphs.ellipsis);
	const queryColumnCount = Math.max(1, columnCount - displayWidth(summary) - 3);
	// Show the end of a long query, where the typing happens.
	const ellipsisWidth = displayWidth(glyphs.ellipsis);
	const shownQuery = displayWidth(query) <= queryColumnCount ? query : glyphs.ellipsis + [...query].slice(-Math.max(1, queryColumnCount - ellipsisWidth)).join('');
	const gap = ' '.repeat(Math.max(0, columnCount - 1 - displayWidth(shownQuery) - (isEditing ? 1 : 0) - displayWidth(summary)));
	return (
		<Text wrap="truncate">
			<Text bold>/</Text>
			{truncateToWidth(shownQuery, queryColumnCount, glyphs.ellipsis)}
			{isEditing ? <Text inverse> </Text> : null}
			{gap}
			<Text {...(matchCount === 0 || slowSearch || error !== undefined ? styles.notice : styles.meta)}>{summary}</Text>
		</Text>
	);
}
