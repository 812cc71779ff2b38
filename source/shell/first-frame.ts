import {createElement} from 'react';
import {Box} from 'ink';
import {searchTextOf} from '../state/field-filtering.js';
import {cursorCell} from '../state/cursor.js';
import {createFrameWriter, handOverFrameWriter} from '../terminal/renderer/frame-writer.js';
import {staticFrame} from '../terminal/renderer/static-frame.js';
import {AppScreen} from '../ui/app-screen.js';
import {defaultTheme} from '../ui/theme.js';
import type {Session} from './session.js';
import {sessionState} from './session-state.js';
import {viewportOf} from './use-viewport.js';

/**
 * Draws the session's first frame on `output` before Ink has loaded, and leaves the frame writer that drew it for
 * Ink to take over (terminal/renderer/frame-writer.ts): the screen the user waits for comes without waiting for Ink,
 * React's reconciler and Yoga to load and lay it out (about a fifth of a start, bench/README.md). Ink then renders
 * the same state to the same frame, and its writer, finding it on the screen, writes nothing. Keys typed meanwhile
 * wait in the terminal's input for Ink, as keys typed during loading do.
 *
 * Returns whether it drew. It does not when the frame needs what only the app has (a first filter, whose matches
 * need the search index) or what staticFrame does not draw as Ink does (terminal/renderer/static-frame.ts): Ink
 * then draws the first frame, as it draws every other.
 */
export function drawFirstFrame(session: Session, {output, now, hasHyperlinks}: {readonly output: NodeJS.WriteStream; readonly now: number; readonly hasHyperlinks: boolean}): boolean {
	if (session.initialQuery !== undefined && searchTextOf(session.initialQuery) !== '') {
		return false;
	}

	const viewport = viewportOf(output);
	const state = sessionState(session, {viewport, now});
	// As shell/run-interface.tsx's Root renders the app (its Box, then the app's screen).
	const screen = createElement(Box, {flexDirection: 'column'}, createElement(AppScreen, {state, theme: session.theme ?? defaultTheme, now, hasHyperlinks}));
	const drawn = staticFrame(screen, viewport);
	if (drawn === undefined) {
		return false;
	}

	const writer = createFrameWriter(output);
	// As the app places the cursor (shell/app.tsx), and as Ink hands a frame on (node_modules/ink/build/ink.js): with a
	// newline after it unless it fills the terminal.
	writer.setCursorPosition({...cursorCell(state), isVisible: session.isCursorShown ?? false});
	writer(drawn.rowCount >= viewport.rowCount ? drawn.frame : `${drawn.frame}\n`);
	handOverFrameWriter(output, writer);
	return true;
}
