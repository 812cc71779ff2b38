import {Box, Text} from 'ink';
import type {ArticleLine, ArticleLineStyle} from '../state/article-lines.js';
import type {LineHighlight} from '../state/article-search.js';
import {hyperlink} from '../terminal/osc.js';
import {displayWidth, truncateToWidth} from '../text/text-width.js';
import {type LinePiece, linePieces} from './line-pieces.js';
import {chromeText} from '../text/glyphs.js';
import type {Style, Theme} from './theme.js';
import {titleRow} from './title-row.js';

type ArticlePaneProps = {
	readonly lines: readonly ArticleLine[];
	readonly scrollTop: number;
	readonly rowCount: number;
	readonly columnCount: number;
	readonly source: string;
	/** The groups of the article's feed in a subscription list (`News / World`), named after the source. */
	readonly group?: string;
	readonly isFocused: boolean;
	/** The matches of the article's search to highlight, by line index. */
	readonly highlights?: ReadonlyMap<number, readonly LineHighlight[]>;
	/** Where the search stands, for the title row: `match 2/7`, `no match`. */
	readonly searchPosition?: string;
	/** Whether addresses are drawn as OSC 8 hyperlinks. */
	readonly hasHyperlinks?: boolean;
	/** Blank columns before the text, past the pane's margin: the text centred in a pane wider than its measure. */
	readonly textIndent?: number;
	readonly theme: Theme;
};

/** The style of each kind of article line. */
function lineStyle(style: ArticleLineStyle, styles: Theme['styles']): Style {
	return style === 'body' || style === 'blank' ? {} : styles[style];
}

/**
 * `line` cut to `columnCount` with the theme's ellipsis. Only addresses and lines of preformatted text are wider than
 * the pane (they are never wrapped); Ink would cut them with `…`, which an ASCII terminal cannot show, and would
 * measure all of a long line of code first. The hyperlink keeps the whole address.
 */
function fittedLine(line: ArticleLine, columnCount: number, glyphs: Theme['glyphs']): ArticleLine {
	if (line.style === 'code') {
		const text = truncateToWidth(line.text, columnCount, glyphs.ellipsis);
		return text === line.text ? line : {...line, text};
	}

	return glyphs.isAscii && displayWidth(line.text) > columnCount ? {...line, text: truncateToWidth(line.text, columnCount, glyphs.ellipsis)} : line;
}

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

/**
 * One run of a line. An address is an OSC 8 hyperlink, never wrapped: a line wider than the pane is cut with `…`
 * by Ink, and the link around what shows still carries the whole address, so a click opens all of it.
 */
function renderPiece(piece: LinePiece, index: number, styles: Theme['styles'], hasHyperlinks: boolean) {
	const text = piece.url === undefined || !hasHyperlinks ? piece.text : hyperlink(piece.url, piece.text);
	return piece.highlight === undefined ? text : (
		<Text key={index} {...(piece.highlight === 'match' ? styles.articleMatch : styles.currentArticleMatch)}>
			{text}
		</Text>
	);
}

/** The article: a title row with its source (and group), search and scroll position, then the visible lines of its wrapped text. */
export function ArticlePane({lines, scrollTop, rowCount, columnCount, source, group, isFocused, highlights, searchPosition, hasHyperlinks = true, textIndent = 0, theme}: ArticlePaneProps) {
	const {styles, glyphs} = theme;
	const position = chromeText(
		[searchPosition, lines.length === 0 ? '' : scrollPosition(lines.length, scrollTop, rowCount)].filter(Boolean).join('  '),
		glyphs,
	);
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount + 1}>
			<Text wrap="truncate" {...(isFocused ? styles.paneTitleFocused : styles.paneTitle)}>
				{titleRow([group === undefined ? ` ${source}` : ` ${source}${glyphs.partSeparator}${group}`], position === '' ? [''] : [`${position} `], columnCount, glyphs.ellipsis)}
			</Text>
			{lines.slice(scrollTop, scrollTop + rowCount).map((shownLine, offset) => {
				const line = fittedLine(shownLine, columnCount - 1 - textIndent, glyphs);
				const lineHighlights = highlights?.get(scrollTop + offset);
				return (
					// Lines have no identity of their own beyond their place on screen.
					// eslint-disable-next-line react/no-array-index-key
					<Text key={offset} wrap="truncate" {...lineStyle(line.style, styles)}>
						{' '.repeat(1 + textIndent)}
						{line.link === undefined && lineHighlights === undefined ? line.text : linePieces(line, lineHighlights).map((piece, index) => renderPiece(piece, index, styles, hasHyperlinks))}
					</Text>
				);
			})}
		</Box>
	);
}
