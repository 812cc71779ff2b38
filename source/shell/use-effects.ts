import {type Dispatch, useCallback, useEffect, useRef} from 'react';
import type {Action} from '../state/actions.js';
import type {Effect, FullTextEffect, LinkEffect, ProgramEffect, QuitEffect, ReloadEffect, SaveReadMarksEffect, SearchEffect} from '../state/state.js';

/** How the shell carries out each kind of effect; a kind without a handler is dropped. */
export type EffectHandlers = {
	/** Stops the process until `fg` (Ctrl-Z), putting the terminal back meanwhile. */
	readonly onSuspend?: () => void;
	/** Clears the terminal and draws the frame whole again (Ctrl-L). */
	readonly onRedraw?: () => void;
	/** Opens or copies a link (`o`, `y`). */
	readonly onLink?: (link: LinkEffect) => void;
	/** Runs a program on an article: pipes it (`|`), pages it (`p`) or saves it (`w`). */
	readonly onProgram?: (program: ProgramEffect) => void;
	/** Fetches an article's full story (`F`). */
	readonly onFullText?: (request: FullTextEffect) => void;
	/** Reads the inputs again (`R`, `--watch`). */
	readonly onReload?: (request: ReloadEffect) => void;
	/** Saves the read marks, a moment later. */
	readonly onSaveReadMarks?: (request: SaveReadMarksEffect) => void;
	/** Ends the interface. */
	readonly onQuit?: (request: QuitEffect) => void;
	/** Starts or cancels the filter's search, in the background. */
	readonly onSearch?: (request: SearchEffect) => void;
};

/**
 * Reports `effects` as run by the caller, outside the hook (the input handler runs a keystroke's search before the
 * frame): the hook will not run them again, and an `effects-run` action takes them out of the outbox.
 */
export type MarkRun = (effects: readonly Effect[]) => void;

/**
 * Runs the effects in the state's outbox once the frame that holds them is drawn, each once and in order, then
 * reports them with an `effects-run` action, which takes them out. An effect is run once even when the app renders
 * again before that action lands. Answers how to report effects run elsewhere.
 */
export function useEffects(effects: readonly Effect[], dispatch: Dispatch<Action>, handlers: EffectHandlers): MarkRun {
	const latestHandlers = useRef(handlers);
	latestHandlers.current = handlers;
	const ran = useRef(new WeakSet<Effect>());
	useEffect(() => {
		const fresh = effects.filter(effect => !ran.current.has(effect));
		for (const effect of fresh) {
			ran.current.add(effect);
			switch (effect.kind) {
				case 'suspend': {
					latestHandlers.current.onSuspend?.();
					break;
				}

				case 'redraw': {
					latestHandlers.current.onRedraw?.();
					break;
				}

				case 'link': {
					latestHandlers.current.onLink?.(effect);
					break;
				}

				case 'pipe':
				case 'page':
				case 'save': {
					latestHandlers.current.onProgram?.(effect);
					break;
				}

				case 'fetch-full-text': {
					latestHandlers.current.onFullText?.(effect);
					break;
				}

				case 'reload': {
					latestHandlers.current.onReload?.(effect);
					break;
				}

				case 'save-read-marks': {
					latestHandlers.current.onSaveReadMarks?.(effect);
					break;
				}

				case 'quit': {
					latestHandlers.current.onQuit?.(effect);
					break;
				}

				case 'start-search':
				case 'cancel-search': {
					latestHandlers.current.onSearch?.(effect);
					break;
				}
			}
		}

		if (effects.length > 0) {
			dispatch({type: 'effects-run', effects});
		}
	}, [effects, dispatch]);

	return useCallback(
		(run: readonly Effect[]) => {
			for (const effect of run) {
				ran.current.add(effect);
			}

			if (run.length > 0) {
				dispatch({type: 'effects-run', effects: run});
			}
		},
		[dispatch],
	);
}
