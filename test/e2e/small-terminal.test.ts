import {describe, expect, it} from 'vitest';
import type {TerminalSession} from '../helpers/pty-terminal.js';
import {crashLines, samplePath, singlePaneSize, startBroadsheet, waitForFrame, wrappedRows} from '../helpers/run-broadsheet.js';

/** Whether the screen shows the whole frame for its size: the list title on top, the status line under the frame. */
function wholeFrameFor(session: TerminalSession) {
	return function wholeFrame(screen: string): boolean {
		const rows = screen.split('\n');
		return rows.length === session.terminal.rows && /^ Headlines/u.test(rows[0] ?? '') && /^ taipei-times\.txt|^ taipei/u.test(rows[session.terminal.rows - 1] ?? '');
	};
}

function expectFrameToFit(session: TerminalSession): void {
	const rows = session.lines();
	expect(rows).toHaveLength(session.terminal.rows);
	expect(wrappedRows(session)).toEqual([]);
	// The status line takes the last row.
	expect(rows.at(-1)).not.toBe('');
	expect(rows.filter(row => row.startsWith(' Headlines'))).toHaveLength(1);
}

describe('a storm of resizes', () => {
	it('ends on a frame that fits the final size, without a crash', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		// Fifty sizes in a row, as fast as the pty takes them: wide, narrow, tall, short, and below the minimum.
		for (let index = 0; index < 50; index++) {
			session.resize(10 + ((index * 37) % 140), 3 + ((index * 11) % 40));
		}

		session.resize(67, 19);
		await waitForFrame(session, wholeFrameFor(session), 10_000);
		expectFrameToFit(session);
		expect(session.lines()[0]).toMatch(/ 1\/5$/u);
		expect(crashLines(session.rawOutput())).toEqual([]);
	}, 30_000);
});

describe('small terminals', () => {
	it('draws the list at 20x6, asks for room below 20x5 in words that fit, and recovers', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);

		session.resize(20, 6);
		await waitForFrame(session, wholeFrameFor(session));
		expectFrameToFit(session);

		for (const [columnCount, rowCount] of [[19, 5], [10, 3]] as const) {
			session.resize(columnCount, rowCount);
			const screen = await waitForFrame(session, screenNow => screenNow.split('\n')[0] === 'Need 20x5');
			expect(screen.split('\n').slice(1).join('').trim()).toBe('');
		}

		session.resize(1, 1);
		await waitForFrame(session, function blank(screen) {
			return screen.trim() === '';
		});

		session.resize(singlePaneSize.columnCount, singlePaneSize.rowCount);
		await waitForFrame(session, wholeFrameFor(session));
		expectFrameToFit(session);
		session.press('q');
		expect(await session.exited).toEqual({exitCode: 0});
		expect(session.isAlternateScreen()).toBe(false);
		expect(crashLines(session.rawOutput())).toEqual([]);
	}, 30_000);
});
