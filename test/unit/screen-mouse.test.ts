import {describe, expect, it} from 'vitest';
import {enterFullScreen, mouseOff, mouseOn} from '../../source/terminal/screen.js';

/** A terminal's two streams, recording what is written and the raw mode asked for. */
function fakeTerminal() {
	const written: string[] = [];
	const output = {write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream;
	const input = {isTTY: true, setRawMode: () => input} as unknown as NodeJS.ReadStream;
	return {output, input, text: () => written.join('')};
}

describe('mouse reports on the terminal', () => {
	it('go on with the alternate screen, in SGR form, for clicks and the wheel only', () => {
		const terminal = fakeTerminal();
		enterFullScreen(terminal.output, terminal.input, {hasMouse: true});
		expect(terminal.text()).toContain('\u001B[?1000h\u001B[?1006h');
		expect(terminal.text()).not.toMatch(/\u001B\[\?100[23]h/u);
	});

	it('go off when the terminal is put back, which every ending does (a crash too), once', () => {
		const terminal = fakeTerminal();
		const screen = enterFullScreen(terminal.output, terminal.input, {hasMouse: true});
		screen.restore();
		screen.restore();
		const text = terminal.text();
		expect(text.endsWith('\u001B[?1049l')).toBe(true);
		expect(text.split(mouseOff)).toHaveLength(2);
		expect(text.lastIndexOf(mouseOff)).toBeGreaterThan(text.lastIndexOf(mouseOn));
	});

	it('go off while suspended (Ctrl-Z, a program run on the article) and on again after', () => {
		const terminal = fakeTerminal();
		const screen = enterFullScreen(terminal.output, terminal.input, {hasMouse: true});
		screen.suspend();
		expect(terminal.text().lastIndexOf(mouseOff)).toBeGreaterThan(terminal.text().lastIndexOf(mouseOn));
		screen.resume();
		expect(terminal.text().lastIndexOf(mouseOn)).toBeGreaterThan(terminal.text().lastIndexOf(mouseOff));
	});

	it('are never asked for without hasMouse (--no-mouse)', () => {
		const terminal = fakeTerminal();
		const screen = enterFullScreen(terminal.output, terminal.input);
		screen.suspend();
		screen.resume();
		screen.restore();
		expect(terminal.text()).not.toContain('\u001B[?1000');
		expect(terminal.text()).not.toContain('\u001B[?1006');
	});
});
