import {afterEach, describe, expect, it} from 'vitest';
import {newsArticles, numberedArticles} from '../helpers/articles.js';
import {renderApp} from '../helpers/render-app.js';

const narrow = {columnCount: 80, rowCount: 24};
const wide = {columnCount: 120, rowCount: 30};

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const linesOf = (frame: string) => frame.split('\n');

describe('the list title', () => {
	it('names the order: file order for undated articles, newest first for dated ones', () => {
		app = renderApp(newsArticles, narrow);
		expect(linesOf(app.frame())[0]).toMatch(/^ Headlines · file order +1\/5 $/u);
		app.unmount();
		app = renderApp(newsArticles.map((article, index) => ({...article, publishedAt: index})), narrow);
		const lines = linesOf(app.frame());
		expect(lines[0]).toMatch(/^ Headlines · newest +1\/5 $/u);
		expect(lines[1]).toContain('City council approves new tram line');
	});

	it('starts in the order asked for', () => {
		app = renderApp(newsArticles, narrow, {initialOrder: 'headline'});
		const lines = linesOf(app.frame());
		expect(lines[0]).toMatch(/^ Headlines · A–Z +1\/5 $/u);
		expect(lines[1]).toContain('Chess prodigy wins national title');
		expect(lines[5]).toContain('Storm Agnes heads for the coast');
	});

	it('says best match while a filter ranks the matches', async () => {
		app = renderApp(newsArticles, narrow, {initialQuery: 'harbour'});
		await app.waitForFrame(frame => /Headlines · best match +1\/\d/u.test(frame));
	});
});

describe('S', () => {
	it('cycles the order, the title and the rows following, the selection staying on its article', async () => {
		app = renderApp(newsArticles, wide);
		app.press('j', 'j');
		await app.waitForFrame(frame => frame.includes('3/5') && frame.includes('Forecasters warned'));
		app.press('S');
		await app.waitForFrame(frame => linesOf(frame)[0]!.startsWith(' Headlines · newest '));
		app.press('S', 'S');
		const frame = await app.waitForFrame(candidate => linesOf(candidate)[0]!.startsWith(' Headlines · A–Z '));
		const lines = linesOf(frame);
		expect(lines[0]).toContain('5/5');
		expect(lines[1]).toContain('Chess prodigy');
		// The article beside the list is still the storm.
		expect(frame).toContain('Forecasters warned');
		app.press('S');
		await app.waitForFrame(candidate => linesOf(candidate)[0]!.startsWith(' Headlines · file order ') && candidate.includes('3/5'));
	});

	it('groups several sources under headers the cursor skips', async () => {
		const mixed = numberedArticles(6).map((article, index) => ({...article, source: index % 2 === 0 ? 'Reuters' : 'AP'}));
		app = renderApp(mixed, narrow, {initialOrder: 'source'});
		const lines = linesOf(app.frame());
		expect(lines[0]).toMatch(/^ Headlines · by source +1\/6 $/u);
		expect(lines[1]).toMatch(/^ ── Reuters \(3\) ─+$/u);
		expect(lines[2]).toContain('Headline number 1');
		expect(lines[5]).toMatch(/^ ── AP \(3\) ─+$/u);
		app.press('j', 'j', 'j');
		const moved = linesOf(await app.waitForFrame(frame => frame.includes('4/6')));
		expect(moved[6]).toContain('Headline number 2');
	});
});

describe('groups of a subscription list (issue 15.2)', () => {
	const day = 24 * 60 * 60 * 1000;
	const now = Date.UTC(2026, 11, 5, 12);
	const filed = numberedArticles(4).map((article, index) => ({
		...article,
		publishedAt: now - (index + 1) * day,
		...(index < 3 ? {groups: index === 1 ? ['Science'] : ['Harbour', 'Ferries']} : {}),
	}));

	it('shows each headline\'s group dim before its date at 80 columns, one column for all, and none for an article in no group', () => {
		app = renderApp(filed, narrow, {now});
		const lines = linesOf(app.frame());
		// At most 16 columns (a fifth of the pane): a longer group is cut.
		expect(lines[1]).toMatch(/ {4}Harbour \/ Ferri… {4}Fri $/u);
		expect(lines[2]).toMatch(/ {4}Science {13}Thu $/u);
		expect(lines[4]).not.toMatch(/Harbour|Science/u);
		// The dates line up whatever the group.
		expect(new Set(lines.slice(1, 5).map(line => line.search(/(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) $/u)))).toHaveProperty('size', 1);
	});

	it('S reaches by group: a header above each group, articles in no group last, and no group column', async () => {
		app = renderApp(filed, narrow, {now, initialOrder: 'group'});
		const lines = linesOf(await app.waitForFrame(frame => frame.includes('by group')));
		expect(lines.slice(1, 8).map(line => line.replace(/ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) $/u, '').trim())).toEqual([
			expect.stringMatching(/^── Harbour \/ Ferries \(2\) ─+$/u),
			expect.stringMatching(/^. Headline number 1$/u),
			expect.stringMatching(/^. Headline number 3$/u),
			expect.stringMatching(/^── Science \(1\) ─+$/u),
			expect.stringMatching(/^. Headline number 2$/u),
			expect.stringMatching(/^── no group \(1\) ─+$/u),
			expect.stringMatching(/^. Headline number 4$/u),
		]);
	});
});
