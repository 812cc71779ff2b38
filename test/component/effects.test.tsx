import {afterEach, describe, expect, it} from 'vitest';
import {newsArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const settle = async () => new Promise(resolve => {
	setTimeout(resolve, 50);
});

describe('the effects hook (issue 12.3)', () => {
	it('runs each effect once, in order, even when the app renders again before it is taken out', async () => {
		const ran: string[] = [];
		const size = {columnCount: 80, rowCount: 24};
		app = renderApp(newsArticles, size, {
			onSuspend() {
				ran.push('suspend');
			},
			onRedraw() {
				ran.push('redraw');
			},
		});
		app.press('\u001A');
		app.press('\u000C');
		app.resize({columnCount: 81, rowCount: 24});
		await app.waitForFrame(() => ran.length >= 2);
		await settle();
		app.resize(size);
		await settle();
		expect(ran).toEqual(['suspend', 'redraw']);
		app.press('\u000C');
		await app.waitForFrame(() => ran.length >= 3);
		await settle();
		expect(ran).toEqual(['suspend', 'redraw', 'redraw']);
	});
});
