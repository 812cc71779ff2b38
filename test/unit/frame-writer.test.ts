import fc from 'fast-check';
// `@xterm/headless` is a CommonJS bundle: only its default export works from ESM (see test/helpers/pty-terminal.ts).
import xtermHeadless from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {createFrameWriter, handOverFrameWriter, takeOverFrameWriter} from '../../source/terminal/renderer/frame-writer.js';

const {Terminal} = xtermHeadless;
type HeadlessTerminal = InstanceType<typeof Terminal>;

const escape = '\u001B';
const bell = '\u0007';
const columnCount = 24;
const rowCount = 12;

/** A cell of a generated row: a grapheme and its look. */
type TestCell = {
	readonly text: string;
	readonly isBold: boolean;
	readonly isDim: boolean;
	readonly isInverse: boolean;
	readonly isUnderline: boolean;
	readonly foreground: string;
	readonly background: string;
	readonly url: string;
};

const cellArbitrary: fc.Arbitrary<TestCell> = fc.record({
	// Narrow letters, spaces (blank cells matter), wide CJK characters, and graphemes whose width terminals disagree
	// on (an emoji; a letter and a combining mark), which the writer must not position anything after.
	text: fc.constantFrom('a', 'b', 'c', ' ', ' ', '-', '日', '本', 'é', '…', '😀', 'e\u0301'),
	isBold: fc.boolean(),
	isDim: fc.boolean(),
	isInverse: fc.boolean(),
	isUnderline: fc.boolean(),
	foreground: fc.constantFrom('', '', '31', '92', '38;5;208', '38;2;10;20;30'),
	background: fc.constantFrom('', '', '', '44'),
	url: fc.constantFrom('', '', '', 'https://a.example/1', 'https://b.example/2'),
});

/** A row's cells, cut to the terminal's width. */
const rowArbitrary = fc.array(cellArbitrary, {maxLength: columnCount}).map(cells => {
	const fitting: TestCell[] = [];
	let width = 0;
	for (const cell of cells) {
		const cellWidth = ['日', '本', '😀'].includes(cell.text) ? 2 : 1;
		if (width + cellWidth > columnCount) {
			break;
		}

		fitting.push(cell);
		width += cellWidth;
	}

	return fitting;
});

/**
 * A row as Ink writes one: each look change as the codes that close what ends and open what starts, and everything
 * closed at the end. Written independently of the frame writer's own code.
 */
function lineOf(cells: readonly TestCell[]): string {
	const plain: TestCell = {text: '', isBold: false, isDim: false, isInverse: false, isUnderline: false, foreground: '', background: '', url: ''};
	let line = '';
	let previous = plain;
	for (const cell of [...cells, plain]) {
		const codes: string[] = [];
		if ((previous.isBold && !cell.isBold) || (previous.isDim && !cell.isDim)) {
			codes.push('22');
		}

		if (cell.isBold && (!previous.isBold || codes.includes('22'))) {
			codes.push('1');
		}

		if (cell.isDim && (!previous.isDim || codes.includes('22'))) {
			codes.push('2');
		}

		if (previous.isInverse !== cell.isInverse) {
			codes.push(cell.isInverse ? '7' : '27');
		}

		if (previous.isUnderline !== cell.isUnderline) {
			codes.push(cell.isUnderline ? '4' : '24');
		}

		if (previous.foreground !== cell.foreground) {
			codes.push(cell.foreground || '39');
		}

		if (previous.background !== cell.background) {
			codes.push(cell.background || '49');
		}

		line += codes.map(code => `${escape}[${code}m`).join('');
		if (previous.url !== cell.url) {
			line += `${escape}]8;;${cell.url}${bell}`;
		}

		line += cell.text;
		previous = cell;
	}

	return line;
}

/** A frame: some rows, and whether it ends in a newline (as every frame shorter than the terminal does). */
const frameArbitrary = fc.record({
	rows: fc.array(rowArbitrary, {minLength: 1, maxLength: 8}),
	hasFinalNewline: fc.boolean(),
});

/** A frame and the next one, made from it by changing some rows and cells, adding or dropping rows. */
const framePairArbitrary = frameArbitrary.chain(previous => fc.record({
	previous: fc.constant(previous),
	next: fc.record({
		rows: fc.tuple(
			fc.array(fc.tuple(fc.integer({min: 0, max: 3}), rowArbitrary, fc.nat(), cellArbitrary), {minLength: previous.rows.length, maxLength: previous.rows.length}),
			fc.integer({min: -2, max: 2}),
			fc.array(rowArbitrary, {maxLength: 2}),
		).map(([changes, rowCountChange, addedRows]) => {
			const rows = previous.rows.map((row, index) => {
				const [kind, newRow, position, newCell] = changes[index]!;
				if (kind === 0 || row.length === 0) {
					return kind === 0 ? row : newRow;
				}

				// One cell changed, as most changes between frames are.
				const copy = [...row];
				copy[position % row.length] = newCell;
				return kind === 1 ? copy : kind === 2 ? copy.slice(0, position % row.length) : newRow;
			});
			const kept = rowCountChange < 0 ? rows.slice(0, Math.max(1, rows.length + rowCountChange)) : [...rows, ...addedRows];
			return kept.slice(0, 8);
		}),
		hasFinalNewline: fc.boolean(),
	}),
}));

