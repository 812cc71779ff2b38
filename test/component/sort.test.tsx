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
