import {describe, expect, it} from 'vitest';
import {keys} from '../helpers/pty-terminal.js';
import {listPositionOnTopRow, samplePath, singlePaneSize, splitSize, startBroadsheet, statusRowIndex, waitForFrame} from './run-broadsheet.js';

const helpTitle = /^ Keys {3}\(\? or Esc closes\)$/u;

describe('the help overlay', () => {
	it.each([
		['120x30', splitSize],
		['80x24', singlePaneSize],
	])('lists the keys with what they do at %s, and ? closes it', async (_name, size) => {
		const session = await startBroadsheet([samplePath], size);

		session.press('?');
		await waitForFrame(session, screen => helpTitle.test(screen.split('\n')[0] ?? ''));
		const screen = session.screen();

		for (const line of [/ j ↓ +next headline/u, / \/ +filter the headlines/u, / q +quit/u, / Enter l → +open the article/u, / Esc h ← +back to the headlines/u]) {
			expect(screen).toMatch(line);
		}

		expect(session.lines()[statusRowIndex(session)]).toMatch(/ \? help {2}Esc close {2}q quit$/u);
		expect(session.lines().at(-1)).toBe('');

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
