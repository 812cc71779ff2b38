import {Text} from 'ink';
import {displayWidth, truncateToWidth} from '../text/text-width.js';
import type {Theme} from './theme.js';

type ArticleSearchLineProps = {
	readonly query: string;
	/** Where the search stands: `match 2/7`, `no match`, or nothing yet. */
	readonly position: string;
	readonly hasMatches: boolean;
	readonly columnCount: number;
	readonly theme: Theme;
};

/** The search line of the article being read, as less shows it: `/query` with a cursor, and the match it is on. */
export function ArticleSearchLine({query, position, hasMatches, columnCount, theme}: ArticleSearchLineProps) {
	const {styles, glyphs} = theme;
	const summary = position === '' ? '' : ` ${position} `;
	const queryColumnCount = Math.max(1, columnCount - displayWidth(summary) - 3);
	// Show the end of a long query, where the typing happens.
	const ellipsisWidth = displayWidth(glyphs.ellipsis);
	const shownQuery = displayWidth(query) <= queryColumnCount ? query : glyphs.ellipsis + [...query].slice(-Math.max(1, queryColumnCount - ellipsisWidth)).join('');
	const fittedQuery = truncateToWidth(shownQuery, queryColumnCount, glyphs.ellipsis);
	const gap = ' '.repeat(Math.max(0, columnCount - 2 - displayWidth(fittedQuery) - displayWidth(summary)));
	return (
		<Text wrap="truncate">
			<Text bold>/</Text>
			{fittedQuery}
			<Text inverse> </Text>
			{gap}
			<Text {...(hasMatches ? styles.meta : styles.notice)}>{summary}</Text>
		</Text>
	);
}

/** The position of a search for people: `match 2/7`, `no match`, or `''` before anything is typed. */
export function searchPositionText(query: string, matchCount: number, currentIndex: number): string {
	if (query === '') {
		return '';
	}

	return matchCount === 0 ? 'no match' : `match ${currentIndex + 1}/${matchCount}`;
}
