import React, {useEffect, useMemo, useRef, useState} from 'react';
import {useApp, useCursor, useInput} from 'ink';
import type {Article} from '../article.js';
import {defaultKeymap} from '../input/keymap.js';
import {keysFromInput} from '../input/keys-from-input.js';
import {splitMouseInput} from '../input/mouse-input.js';
import {articleKey} from '../read-state/marks.js';
import {useReadStateFile} from './use-read-state-file.js';
import {cursorCell} from '../state/cursor.js';
import type {CursorPosition} from '../terminal/renderer/frame-writer.js';
import {isShownArticleBehind, selectedArticle} from '../state/selectors.js';
import {sessionState} from './session-state.js';
import {searchTextOf} from '../state/field-filtering.js';
import {type Viewport} from '../mode.js';
import type {Action} from '../state/actions.js';
import {AppScreen} from '../ui/app-screen.js';
import {defaultTheme} from '../ui/theme.js';
import {processLinkEnvironment, performLinkRequest} from './link-actions.js';
import {type FullTextEnvironment, useFullText} from './use-full-text.js';
import {useFullTextPrefetch} from './use-full-text-prefetch.js';
import {performReload, useReloadTriggers} from './use-reload.js';
import {useArrivals} from './use-arrivals.js';
import {useEffects} from './use-effects.js';
import {useAppState} from './use-app-state.js';
import {runProgram} from './article-programs.js';
import type {Session} from './session.js';
import {runSearchRequest, searchBeforeFrame, searchIndexOf, searchWithin, useSearch, useSearchIndex} from './use-search.js';

/** How long a `--filter` search may hold up the first frame; a longer one runs after it, like any other. */
const startupSearchMs = 50;
/**
 * How long a keystroke's search may hold up its frame. A search that ends in time shows in the same frame as the
 * key; a longer one costs a frame for the key (about 20 ms at 200x50) before the frame with its results.
 */
const keystrokeSearchMs = 30;
/**
 * How long the selection must rest before the article beside the list shows it. Longer than the gap between
 * repeats of a held key, so that holding Down redraws a few list rows a step and the article once at the end.
 */
export const selectionRestMs = 60;

type AppProps = {
	/** What the session is: its inputs, keys, looks, settings and effect handles (see session.ts); fixed for the session. */
	readonly session: Session;
	/** The terminal's size; the shell passes it in and passes a new one on resize. */
	readonly viewport: Viewport;
	/** The time list dates are relative to, in milliseconds since the epoch; the shell refreshes it every minute. */
	readonly now: number;
	/** Whether addresses go out as OSC 8 hyperlinks (not to the Linux console, which would print them). */
	readonly hasHyperlinks?: boolean;
	/** Stops the process until `fg` (Ctrl-Z), putting the terminal back meanwhile; the shell passes it in. */
	readonly onSuspend?: () => void;
	/** Clears the terminal and draws the frame whole again (Ctrl-L); the shell passes it in. */
	readonly onRedraw?: () => void;
	/** Hears which article was picked with Enter (`--pick`), just before the app exits; not called when none was. */
	readonly onPick?: (article: Article) => void;
};

const defaultLinkEnvironment = processLinkEnvironment();
const defaultFullTextEnvironment: FullTextEnvironment = {};
const noSources: readonly string[] = [];

