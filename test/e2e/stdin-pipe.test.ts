import {describe, expect, it} from 'vitest';
import {listPositionOnTopRow, samplePath, singlePaneSize, startShell, statusRowIndex, waitForFrame} from '../helpers/run-broadsheet.js';

describe('articles on stdin, keys from the terminal', () => {
	it.each([
		['piped in', `cat ${samplePath} | broadsheet`],
		['redirected to stdin and named -', `broadsheet - < ${samplePath}`],
	])('browses the articles %s, then quits cleanly', async (_name, script) => {
		const session = await startShell(script, singlePaneSize);
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '1/5');

		expect(session.lines()[statusRowIndex(session)]).toMatch(/^ stdin · 5 articles /u);
		expect(session.lines()[4]).toMatch(/^• CANCER: Jose Mujica/u);

		session.press('j');
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '2/5');
		session.press('q');
		const exit = await session.exited;

		expect(exit).toEqual({exitCode: 0});
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.cursorVisible()).toBe(true);
		expect(session.screen().trim()).toBe('');
	});
});
