import {describe, expect, it} from 'vitest';
import {frameUpdate, rowUpdate, wholeRowText} from '../../source/terminal/renderer/frame-diff.js';

const escape = '\u001B';
const bell = '\u0007';
const bold = (text: string) => `${escape}[1m${text}${escape}[22m`;
const inverse = (text: string) => `${escape}[7m${text}${escape}[27m`;
const red = (text: string) => `${escape}[31m${text}${escape}[39m`;
const link = (url: string, text: string) => `${escape}]8;;${url}${bell}${text}${escape}]8;;${bell}`;

describe('rowUpdate: what turns one row into the next', () => {
	it.each([
		['the same line', 'Headlines 1/5', 'Headlines 1/5', ''],
		['the same look written another way', `${escape}[1;31mab${escape}[0m`, `${escape}[31m${escape}[1mab${escape}[39m${escape}[22m`, ''],
		['one cell changed', 'Headlines 1/5', 'Headlines 2/5', `${escape}[11G2`],
		['a change at the first column', 'abc', 'xbc', '\rx'],
		['two changes close together, as one span', 'a 1/5 b', 'a 2/6 b', `${escape}[3G2/6`],
		['two changes far apart, as two spans', `1${'.'.repeat(40)}1`, `2${'.'.repeat(40)}2`, `\r2${escape}[42G2`],
		['a cell that turns bold', 'abc', `a${bold('b')}c`, `${escape}[2G${escape}[1mb${escape}[m`],
		['a cell that stops being bold', `a${bold('bc')}`, `a${bold('b')}c`, `${escape}[3Gc`],
		['the selection moving off a row', `${inverse('• one')} | article`, `• one | article`, '\r• one'],
		['a look in the middle of a span', 'a b c', `a ${red('B')} C`, `${escape}[3G${escape}[31mB${escape}[m C`],
		['a wide character for another', '日本語', '日本人', `${escape}[5G人`],
		['a wide character for two narrow ones', 'a日b', 'axyb', `${escape}[2Gxy`],
		['narrow ones for a wide one, not split', 'abcd', 'a日d', `${escape}[2G日`],
		['everything after a wide character moved', 'a日本', 'ab日本', `${escape}[2Gb日本`],
		['a shorter line: the rest erased', 'hello world', 'hello', `${escape}[7G${escape}[K`],
		['a longer line', 'hello', 'hello world', `${escape}[7Gworld`],
		['an empty line', 'hello', '', `\r${escape}[K`],
		['text changed after a link', `${link('http://a.example', 'Link')} one`, `${link('http://a.example', 'Link')} two`, `${escape}[6Gtwo`],
		['text changed inside a link: the link reopened and closed around it', link('http://a.example', 'Link'), link('http://a.example', 'Lonk'), `${escape}[2G${escape}]8;;http://a.example${bell}o${escape}]8;;${bell}`],
		['a link to another address', link('http://a.example', 'Link'), link('http://b.example', 'Link'), `\r${escape}]8;;http://b.example${bell}Link${escape}]8;;${bell}`],
		['bold off while dim stays', `${escape}[1;2mab${escape}[22m`, `${escape}[1;2ma${escape}[22m${escape}[2mb${escape}[22m`, `${escape}[2G${escape}[2mb${escape}[m`],
	])('%s', (_what, previous, next, expected) => {
		expect(JSON.stringify(rowUpdate(previous, next))).toBe(JSON.stringify(expected));
	});

	it.each([
		['an emoji, whose width terminals disagree on, before the change', '😀 a', '😀 b'],
		['a combining mark before the change', 'e\u0301 a', 'e\u0301 b'],
		['an SGR parameter not modelled (21)', `${escape}[21ma${escape}[24m b`, `${escape}[21ma${escape}[24m c`],
		['a sequence other than SGR and OSC 8', `${escape}[2Ka b`, `${escape}[2Ka c`],
		['an OSC 8 link ended by ESC \\', `${escape}]8;;http://a${escape}\\a${escape}]8;;${escape}\\ b`, `${escape}]8;;http://a${escape}\\a${escape}]8;;${escape}\\ c`],
	])('rewrites the whole row for %s', (_what, previous, next) => {
		expect(rowUpdate(previous, next)).toBe(wholeRowText(next));
	});

	it('still writes only the change when an emoji comes after it', () => {
		expect(rowUpdate('a b 😀', 'a c 😀')).toBe(`${escape}[3Gc`);
	});

	it('rewrites the whole row when that is shorter than the changes', () => {
		// Each change would need its own cursor move and colour, where the whole row sets the colour once.
		const previous = red('a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p'.replaceAll('.', ' '.repeat(9)));
		const next = previous.replaceAll(/(?<= )[a-p]/gu, 'X');
		expect(rowUpdate(previous, next)).toBe(wholeRowText(next));
	});
});

describe('frameUpdate: what turns one frame into the next', () => {
	it('writes nothing when the frames look the same', () => {
		expect(frameUpdate('a\nb\n', 'a\nb\n')).toBe('');
	});

	it('goes up to the first changed row only, and back down to the start of the row under the frame', () => {
		expect(JSON.stringify(frameUpdate('a\nb\nc\nd\n', 'a\nB\nc\nd\n'))).toBe(JSON.stringify(`${escape}[3A\rB${escape}[3E`));
	});

	it('moves between changed rows with a line feed or a cursor move', () => {
		expect(JSON.stringify(frameUpdate('a\nb\nc\nd\ne\n', 'A\nB\nc\nd\nE\n'))).toBe(JSON.stringify(`${escape}[5A\rA\n\rB${escape}[3B\rE${escape}[E`));
	});

	it('erases the rows a shorter frame no longer covers', () => {
		expect(JSON.stringify(frameUpdate('a\nb\nc\n', 'a\n'))).toBe(JSON.stringify(`${escape}[2K${escape}[1A${escape}[2K${escape}[1A${escape}[2K${escape}[G`));
	});

	it('writes the rows a longer frame adds whole, with line feeds that scroll if need be', () => {
		expect(JSON.stringify(frameUpdate('a\n', 'a\nb\nc\n'))).toBe(JSON.stringify(`\rb${escape}[K\n\rc${escape}[K\n\r`));
	});

	it('ends on the last row of a frame without a final newline', () => {
		expect(JSON.stringify(frameUpdate('a\nb', 'a\nB'))).toBe(JSON.stringify('\rB\r'));
	});
});
