import {describe, expect, it} from 'vitest';
import {type InputPiece, type MouseEvent, splitMouseInput} from '../../source/input/mouse-input.js';

const plain = {isRelease: false, isMotion: false, hasShift: false, hasAlt: false, hasCtrl: false};
const mouse = (event: Partial<MouseEvent> & Pick<MouseEvent, 'button' | 'column' | 'row'>): InputPiece => ({kind: 'mouse', event: {...plain, ...event}});
const text = (value: string): InputPiece => ({kind: 'text', text: value});

describe('reading SGR mouse reports', () => {
	it.each([
		['\u001B[<0;10;5M', mouse({button: 'left', column: 9, row: 4})],
		['\u001B[<0;10;5m', mouse({button: 'left', column: 9, row: 4, isRelease: true})],
		['\u001B[<1;1;1M', mouse({button: 'middle', column: 0, row: 0})],
		['\u001B[<2;200;50M', mouse({button: 'right', column: 199, row: 49})],
		['\u001B[<64;3;7M', mouse({button: 'wheel-up', column: 2, row: 6})],
		['\u001B[<65;3;7M', mouse({button: 'wheel-down', column: 2, row: 6})],
		['\u001B[<66;3;7M', mouse({button: 'wheel-left', column: 2, row: 6})],
		['\u001B[<4;3;7M', mouse({button: 'left', column: 2, row: 6, hasShift: true})],
		['\u001B[<24;3;7M', mouse({button: 'left', column: 2, row: 6, hasAlt: true, hasCtrl: true})],
		['\u001B[<32;3;7M', mouse({button: 'left', column: 2, row: 6, isMotion: true})],
		// Columns past 223, which the old X10 form could not say.
		['\u001B[<0;1000;300M', mouse({button: 'left', column: 999, row: 299})],
	])('reads %j', (input, piece) => {
		expect(splitMouseInput(input)).toEqual({pieces: [piece], pending: ''});
	});

	it('reads a report whose ESC Ink has taken off, at the start of an event', () => {
		expect(splitMouseInput('[<65;12;3M').pieces).toEqual([mouse({button: 'wheel-down', column: 11, row: 2})]);
	});

	it('takes several reports in one chunk, between keys, in order', () => {
		expect(splitMouseInput('j\u001B[<64;10;5M\u001B[<64;10;5Mk\u001B[<0;3;4M\u001B[<0;3;4mq').pieces).toEqual([
			text('j'),
			mouse({button: 'wheel-up', column: 9, row: 4}),
			mouse({button: 'wheel-up', column: 9, row: 4}),
			text('k'),
			mouse({button: 'left', column: 2, row: 3}),
			mouse({button: 'left', column: 2, row: 3, isRelease: true}),
			text('q'),
		]);
	});

	it('leaves text and other sequences alone', () => {
		expect(splitMouseInput('abc')).toEqual({pieces: [text('abc')], pending: ''});
		expect(splitMouseInput('\u001B[B')).toEqual({pieces: [text('\u001B[B')], pending: ''});
		expect(splitMouseInput('[')).toEqual({pieces: [text('[')], pending: ''});
		expect(splitMouseInput('a[<0;1;1M').pieces).toEqual([text('a[<0;1;1M')]);
		expect(splitMouseInput('')).toEqual({pieces: [], pending: ''});
	});

	it('joins a report a slow link cut in two, typing none of it', () => {
		const first = splitMouseInput('j\u001B[<0;1');
		expect(first).toEqual({pieces: [text('j')], pending: '\u001B[<0;1'});
		const second = splitMouseInput('0;5Mk', first.pending);
		expect(second).toEqual({pieces: [mouse({button: 'left', column: 9, row: 4}), text('k')], pending: ''});
	});

	it('joins the parts as Ink hands them over: the start, its ESC taken off, then the rest as text', () => {
		const first = splitMouseInput('[<65;4');
		expect(first).toEqual({pieces: [], pending: '[<65;4'});
		const middle = splitMouseInput('0;1', first.pending);
		expect(middle).toEqual({pieces: [], pending: '[<65;40;1'});
		expect(splitMouseInput('2M', middle.pending).pieces).toEqual([mouse({button: 'wheel-down', column: 39, row: 11})]);
	});

	it('drops the start of a report that never ends, and takes the next keys as keys', () => {
		const first = splitMouseInput('\u001B[<0;1');
		expect(splitMouseInput('jk', first.pending)).toEqual({pieces: [text('jk')], pending: ''});
		expect(splitMouseInput('\u001B[B', first.pending)).toEqual({pieces: [text('\u001B[B')], pending: ''});
	});
});

describe('reading the old X10 form, from terminals without mode 1006', () => {
	const x10 = (code: number, column: number, row: number) => `\u001B[M${String.fromCodePoint(code + 32, column + 32, row + 32)}`;

	it('reads presses, the wheel and releases, and types none of their characters', () => {
		expect(splitMouseInput(`j${x10(0, 10, 5)}${x10(3, 10, 5)}${x10(65, 4, 2)}k`).pieces).toEqual([
			text('j'),
			mouse({button: 'left', column: 9, row: 4}),
			mouse({button: 'other', column: 9, row: 4, isRelease: true}),
			mouse({button: 'wheel-down', column: 3, row: 1}),
			text('k'),
		]);
	});

	it('joins a report that Ink hands over as its start, then its three characters with the keys after', () => {
		const first = splitMouseInput('[M');
		expect(first).toEqual({pieces: [], pending: '[M'});
		expect(splitMouseInput(`${String.fromCodePoint(32, 42, 37)}q`, first.pending).pieces).toEqual([mouse({button: 'left', column: 9, row: 4}), text('q')]);
	});
});
