import {describe, expect, it} from 'vitest';
import {keys} from '../helpers/pty-terminal.js';
import {listPositionOnTopRow, samplePath, singlePaneSize, splitSize, startBroadsheet, statusRowIndex, waitForFrame} from '../helpers/run-broadsheet.js';

/** The overlay's title; where the keys overflow, it says which rows show and how to scroll. */
const helpTitle = /^ Keys {3}\(\? or Esc or q closes\)(?: +j\/k scroll {2}(\d+)–(\d+)\/(\d+))?$/u;

describe('the help overlay', () => {
	it.each([
		['120x30', splitSize],
		['80x24', singlePaneSize],
	])('lists the keys with what they do at %s, and ? closes it', async (_name, size) => {
		const session = await startBroadsheet([samplePath], size);

		session.press('?');
		await waitForFrame(session, screen => helpTitle.test(screen.split('\n')[0] ?? ''));
		let screen = session.screen();
		// Where the keys do not fit, Space pages down until the last row shows: together the pages show every row.
		const [, , firstLastShown, rowCount] = helpTitle.exec(session.lines()[0] ?? '') ?? [];
		let lastShown = firstLastShown;
		while (lastShown !== rowCount) {
			const shownBefore = lastShown;
			session.press(' ');
			const page = await waitForFrame(session, current => helpTitle.exec(current.split('\n')[0] ?? '')?.[2] !== shownBefore);
			const [, firstShown] = helpTitle.exec(page.split('\n')[0] ?? '') ?? [];
			expect(Number(firstShown)).toBeLessThanOrEqual(Number(shownBefore) + 1);
			[, , lastShown] = helpTitle.exec(page.split('\n')[0] ?? '') ?? [];
			screen += page;
		}

		for (const line of [/ j ↓ +next headline/u, / \/ +filter the headlines/u, / q +quit/u, / Enter l → +open the article/u, / Esc h ← q +back to the headlines/u]) {
			expect(screen).toMatch(line);
		}

		expect(session.lines()[statusRowIndex(session)]).toMatch(/ \? help {2}Esc\/q close$/u);
		expect(statusRowIndex(session)).toBe(session.lines().length - 1);

		session.press('?');
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '1/5');
		expect(session.screen()).not.toContain('next headline');
	});

	it('closes with Esc, back where it was opened', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		session.press('j', keys.enter);
		await waitForFrame(session, /^ EUROPEAN FUTURE\?$/mu);

		session.press('?');
		await waitForFrame(session, screen => helpTitle.test(screen.split('\n')[0] ?? ''));
		session.press(keys.escape);
		await waitForFrame(session, /^ EUROPEAN FUTURE\?$/mu);

		expect(session.screen()).not.toContain('next headline');
		expect(session.lines()[0]).toMatch(/^ taipei-times\.txt +(?:Top|All)$/u);
	});
});
