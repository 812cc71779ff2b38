import {type Dispatch, useEffect, useRef} from 'react';
import type {Article} from '../article.js';
import {articlesToPrefetch, type PrefetchedStory, type Story} from '../state/full-stories.js';
import type {FetchCounts} from '../state/state.js';
import type {Action} from '../state/actions.js';
import type {FullTextEnvironment} from './use-full-text.js';

/** How many full stories are fetched ahead of time at once. */
export const storiesFetchedAtOnce = 4;

/** How long stories that came wait for others before the list takes them in: one change of the articles for several. */
const gatherMs = 150;

/** What the prefetching knows of each article's story, by article id and address. */
type Known = Story | 'fetching' | 'failed';

type Work = {
	readonly known: Map<string, Known>;
	readonly waiting: Array<{readonly articleId: string; readonly url: string; readonly key: string}>;
	ready: PrefetchedStory[];
	activeCount: number;
	/** How many of those asked for since the last time all had come have come, and how many were asked for. */
	counts: {fetched: number; total: number};
	timer: NodeJS.Timeout | undefined;
};

const keyOf = (articleId: string, url: string) => `${articleId}\n${url}`;

/**
 * Fetches the full stories of the articles of `sources` (`--full-text`, the config's `fullText`) ahead of time, at most
 * {@link storiesFetchedAtOnce} at once, after the first frame and once the inputs are in (`isLoading` false): the list
 * never waits for them, and keys are answered between them. Stories that come are handed to the state a few at a time (`full-texts-prefetched`), with how many have
 * come for the status line; articles that arrive later (more feeds, a reload) get theirs too, a story fetched once
 * being kept for the session. A story that cannot be fetched leaves the summary, quietly: `F` says why.
 */
export function useFullTextPrefetch(articles: readonly Article[], sources: readonly string[], isLoading: boolean, dispatch: Dispatch<Action>, environment: FullTextEnvironment): void {
	const work = useRef<Work>({known: new Map(), waiting: [], ready: [], activeCount: 0, counts: {fetched: 0, total: 0}, timer: undefined});
	const ended = useRef(new AbortController());
	useEffect(() => () => {
		ended.current.abort();
		clearTimeout(work.current.timer);
	}, []);
	useEffect(() => {
		// Once the inputs are in: their arrival comes first.
		if (sources.length === 0 || isLoading) {
			return;
		}

		const current = work.current;
		const signal = ended.current.signal;
		const handOver = () => {
			current.timer = undefined;
			const isDone = current.counts.fetched >= current.counts.total;
			const counts: FetchCounts | undefined = isDone ? undefined : {...current.counts};
			if (isDone) {
				current.counts = {fetched: 0, total: 0};
			}

			dispatch({type: 'full-texts-prefetched', stories: current.ready.splice(0), counts});
		};

		const scheduleHandOver = (delayMs: number) => {
			current.timer ??= setTimeout(handOver, delayMs);
		};

		const next = () => {
			while (current.activeCount < storiesFetchedAtOnce && current.waiting.length > 0 && !signal.aborted) {
				const {articleId, url, key} = current.waiting.shift()!;
				current.activeCount++;
				void import('../load/full-text.js')
					.then(async ({fetchFullText}) => fetchFullText(url, {...environment, signal}))
					.then(
						story => {
							current.known.set(key, story);
							current.ready.push({articleId, url, story});
						},
						() => {
							current.known.set(key, 'failed');
						},
					)
					.finally(() => {
						current.activeCount--;
						current.counts.fetched++;
						if (!signal.aborted) {
							scheduleHandOver(gatherMs);
							// Between two stories, keys and frames go first.
							setImmediate(next);
						}
					});
			}
		};

		let shouldHandOver = false;
		for (const article of articlesToPrefetch(articles, sources)) {
			const url = article.url!;
			const key = keyOf(article.id, url);
			const known = current.known.get(key);
			if (known === undefined) {
				current.known.set(key, 'fetching');
				current.waiting.push({articleId: article.id, url, key});
				current.counts.total++;
				// The status line counts them from the start.
				shouldHandOver = true;
			} else if (typeof known === 'object') {
				// Fetched before: an article read again (a reload) gets its story back at once.
				current.ready.push({articleId: article.id, url, story: known});
				shouldHandOver = true;
			}
		}

		if (shouldHandOver) {
			scheduleHandOver(0);
		}

		// After the frame being drawn: fetching and extracting never hold up the list.
		const start = setTimeout(next, 0);
		return () => {
			clearTimeout(start);
		};
	}, [articles, sources, isLoading, dispatch, environment]);
}
