import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {listPositionOnTopRow, runBroadsheetPiped, samplePath, singlePaneSize, startBroadsheet, statusRowIndex, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

/** The filter line sits just above the status line. */
function filterRow(session: TerminalSession): string | undefined {
	return session.lines()[statusRowIndex(session) - 1];
}

/** The filter line as it reads while typing `query`: the prompt, the query, and the count (a pattern) at the right. */
function filterLinePattern(query: string, countPattern: string): RegExp {
	return new RegExp(`^/${query.replaceAll(/[.*+?^${}()|[\]\\]/gu, '\\$&')} +${countPattern} of 5$`, 'mu');
}

async function startFiltering(): Promise<TerminalSession> {
	const session = await startBroadsheet([samplePath], singlePaneSize);
	session.press('/');
	await waitForFrame(session, filterLinePattern('', '5 matches'));
	return session;
}

/** The headline rows under the list's title, down to the first empty one. */
function listedHeadlines(session: TerminalSession): string[] {
	const rows = session.lines().slice(1, statusRowIndex(session) - 1);
	const end = rows.indexOf('');
	return end === -1 ? rows : rows.slice(0, end);
}

describe('filtering the headlines (80x24)', () => {
	it('opens the filter line with / just above the status line, which shows the filter keys', async () => {
		const session = await startFiltering();

		expect(filterRow(session)).toMatch(/^\/ +5 matches of 5$/u);
		expect(session.lines()[statusRowIndex(session)]).toMatch(/^ taipei-times\.txt · 5 articles {3}Enter keep {2}Esc clear/u);
		expect(listedHeadlines(session)).toHaveLength(5);
	});

	it('narrows the list as the query is typed', async () => {
		const session = await startFiltering();

		session.press('mujica');
		await waitForFrame(session, filterLinePattern('mujica', '1 match'));

		expect(listPositionOnTopRow(session.screen())).toBe('1/1');
		expect(listedHeadlines(session)).toEqual([expect.stringMatching(/^• CANCER: Jose Mujica earned the moniker/u)]);
	});

	it('forgives a typo', async () => {
		const session = await startFiltering();

		session.press('mujika');
		await waitForFrame(session, filterLinePattern('mujika', '\\d+ match(?:es)?'));

		expect(listedHeadlines(session)[0]).toMatch(/^• CANCER: Jose Mujica earned the moniker/u);
	});

	it('says so when nothing matches', async () => {
		const session = await startFiltering();

		session.press('xqzj');
		await waitForFrame(session, filterLinePattern('xqzj', 'no matches'));

		expect(listPositionOnTopRow(session.screen())).toBe('0/0');
		expect(listedHeadlines(session)).toEqual([' No headlines match.']);
	});

	it('finds the exact word of an extended search (\'Tirana), and only there', async () => {
		const session = await startFiltering();

		session.press('\'Tirana');
		await waitForFrame(session, filterLinePattern('\'Tirana', '1 match'));

		expect(listedHeadlines(session)).toEqual([expect.stringMatching(/^• FRAUD ALLEGED: The leader of an opposition alliance/u)]);
	});

	it('keeps the filter after Enter, back in the list', async () => {
		const session = await startFiltering();
		session.press('mujica');
		await waitForFrame(session, filterLinePattern('mujica', '1 match'));

		session.press(keys.enter);
		await waitForFrame(session, / j\/↓ move /u);

		expect(filterRow(session)).toMatch(/^\/mujica +1 match of 5$/u);
		expect(listPositionOnTopRow(session.screen())).toBe('1/1');
		expect(listedHeadlines(session)).toEqual([expect.stringMatching(/^• CANCER: Jose Mujica/u)]);

		session.press(keys.escape);
		await waitForFrame(session, screen => listPositionOnTopRow(screen)?.endsWith('/5') === true);
		expect(listedHeadlines(session)).toHaveLength(5);
		expect(filterRow(session)).toBe('');
	});

	it('clears the filter with Esc in the filter line', async () => {
		const session = await startFiltering();
		session.press('mujica');
		await waitForFrame(session, filterLinePattern('mujica', '1 match'));

		session.press(keys.escape);
		await waitForFrame(session, screen => listPositionOnTopRow(screen)?.endsWith('/5') === true);

		expect(listedHeadlines(session)).toHaveLength(5);
		expect(filterRow(session)).toBe('');
		expect(session.lines()[statusRowIndex(session)]).toMatch(/ j\/↓ move /u);
	});

	it('starts filtered with --filter on the command line', async () => {
		const session = await startBroadsheet(['--filter', 'mujica', samplePath], singlePaneSize);

		expect(filterRow(session)).toMatch(/^\/mujica +1 match of 5$/u);
		expect(listPositionOnTopRow(session.screen())).toBe('1/1');
		expect(listedHeadlines(session)).toEqual([expect.stringMatching(/^• CANCER: Jose Mujica/u)]);
	});
});

describe('a word with an exclusion (issue 14)', () => {
	it('keeps the articles with the word and without the excluded one', async () => {
		const withExclusion = await runBroadsheetPiped(['--list', '--filter', 'korea !zzz', samplePath]);
		const without = await runBroadsheetPiped(['--list', '--filter', 'korea', samplePath]);

		expect(withExclusion.stdout).toBe(without.stdout);
		expect(withExclusion.stdout.trim().split('\n')).toHaveLength(1);
		expect((await runBroadsheetPiped(['--list', '--filter', 'korea !missile', samplePath])).stdout).toBe('');
	});
});

describe('Esc and j in one read (issue 14)', () => {
	it('clears the filter, then moves down: Esc then j, not Alt+j', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		session.press('/', 'k', 'o', 'r', 'e', 'a');
		await waitForFrame(session, /1 match of 5/u);
		session.press(keys.enter);
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '1/1');
		session.press(`${keys.escape}j`);

		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '2/5');
		session.press('q');
		await session.exited;
	});
});

