import {type Dispatch, useEffect, useRef} from 'react';
import type {FetchPage, PageFetchOptions} from '../load/full-text.js';
import type {FullTextRequest} from '../state/state.js';
import type {Action} from '../state/actions.js';

/**
 * Where full stories come from: how pages are fetched (the feeds' limits, User-Agent and proxies: see
 * load/web/fetch-url.ts), or a fetcher of a test's own, and the cache directory.
 */
export type FullTextEnvironment = {readonly fetchPage?: FetchPage; readonly web?: PageFetchOptions; readonly cacheDirectory?: string};

/**
 * Fetches the full story each new `request` asks for (`F`), in the background: keys keep working meanwhile, and
 * `full-text-finished` brings the story or the reason there is none.
 */
export function useFullText(request: FullTextRequest | undefined, dispatch: Dispatch<Action>, environment: FullTextEnvironment): void {
	const performed = useRef<FullTextRequest | undefined>(undefined);
	const ended = useRef(new AbortController());
	useEffect(() => () => {
		ended.current.abort();
	}, []);
	useEffect(() => {
		if (!request || request === performed.current) {
			return;
		}

		performed.current = request;
		const {articleId, url} = request;
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
	}, [request, dispatch, environment]);
}
