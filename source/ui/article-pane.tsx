import {Box, Text} from 'ink';
import type {ArticleLine, ArticleLineStyle} from '../state/article-lines.js';
import {padToWidth} from '../terminal/text-width.js';
import {theme} from './theme.js';

type ArticlePaneProps = {
	readonly lines: readonly ArticleLine[];
	readonly scrollTop: number;
	readonly rowCount: number;
	readonly columnCount: number;
	readonly source: string;
	readonly isFocused: boolean;
};

const lineStyles: Record<ArticleLineStyle, object> = {
	kicker: theme.kicker,
	headline: theme.headline,
	deck: theme.deck,
	meta: theme.meta,
	body: {},
	link: theme.link,
	blank: {},
};

/** Where the pane is in the article, as less says it: `Top`, `42%`, `End` or `All`. */
function scrollPosition(lineCount: number, scrollTop: number, rowCount: number): string {
	if (lineCount <= rowCount) {
		return 'All';
	}

	if (scrollTop === 0) {
		return 'Top';
	}

	if (scrollTop + rowCount >= lineCount) {
		return 'End';
	}

	return `${Math.round(((scrollTop + rowCount) / lineCount) * 100)}%`;
}

/** The article: a title row with its source and scroll position, then the visible lines of its wrapped text. */
export function ArticlePane({lines, scrollTop, rowCount, columnCount, source, isFocused}: ArticlePaneProps) {
	const position = lines.length === 0 ? '' : scrollPosition(lines.length, scrollTop, rowCount);
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount + 1}>
			<Text wrap="truncate" {...(isFocused ? theme.paneTitleFocused : theme.paneTitle)}>
				{padToWidth(` ${source}`, columnCount - position.length - 1) + position + ' '}
			</Text>
			{lines.slice(scrollTop, scrollTop + rowCount).map((line, offset) => (
				// Lines have no identity of their own beyond their place on screen.
				// eslint-disable-next-line react/no-array-index-key
				<Text key={offset} wrap="truncate" {...lineStyles[line.style]}>
					{' '}
					{line.text}
				</Text>
			))}
		</Box>
	);
}
