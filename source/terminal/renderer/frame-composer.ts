/**
 * A frame made from what Ink's Output recorded (node_modules/ink/build/output.js: text written at a column and row,
 * clipped), without reading every character into a cell. Pure. scripts/ink-output.js puts it in front of Ink's own
 * Output.get() in the bundle, which still draws any frame this cannot.
 *
 * Ink reads each line written into cells (an object a character, from a token a character), places the cells in a
 * grid and writes the grid back out as text: several steps a character, for every character of every frame. On the
 * first frame that code is cold, run by V8's interpreter, and it was a fifth of the processor time before the frame
 * (bench/README.md). Most rows of a frame are a few lines side by side that do not overlap: such a row is its lines
 * joined with spaces between them, each line followed by what turns its look back to the default (a line may leave
 * a colour on, and Ink's cells after it have none). A row whose lines overlap, or a line holding anything
 * `runShape` does not model, leaves the frame to Ink.
 */
import {runShape, type RunShape} from './frame-diff.js';

/** The part of a row a Box with `overflow: hidden` leaves visible, as Ink records it. */
export type Clip = {readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number};

/** What Ink's Output records, in order. */
export type OutputOperation =
	| {readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: ReadonlyArray<(line: string, index: number) => string>}
	| {readonly type: 'clip'; readonly clip: Clip}
	| {readonly type: 'unclip'};

/** The text functions Ink's Output uses for clipping, so that a clipped line is cut exactly as Ink cuts it. */
export type ClipTools = {
	readonly sliceAnsi: (text: string, start: number, end?: number) => string;
	readonly stringWidth: (text: string) => number;
};

/** A line of text placed on a row at a column. */
export type RowPiece = {readonly x: number; readonly line: string};

const shapes = new Map<string, RunShape | undefined>();
const largestShapeCount = 4000;

/** `runShape`, remembered: most lines of a frame are the previous frame's. */
function shapeOf(line: string): RunShape | undefined {
	if (shapes.has(line)) {
		return shapes.get(line);
	}

	if (shapes.size >= largestShapeCount) {
		shapes.clear();
	}

	const shape = runShape(line);
	shapes.set(line, shape);
	return shape;
}

/**
 * The row drawn by `pieces` (in the order written), as Ink would draw it up to how the escape sequences are spelled,
 * on a row of `columnCount` columns, or undefined when two pieces overlap, one does not lie within the row (Ink's
 * cells past its end are dropped unevenly) or starts between columns, or one holds what `runShape` does not model.
 */
export function composedRow(pieces: readonly RowPiece[], columnCount: number): string | undefined {
	const placed: Array<{readonly x: number; readonly line: string; readonly shape: RunShape}> = [];
	for (const piece of pieces) {
		const shape = shapeOf(piece.line);
		if (shape === undefined) {
			return undefined;
		}

		// A line of no columns places no cells: its escape sequences alone change nothing Ink draws.
		if (shape.columnCount > 0) {
			placed.push({...piece, shape});
		}
	}

	placed.sort((first, second) => first.x - second.x);
	let row = '';
	let column = 0;
	for (const {x, line, shape} of placed) {
		if (x < column || !Number.isInteger(x) || x + shape.columnCount > columnCount) {
			return undefined;
		}

		row += ' '.repeat(x - column) + line + shape.closing;
		column = x + shape.columnCount;
	}

	return row.trimEnd();
}

/**
 * The frame Ink's Output.get() would draw from `operations` in `size`, or undefined when a row cannot be
 * composed (see `composedRow`), or when the operations clip and no `tools` are given. The clipping and the placing of
 * lines on rows are Ink's, step for step.
 */
export function composedFrame(operations: readonly OutputOperation[], size: {readonly columnCount: number; readonly rowCount: number}, tools?: ClipTools): string | undefined {
	const {columnCount, rowCount} = size;
	const rows: RowPiece[][] = Array.from({length: rowCount}, () => []);
	const clips: Clip[] = [];
	for (const operation of operations) {
		if (operation.type === 'clip') {
			clips.push(operation.clip);
			continue;
		}

		if (operation.type === 'unclip') {
			clips.pop();
			continue;
		}

		let {x, y} = operation;
		let lines = operation.text.split('\n');
		const clip = clips.at(-1);
		if (clip && tools === undefined) {
			return undefined;
		}

		if (clip && tools) {
			const clipsHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipsVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipsHorizontally) {
				const width = Math.max(...lines.map(line => tools.stringWidth(line)));
				if (x + width < clip.x1! || x > clip.x2!) {
					continue;
				}
			}

			if (clipsVertically && (y + lines.length < clip.y1! || y > clip.y2!)) {
				continue;
			}

			if (clipsHorizontally) {
				lines = lines.map(line => {
					const from = x < clip.x1! ? clip.x1! - x : 0;
					const width = tools.stringWidth(line);
					const to = x + width > clip.x2! ? clip.x2! - x : width;
					return tools.sliceAnsi(line, from, to);
				});
				if (x < clip.x1!) {
					x = clip.x1!;
				}
			}

			if (clipsVertically) {
				const from = y < clip.y1! ? clip.y1! - y : 0;
				const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
				lines = lines.slice(from, to);
				if (y < clip.y1!) {
					y = clip.y1!;
				}
			}
		}

		// As Ink: a line whose row is outside the frame is skipped without moving on a row.
		let rowOffset = 0;
		for (const [index, text] of lines.entries()) {
			const row = rows[y + rowOffset];
			if (row === undefined) {
				continue;
			}

			let line = text;
			for (const transformer of operation.transformers) {
				line = transformer(line, index);
			}

			row.push({x, line});
			rowOffset++;
		}
	}

	const lines: string[] = [];
	for (const pieces of rows) {
		const line = composedRow(pieces, columnCount);
		if (line === undefined) {
			return undefined;
		}

		lines.push(line);
	}

	return lines.join('\n');
}
