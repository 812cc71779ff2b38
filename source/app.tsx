import React, {useEffect, useReducer} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import type {Article} from './article.js';
import {helpSections, hintsFor} from './input/keymap.js';
import {keysFromInput} from './input/keys-from-input.js';
import {layoutOf, minimumViewport} from './state/layout.js';
import {activeQuery, selectHits, selectedArticle, selectedArticleLines, selectedIndex} from './state/selectors.js';
import {createState, type Viewport} from './state/state.js';
import {update} from './state/update.js';
import {ArticlePane} from './ui/article-pane.js';
import {FilterLine} from './ui/filter-line.js';
import {HelpOverlay} from './ui/help-overlay.js';
import {ListPane} from './ui/list-pane.js';
import {StatusLine} from './ui/status-line.js';
import {paneSeparator, theme} from './ui/theme.js';

type AppProps = {
	readonly articles: readonly Article[];
	/** Shown in the status line. */
	readonly fileName: string;
	/** The terminal's size; the shell passes it in and passes a new one on resize. */
	readonly viewport: Viewport;
	/** How many warnings reading the inputs gave; they are printed when the app exits. */
	readonly warningCount?: number;
	/** A filter to start with (`--filter`). */
	readonly initialQuery?: string;
};

/** The root component: one reducer, one input handler, and a frame that always fits the terminal. */
export function App({articles, fileName, viewport, warningCount = 0, initialQuery}: AppProps) {
	const [state, dispatch] = useReducer(update, undefined, () => createState(articles, {query: initialQuery, viewport}));
	const {exit} = useApp();

	useInput((input, key) => {
		dispatch({type: 'keys-pressed', keys: keysFromInput(input, key)});
	});

	useEffect(() => {
		dispatch({type: 'viewport-resized', viewport});
	}, [viewport]);

	useEffect(() => {
		if (state.mode.name === 'quit') {
			exit();
		}
	}, [state.mode.name, exit]);

	const layout = layoutOf(state);
	if (state.mode.name === 'quit') {
		return null;
	}

	if (layout.isTooSmall) {
		return (
			<Text wrap="truncate" {...theme.notice}>
				{`Need ${minimumViewport.columnCount}x${minimumViewport.rowCount}, have ${layout.columnCount}x${state.viewport.rowCount}. q quits.`}
			</Text>
		);
	}

	const hits = selectHits(state);
	const article = selectedArticle(state);
	const isReading = state.mode.name === 'read' || (state.mode.name === 'help' && state.mode.returnTo === 'read');
	const listPane = (
		<ListPane
			hits={hits}
			listTop={state.listTop}
			selectedIndex={selectedIndex(state)}
			rowCount={layout.listRowCount}
			columnCount={layout.listColumnCount}
			isFocused={!isReading}
		/>
	);
	const articlePane = (
		<ArticlePane
			lines={selectedArticleLines(state)}
			scrollTop={state.articleScrollTop}
			rowCount={layout.articleRowCount}
			columnCount={layout.articleColumnCount}
			source={article?.source ?? fileName}
			isFocused={isReading}
		/>
	);
	let panes: React.ReactNode;
	if (state.mode.name === 'help') {
		panes = <HelpOverlay sections={helpSections()} rowCount={layout.paneRowCount} columnCount={layout.columnCount} />;
	} else if (layout.isSplit) {
		panes = (
			<Box flexDirection="row" height={layout.paneRowCount}>
				{listPane}
				<Box width={1} flexDirection="column">
					<Text {...theme.separator}>{`${paneSeparator}\n`.repeat(layout.paneRowCount).trimEnd()}</Text>
				</Box>
				{articlePane}
			</Box>
		);
	} else {
		panes = isReading ? articlePane : listPane;
	}

	return (
		<Box flexDirection="column" width={layout.columnCount} height={layout.frameRowCount}>
			<Box height={layout.paneRowCount} flexDirection="column">
				{panes}
			</Box>
			{layout.hasFilterLine ? (
				<FilterLine
					query={activeQuery(state)}
					isEditing={state.mode.name === 'filter'}
					matchCount={hits.length}
					articleCount={articles.length}
					columnCount={layout.columnCount}
				/>
			) : null}
			<StatusLine
				fileName={fileName}
				articleCount={articles.length}
				warningCount={warningCount}
				hints={hintsFor(state.mode.name)}
				columnCount={layout.columnCount}
			/>
		</Box>
	);
}
