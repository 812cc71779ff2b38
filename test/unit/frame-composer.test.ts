import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Chalk} from 'chalk';
import fc from 'fast-check';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {composedFrame, composedRow, type OutputOperation} from '../../source/terminal/renderer/frame-composer.js';
import {rowUpdate, runShape} from '../../source/terminal/renderer/frame-diff.js';
import {hyperlink} from '../../source/terminal/osc.js';
import {plainColumnCount, singleColumnText} from '../../source/text/graphemes.js';

/** Ink's own Output (node_modules/ink/build/output.js), the oracle: what Ink draws from the same operations. */
type InkOutput = {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: object): void;
	unclip(): void;
	get(): {output: string; height: number};
	operations: OutputOperation[];
};
const inkDirectory = dirname(createRequire(import.meta.url).resolve('ink'));
const {default: InkOutputClass} = await import(pathToFileURL(join(inkDirectory, 'output.js')).href) as {default: new (size: {width: number; height: number}) => InkOutput};

const chalk = new Chalk({level: 3});
const clipTools = {sliceAnsi, stringWidth};

type Write = {readonly x: number; readonly y: number; readonly text: string; readonly isInverse: boolean};
type Step = {readonly kind: 'write'; readonly write: Write} | {readonly kind: 'clip'; readonly clip: {x1: number; x2: number; y1: number; y2: number}} | {readonly kind: 'unclip'};

/** Draws `steps` with Ink's Output; answers its frame and what it recorded. */
function drawnByInk(steps: readonly Step[], width: number, height: number): {frame: string; operations: OutputOperation[]} {
	const output = new InkOutputClass({width, height});
	for (const step of steps) {
		if (step.kind === 'write') {
			const {x, y, text, isInverse} = step.write;
			output.write(x, y, text, {transformers: isInverse ? [(line: string) => chalk.inverse(line)] : []});
		} else if (step.kind === 'clip') {
			output.clip(step.clip);
		} else {
			output.unclip();
		}
	}

	return {frame: output.get().output, operations: output.operations};
}

/** Whether two frames look the same in a terminal, row by row (the frame writer's own comparison of cells). */
function looksTheSame(first: string, second: string): boolean {
	const firstRows = first.split('\n');
	const secondRows = second.split('\n');
	return firstRows.length === secondRows.length && firstRows.every((row, index) => rowUpdate(row, secondRows[index]!) === '');
}

const words = ['Headlines', 'minister', 'Taipei', '·', '•', '│', '—', '“quoted”', 'café', '日本語', '한국', 'ΑΒΓ', 'Ж', '€5', '…', ' ', '  '];
const styles: ReadonlyArray<(text: string) => string> = [
	text => text,
	text => chalk.bold(text),
	text => chalk.dim(text),
	text => chalk.red(text),
	text => chalk.bold.red(text),
	text => chalk.inverse(text),
	text => chalk.underline.cyan(text),
	text => chalk.bgBlue.white(text),
	text => chalk.hex('#ff8800')(text),
	text => chalk.ansi256(208)(text),
	text => hyperlink('https://example.org/a?b=1', text),
	// Left open: Ink's cells after it are plain. (Not bold: with dim inside it, Ink's cells lose the bold that SGR 1
	// turns back on after SGR 22, where a terminal keeps it, as the composed frame does.)
	text => `\u001B[4m${text}`,
	text => `\u001B[7m${text}\u001B[0m`,
];

const styledText = fc.array(fc.tuple(fc.constantFrom(...words), fc.nat({max: styles.length - 1})), {minLength: 1, maxLength: 5})
	.map(parts => parts.map(([word, style]) => styles[style]!(word)).join(''));
const multilineText = fc.array(styledText, {minLength: 1, maxLength: 3}).map(lines => lines.join('\n'));
const write = fc.record({x: fc.integer({min: -2, max: 70}), y: fc.integer({min: -1, max: 9}), text: multilineText, isInverse: fc.boolean()});
const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 8, arbitrary: write.map(write => ({kind: 'write' as const, write}))},
	{weight: 1, arbitrary: fc.record({x1: fc.integer({min: 0, max: 40}), x2: fc.integer({min: 20, max: 80}), y1: fc.integer({min: 0, max: 4}), y2: fc.integer({min: 3, max: 10})}).map(clip => ({kind: 'clip' as const, clip}))},
	{weight: 1, arbitrary: fc.constant({kind: 'unclip' as const})},
);

