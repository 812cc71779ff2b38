/**
 * The reloads of the inputs (`R`, and `--watch` when a file changes or the feeds are due): one runs at a time, and
 * those asked for meanwhile make one more after it. The queue is data in the state; the shell runs each `reload`
 * effect it puts in the outbox, and answers with `articles-loaded` or `reload-failed`, which ends it.
 */
import {withEffect} from './outbox.js';
import type {State} from './state.js';

/**
 * Asks for a reload: at once when none is running, else once the running one ends. With `shouldTellEveryFailure`
 * (the user asked, with `R`), the reload tells of every input that failed, not only of those that newly did.
 */
export function askForReload(state: State, shouldTellEveryFailure: boolean): State {
	const {reloads} = state;
	if (!reloads.isRunning) {
		return withEffect({...state, reloads: {isRunning: true}}, {kind: 'reload', shouldTellEveryFailure});
	}

	const isToldAll = shouldTellEveryFailure || reloads.next?.shouldTellEveryFailure === true;
	return reloads.next?.shouldTellEveryFailure === isToldAll ? state : {...state, reloads: {isRunning: true, next: {shouldTellEveryFailure: isToldAll}}};
}

/** The running reload has ended (with new articles or without): the one wanted meanwhile, if any, starts. */
export function withReloadEnded(state: State): State {
	const {reloads} = state;
	if (!reloads.isRunning) {
		return state;
	}

	const ended: State = {...state, reloads: {isRunning: false}};
	return reloads.next ? askForReload(ended, reloads.next.shouldTellEveryFailure) : ended;
}