describe('field terms, named views and hide rules (80x24)', () => {
	const fixtures = useFixtureDirectory();
	const feed = fixtures.write(
		'desk.jsonl',
		[
			{title: 'Harbour wall to rise', author: 'Ana Okafor', source: 'The Gazette', body: 'Work starts in spring.'},
			{title: 'Coffee prices climb', author: 'Li Wei', source: 'Herald', body: 'Growers expect less.'},
			{title: 'Tram line approved', author: 'Ana Okafor', source: 'The Gazette', body: 'The vote was close.'},
			{title: 'Horoscope for Monday', source: 'Herald', body: 'Stars align.'},
		].map(record => JSON.stringify(record)).join('\n') + '\n',
	);
	const config = fixtures.write('config.json', JSON.stringify({views: [{name: 'Gazette', filter: 'source:gazette', key: 'H'}], hide: ['horoscope']}));

	it('switches the list with a view\'s key, and counts what the hide rules hide', async () => {
		const session = await startBroadsheet(['--config', config, feed], singlePaneSize);
		await waitForFrame(session, /4 articles · 1 hidden/u);
		expect(session.screen()).not.toContain('Horoscope for Monday');
		session.press('H');
		await waitForFrame(session, /view: Gazette/u);
		expect(listedHeadlines(session)).toEqual([expect.stringMatching(/Harbour wall to rise/u), expect.stringMatching(/Tram line approved/u)]);
		session.press('V');
		await waitForFrame(session, /no view: every article/u);
		expect(session.screen()).toContain('Coffee prices climb');
	});

	it('prints what field terms and free words keep, never what a hide rule hides', async () => {
		const byAuthor = await runBroadsheetPiped(['--list', '--filter', 'author:okafor tram', feed]);
		expect(byAuthor.stdout.trim().split('\n')).toEqual(['Tram line approved']);
		const bySource = await runBroadsheetPiped(['--list', '--config', config, '--filter', '\'herald', feed]);
		expect(bySource.stdout.trim().split('\n')).toEqual(['Coffee prices climb']);
	});
});
