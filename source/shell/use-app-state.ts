import {useCallback, useRef, useState} from 'react';
import type {Action} from '../state/actions.js';
import type {State} from '../state/state.js';
import {update} from '../state/update.js';

/** The app's state, how to change it, and the state after every action dispatched so far. */
export type AppState = {
	/** The state this render draws. */
	readonly state: State;
	/** Runs `update` once on the latest state with `action`, and has React draw the result. */
	readonly dispatch: (action: Action) => void;
	/** The state after every action dispatched so far, which React may not have drawn yet. */
	readonly latest: () => State;
};

/**
 * The app's one store: `useReducer(update)`, except that `update` runs here, once per action, on the state after the
 * actions before it, and React only keeps and draws the result. The input handler needs that state at once: it
 * searches for the query its keys made before React draws the frame (see app.tsx), and the next chunk of input may
 * come before that frame. With `useReducer`, it would run `update` a second time on a copy of its own.
 */
export function useAppState(initialState: () => State): AppState {
	const [state, setState] = useState(initialState);
	const latestState = useRef(state);
	const dispatch = useCallback((action: Action) => {
		const next = update(latestState.current, action);
		if (next !== latestState.current) {
			latestState.current = next;
			setState(next);
		}
	}, []);
	const latest = useCallback(() => latestState.current, []);
	return {state, dispatch, latest};
}
