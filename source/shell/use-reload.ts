import {type Dispatch, useEffect} from 'react';
import type {Article} from '../article.js';
import type {Action} from '../state/actions.js';
import type {ReloadEffect} from '../state/state.js';
import type {FileChanges} from '../load/watch-files.js';

/**
 * What a reload gives the app: the articles now, the inputs that failed and kept their old articles, what the status
 * line now calls the inputs, and the warnings reading them gave this time.
 */
export type Reloaded = {
	readonly articles: readonly Article[];
	readonly failures: readonly string[];
	/** The failures the read before did not have; when given, a reload `--watch` makes tells of these alone. */
	readonly newFailures?: readonly string[];
	readonly label?: string;
	readonly warnings?: readonly string[];
	readonly offlineNotice?: string;
};

/** How the app reloads its inputs: how to read them again, and which paths to watch (`--watch`). */
export type ReloadOptions = {
	/** Reads the inputs again; undefined when they cannot be (stdin alone). */
	readonly reload?: () => Promise<Reloaded>;
	/** The changes to the watched paths (`--watch`), each to reload on. */
	readonly fileChanges?: FileChanges;
	/** How often to fetch the URLs again (`--watch` with URLs); none: only on `R`. */
	readonly refreshMs?: number;
};

/**
 * Reads the inputs again, as `request` asks, and reports it with an `articles-loaded` action (and a `notice-shown`
 * one when cached copies stood in for feeds), or with a `reload-failed` one when it could not be done.
 */
export function performReload(request: ReloadEffect, reload: ReloadOptions['reload'], dispatch: Dispatch<Action>): void {
	if (!reload) {
		dispatch({type: 'reload-failed', notice: 'stdin cannot be reloaded: it was read once, to its end'});
		return;
	}

	reload().then(
		({articles, failures, newFailures, label, warnings, offlineNotice}) => {
			// A file that cannot be read fails at every reload --watch makes: it is told once, and the warning count
			// keeps it in sight. R tells of every failure.
			const told = request.shouldTellEveryFailure ? failures : (newFailures ?? failures);
			dispatch({type: 'articles-loaded', articles, failures: told, label, inputWarningCount: warnings && warnings.length + failures.length});
			if (offlineNotice) {
				// Cached copies stood in for feeds that could not be fetched: say so, as the first load does.
				dispatch({type: 'notice-shown', text: offlineNotice});
			}
		},
		(error: unknown) => {
			dispatch({type: 'reload-failed', notice: `reload failed: ${(error as Error).message}`});
		},
	);
}

/**
 * Tells the state when the inputs are due to be read again (`--watch`): a `reload-due` action when a watched path
 * changes, and every `refreshMs`. The state decides when the reload runs (see state/reload-queue.ts).
 */
export function useReloadTriggers({fileChanges, refreshMs}: Omit<ReloadOptions, 'reload'>, dispatch: Dispatch<Action>): void {
	useEffect(() => fileChanges?.listen(() => {
		dispatch({type: 'reload-due'});
	}), [fileChanges, dispatch]);

	useEffect(() => {
		if (refreshMs === undefined) {
			return undefined;
		}

		const timer = setInterval(() => {
			dispatch({type: 'reload-due'});
		}, refreshMs);
		// The refresh alone keeps nothing running: quitting ends the session at once.
		timer.unref();
		return () => {
			clearInterval(timer);
		};
	}, [refreshMs, dispatch]);
}
