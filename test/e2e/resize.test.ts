import {describe, expect, it} from 'vitest';
import type {TerminalSession} from '../helpers/pty-terminal.js';
import {
	listPositionOnTopRow,
	samplePath,
	singlePaneSize,
	splitSize,
	startBroadsheet,
	statusRowIndex,
	waitForFrame,
	wrappedRows,
} from '../helpers/run-broadsheet.js';

/** Whether the screen shows the whole frame for its size: the list title on top, the status line right under the frame. */
function showsWholeFrame(session: TerminalSession, position: string, isSplit: boolean) {
	return function wholeFrame(screen: string): boolean {
		const rows = screen.split('\n');
		return (
			listPositionOnTopRow(screen) === position
			&& rows[0]?.includes('│') === isSplit
			&& (rows[statusRowIndex(session)] ?? '').startsWith(' taipei-times.txt · 5 articles')
		);
	};
}

/** Checks that the frame fits the terminal: nothing wrapped, nothing below the status line, one list title. */
function expectFrameToFit(session: TerminalSession): void {
	const rows = session.lines();

	expect(rows).toHaveLength(session.terminal.rows);
	expect(wrappedRows(session)).toEqual([]);
	// The status line takes the last row.
	expect(rows.at(-1)).not.toBe('');
	expect(rows.filter(row => row.includes('Headlines'))).toHaveLength(1);
	expect(rows.filter(row => row.includes('5 articles'))).toHaveLength(1);
}

describe('resizing the terminal', () => {
	it('goes from side by side to one pane and back, the frame always fitting', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		session.press('j');
		await waitForFrame(session, showsWholeFrame(session, '2/5', true));
		expectFrameToFit(session);

		session.resize(singlePaneSize.columnCount, singlePaneSize.rowCount);
		await waitForFrame(session, showsWholeFrame(session, '2/5', false));
		expectFrameToFit(session);
		expect(session.screen()).not.toContain('│');
		expect(session.screen()).not.toContain('Japanese Prime Minister');

		session.resize(splitSize.columnCount, splitSize.rowCount);
		await waitForFrame(session, showsWholeFrame(session, '2/5', true));
		expectFrameToFit(session);
		expect(session.lines()[1]).toMatch(/│ EUROPEAN FUTURE\?$/u);
	});

	it('shows the same screen as a start at the new size when the terminal gets one column narrower', async () => {
		// Ink draws once more at the old width, which the terminal wraps and scrolls, before the app renders for the new one.
		const narrowerSize = {columnCount: splitSize.columnCount - 1, rowCount: splitSize.rowCount};
		const articleFollows = (screen: string) => /│ EUROPEAN FUTURE\?$/mu.test(screen) && listPositionOnTopRow(screen) === '2/5';
		const reference = await startBroadsheet([samplePath], narrowerSize);
		reference.press('j');
		const expectedScreen = await waitForFrame(reference, articleFollows);

		const session = await startBroadsheet([samplePath], splitSize);
		session.press('j');
		await waitForFrame(session, articleFollows);
		session.resize(narrowerSize.columnCount, narrowerSize.rowCount);
		await waitForFrame(session, function sameAsReference(screen) {
			return screen === expectedScreen;
		});
		expectFrameToFit(session);
	});

	it('shows only the headlines that fit in a short terminal, keeping the selection in view', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		session.press('G');
		await waitForFrame(session, showsWholeFrame(session, '5/5', false));

		session.resize(singlePaneSize.columnCount, 6);
		await waitForFrame(session, showsWholeFrame(session, '5/5', false));
		expectFrameToFit(session);
		const rows = session.lines();

		expect(rows[1]).toMatch(/^• EUROPEAN FUTURE\?/u);
		expect(rows[2]).toMatch(/^• FRAUD ALLEGED:/u);
		expect(rows[3]).toMatch(/^• CANCER:/u);
		expect(rows[4]).toMatch(/^• Myanmar’s junta chief/u);
	});
});
