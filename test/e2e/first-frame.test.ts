import {describe, expect, it} from 'vitest';
import {keys} from '../helpers/pty-terminal.js';
import {samplePath, singlePaneSize, spawnBroadsheet, splitSize} from '../helpers/run-broadsheet.js';

// Styling and the other sequences that draw nothing in a cell.
const escapeSequence = /\u001B\[[\d;?]*[A-Za-z]|\u001B\]8;[^\u0007]*\u0007/gu;

/** Long enough for the interface to load and draw its first frame (tens of milliseconds) many times over. */
const interfaceLoadMs = 500;

describe('the first frame, drawn before the interface has loaded (issue 16)', () => {
	it.each([
		['120x30', splitSize],
		['80x24', singlePaneSize],
	])('is the frame the interface then draws, so that nothing is drawn again, at %s', async (_name, size) => {
		const session = await spawnBroadsheet([samplePath], size);
		// The status line is the frame's last row.
		await session.waitFor('5 articles');
		await session.settle();
		const firstScreen = session.screen();
		const outputBefore = session.rawOutput().length;
		await new Promise(resolve => {
			setTimeout(resolve, interfaceLoadMs);
		});
		await session.settle();

		// The interface found its frame on the screen, cell for cell: it wrote no cell.
		expect(session.screen()).toBe(firstScreen);
		expect(session.rawOutput().slice(outputBefore).replace(escapeSequence, '')).toBe('');
		// And it is the interface's frame: it answers keys.
		session.press('j');
		await session.waitFor('2/5');
	});

	it('keeps the keys typed as soon as it shows, for the interface to answer once it has loaded', async () => {
		const session = await spawnBroadsheet([samplePath], splitSize);
		await session.waitFor('1/5');
		session.press('j', 'j', keys.down);
		await session.waitFor('4/5');
		session.press('q');
		expect((await session.exited).exitCode).toBe(0);
	});
});
