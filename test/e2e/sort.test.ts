import {describe, expect, it} from 'vitest';
import {runBroadsheetPiped, samplePath, singlePaneSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();

/** An RSS feed titled `title` whose items have the given headlines and days of May 2024. */
function feed(title: string, items: ReadonlyArray<readonly [headline: string, day: number]>): string {
	const itemXml = items
		.map(([headline, day]) => `<item><title>${headline}</title><guid>${title}-${headline}</guid><pubDate>${day} May 2024 08:00:00 GMT</pubDate><description>About ${headline}.</description></item>`)
		.join('');
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${itemXml}</channel></rss>`;
}

const harbourPath = fixtures.write('harbour.xml', feed('Harbour Post', [['Ferry timetable changes', 3], ['Lighthouse repainted', 9]]));
const valleyPath = fixtures.write('valley.xml', feed('Valley Times', [['Apple harvest early', 5], ['Bridge reopens', 1]]));

describe('sorting in the terminal', () => {
	it('S changes the order on screen, and the title names it', async () => {
		const session = await startBroadsheet([harbourPath, valleyPath], singlePaneSize);
		// The rows without their unread marks, and without their dates (`14:05`, `Fri`, `4 Mar`, `4 Mar 2019`) at the end.
		const listed = () =>
			session
				.lines()
				.slice(1, 6)
				.map(row => row.trim().replace(/^• /u, '').replace(/ {2,}(?:\d{2}:\d{2}|[A-Z][a-z]{2}|\d{1,2} [A-Z][a-z]{2}(?: \d{4})?)$/u, ''));
		await waitForFrame(session, /^ Headlines · newest +1\/4/mu);
		expect(listed().slice(0, 4)).toEqual(['Lighthouse repainted', 'Apple harvest early', 'Ferry timetable changes', 'Bridge reopens']);

		session.press('S');
		await waitForFrame(session, /^ Headlines · oldest +4\/4/mu);
		expect(listed().slice(0, 4)).toEqual(['Bridge reopens', 'Ferry timetable changes', 'Apple harvest early', 'Lighthouse repainted']);

		session.press('S');
		await waitForFrame(session, /^ Headlines · by source +1\/4/mu);
		expect(listed()).toEqual([
			expect.stringMatching(/^── Harbour Post \(2\) ─+$/u),
			'Lighthouse repainted',
			'Ferry timetable changes',
			expect.stringMatching(/^── Valley Times \(2\) ─+$/u),
			'Apple harvest early',
		]);

		// The cursor steps over the header between the groups.
		session.press('j', 'j');
		await waitForFrame(session, /^ Headlines · by source +3\/4/mu);
	});
});

describe('--sort', () => {
	it('orders --list output, and the matches of --filter', async () => {
		const oldest = await runBroadsheetPiped(['--sort', 'oldest', '--list', harbourPath, valleyPath]);
		expect(oldest.stdout).toBe('Bridge reopens\nFerry timetable changes\nApple harvest early\nLighthouse repainted\n');
		const byHeadline = await runBroadsheetPiped(['--sort=headline', '--filter', 'about', '--list', harbourPath, valleyPath]);
		expect(byHeadline.stdout).toBe('Apple harvest early\nBridge reopens\nFerry timetable changes\nLighthouse repainted\n');
	});

	it('keeps the default newest-first order without --sort, and refuses an unknown order', async () => {
		const newest = await runBroadsheetPiped(['--list', harbourPath, valleyPath]);
		expect(newest.stdout.split('\n')[0]).toBe('Lighthouse repainted');
		const unknown = await runBroadsheetPiped(['--sort', 'date', samplePath]);
		expect(unknown.exitCode).toBe(2);
		expect(unknown.stderr).toBe("broadsheet: --sort: unknown order 'date'; use file, newest, oldest, source, group, headline\n");
	});
});
