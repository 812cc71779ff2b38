import {afterEach, describe, expect, it} from 'vitest';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {newsArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';

const narrow = {columnCount: 80, rowCount: 24};
const extra = parsePlainText('Harbour ferry returns after winter\n\nThe first boat crossed the harbour on Monday.\n---\n', 'news.txt').articles;

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const linesOf = (frame: string) => frame.split('\n');

describe('R', () => {
	it('reloads, shows the new headline, keeps the selection and says what changed', async () => {
		let reloadCount = 0;
		const reload = async () => {
			reloadCount++;
			return {articles: [...extra, ...newsArticles.filter(article => !article.headline.startsWith('Chess'))], failures: []};
		};

		app = renderApp(newsArticles, narrow, {reload});
		app.press('j', 'j');
		await app.waitForFrame(frame => frame.includes('3/5'));
		app.press('R');
		const frame = await app.waitForFrame(candidate => candidate.includes('Harbour ferry returns'));
		const lines = linesOf(frame);
		expect(reloadCount).toBe(1);
		expect(lines.at(-1)).toMatch(/news\.txt · 5 articles +reloaded: 1 new, 1 gone/u);
		// Still on the storm, now one further down.
		expect(lines[0]).toMatch(/ 4\/5 $/u);
		expect(lines[4]).toContain('Storm Agnes');
		// A key makes way for the hints again.
		app.press('k');
		await app.waitForFrame(candidate => /j\/↓ move/u.test(linesOf(candidate).at(-1)!));
	});

	it('runs the filter again over the reloaded articles', async () => {
		app = renderApp(newsArticles, narrow, {initialQuery: 'harbour', reload: async () => ({articles: [...newsArticles, ...extra], failures: []})});
		await app.waitForFrame(frame => frame.includes('1 match of 5'));
		app.press('R');
		const frame = await app.waitForFrame(candidate => candidate.includes('2 matches of 6'));
		expect(frame).toContain('Harbour ferry returns');
		expect(frame).toContain('City council approves new tram line');
	});

	it('keeps the articles and warns when the file went bad', async () => {
		app = renderApp(newsArticles, narrow, {reload: async () => ({articles: newsArticles, failures: ['news.txt is not a text file (it looks binary)']})});
		app.press('R');
		const frame = await app.waitForFrame(candidate => candidate.includes('kept the old articles'));
		expect(linesOf(frame).at(-1)).toMatch(/^ news\.txt · 5 articles +kept the old articles: news\.txt is not a text file/u);
		expect(frame).toContain('Copper prices climb');
	});

	it('tells of a failure told before too, when the user asks with R', async () => {
		app = renderApp(newsArticles, narrow, {reload: async () => ({articles: newsArticles, failures: ['b.txt: permission denied'], newFailures: []})});
		app.press('R');
		const frame = await app.waitForFrame(candidate => candidate.includes('kept the old articles'));
		expect(linesOf(frame).at(-1)).toMatch(/kept the old articles: b\.txt: permission denied/u);
	});

	it('says that stdin cannot be reloaded', async () => {
		app = renderApp(newsArticles, narrow);
		app.press('R');
		await app.waitForFrame(frame => linesOf(frame).at(-1)!.includes('stdin cannot be reloaded'));
	});

	it('runs one reload at a time, and one more after it for all the R pressed meanwhile', async () => {
		const finishes: Array<() => void> = [];
		const reload = async () => new Promise<{articles: typeof newsArticles; failures: string[]}>(resolve => {
			finishes.push(() => {
				resolve({articles: [...extra, ...newsArticles], failures: []});
			});
		});
		app = renderApp(newsArticles, narrow, {reload});
		app.press('R');
		await app.waitForFrame(() => finishes.length === 1);
		app.press('R');
		app.press('R');
		app.press('R');
		await settle();
		expect(finishes).toHaveLength(1);
		finishes[0]!();
		await app.waitForFrame(() => finishes.length === 2);
		finishes[1]!();
		await app.waitForFrame(frame => frame.includes('reloaded: no changes'));
		await settle();
		expect(finishes).toHaveLength(2);
	});
});

describe('--watch over the web', () => {
	it('fetches the feeds again every so often, and tells only of failures that are new', async () => {
		let reloadCount = 0;
		const reload = async () => {
			reloadCount++;
			return {articles: newsArticles, failures: ['feed.xml: timed out'], newFailures: reloadCount === 1 ? ['feed.xml: timed out'] : []};
		};

		app = renderApp(newsArticles, narrow, {reload, refreshMs: 40});
		await app.waitForFrame(frame => frame.includes('kept the old articles: feed.xml: timed out'));
		await app.waitForFrame(frame => reloadCount >= 2 && frame.includes('reloaded: no changes'));
	});
});

const settle = async () => new Promise(resolve => {
	setTimeout(resolve, 50);
});