function frameText({rows, hasFinalNewline}: {rows: ReadonlyArray<readonly TestCell[]>; hasFinalNewline: boolean}): string {
	return rows.map(row => lineOf(row)).join('\n') + (hasFinalNewline ? '\n' : '');
}

/** A headless terminal that turns newlines into new lines at the first column, as a terminal's line discipline does. */
function newTerminal(): HeadlessTerminal {
	return new Terminal({cols: columnCount, rows: rowCount, allowProposedApi: true, convertEol: true});
}

async function written(terminal: HeadlessTerminal, text: string): Promise<void> {
	await new Promise<void>(resolve => {
		terminal.write(text, resolve);
	});
}

type LinkedCell = {extended?: {urlId?: number}};
type LinkService = {getLinkData(linkId: number): {uri: string} | undefined};

/**
 * Every cell of the screen: its text, width and every attribute, with the address of its link; and the cursor's row.
 * (Its column matters only under a frame that ends in a newline, where it is at the start of the row; after one that
 * does not, Ink leaves it after the text and this writer at the start, and the next frame moves it either way.)
 */
function screenOf(terminal: HeadlessTerminal): string[] {
	const buffer = terminal.buffer.active;
	const linkService = (terminal as unknown as {_core: {_oscLinkService: LinkService}})._core._oscLinkService;
	const cells: string[] = [`cursor on row ${buffer.cursorY}`];
	for (let row = 0; row < rowCount; row++) {
		const line = buffer.getLine(row)!;
		for (let column = 0; column < columnCount; column++) {
			const cell = line.getCell(column)!;
			const linkId = (cell as unknown as LinkedCell).extended?.urlId ?? 0;
			const url = linkId === 0 ? '' : linkService.getLinkData(linkId)?.uri ?? '?';
			cells.push([
				`${row},${column}`, cell.getChars() || ' ', cell.getWidth(), cell.getFgColorMode(), cell.getFgColor(), cell.getBgColorMode(), cell.getBgColor(),
				cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isInverse(), cell.isInvisible(), cell.isStrikethrough(), url,
			].join(' '));
		}
	}

	return cells;
}

function recordingStream() {
	const chunks: string[] = [];
	return {chunks, stream: {isTTY: true, write(text: string) {
		chunks.push(text);
		return true;
	}}};
}

/** The screen after drawing `frames` one after the other with a new frame writer, and the cursor's column. */
async function screenAfter(frames: readonly string[]): Promise<{screen: string[]; cursorColumn: number}> {
	const terminal = newTerminal();
	const {chunks, stream} = recordingStream();
	const writeFrame = createFrameWriter(stream);
	for (const frame of frames) {
		writeFrame(frame);
	}

	await written(terminal, chunks.join(''));
	const screen = screenOf(terminal);
	const cursorColumn = terminal.buffer.active.cursorX;
	terminal.dispose();
	return {screen, cursorColumn};
}

