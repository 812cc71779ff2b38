import {defaultKeymap} from '../input/keymap.js';
import type {Viewport} from '../mode.js';
import {createState} from '../state/initial-state.js';
import type {State} from '../state/state.js';
import {defaultTheme} from '../ui/theme.js';
import type {Session} from './session.js';

/**
 * The state a session starts in, on a terminal of `viewport` at `now`. `results` are the matches of the session's first
 * filter, when it has one. The app starts from it, and so does the frame drawn before the app has loaded
 * (first-frame.ts), so that the two are the same frame.
 */
export function sessionState(session: Session, {viewport, now, results}: {readonly viewport: Viewport; readonly now: number; readonly results?: Parameters<typeof createState>[1]['results']}): State {
	const {initialQuery, initialOrder, savedMarks, readStateStore, inputSetKey} = session;
	return createState(session.articles, {
		query: initialQuery,
		viewport,
		results,
		order: initialOrder,
		shouldRankMatches: initialOrder === undefined || !initialQuery,
		readMarks: savedMarks ? {saved: savedMarks, changed: new Map()} : undefined,
		keymap: session.keymap ?? defaultKeymap,
		glyphs: (session.theme ?? defaultTheme).glyphs,
		inputLabel: session.fileName,
		loadingShare: session.loadingShare,
		fetchCounts: session.fetchCounts,
		notice: session.initialNotice,
		inputWarningCount: session.warningCount ?? 0,
		inputWarnings: session.inputWarnings,
		screen: session.screen,
		selectedKey: inputSetKey === undefined ? undefined : readStateStore?.placeOf(inputSetKey),
		now,
		hideRules: session.hideRules,
		namedViews: session.namedViews,
	});
}
