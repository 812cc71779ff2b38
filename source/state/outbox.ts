/** The state's outbox (see {@link Effect}): how the modules of `update` ask the shell to do something. */
import type {Effect, State} from './state.js';

/** The state with `effect` put in the outbox, for the shell to run once (shell/use-effects.ts). */
export function withEffect(state: State, effect: Effect): State {
	return {...state, effects: [...state.effects, effect]};
}
