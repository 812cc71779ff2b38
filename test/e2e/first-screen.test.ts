import {describe, expect, it} from 'vitest';
import {
	columnCells,
	inverseRows,
	sampleHeadlines,
	samplePath,
	separatorColumn,
	singlePaneSize,
	splitSize,
	startBroadsheet,
	statusRowIndex,
	waitForFrame,
} from '../helpers/run-broadsheet.js';

describe('the first screen', () => {
	it('shows the headlines beside the first article at 120x30', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		await waitForFrame(session, '5 articles');
		const rows = session.lines();

		expect(rows[0]).toMatch(/^ Headlines · file order +1\/5 │ taipei-times\.txt +Top$/u);
		for (const [index, headline] of sampleHeadlines.entries()) {
			expect(rows[index + 1]?.slice(0, headline.length + 2)).toBe(`• ${headline}`);
		}

		const paneRowIndexes = Array.from({length: statusRowIndex(session)}, (_, index) => index);
		expect(separatorColumn(session)).toBeGreaterThan(30);
		expect(columnCells(session, paneRowIndexes, separatorColumn(session)!)).toEqual(paneRowIndexes.map(() => '│'));
		expect(rows[1]).toMatch(/│ Japan and the US agreed in top-level talks yesterday to/u);
		expect(rows[4]).toMatch(/│ \d+ min read$/u);
		expect(rows[6]).toContain('│ Japanese Prime Minister Shinzo Abe');
		expect(inverseRows(session, [1, 2, 3, 4, 5], 1)).toEqual([1]);
		expect(rows[statusRowIndex(session)]).toMatch(/ \? help {2}q quit$/u);
	});

	it('shows only the headlines at 80x24', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		const screen = await waitForFrame(session, '5 articles');
		const rows = session.lines();

		expect(rows[0]).toMatch(/^ Headlines · file order +1\/5$/u);
		for (const [index, headline] of sampleHeadlines.entries()) {
			expect(rows[index + 1]?.slice(0, headline.length + 2)).toBe(`• ${headline}`);
		}

		expect(rows.slice(6, statusRowIndex(session))).toEqual(Array.from({length: statusRowIndex(session) - 6}, () => ''));
		expect(screen).not.toContain('│');
		expect(screen).not.toContain('Japanese Prime Minister Shinzo Abe');
	});

	it.each([
		['120x30', splitSize],
		['80x24', singlePaneSize],
	])('puts the status line with the file name, article count and key hints on the last row at %s', async (_name, size) => {
		const session = await startBroadsheet([samplePath], size);
		await waitForFrame(session, '5 articles');
		const rows = session.lines();
		const statusLine = rows[statusRowIndex(session)];

		expect(statusLine).toMatch(/^ taipei-times\.txt · 5 articles {3}j\/↓ move {2}Enter\/l open {2}.*\? help\b/u);
		expect(statusRowIndex(session)).toBe(size.rowCount - 1);
		expect(inverseRows(session, [statusRowIndex(session)], 1)).toEqual([statusRowIndex(session)]);
	});
});
