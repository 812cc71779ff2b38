import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {runBroadsheetPiped, singlePaneSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

/*
Issue 13, point 5: how code blocks, headings and table rows look in the article pane of the built command.
*/

const fixtures = useFixtureDirectory();
const longCommand = 'curl --fail --silent --location https://downloads.example/tool-2.0.tar.gz | tar -xz && cd tool-2.0 && make install';
const notes = [
	'# Release notes for the tool',
	'',
	'Version 2 is out.',
	'',
	'## Install',
	'',
	'```sh',
	longCommand,
	'\tmake check',
	'```',
	'',
	'| Platform | Status |',
	'|---|---|',
	'| Linux | ready |',
	'| macOS | ready |',
	'',
].join('\n');

/** Whether every cell of row `rowIndex` from `start` to `end` (exclusive) passes `test`. */
function cellsAre(session: TerminalSession, rowIndex: number, start: number, end: number, test: (cell: {isDim(): number; isBold(): number}) => boolean): boolean {
	const buffer = session.terminal.buffer.active;
	const line = buffer.getLine(buffer.viewportY + rowIndex);
	for (let column = start; column < end; column++) {
		const cell = line?.getCell(column);
		if (cell === undefined || !test(cell)) {
			return false;
		}
	}

	return true;
}

describe('code, headings and tables in the article pane (80x24)', () => {
	it('shows a code block\'s lines as written, dim and cut at the pane\'s edge, a heading bold, and a table a row a line', async () => {
		const path = fixtures.write('notes.md', notes);
		const session = await startBroadsheet([path], singlePaneSize);
		await waitForFrame(session, 'Release notes for the tool');
		session.press(keys.enter);
		await waitForFrame(session, screen => screen.includes('Platform | Status'));
		const rows = session.lines();
		const codeRow = rows.findIndex(row => row.startsWith(' curl --fail'));
		expect(codeRow).toBeGreaterThan(0);
		// Never wrapped: the line is cut at the edge, and the next row is the code's next line, its tab expanded.
		expect(rows[codeRow]).toBe(` ${longCommand.slice(0, singlePaneSize.columnCount - 2)}…`);
		expect(rows[codeRow + 1]).toBe('         make check');
		expect(cellsAre(session, codeRow, 1, 40, cell => cell.isDim() !== 0)).toBe(true);

		const headingRow = rows.indexOf(' Install');
		expect(headingRow).toBeGreaterThan(0);
		expect(cellsAre(session, headingRow, 1, 8, cell => cell.isBold() !== 0)).toBe(true);
		expect(cellsAre(session, rows.indexOf(' Version 2 is out.'), 1, 8, cell => cell.isBold() === 0 && cell.isDim() === 0)).toBe(true);

		const tableRow = rows.indexOf(' Platform | Status');
		expect(rows.slice(tableRow, tableRow + 3)).toEqual([' Platform | Status', ' Linux | ready', ' macOS | ready']);
	});

	it('prints a code block verbatim with --print', async () => {
		const path = fixtures.write('print.md', notes);
		const {stdout, exitCode} = await runBroadsheetPiped(['--print', path], {env: {COLUMNS: '60'}});
		expect(exitCode).toBe(0);
		expect(stdout).toContain(`Install\n\n${longCommand}\n        make check\n\nPlatform | Status\nLinux | ready\nmacOS | ready\n`);
	});
});
