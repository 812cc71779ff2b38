import {afterEach, describe, expect, it} from 'vitest';
import {newsArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const escape = '\u001B';

describe('the messages overlay', () => {
	it('shows with ! the notices that have left the status line, and closes with q or Esc', async () => {
		app = renderApp(newsArticles, {columnCount: 80, rowCount: 24}, {inputWarnings: ['news.txt: line 9: no headline, the first sentence stands in']});
		app.press('U');
		await app.waitForFrame(frame => frame.split('\n').at(-1)!.includes('nothing to undo'));
		app.press('s');
		await app.waitForFrame(frame => frame.split('\n').at(-1)!.includes('starred (U undoes)'));
		app.press('j');
		await app.waitForFrame(frame => !frame.includes('starred (U undoes)'));
		app.press('!');
		const overlay = await app.waitForFrame(frame => frame.startsWith(' Messages'));
		const lines = overlay.split('\n');
		expect(lines[0]).toMatch(/^ Messages {3}\(! or Esc or q closes\) *$/u);
		expect(lines.slice(1, 4).map(line => line.trimEnd())).toEqual([
			' warning: news.txt: line 9: no headline, the first sentence stands in',
			' nothing to undo',
			' starred (U undoes)',
		]);
		expect(lines.at(-1)).toMatch(/!\/Esc close {2}j\/↓ scroll/u);
		app.press('q');
		await app.waitForFrame(frame => frame.includes('Headlines') && !frame.includes('Messages'));
		app.press('!');
		await app.waitForFrame(frame => frame.startsWith(' Messages'));
		app.press(escape);
		await app.waitForFrame(frame => frame.includes('Headlines'));
	});

	it('scrolls when the messages outgrow the screen, showing which lines are on it', async () => {
		app = renderApp(newsArticles, {columnCount: 60, rowCount: 10});
		for (let index = 0; index < 12; index++) {
			app.press(index % 2 === 0 ? 's' : 'u');
		}

		app.press('!');
		let frame = await app.waitForFrame(text => text.startsWith(' Messages'));
		// Opened at the latest.
		expect(frame.split('\n')[0]).toMatch(/ \d+–12\/12 $/u);
		expect(frame).toContain('marked unread');
		app.press('g');
		frame = await app.waitForFrame(text => / 1–\d+\/12 $/u.test(text.split('\n')[0]!));
		expect(frame.split('\n')[1]?.trimEnd()).toBe(' starred (U undoes)');
	});
});
