import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {samplePath, splitSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();

/** Where the terminal's cursor stands, as a screen reader reads it. */
async function cursorOf(session: TerminalSession): Promise<{x: number; y: number}> {
	await session.settle();
	const buffer = session.terminal.buffer.active;
	return {x: buffer.cursorX, y: buffer.cursorY};
}

/** Waits until the cursor stands at `x`, `y` (it moves in the frame after the one that shows the change, at most). */
async function waitForCursor(session: TerminalSession, x: number, y: number): Promise<void> {
	const deadline = Date.now() + 5000;
	while (Date.now() < deadline) {
		const cursor = await cursorOf(session);
		if (cursor.x === x && cursor.y === y) {
			return;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	expect(await cursorOf(session)).toEqual({x, y});
}

describe('the terminal cursor, for screen readers', () => {
	it('follows the selected headline and the top of the article, hidden', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		await waitForFrame(session, screen => screen.includes('1/5'));
		await waitForCursor(session, 0, 1);
		expect(session.cursorVisible()).toBe(false);
		session.press('j');
		await waitForFrame(session, screen => screen.includes('2/5'));
		await waitForCursor(session, 0, 2);
		session.press('j', 'j');
		await waitForCursor(session, 0, 4);
		// The article: its first line of text, right of the list, the separator and the margin.
		const separator = session.lines()[0]!.indexOf('│');
		session.press(keys.enter);
		await waitForCursor(session, separator + 2, 1);
		session.press(keys.escape, 'k');
		await waitForCursor(session, 0, 3);
		expect(session.cursorVisible()).toBe(false);
	});

	it('shows where it stands with show-cursor in the config file', async () => {
		const config = join(fixtures.path, 'config.json');
		writeFileSync(config, '{"show-cursor": true}');
		const session = await startBroadsheet(['--config', config, samplePath], splitSize);
		await waitForFrame(session, screen => screen.includes('1/5'));
		session.press('j');
		await waitForCursor(session, 0, 2);
		expect(session.cursorVisible()).toBe(true);
	});

	it('stands on the caret of a line being typed: the filter, the article\'s search, a prompt', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		await waitForFrame(session, screen => screen.includes('1/5'));
		const typedRow = splitSize.rowCount - 2;
		session.press('/', 'kor');
		await waitForFrame(session, screen => screen.includes('/kor'));
		await waitForCursor(session, 4, typedRow);
		expect(session.lines()[typedRow]!.startsWith('/kor ')).toBe(true);
		session.press(keys.backspace);
		await waitForCursor(session, 3, typedRow);
		// Enter keeps the filter: the cursor goes back to the selected headline.
		session.press(keys.enter);
		await waitForCursor(session, 0, 1);
		session.press(keys.enter, '/', 'missile');
		await waitForFrame(session, screen => /match \d+\/\d+/u.test(screen));
		await waitForCursor(session, 8, typedRow);
		session.press(keys.enter);
		await waitForFrame(session, screen => !screen.includes('/missile'));
		session.press('|', 'wc');
		await waitForFrame(session, screen => screen.includes('pipe to: wc'));
		await waitForCursor(session, 'pipe to: wc'.length, typedRow);
	});
});
