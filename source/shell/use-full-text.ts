import {type Dispatch, useCallback, useEffect, useRef} from 'react';
import type {FetchPage, PageFetchOptions} from '../load/full-text.js';
import type {FullTextEffect} from '../state/state.js';
import type {Action} from '../state/actions.js';

/**
 * Where full stories come from: how pages are fetched (the feeds' limits, User-Agent and proxies: see
 * load/web/fetch-url.ts), or a fetcher of a test's own, and the cache directory.
 */
export type FullTextEnvironment = {readonly fetchPage?: FetchPage; readonly web?: PageFetchOptions; readonly cacheDirectory?: string};

/**
 * Answers how to fetch the full story an effect asks for (`F`): in the background, so that keys keep working
 * meanwhile, with a `full-text-finished` action bringing the story or the reason there is none. Fetches still on
 * their way when the app ends are abandoned.
 */
export function useFullText(dispatch: Dispatch<Action>, environment: FullTextEnvironment): (request: FullTextEffect) => void {
	const ended = useRef(new AbortController());
	useEffect(() => () => {
		ended.current.abort();
	}, []);
	return useCallback(({articleId, url}: FullTextEffect) => {
		// Loaded when first asked for: the fetcher is nothing most sessions need.
		void import('../load/full-text.js')
			.then(async ({fetchFullText}) => fetchFullText(url, {...environment, signal: ended.current.signal}))
			.then(
				result => {
					dispatch({type: 'full-text-finished', articleId, url, result});
				},
				(error: unknown) => {
					if (!ended.current.signal.aborted) {
						dispatch({type: 'full-text-finished', articleId, url, result: {error: error instanceof Error ? error.message : String(error)}});
					}
				},
			);
	}, [dispatch, environment]);
}
