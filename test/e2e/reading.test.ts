import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {
	inverseRows,
	listPositionOnTopRow,
	sampleHeadlines,
	samplePath,
	separatorColumn,
	singlePaneSize,
	splitSize,
	startBroadsheet,
	statusRowIndex,
	waitForFrame,
} from '../helpers/run-broadsheet.js';

/** The scroll position the article's title row ends in (`Top`, `31%`, `End`), when the article fills the screen. */
function articleScrollPosition(screen: string): string | undefined {
	return /^ taipei-times\.txt +(Top|End|All|\d+%)$/u.exec(screen.split('\n')[0] ?? '')?.[1];
}

/** Waits for the article to fill the screen, and checks that nothing of the list is left on it. */
async function expectArticleAlone(session: TerminalSession, firstTextRow: string): Promise<string[]> {
	await waitForFrame(session, screen => articleScrollPosition(screen) !== undefined && (screen.split('\n')[1] ?? '').startsWith(firstTextRow));
	const rows = session.lines();

	expect(rows.filter(row => row.includes('Headlines'))).toEqual([]);
	expect(rows.filter(row => row.includes('│'))).toEqual([]);
	expect(rows[statusRowIndex(session)]).toMatch(/^ taipei-times\.txt · 5 articles {3}j\/↓ move {2}Esc\/h back/u);
	return rows;
}

/**
 * Waits for the list to fill the screen again, at `position`, and checks that the articles opened so far (by list
 * position, from 1) have lost their unread marker, and only they.
 */
async function expectListAlone(session: TerminalSession, position: string, openedPositions: readonly number[]): Promise<void> {
	await waitForFrame(session, screen => listPositionOnTopRow(screen) === position);
	const rows = session.lines();

	expect(rows.slice(1, 6).map((row, index) => row.slice(0, (sampleHeadlines[index]?.length ?? 0) + 2))).toEqual(
		sampleHeadlines.map((headline, index) => `${openedPositions.includes(index + 1) ? ' ' : '•'} ${headline}`),
	);
	expect(rows[statusRowIndex(session)]).toMatch(/ Enter\/l open /u);
}

describe('opening an article and going back, one pane at a time (80x24)', () => {
	it('opens the selected article across the whole width with Enter, and goes back to the list with Esc', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);

		session.press(keys.enter);
		const rows = await expectArticleAlone(session, ' Japan and the US agreed in top-level talks yesterday to strengthen');

		expect(articleScrollPosition(session.screen())).toBe('Top');
		expect(rows).toContain(' Japanese Prime Minister Shinzo Abe, a conservative who took office last month,');
		expect(rows.filter(row => row.length > 70).length).toBeGreaterThan(5);
		expect(session.screen()).not.toContain('EUROPEAN FUTURE?');

		session.press(keys.escape);
		await expectListAlone(session, '1/5', [1]);
	});

	it('opens with l and Right, and goes back with h and Left', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		session.press('j');
		await expectListAlone(session, '2/5', []);

		session.press('l');
		let rows = await expectArticleAlone(session, ' EUROPEAN FUTURE?');
		expect(rows[2]).toMatch(/^ Albanian Prime Minister Edi Rama says only he could/u);
		session.press('h');
		await expectListAlone(session, '2/5', [2]);

		session.press(keys.right);
		rows = await expectArticleAlone(session, ' EUROPEAN FUTURE?');
		expect(rows[2]).toMatch(/^ Albanian Prime Minister/u);
		session.press(keys.left);
		await expectListAlone(session, '2/5', [2]);
	});

	it('switches between the list and the article with Tab', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);

		session.press(keys.tab);
		await expectArticleAlone(session, ' Japan and the US agreed in top-level talks');
		session.press(keys.tab);
		await expectListAlone(session, '1/5', [1]);
	});

	it('scrolls the article with j, Space and G, its title showing Top, a percentage, then End, as less does', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		session.press(keys.enter);
		await expectArticleAlone(session, ' Japan and the US agreed in top-level talks');

		session.press('j');
		await expectArticleAlone(session, ' military alliance and step up work on missile defense');
		const percentAfterLine = Number.parseInt(articleScrollPosition(session.screen()) ?? '', 10);
		expect(percentAfterLine).toBeGreaterThan(0);
		expect(percentAfterLine).toBeLessThan(100);

		session.press(' ');
		await waitForFrame(session, screen => !(screen.split('\n')[1] ?? '').startsWith(' military alliance'));
		const percentAfterPage = Number.parseInt(articleScrollPosition(session.screen()) ?? '', 10);
		expect(percentAfterPage).toBeGreaterThan(percentAfterLine);
		expect(percentAfterPage).toBeLessThan(100);

		session.press('G');
		await waitForFrame(session, screen => articleScrollPosition(screen) === 'End');
		const rows = session.lines();
		expect(rows[statusRowIndex(session) - 2]).toMatch(/^ "Congratulations," Rice said to Abe/u);
		expect(rows[statusRowIndex(session) - 1]).toBe(' office.');

		session.press('g');
		await expectArticleAlone(session, ' Japan and the US agreed in top-level talks');
		expect(articleScrollPosition(session.screen())).toBe('Top');
	});
});

describe('focus with both panes on the screen (120x30)', () => {
	it('marks the focused pane by drawing its title inverse, and moves the focus with Tab', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		const listTitleColumn = 1;
		const articleTitleColumn = (separatorColumn(session) ?? 0) + 2;
		const focusedTitles = () => ({
			list: inverseRows(session, [0], listTitleColumn).length === 1,
			article: inverseRows(session, [0], articleTitleColumn).length === 1,
		});

		expect(focusedTitles()).toEqual({list: true, article: false});

		session.press(keys.tab);
		await waitForFrame(session, /Esc\/h back/u);
		expect(focusedTitles()).toEqual({list: false, article: true});
		expect(session.lines()[0]).toMatch(/^ Headlines · file order +1\/5 │ taipei-times\.txt +Top$/u);

		session.press('j');
		await waitForFrame(session, screen => / \d+%$/u.test(screen.split('\n')[0] ?? ''));
		expect(listPositionOnTopRow(session.screen())).toBe('1/5');

		session.press(keys.tab);
		await waitForFrame(session, /Enter\/l open/u);
		expect(focusedTitles()).toEqual({list: true, article: false});
	});
});
