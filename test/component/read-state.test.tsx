import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {type ArticleMark, articleKey, parseStateFile} from '../../source/read-state/marks.js';
import {openReadStateStore, stateFileName} from '../../source/read-state/store.js';
import {newsArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';
import {saveDelayMs} from '../../source/shell/use-read-state-file.js';

const narrow = {columnCount: 80, rowCount: 24};
const [, lighthouse, storm, chess] = newsArticles;
const longAgo = Date.UTC(2026, 0, 1);
const savedMarks = new Map<string, ArticleMark>([
	[articleKey(chess!), {read: {isOn: true, changedAt: longAgo}}],
	[articleKey(storm!), {starred: {isOn: true, changedAt: longAgo}}],
]);
const bold = '\u001B[1m';

/** The styled line of the frame that holds `text`. */
const styledRow = (styledFrame: string, text: string) => styledFrame.split('\n').find(line => line.includes(text)) ?? '';

const stateRoot = mkdtempSync(join(tmpdir(), 'broadsheet-component-state-'));
afterAll(() => {
	rmSync(stateRoot, {recursive: true, force: true});
});

describe('read and unread rows', () => {
	it('marks unread rows with • and a bold headline, starred ones with ★, and leaves read ones plain', async () => {
		const app = renderApp(newsArticles, narrow, {savedMarks});
		const frame = await app.waitForFrame(text => text.includes('Chess prodigy'));
		const rows = frame.split('\n');

		expect(rows[1]).toMatch(/^• MARKETS: Copper prices climb/u);
		expect(rows[2]).toMatch(/^• Lighthouse keeper retires/u);
		expect(rows[3]).toMatch(/^★ WEATHER\? Storm Agnes/u);
		expect(rows[4]).toMatch(/^ {2}Chess prodigy wins national title$/u);
		const styled = app.styledFrame();
		expect(styledRow(styled, 'Lighthouse keeper')).toContain(bold);
		expect(styledRow(styled, 'Storm Agnes')).toContain(bold);
		expect(styledRow(styled, 'Chess prodigy')).not.toContain(bold);
		app.unmount();
	});

	it('redraws the row as u, s and Enter change it, and names the view in the title', async () => {
		const app = renderApp(newsArticles, narrow, {savedMarks});
		await app.waitForFrame(text => text.includes('Chess prodigy'));

		app.press('u');
		await app.waitForFrame(text => /^ {2}MARKETS: Copper/mu.test(text));
		app.press('s');
		await app.waitForFrame(text => /^★ MARKETS: Copper/mu.test(text));
		app.press('j', '\r');
		await app.waitForFrame(text => !text.includes('Headlines'));
		app.press('\u001B');
		await app.waitForFrame(text => /^ {2}Lighthouse keeper/mu.test(text));
		expect(styledRow(app.styledFrame(), 'Lighthouse keeper')).not.toContain(bold);

		app.press('v');
		const unreadView = await app.waitForFrame(text => text.includes('Headlines · unread'));
		expect(unreadView).toContain('Storm Agnes');
		expect(unreadView).not.toContain('Chess prodigy');
		app.press('v');
		const starredView = await app.waitForFrame(text => text.includes('Headlines · starred'));
		expect(starredView.split('\n').filter(row => row.startsWith('★'))).toHaveLength(2);
		app.unmount();
	});

	it('saves the marks to the store when the app goes away', async () => {
		const directory = join(stateRoot, 'state');
		const store = openReadStateStore(directory);
		const app = renderApp(newsArticles, narrow, {readStateStore: store, savedMarks: store.load(Date.now())});
		await app.waitForFrame(text => text.includes('Chess prodigy'));
		app.press('j', '\r');
		await app.waitForFrame(text => !text.includes('Headlines'));
		app.unmount();

		const parsed = parseStateFile(readFileSync(join(directory, stateFileName), 'utf8'));
		expect(parsed.kind === 'marks' ? [...parsed.marks.keys()] : parsed).toEqual([articleKey(lighthouse!)]);
	});

	it('saves a burst of changes once, a moment after the last, while the app goes on', async () => {
		const directory = join(stateRoot, 'burst');
		const store = openReadStateStore(directory);
		let saveCount = 0;
		const countingStore: typeof store = {
			...store,
			save(...parameters) {
				saveCount++;
				return store.save(...parameters);
			},
		};
		const app = renderApp(newsArticles, narrow, {readStateStore: countingStore, savedMarks: store.load(Date.now())});
		await app.waitForFrame(text => text.includes('Chess prodigy'));
		app.press('j', 'u', 'u', 'u');
		await app.waitForFrame(text => text.includes('marked read'));
		await app.waitForFrame(() => saveCount > 0, saveDelayMs + 2000);
		await new Promise(resolve => {
			setTimeout(resolve, saveDelayMs + 100);
		});
		expect(saveCount).toBe(1);
		const parsed = parseStateFile(readFileSync(join(directory, stateFileName), 'utf8'));
		expect(parsed.kind === 'marks' ? [...parsed.marks.keys()] : parsed).toEqual([articleKey(lighthouse!)]);
		app.unmount();
	});
});
