import {type Dispatch, useEffect, useRef} from 'react';
import type {Article} from '../article.js';
import type {Action} from '../state/actions.js';
import {watchFiles} from '../load/watch-files.js';

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
	/** Paths to watch for changes, reloading when one changes. */
	readonly watchedPaths?: readonly string[];
	/** How often to fetch the URLs again (`--watch` with URLs); none: only on `R`. */
	readonly refreshMs?: number;
};

/**
 * Performs the reloads the state asks for (`reloadRequestCount` grows with each `R`) and the ones a change to a
 * watched path calls for, one at a time (a change during a reload reloads once more after it), reporting each
 * with an `articles-loaded` action; a reload that cannot happen gets a `notice-shown` one.
 */
export function useReload({reload, watchedPaths, refreshMs}: ReloadOptions, reloadRequestCount: number, dispatch: Dispatch<Action>): void {
	const latestReload = useRef(reload);
	latestReload.current = reload;
	const reloader = useRef<{isRunning: boolean; isWanted: boolean; isAsked: boolean; run: (isAsked?: boolean) => void}>(undefined);
	if (!reloader.current) {
		const state = {
			isRunning: false,
			isWanted: false,
			/** Whether the user asked (R) for the reload running or wanted next: it then tells of every failure. */
			isAsked: false,
			run(_isAsked?: boolean) {},
		};
		state.run = (isAsked = false) => {
			state.isAsked ||= isAsked;
			if (state.isRunning) {
				state.isWanted = true;
				return;
			}

			const reload = latestReload.current;
			if (!reload) {
				dispatch({type: 'notice-shown', text: 'stdin cannot be reloaded: it was read once, to its end'});
				return;
			}

			state.isRunning = true;
			const isToldAll = state.isAsked;
			state.isAsked = false;
			reload()
				.then(
					({articles, failures, newFailures, label, warnings, offlineNotice}) => {
						// A file that cannot be read fails at every reload --watch makes: it is told once, and the warning
						// count keeps it in sight. R tells of every failure.
						const told = isToldAll ? failures : (newFailures ?? failures);
						dispatch({type: 'articles-loaded', articles, failures: told, label, inputWarningCount: warnings && warnings.length + failures.length});
						if (offlineNotice) {
							// Cached copies stood in for feeds that could not be fetched: say so, as the first load does.
							dispatch({type: 'notice-shown', text: offlineNotice});
						}
					},
					(error: unknown) => {
						dispatch({type: 'notice-shown', text: `reload failed: ${(error as Error).message}`});
					},
				)
				.finally(() => {
					state.isRunning = false;
					if (state.isWanted) {
						state.isWanted = false;
						state.run();
					}
				});
		};

		reloader.current = state;
	}

	useEffect(() => {
		if (reloadRequestCount > 0) {
			reloader.current?.run(true);
		}
	}, [reloadRequestCount]);

	const watchedKey = watchedPaths?.join('\0');
	useEffect(() => {
		if (!watchedPaths || watchedPaths.length === 0) {
			return undefined;
		}

		return watchFiles(watchedPaths, () => reloader.current?.run());
		// The paths, not the array, matter.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [watchedKey]);

	useEffect(() => {
		if (refreshMs === undefined) {
			return undefined;
		}

		const timer = setInterval(() => reloader.current?.run(), refreshMs);
		// The refresh alone keeps nothing running: quitting ends the session at once.
		timer.unref();
		return () => {
			clearInterval(timer);
		};
	}, [refreshMs]);
}
