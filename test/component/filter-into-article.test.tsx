import {afterEach, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {renderApp} from '../helpers/render-app.js';

const paragraphs = Array.from({length: 28}, (_, index) =>
	index % 4 === 1 ? `Paragraph ${index + 1}: the keeper climbed the stairs of the lighthouse again.` : `Paragraph ${index + 1} is about the weather at sea.`,
);
const article: Article = {id: 'lighthouse', headline: 'Lighthouse man retires', headlineSource: 'title', paragraphs, source: 'news.txt'};
const other: Article = {id: 'other', headline: 'Another story', headlineSource: 'title', paragraphs: ['Nothing here.'], source: 'news.txt'};
const size = {columnCount: 80, rowCount: 20};
const keys = {enter: '\r'};

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const linesOf = (frame: string) => frame.split('\n');

describe('the filter carried into the article (80x20)', () => {
	it('highlights the filter\'s words in the article opened from its list, and n and N move between them without a /', async () => {
		app = renderApp([article, other], size, {initialQuery: 'keeper'});
		await app.waitForFrame(frame => /1 match of 2/u.test(frame));
		app.press(keys.enter);
		let frame = await app.waitForFrame(frame => frame.includes('Esc/h back') && frame.includes('match 1/7'));
		expect(linesOf(frame)[0]).toMatch(/match 1\/7 {2}Top $/u);
		expect(app.styledFrame()).toMatch(/\u001B\[7m(?:\u001B\[[\d;]*m)*keeper/u);
		app.press('n');
		frame = await app.waitForFrame(frame => frame.includes('match 2/7'));
		expect(frame).not.toContain('no search in this article');
		app.press('N', 'N');
		frame = await app.waitForFrame(frame => frame.includes('match 7/7'));
		expect(frame).toContain('Paragraph 26: the keeper');
	});

	it('looks for each of several words, and a / search in the article replaces them', async () => {
		app = renderApp([article, other], size, {initialQuery: 'keeper stairs'});
		await app.waitForFrame(frame => /1 match of 2/u.test(frame));
		app.press(keys.enter);
		await app.waitForFrame(frame => frame.includes('match 1/14'));
		app.press('/', 'sea', keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('Esc/h back') && frame.includes('match 1/21'));
		expect(frame).not.toContain('/14');
		expect(frame).toContain('the keeper climbed');
		expect(app.styledFrame()).not.toMatch(/\u001B\[7m(?:\u001B\[[\d;]*m)*keeper/u);
		expect(app.styledFrame()).toMatch(/\u001B\[7m(?:\u001B\[[\d;]*m)*sea/u);
	});

	it('leaves an article opened without a filter as it was: n says there is no search', async () => {
		app = renderApp([article, other], size);
		app.press(keys.enter);
		await app.waitForFrame(frame => frame.includes('Esc/h back'));
		app.press('n');
		await app.waitForFrame(frame => frame.includes('no search in this article'));
	});
});
