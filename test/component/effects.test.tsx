import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {newsArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';
import type {ProgramEnvironment} from '../../source/shell/article-programs.js';
import {defaultKeymap, pickKeymap} from '../../source/input/keymap.js';
import type {Article} from '../../source/article.js';

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

	it('runs a program once for each p, on the article selected when it was asked for', async () => {
		const paged: string[] = [];
		const programs: ProgramEnvironment = {
			environment: {PAGER: 'more'},
			runInTerminal(command, _args, options) {
				paged.push(`${command}: ${newsArticles.find(article => options.input?.includes(article.headline))?.headline ?? ''}`);
				return {exitCode: 0};
			},
			writeNewFile() {
				throw new Error('not asked for');
			},
		};
		app = renderApp(newsArticles, {columnCount: 80, rowCount: 24}, {programs});
		app.press('p');
		await app.waitForFrame(() => paged.length >= 1);
		app.press('j');
		app.press('p');
		await app.waitForFrame(() => paged.length >= 2);
		await settle();
		expect(paged).toEqual([`more: ${newsArticles[0]!.headline}`, `more: ${newsArticles[1]!.headline}`]);
	});

	it('says a program cannot run where there is no terminal to give it', async () => {
		app = renderApp(newsArticles, {columnCount: 80, rowCount: 24});
		app.press('p');
		await app.waitForFrame(frame => frame.includes('cannot run programs here'));
	});

	it('fetches the full story F asks for, once, and says why there is none', async () => {
		const fetched: string[] = [];
		const article = {id: 'a', headline: 'Library to open on Sundays', headlineSource: 'title', paragraphs: ['A summary.'], source: 'feed', url: 'https://courier.example.com/story'} as const;
		app = renderApp([article], {columnCount: 80, rowCount: 24}, {
			fullTextEnvironment: {
				cacheDirectory: mkdtempSync(join(tmpdir(), 'broadsheet-effects-')),
				async fetchPage(url) {
					fetched.push(url);
					throw new Error('the network is down');
				},
			},
		});
		app.press('F');
		await app.waitForFrame(frame => frame.includes('no full story: the network is down'));
		await settle();
		expect(fetched).toEqual(['https://courier.example.com/story']);
	});

	it('hands on the article picked with Enter (--pick), once, and ends', async () => {
		const picked: Article[] = [];
		app = renderApp(newsArticles, {columnCount: 80, rowCount: 24}, {keymap: pickKeymap(defaultKeymap), onPick: article => picked.push(article)});
		app.press('j');
		await app.waitForFrame(frame => frame.includes('2/5'));
		app.press('\r');
		await app.waitForFrame(frame => frame.trim() === '' && picked.length > 0);
		app.press('\r');
		await settle();
		expect(picked).toEqual([newsArticles[1]]);
	});
});
