import type React from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, hintsFor} from '../input/keymap.js';
import {layoutOf, tooSmallMessage} from '../state/layout.js';
import {helpLayout} from '../state/help-layout.js';
import {groupLabel, orderLabels} from '../state/list-order.js';
import {
	hiddenCount,
	activeQuery,
	displayedOrder,
	groupColumnCount,
	datedYears,
	isArticleRead,
	isArticleStarred,
	isReading,
	questionText,
	filterFacts,
	selectArticleSearch,
	selectListRows,
	selectedIndex,
	shownArticle,
	shownArticleLines,
} from '../state/selectors.js';
import {namedViewHelpSections} from '../state/field-filtering.js';
import type {State} from '../state/state.js';
import {ArticlePane} from './article-pane.js';
import {ArticleSearchLine, searchPositionText} from './article-search-line.js';
import {FilterLine} from './filter-line.js';
import {PromptLine} from './prompt-line.js';
import {HelpOverlay} from './help-overlay.js';
import {MessagesOverlay} from './messages-overlay.js';
import {ListPane} from './list-pane.js';
import {StatusLine} from './status-line.js';
import type {Theme} from './theme.js';

type AppScreenProps = {
	readonly state: State;
	readonly theme: Theme;
	/** The time list dates are relative to, in milliseconds since the epoch. */
	readonly now: number;
	/** Whether addresses go out as OSC 8 hyperlinks. */
	readonly hasHyperlinks: boolean;
};

/**
 * The whole screen for a state: the panes (or an overlay), the line being typed or the filter line, and the status
 * line, in a frame that always fits the terminal. It only renders its props, so that the first frame can be drawn from
 * it before Ink has loaded (terminal/renderer/static-frame.ts, shell/first-frame.ts), as Ink then draws it.
 */
export function AppScreen({state, theme, now, hasHyperlinks}: AppScreenProps) {
	const {styles, glyphs} = theme;
	const {articles} = state;
	const layout = layoutOf(state);
	if (layout.isTooSmall) {
		return (
			<Text wrap="truncate" {...styles.notice}>
				{tooSmallMessage(layout.columnCount, state.viewport.rowCount)}
			</Text>
		);
	}

	const article = shownArticle(state);
	const isArticleFocused = isReading(state.mode);
	const articleSearch = selectArticleSearch(state);
	const searchPosition = articleSearch ? searchPositionText(articleSearch.query, articleSearch.matches.length, articleSearch.currentIndex) : '';
	const listPane = (
		<ListPane
			rows={selectListRows(state)}
			listTop={state.listTop}
			selectedIndex={selectedIndex(state)}
			orderLabel={orderLabels[displayedOrder(state)]}
			rowCount={layout.listRowCount}
			columnCount={layout.listColumnCount}
			isFocused={!isArticleFocused}
			viewName={state.view.name}
			hasQuery={activeQuery(state).trim() !== ''}
			isRead={listArticle => isArticleRead(state, listArticle)}
			isStarred={listArticle => isArticleStarred(state, listArticle)}
			theme={theme}
			dateYears={datedYears(articles)}
			groupColumnCount={displayedOrder(state) === 'group' ? 0 : groupColumnCount(articles)}
			now={now}
		/>
	);
	const articlePane = (
		<ArticlePane
			lines={shownArticleLines(state)}
			scrollTop={state.articleScrollTop}
			rowCount={layout.articleRowCount}
			columnCount={layout.articleColumnCount}
			source={article?.source ?? state.inputLabel}
			group={article ? groupLabel(article) : undefined}
			isFocused={isArticleFocused}
			highlights={articleSearch?.highlights}
			hasHyperlinks={hasHyperlinks}
			searchPosition={searchPosition}
			textIndent={layout.articleTextIndent}
			theme={theme}
		/>
	);
	let panes: React.ReactNode;
	if (state.mode.name === 'messages') {
		panes = (
			<MessagesOverlay
				messages={state.messages}
				rowCount={layout.paneRowCount}
				columnCount={layout.columnCount}
				scrollTop={state.mode.scrollTop}
				closingKeys={bindingsFor(state.keymap, 'messages').flatMap(binding => (binding.command === 'messages-toggle' ? binding.keys : []))}
				theme={theme}
			/>
		);
	} else if (state.mode.name === 'help') {
		panes = (
			<HelpOverlay
				layout={helpLayout(state.keymap, glyphs, layout.paneRowCount, layout.columnCount, namedViewHelpSections(state.namedViews))}
				rowCount={layout.paneRowCount}
				columnCount={layout.columnCount}
				scrollTop={state.mode.scrollTop}
				closingKeys={[...new Set(bindingsFor(state.keymap, 'help').flatMap(binding => (binding.command === 'help-toggle' ? binding.keys : [])))]}
				scrollKeys={(['cursor-down', 'cursor-up'] as const).flatMap(command => bindingsFor(state.keymap, 'help').find(binding => binding.command === command && binding.keys.length > 0)?.keys.slice(0, 1) ?? [])}
				theme={theme}
			/>
		);
	} else if (layout.isSplit) {
		panes = (
			<Box flexDirection="row" height={layout.paneRowCount}>
				{listPane}
				<Box width={1} flexDirection="column">
					<Text {...styles.separator}>{`${glyphs.paneSeparator}\n`.repeat(layout.paneRowCount).trimEnd()}</Text>
				</Box>
				{articlePane}
			</Box>
		);
	} else {
		panes = isArticleFocused ? articlePane : listPane;
	}

	return (
		<Box flexDirection="column" width={layout.columnCount} height={layout.frameRowCount}>
			<Box height={layout.paneRowCount} flexDirection="column">
				{panes}
			</Box>
			{state.mode.name === 'prompt' ? (
				<PromptLine purpose={state.mode.purpose} draft={state.mode.draft} columnCount={layout.columnCount} theme={theme} />
			) : articleSearch?.isEditing ? (
				<ArticleSearchLine
					query={articleSearch.query}
					position={searchPosition}
					hasMatches={articleSearch.matches.length > 0}
					columnCount={layout.columnCount}
					theme={theme}
				/>
			) : layout.hasFilterLine ? (
				<FilterLine
					{...filterFacts(state)}
					isEditing={state.mode.name === 'filter'}
					columnCount={layout.columnCount}
					theme={theme}
				/>
			) : null}
			<StatusLine
				fileName={state.inputLabel}
				articleCount={articles.length}
				hiddenCount={hiddenCount(state)}
				loadingShare={state.loadingShare}
				fetchCounts={state.fetchCounts}
				warningCount={state.inputWarningCount + state.warnings.length}
				hints={hintsFor(state.keymap, state.mode.name, glyphs)}
				columnCount={layout.columnCount}
				notice={questionText(state) ?? state.notice ?? (state.fullTextPendingIds.size > 0 ? `fetching the full story${state.fullTextPendingIds.size > 1 ? ` (${state.fullTextPendingIds.size})` : ''}…` : undefined) ?? (state.prefetchCounts ? `full stories ${state.prefetchCounts.fetched}/${state.prefetchCounts.total}` : undefined)}
				theme={theme}
			/>
		</Box>
	);
}