describe('composedFrame: a frame from whole lines, as Ink draws it cell by cell', () => {
	it('looks the same as Ink\'s frame whenever it makes one (property, against Ink\'s Output)', () => {
		let composedCount = 0;
		fc.assert(fc.property(fc.array(step, {maxLength: 12}), fc.integer({min: 20, max: 80}), fc.integer({min: 1, max: 10}), (steps, width, height) => {
			const ink = drawnByInk(steps, width, height);
			const frame = composedFrame(ink.operations, {columnCount: width, rowCount: height}, clipTools);
			if (frame !== undefined) {
				composedCount++;
				expect(looksTheSame(frame, ink.frame), `composed:\n${JSON.stringify(frame)}\nInk:\n${JSON.stringify(ink.frame)}`).toBe(true);
			}
		}), {numRuns: 600});
		// Most generated frames have no overlapping lines: the property must not hold only for frames it gives up on.
		expect(composedCount).toBeGreaterThan(100);
	});

	it('draws a frame like Broadsheet\'s first: a list beside an article, a status line, and blank rows kept', () => {
		const steps: Step[] = [
			{kind: 'write', write: {x: 0, y: 0, text: `${chalk.bold(' Headlines')} · newest`, isInverse: false}},
			{kind: 'write', write: {x: 30, y: 0, text: '│\n│\n│', isInverse: false}},
			{kind: 'write', write: {x: 0, y: 1, text: '• Minister resigns', isInverse: true}},
			{kind: 'write', write: {x: 2, y: 2, text: 'Floods in the north', isInverse: false}},
			{kind: 'write', write: {x: 32, y: 0, text: chalk.bold.red('MINISTER RESIGNS'), isInverse: false}},
			{kind: 'write', write: {x: 32, y: 1, text: `Read at ${hyperlink('https://example.org/a', 'example.org')}`, isInverse: false}},
			{kind: 'write', write: {x: 0, y: 4, text: ' sample.txt · 5 articles', isInverse: true}},
		];
		const ink = drawnByInk(steps, 60, 5);
		const frame = composedFrame(ink.operations, {columnCount: 60, rowCount: 5}, clipTools);

		expect(frame).toBeDefined();
		expect(frame!.split('\n')).toHaveLength(5);
		expect(frame!.split('\n')[3]).toBe('');
		expect(looksTheSame(frame!, ink.frame)).toBe(true);
	});

	it('leaves a frame to Ink when lines overlap, or when a line holds what it does not model', () => {
		const overlapping = drawnByInk([
			{kind: 'write', write: {x: 0, y: 0, text: 'abcdef', isInverse: false}},
			{kind: 'write', write: {x: 3, y: 0, text: 'XY', isInverse: false}},
		], 20, 1);
		expect(composedFrame(overlapping.operations, {columnCount: 20, rowCount: 1}, clipTools)).toBeUndefined();
		expect(composedRow([{x: 0, line: 'emoji 🙂'}], 40)).toBeUndefined();
		expect(composedRow([{x: 0, line: 'e\u0301'}], 40)).toBeUndefined();
		expect(composedRow([{x: 0, line: '\u001B[2Jclear'}], 40)).toBeUndefined();
		expect(composedRow([{x: -1, line: 'left of the row'}], 40)).toBeUndefined();
		expect(composedRow([{x: 35, line: 'past the end'}], 40)).toBeUndefined();
	});

	it('joins lines side by side with spaces, and turns a look left on back to the default after its line', () => {
		expect(composedRow([{x: 6, line: 'right'}, {x: 0, line: 'left'}], 40)).toBe('left  right');
		expect(composedRow([{x: 0, line: '\u001B[1mopen'}, {x: 5, line: 'plain'}], 40)).toBe('\u001B[1mopen\u001B[m plain');
		expect(composedRow([{x: 0, line: 'trailing   '}], 40)).toBe('trailing');
	});
});

describe('runShape: the columns of a line and what closes it', () => {
	it.each([
		['plain ASCII', 'Headlines', 9, ''],
		['Latin, box drawing and a bullet', '• café │', 8, ''],
		['wide characters', '日本語 ok', 9, ''],
		['a closed style', chalk.bold('bold'), 4, ''],
		['a style left on', '\u001B[31mred', 3, '\u001B[m'],
		['a link left open', '\u001B]8;;https://example.org\u0007link', 4, '\u001B]8;;\u0007'],
	])('%s', (_name, line, columnCount, closing) => {
		expect(runShape(line)).toEqual({columnCount, closing});
	});
});

describe('singleColumnText', () => {
	it('matches exactly the code units plainColumnCount gives one column', () => {
		for (let code = 0; code <= 0xFFFF; code++) {
			expect(singleColumnText.test(String.fromCharCode(code)), `U+${code.toString(16)}`).toBe(plainColumnCount(code) === 1);
		}
	});
});
