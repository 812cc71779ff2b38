import {Text} from 'ink';
import {articleSearchSummary, typedLineLayout} from '../state/typed-lines.js';
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
	const summary = articleSearchSummary(position);
	const line = typedLineLayout({prefix: '/', draft: query, summary, columnCount, hasCaret: true, ellipsis: glyphs.ellipsis});
	return (
		<Text wrap="truncate">
			<Text bold>/</Text>
			{line.shownDraft}
			<Text inverse> </Text>
			{line.gap}
			<Text {...(hasMatches ? styles.meta : styles.notice)}>{summary}</Text>
		</Text>
	);
}

export {searchPositionText} from '../state/typed-lines.js';
