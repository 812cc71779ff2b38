import {describe, expect, it} from 'vitest';
import {keys} from '../helpers/pty-terminal.js';
import {samplePath, splitSize, startBroadsheet, waitForFrame} from '../helpers/run-broadsheet.js';

/** ESC[2J: the whole screen cleared. */
const fullClear = '\u001B[2J';

describe('the bottom row', () => {
	it('holds the status line, and keystrokes clear no screen for a frame as tall as the terminal', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		await waitForFrame(session, screen => screen.split('\n').at(-1)!.includes('5 articles'));
		expect(session.lines()).toHaveLength(splitSize.rowCount);
		expect(session.lines().at(-1)).toMatch(/^ taipei-times\.txt · 5 articles .*q quit/u);
		const before = session.rawOutput().length;
		session.press('j');
		await waitForFrame(session, screen => screen.includes('2/5'));
		session.press('?');
		await waitForFrame(session, screen => screen.startsWith(' Keys'));
		session.press(keys.escape);
		await waitForFrame(session, screen => screen.includes('2/5') && !screen.startsWith(' Keys'));
		session.press(keys.enter);
		await waitForFrame(session, screen => /Esc\/h back/u.test(screen.split('\n').at(-1)!));
		session.press(keys.escape);
		await waitForFrame(session, screen => /q quit/u.test(screen.split('\n').at(-1)!));
		session.press('/');
		await waitForFrame(session, screen => /^\/ ?/u.test(screen.split('\n').at(-2)!.trimStart()));
		session.press('x');
		await waitForFrame(session, screen => /x/u.test(screen.split('\n').at(-2)!));
		session.press(keys.escape);
		await waitForFrame(session, screen => /q quit/u.test(screen.split('\n').at(-1)!));
		// The filter's best match stays selected after Esc: g goes back to the first headline.
		session.press('g');
		await waitForFrame(session, screen => screen.includes('1/5') && /q quit/u.test(screen.split('\n').at(-1)!));
		await session.settle();
		expect(session.rawOutput().slice(before)).not.toContain(fullClear);
		// The status line is still on the last row, and nothing scrolled: the first row is the panes' titles.
		expect(session.lines().at(-1)).toMatch(/5 articles/u);
		expect(session.lines()[0]).toMatch(/^ Headlines/u);
	});
});
