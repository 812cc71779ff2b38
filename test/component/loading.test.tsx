import {describe, expect, it} from 'vitest';
import type {Arrival, ArticleArrivals} from '../../source/load/parse-in-background.js';
import {numberedArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';

/** Arrivals the test hands over by hand. */
function manualArrivals() {
	const listeners = new Set<(arrival: Arrival) => void>();
	const arrivals: ArticleArrivals = {
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
	return {
		arrivals,
		listenerCount: () => listeners.size,
		hand(arrival: Arrival) {
			for (const listener of listeners) {
				listener(arrival);
			}
		},
	};
}

const viewport = {columnCount: 100, rowCount: 20};

describe('a big input that is still being parsed', () => {
	it('shows its first articles with how much is loaded, then every article, and the warnings found meanwhile', async () => {
		const all = numberedArticles(900);
		const manual = manualArrivals();
		const app = renderApp(all.slice(0, 300), viewport, {arrivals: manual.arrivals, loadingShare: 0.3, warningCount: 0});
		expect(app.frame()).toContain('news.txt · 300 articles · loading 30%');
		expect(app.frame()).toContain('Headline number 1 ');
		expect(manual.listenerCount()).toBe(1);
		manual.hand({articles: all.slice(0, 600), loadingShare: 0.66, warningCount: 1});
		await app.waitForFrame(frame => frame.includes('600 articles · loading 66% · 1 warning'));
		manual.hand({articles: all, loadingShare: undefined, warningCount: 2});
		const frame = await app.waitForFrame(frame => frame.includes('900 articles'));
		expect(frame).not.toContain('loading');
		expect(frame).toContain('900 articles · 2 warnings');
		app.unmount();
		expect(manual.listenerCount()).toBe(0);
	});

	it('answers keys while articles arrive: the selection moves, and stays where the user put it', async () => {
		const all = numberedArticles(900);
		const manual = manualArrivals();
		const app = renderApp(all.slice(0, 300), viewport, {arrivals: manual.arrivals, loadingShare: 0.3});
		app.press('j', 'j');
		await app.waitForFrame(frame => frame.includes('3/300'));
		manual.hand({articles: all, loadingShare: undefined, warningCount: 0});
		const frame = await app.waitForFrame(frame => frame.includes('3/900'));
		expect(frame).toContain('Headline number 3');
	});

	it('keeps how much is loaded in sight on a narrow terminal: the file name gives way', () => {
		const all = numberedArticles(900);
		const manual = manualArrivals();
		const app = renderApp(all.slice(0, 300), {columnCount: 60, rowCount: 10}, {arrivals: manual.arrivals, loadingShare: 0.3, warningCount: 2, fileName: 'a-rather-long-file-name.jsonl'});
		const statusLine = app.frame().split('\n').at(-1)!;
		expect(statusLine).toContain('300 articles · loading 30% · 2 warnings');
		expect(statusLine).toMatch(/^ a-rather-\S*… · 300 articles/u);
	});
});

describe('a filter typed while a big input loads', () => {
	it('says it has searched the first articles only, then answers for every article once all are in', async () => {
		const all = numberedArticles(900);
		const manual = manualArrivals();
		const app = renderApp(all.slice(0, 300), viewport, {arrivals: manual.arrivals, loadingShare: 0.3, warningCount: 0});
		app.press('/', 'number');
		await app.waitForFrame(frame => frame.includes('300 matches of 300'));
		manual.hand({articles: all.slice(0, 600), loadingShare: 0.66, warningCount: 0});
		// Not `300 matches of 600`, which would read as the answer for all 600.
		await app.waitForFrame(frame => frame.includes('600 articles · loading 66%') && frame.includes('300 matches in the first 300'));
		manual.hand({articles: all, loadingShare: undefined, warningCount: 0});
		await app.waitForFrame(frame => frame.includes('900 matches of 900'));
	});
});

describe('counts of thousands', () => {
	it('group their digits in the status line and the filter line, as the rest of the interface does', async () => {
		const all = numberedArticles(1200);
		const manual = manualArrivals();
		const app = renderApp(all.slice(0, 1100), viewport, {arrivals: manual.arrivals, loadingShare: 0.9, warningCount: 0});
		expect(app.frame()).toContain('· 1,100 articles · loading 90%');
		manual.hand({articles: all, loadingShare: undefined, warningCount: 0});
		await app.waitForFrame(frame => frame.includes('· 1,200 articles'));
		app.press('/', 'harbour');
		await app.waitForFrame(frame => frame.includes('1,200 matches of 1,200'));
	});
});

describe('a notice while a big input loads', () => {
	it('takes room from the file name first: the count and how much is loaded stay in the status line', () => {
		const app = renderApp(numberedArticles(300), {columnCount: 120, rowCount: 20}, {
			fileName: 'a-rather-long-name-for-a-wire-archive-of-stories.jsonl',
			loadingShare: 0.21,
			warningCount: 1,
			initialNotice: 'warning: a-rather-long-name-for-a-wire-archive-of-stories.jsonl: line 4,677: unexpected end of the line',
		});
		const statusLine = app.frame().split('\n').at(-1)!;
		expect(statusLine).toContain('300 articles · loading 21% · 1 warning');
		// The notice gets what is left: its start.
		expect(statusLine).toContain('1 warning   warning: a-rather-long-name');
	});
});
