import {Text} from 'ink';
import {type FilterFacts, filterSummary, typedLineLayout} from '../state/typed-lines.js';
import type {Theme} from './theme.js';

type FilterLineProps = FilterFacts & {
	readonly isEditing: boolean;
	readonly columnCount: number;
	readonly theme: Theme;
};

/** The filter line: `/query` with a cursor while typing, and how many articles match (or how a slow search is doing). */
export function FilterLine({isEditing, columnCount, theme, ...facts}: FilterLineProps) {
	const {styles, glyphs} = theme;
	const summary = filterSummary(facts, columnCount, glyphs);
	const line = typedLineLayout({prefix: '/', draft: facts.query, summary, columnCount, hasCaret: isEditing, ellipsis: glyphs.ellipsis});
	const isNotice = facts.matchCount === 0 || facts.slowSearch !== undefined || facts.error !== undefined;
	return (
		<Text wrap="truncate">
			<Text bold>/</Text>
			{line.shownDraft}
			{isEditing ? <Text inverse> </Text> : null}
			{line.gap}
			<Text {...(isNotice ? styles.notice : styles.meta)}>{summary}</Text>
		</Text>
	);
}