describe('the frame writer, in a terminal emulator', () => {
	it('leaves the screen as drawing the new frame from scratch would: every cell\'s text, width, look and link', async () => {
		await fc.assert(fc.asyncProperty(framePairArbitrary, async ({previous, next}) => {
			const previousFrame = frameText(previous);
			const nextFrame = frameText(next);
			const {screen, cursorColumn} = await screenAfter([previousFrame, nextFrame]);
			expect(screen).toEqual((await screenAfter([nextFrame])).screen);
			if (next.hasFinalNewline) {
				expect(cursorColumn).toBe(0);
			}
		}), {numRuns: 300});
	});

	it('hides the cursor for the first frame and shows it when done', () => {
		const {chunks, stream} = recordingStream();
		const writeFrame = createFrameWriter(stream);
		writeFrame('a\n');
		expect(chunks[0]).toBe(`${escape}[?25l`);
		writeFrame.done();
		expect(chunks.at(-1)).toBe(`${escape}[?25h`);
	});

	it('writes nothing, and says so, when the frame did not change', () => {
		const {chunks, stream} = recordingStream();
		const writeFrame = createFrameWriter(stream);
		expect(writeFrame('a\nb\n')).toBe(true);
		const writeCount = chunks.length;
		expect(writeFrame.willRender('a\nb\n')).toBe(false);
		expect(writeFrame('a\nb\n')).toBe(false);
		expect(chunks.length).toBe(writeCount);
	});

	it('erases its frame on clear, and draws the next one whole', async () => {
		const terminal = newTerminal();
		const {chunks, stream} = recordingStream();
		const writeFrame = createFrameWriter(stream);
		writeFrame('one\ntwo\n');
		writeFrame.clear();
		writeFrame('three\n');
		await written(terminal, chunks.join(''));
		expect(terminal.buffer.active.getLine(0)!.translateToString(true)).toBe('three');
		expect(terminal.buffer.active.getLine(1)!.translateToString(true)).toBe('');
		terminal.dispose();
	});

	it('writes changed rows whole after the terminal was resized, when the screen may not hold what was drawn', () => {
		const chunks: string[] = [];
		const stream = {isTTY: true, columns: 80, rows: 24, write(text: string) {
			chunks.push(text);
			return true;
		}};
		const writeFrame = createFrameWriter(stream);
		writeFrame('Headlines 1/5\nsame\n');
		chunks.length = 0;
		writeFrame('Headlines 2/5\nsame\n');
		expect(chunks.join('')).toBe(`${escape}[2A${escape}[11G2${escape}[2E`);
		stream.columns = 100;
		chunks.length = 0;
		writeFrame('Headlines 3/5\nsame\n');
		expect(chunks.join('')).toBe(`${escape}[2A\rHeadlines 3/5${escape}[K${escape}[2E`);
		chunks.length = 0;
		writeFrame('Headlines 4/5\nsame\n');
		expect(chunks.join('')).toBe(`${escape}[2A${escape}[11G4${escape}[2E`);
		stream.rows = 30;
		chunks.length = 0;
		writeFrame('Headlines 5/5\nsame\n');
		expect(chunks.join('')).toBe(`${escape}[2A\rHeadlines 5/5${escape}[K${escape}[2E`);
	});

	it('draws the next frame whole after one wider than the terminal, which the terminal wrapped and scrolled', async () => {
		// The terminal got a column narrower: Ink clears the frame and draws once more from the app's last render, which
		// still has the old width, before the app renders for the new one.
		const terminal = newTerminal();
		const stream = {isTTY: true, columns: columnCount, rows: rowCount, write(text: string) {
			terminal.write(text);
			return true;
		}};
		const frame = (width: number, title: string) => [title.padEnd(width, '-'), ...Array.from({length: rowCount - 1}, (_, index) => `row ${index}`.padEnd(width, '.'))].join('\n');
		const writeFrame = createFrameWriter(stream);
		writeFrame(frame(columnCount, 'first'));
		await written(terminal, '');
		terminal.resize(columnCount - 1, rowCount);
		stream.columns = columnCount - 1;
		writeFrame.clear();
		writeFrame(frame(columnCount, 'stale'));
		writeFrame(frame(columnCount - 1, 'fresh'));
		await written(terminal, '');
		const screen = Array.from({length: rowCount}, (_, row) => terminal.buffer.active.getLine(terminal.buffer.active.viewportY + row)!.translateToString(true));
		expect(screen).toEqual(frame(columnCount - 1, 'fresh').split('\n'));
		terminal.dispose();
	});

	it('writes a Down\'s three changed rows in fewer bytes than whole rows', () => {
		const rows = (selected: number) => Array.from({length: 30}, (_, index) => {
			const headline = `• Headline number ${index} of the day`.padEnd(50);
			const article = `Article text on row ${index}`.padEnd(60);
			return `${index === selected ? `${escape}[7m${headline}${escape}[27m` : headline} ${article}`;
		});
		const frame = (selected: number) => [`Headlines ${selected + 1}/30`, ...rows(selected)].join('\n') + '\n';
		const {chunks, stream} = recordingStream();
		const writeFrame = createFrameWriter(stream);
		writeFrame(frame(0));
		chunks.length = 0;
		writeFrame(frame(1));
		// Ink rewrote the three rows whole (about 3 x 115 bytes) and moved down every row.
		expect(Buffer.byteLength(chunks.join(''))).toBeLessThan(150);
	});
});

describe('a frame writer handed over (the first frame, drawn before Ink loads)', () => {
	const streamOf = (chunks: string[]) => ({isTTY: true, columns: 80, rows: 24, write(text: string) {
		chunks.push(text);
		return true;
	}});

	it('is taken over once, by the next writer made for its stream alone, and then draws only what changed', () => {
		const chunks: string[] = [];
		const stream = streamOf(chunks);
		const other = streamOf([]);
		const firstWriter = createFrameWriter(stream);
		firstWriter('Headlines 1/5\nsame\n');
		handOverFrameWriter(stream, firstWriter);
		expect(takeOverFrameWriter(other)).toBeUndefined();
		const writer = takeOverFrameWriter(stream);
		expect(writer).toBe(firstWriter);
		expect(takeOverFrameWriter(stream)).toBeUndefined();
		chunks.length = 0;
		// Ink's first frame, the same: nothing to write.
		expect(writer!('Headlines 1/5\nsame\n')).toBe(false);
		expect(chunks).toEqual([]);
		writer!('Headlines 2/5\nsame\n');
		expect(chunks.join('')).toBe(`${escape}[2A${escape}[11G2${escape}[2E`);
	});
});
