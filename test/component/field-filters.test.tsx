import {afterEach, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {parseHideRule, type HideRule} from '../../source/search/field-filters.js';
import {renderApp} from '../helpers/render-app.js';

const narrow = {columnCount: 80, rowCount: 24};

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

function article(id: string, headline: string, source: string, author?: string): Article {
	return {id, headline, headlineSource: 'title', paragraphs: [`${headline}, in full.`], source, ...(author ? {author} : {})};
}

const articles: Article[] = [
	article('wall', 'Harbour wall to rise', 'gazette.txt', 'Ana Okafor'),
	article('coffee', 'Coffee prices climb', 'herald.txt', 'Li Wei'),
	article('tram', 'Tram line approved', 'gazette.txt', 'Ana Okafor'),
	article('stars', 'Horoscope for Monday', 'herald.txt'),
];

const hideRule = (rule: string) => parseHideRule(rule, 0) as HideRule;
const views = [
	{name: 'Gazette', filter: 'source:gazette', key: 'H'},
	{name: 'Herald', filter: 'source:herald'},
];

describe('named views', () => {
	it('switch the list with a view\'s own key, and V moves from view to view, then back to every article', async () => {
		app = renderApp(articles, narrow, {namedViews: views});
		expect(app.frame()).toContain('Coffee prices climb');
		app.press('H');
		let frame = await app.waitForFrame(shown => shown.includes('view: Gazette'));
		expect(frame).toContain('Harbour wall to rise');
		expect(frame).toContain('Tram line approved');
		expect(frame).not.toContain('Coffee prices climb');
		expect(frame).toContain('/source:gazette');
		app.press('V');
		frame = await app.waitForFrame(shown => shown.includes('view: Herald'));
		expect(frame).toContain('Coffee prices climb');
		expect(frame).not.toContain('Tram line approved');
		app.press('V');
		frame = await app.waitForFrame(shown => shown.includes('no view: every article'));
		expect(frame).toContain('Tram line approved');
		expect(frame).toContain('Coffee prices climb');
	});

	it('are listed in the ? help with their own keys', async () => {
		// Tall enough for the whole help on one page.
		app = renderApp(articles, {columnCount: 120, rowCount: 200}, {namedViews: views});
		app.press('?');
		const frame = await app.waitForFrame(shown => shown.includes('Named views (config file)'));
		expect(frame).toMatch(/H +show the view Gazette: source:gazette/u);
		expect(frame).toMatch(/V +next named view of the config file/u);
	});
});

describe('field terms typed in the filter line', () => {
	it('combine with free words, and free words find authors', async () => {
		app = renderApp(articles, narrow);
		app.press('/', 'source:gazette tram');
		let frame = await app.waitForFrame(shown => /1 match of 4/u.test(shown));
		expect(frame).toContain('Tram line approved');
		app.press('\u0015', '\'okafor');
		frame = await app.waitForFrame(shown => /2 matches of 4/u.test(shown));
		expect(frame).toContain('Harbour wall to rise');
		expect(frame).toContain('Tram line approved');
	});

	it('say what is wrong with a term that cannot be read, in the filter line', async () => {
		app = renderApp(articles, narrow);
		app.press('/', 'is:new');
		const frame = await app.waitForFrame(shown => shown.includes('is:new: use is:unread, is:read or is:starred'));
		expect(frame).not.toContain('Coffee prices climb');
	});
});

describe('hide rules', () => {
	it('keep their matches out of the list, and the status line counts them', async () => {
		app = renderApp(articles, narrow, {hideRules: [hideRule('horoscope')]});
		const frame = app.frame();
		expect(frame).not.toContain('Horoscope for Monday');
		expect(frame).toContain('Coffee prices climb');
		expect(frame).toMatch(/4 articles · 1 hidden/u);
	});
});
