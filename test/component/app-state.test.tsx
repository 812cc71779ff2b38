import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useEffect} from 'react';
import {describe, expect, it} from 'vitest';
import {type AppState, useAppState} from '../../source/shell/use-app-state.js';
import {createState} from '../../source/state/initial-state.js';
import {selectedArticle} from '../../source/state/selectors.js';
import {newsArticles} from '../helpers/articles.js';

describe('the app state (issue 12.3)', () => {
	it('answers the state after every action dispatched so far at once, before React draws it, and then draws that state', async () => {
		const seen: string[] = [];
		let store: AppState | undefined;
		function Probe() {
			store = useAppState(() => createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}}));
			const {dispatch, latest} = store;
			useEffect(() => {
				dispatch({type: 'keys-pressed', keys: ['j']});
				seen.push(selectedArticle(latest())!.headline);
				dispatch({type: 'keys-pressed', keys: ['j']});
				seen.push(selectedArticle(latest())!.headline);
			}, [dispatch, latest]);
			return <Text>{selectedArticle(store.state)?.headline}</Text>;
		}

		const app = render(<Probe />);
		expect(seen).toEqual([newsArticles[1]!.headline, newsArticles[2]!.headline]);
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(app.lastFrame()).toBe(newsArticles[2]!.headline);
		expect(store?.latest()).toBe(store?.state);
		app.unmount();
	});
});
