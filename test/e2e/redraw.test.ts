import {describe, expect, it} from 'vitest';
import {samplePath, singlePaneSize, startBroadsheet, waitForFrame} from '../helpers/run-broadsheet.js';

const ctrlL = '\u000C';
const clearScreen = '\u001B[2J';

/** The text a stretch of raw output writes, without its escape sequences (styles, cursor moves, OSC links). */
const writtenText = (raw: string) =>
	raw
		.replaceAll(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/gu, '')
		.replaceAll(/\u001B\[[\d;?]*[A-Za-z]/gu, '');

describe('Ctrl-L', () => {
	it('clears the terminal and draws the whole frame again', async () => {
		const session = await startBroadsheet(['--no-state', samplePath], singlePaneSize);
		try {
			const screen = await waitForFrame(session, 'taipei-times.txt · 5 articles');
			const rows = screen.split('\n').map(row => row.trim()).filter(row => row !== '');
			expect(rows.length).toBeGreaterThan(5);
			const before = session.rawOutput().length;
			session.press(ctrlL);
			await session.waitFor(() => {
				const after = session.rawOutput().slice(before);
				const clearIndex = after.indexOf(clearScreen);
				if (clearIndex === -1) {
					return false;
				}

				const redrawn = writtenText(after.slice(clearIndex));
				return rows.every(row => redrawn.includes(row));
			});
			expect(session.lines().map(row => row.trim()).filter(row => row !== '')).toEqual(rows);
		} finally {
			session.dispose();
		}
	});
});
