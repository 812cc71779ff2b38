import {type Dispatch, useEffect} from 'react';
import type {ArticleArrivals} from '../load/parse-in-background.js';
import type {Action} from '../state/actions.js';
import {printableName} from '../text/sanitize-text.js';

/** Hands the articles of `arrivals` to the app as they come (see {@link parseInBackground}). */
export function useArrivals(arrivals: ArticleArrivals | undefined, dispatch: Dispatch<Action>): void {
	useEffect(() => {
		if (!arrivals) {
			return undefined;
		}

		return arrivals.subscribe(({articles, loadingShare, warningCount, warnings, fetchCounts}) => {
			// The warnings go to the messages overlay (`!`), sanitised as printed warnings are.
			const inputWarnings = warnings?.map(warning => printableName(warning));
			dispatch({type: 'articles-arrived', articles, loadingShare, inputWarningCount: warningCount, fetchCounts, inputWarnings});
		});
	}, [arrivals, dispatch]);
}
