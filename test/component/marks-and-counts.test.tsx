import {afterEach, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {renderApp} from '../helpers/render-app.js';

const articles: Article[] = ['Tide tables revised', 'Ferry timetable changes', 'Harbour wall repaired', 'Gulls nest on the pier'].map((headline, index) => ({
	id: `story-${index + 1}`,
	headline,
	headlineSource: 'title',
	paragraphs: [`Story ${index + 1} body.`],
	source: 'news.txt',
}));
const size = {columnCount: 100, rowCount: 16};
const keys = {enter: '\r', escape: '\u001B'};
const statusLine = (frame: string) => frame.split('\n').at(-1) ?? '';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('the status line tells of marks and counts (100x16)', () => {
	it('asks before m marks every article read, and says what y did and what U undid', async () => {
		app = renderApp(articles, size);
		await app.waitForFrame(frame => frame.includes('Tide tables'));
		app.press('m');
		let frame = await app.waitForFrame(frame => statusLine(frame).includes('Mark 4 articles read? y/n'));
		expect(statusLine(frame)).toContain('Mark 4 articles read? y/n');
		app.press('y');
		frame = await app.waitForFrame(frame => statusLine(frame).includes('marked 4 articles read'));
		expect(statusLine(frame)).toContain('marked 4 articles read (U undoes)');
		app.press('U');
		frame = await app.waitForFrame(frame => statusLine(frame).includes('undone'));
		expect(statusLine(frame)).toContain('undone: marked 4 articles read');
	});

	it('says n left everything as it was', async () => {
		app = renderApp(articles, size);
		await app.waitForFrame(frame => frame.includes('Tide tables'));
		app.press('m');
		await app.waitForFrame(frame => statusLine(frame).includes('y/n'));
		app.press('n');
		const frame = await app.waitForFrame(frame => statusLine(frame).includes('nothing marked'));
		expect(frame).not.toContain('y/n');
	});

	it('tells of each star and read mark', async () => {
		app = renderApp(articles, size);
		await app.waitForFrame(frame => frame.includes('Tide tables'));
		app.press('s');
		await app.waitForFrame(frame => statusLine(frame).includes('starred (U undoes)'));
		app.press('u');
		await app.waitForFrame(frame => statusLine(frame).includes('marked read (U undoes)'));
	});

	it('shows the count being typed, then moves by it', async () => {
		app = renderApp(articles, size);
		await app.waitForFrame(frame => frame.includes('Tide tables'));
		app.press('3');
		await app.waitForFrame(frame => statusLine(frame).includes('3: a count'));
		app.press('j');
		const frame = await app.waitForFrame(frame => frame.includes('4/4'));
		expect(statusLine(frame)).not.toContain('a count');
	});

	it('drops an article read in the unread view once the user leaves it, and the count in the title follows', async () => {
		app = renderApp(articles, size);
		await app.waitForFrame(frame => frame.includes('Tide tables'));
		app.press('v');
		await app.waitForFrame(frame => frame.includes('unread') && frame.includes('1/4'));
		app.press(keys.enter);
		await app.waitForFrame(frame => frame.includes('Story 1 body.') && frame.includes('1/4'));
		app.press(keys.escape);
		// The article beside the list follows the selection once it rests: then nothing shows the read one.
		const frame = await app.waitForFrame(frame => frame.includes('1/3') && !frame.includes('Tide tables'));
		expect(frame).toContain('Ferry timetable');
	});
});