/** The root component: one reducer, one input handler, the search between keystrokes, and a frame that always fits the terminal. */
export function App({session, viewport, now, hasHyperlinks = true, onSuspend, onRedraw, onPick}: AppProps) {
	const {
		articles: initialArticles,
		arrivals,
		initialQuery,
		readStateStore,
		linkEnvironment = defaultLinkEnvironment,
		fullTextEnvironment = defaultFullTextEnvironment,
		fullTextSources = noSources,
		reload,
		fileChanges,
		refreshMs,
		theme = defaultTheme,
		keymap = defaultKeymap,
		programs,
		isCursorShown = false,
		inputSetKey,
	} = session;
	const {state, dispatch, latest} = useAppState(() =>
		sessionState(session, {
			viewport,
			now,
			results: initialQuery && searchTextOf(initialQuery) !== '' ? searchWithin(searchIndexOf(initialArticles), searchTextOf(initialQuery), startupSearchMs) : undefined,
		}),
	);
	const {articles, searchedArticles} = state;
	const [initialMarks] = useState(state.readMarks);
	const searchIndex = useSearchIndex(searchedArticles);
	const selected = selectedArticle(state);
	const selectedKey = selected ? articleKey(selected) : undefined;
	const saveReadMarks = useReadStateFile(readStateStore, initialMarks, dispatch, inputSetKey === undefined || selectedKey === undefined ? undefined : {inputSetKey, articleKey: selectedKey});
	const {exit} = useApp();
	const search = useSearch(searchIndex, dispatch, searchedArticles, state.loadingShare !== undefined);
	const fetchFullText = useFullText(dispatch, fullTextEnvironment);
	useFullTextPrefetch(articles, fullTextSources, state.loadingShare !== undefined || state.fetchCounts !== undefined, dispatch, fullTextEnvironment);
	useReloadTriggers({fileChanges, refreshMs}, dispatch);
	useArrivals(arrivals, dispatch);
	const showNotice = (text: string) => {
		dispatch({type: 'notice-shown', text});
	};

	const markRun = useEffects(state.effects, dispatch, {
		onSuspend,
		onRedraw,
		onLink(link) {
			performLinkRequest(link, linkEnvironment, showNotice);
		},
		onProgram(program) {
			runProgram(program, articles, programs, showNotice);
		},
		onFullText: fetchFullText,
		onReload(request) {
			performReload(request, reload, dispatch);
		},
		onSaveReadMarks: saveReadMarks,
		onSearch(request) {
			runSearchRequest(request, search, searchedArticles);
		},
		onQuit({picked}) {
			if (picked) {
				onPick?.(picked);
			}

			exit();
		},
	});
	const boundAltKeys = useMemo(() => new Set(keymap.flatMap(binding => binding.keys.filter(name => name.startsWith('alt+')))), [keymap]);

	// The start of a mouse report whose rest has not come yet (see splitMouseInput).
	const pendingMouseInput = useRef('');

	useInput((input, key) => {
		// Mouse reports come in with the keys: they act on the state as they are, and never type into a line.
		const {pieces, pending} = splitMouseInput(input, pendingMouseInput.current);
		pendingMouseInput.current = pending;
		const isKeysOnly = pieces.length === 1 && pieces[0]!.kind === 'text' && pending === '';
		const actions: Action[] = isKeysOnly || (pieces.length === 0 && pending === '')
			? [{type: 'keys-pressed', keys: keysFromInput(input, key, boundAltKeys), now: Date.now()}]
			: pieces.map(piece => (piece.kind === 'mouse'
				? {type: 'mouse-used', event: piece.event, now: Date.now()}
				: {type: 'keys-pressed', keys: keysFromInput(piece.text, {}, boundAltKeys), now: Date.now()}));
		if (actions.length === 0) {
			return;
		}

		search.noteKeystroke();
		for (const action of actions) {
			dispatch(action);
		}

		// The search the keys asked for runs before the frame, rather than after it as other effects do: Ink batches
		// both actions into one render, so that a quick search shows with the keystroke (the word index's hits;
		// fuse.js's ranking of the head follows a moment later, and seldom changes anything). A slower one goes on in
		// the background (see useSearch), and its results come in a later frame.
		const requests = latest().effects.filter(effect => effect.kind === 'start-search' || effect.kind === 'cancel-search');
		const {isRun, results} = searchBeforeFrame(requests, search, searchedArticles, keystrokeSearchMs);
		if (isRun) {
			markRun(requests);
		}

		if (results) {
			dispatch({type: 'search-finished', ...results, articles: searchedArticles});
		}
	});

	useEffect(() => {
		dispatch({type: 'viewport-resized', viewport});
	}, [viewport, dispatch]);

	const isArticleBehind = isShownArticleBehind(state);
	const selectedArticleId = selectedArticle(state)?.id;
	useEffect(() => {
		if (!isArticleBehind) {
			return;
		}

		// The action names the article that rested: a key may move the selection just before the timer fires, when
		// React has drawn the move but not yet run this effect again to restart the timer.
		const timer = setTimeout(() => {
			dispatch({type: 'selection-rested', articleId: selectedArticleId});
		}, selectionRestMs);
		return () => {
			clearTimeout(timer);
		};
	}, [isArticleBehind, selectedArticleId, state.results, dispatch]);

	const {setCursorPosition} = useCursor();
	if (state.mode.name === 'quit') {
		setCursorPosition(undefined);
		return null;
	}

	// Ink passes the position on to the frame writer as it is, `isVisible` with it (see terminal/renderer/frame-writer.ts).
	const cursor: CursorPosition = {...cursorCell(state), isVisible: isCursorShown};
	setCursorPosition(cursor);
	return <AppScreen state={state} theme={theme} now={now} hasHyperlinks={hasHyperlinks} />;
}
