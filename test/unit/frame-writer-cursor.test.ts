import xtermHeadless from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {createFrameWriter, type CursorPosition} from '../../source/terminal/renderer/frame-writer.js';

const {Terminal} = xtermHeadless;

/** A frame writer drawing on a headless 20x5 terminal, and what the terminal shows. */
function terminalWithWriter() {
	const terminal = new Terminal({cols: 20, rows: 5, allowProposedApi: true, convertEol: true});
	let output = '';
	const writer = createFrameWriter({write: (text: string) => (output += text), isTTY: true, columns: 20, rows: 5});
	return {
		async draw(frame: string, cursor: CursorPosition | undefined) {
			writer.setCursorPosition(cursor);
			writer(frame);
			const written = output;
			output = '';
			await new Promise<void>(resolve => {
				terminal.write(written, resolve);
			});
			const buffer = terminal.buffer.active;
			const rows = Array.from({length: 5}, (_, index) => buffer.getLine(index)?.translateToString(true) ?? '');
			return {written, rows, cursor: {x: buffer.cursorX, y: buffer.cursorY}};
		},
	};
}

const frame = (selected: number) => Array.from({length: 5}, (_, index) => (index === selected ? `> row ${index}` : `  row ${index}`)).join('\n');

describe('the cursor in a frame as tall as the terminal', () => {
	it('stands where it is placed, hidden, frame after frame, and nothing scrolls', async () => {
		const screen = terminalWithWriter();
		let drawn = await screen.draw(frame(1), {x: 0, y: 1, isVisible: false});
		expect(drawn.cursor).toEqual({x: 0, y: 1});
		expect(drawn.written).not.toContain('\u001B[?25h');
		drawn = await screen.draw(frame(3), {x: 2, y: 3, isVisible: false});
		expect(drawn.rows).toEqual(['  row 0', '  row 1', '  row 2', '> row 3', '  row 4']);
		expect(drawn.cursor).toEqual({x: 2, y: 3});
		drawn = await screen.draw(frame(4), {x: 0, y: 4, isVisible: false});
		expect(drawn.rows[0]).toBe('  row 0');
		expect(drawn.cursor).toEqual({x: 0, y: 4});
		// Only the cursor moves.
		drawn = await screen.draw(frame(4), {x: 0, y: 0, isVisible: false});
		expect(drawn.cursor).toEqual({x: 0, y: 0});
		expect(drawn.rows[4]).toBe('> row 4');
	});

	it('shows it when asked', async () => {
		const screen = terminalWithWriter();
		const drawn = await screen.draw(frame(2), {x: 0, y: 2});
		expect(drawn.written).toMatch(/\u001B\[\?25h$/u);
		expect(drawn.cursor).toEqual({x: 0, y: 2});
	});
});
