/**
 * What to write to a terminal to turn one frame into the next, rewriting only the cells that changed. Pure: strings
 * in, a string out. source/terminal/renderer/frame-writer.ts writes it (it replaces Ink's log-update in the bundle).
 *
 * A row of a frame is a line as Ink draws it: text, SGR sequences (colour, bold, inverse, …) and OSC 8 hyperlinks
 * ending in BEL, starting and ending in the terminal's default look. A row is read into cells (one grapheme each,
 * one or two columns wide, with the look it is drawn in); where the cells of the old and the new row differ, only
 * those spans are written, each in its own look, from the default look back to the default look.
 */
import {graphemesOf, plainColumnCount, singleColumnText} from '../../text/graphemes.js';
import {displayWidth} from '../../text/text-width.js';

const escape = '\u001B';
const bell = '\u0007';
const controlSequenceIntroducer = `${escape}[`;

/** How a cell looks: SGR attributes and the OSC 8 link around it. */
type Look = {
	/** Bits of {@link attributeBits}. */
	readonly attributes: number;
	/** SGR parameters of the foreground colour ('31', '38;5;208', '38;2;1;2;3'), '' for the default. */
	readonly foreground: string;
	/** SGR parameters of the background colour, '' for the default. */
	readonly background: string;
	/** 'PARAMETERS;URI' of the OSC 8 link the cell is in, '' outside links. */
	readonly link: string;
};

/**
 * Looks made so far, one object for each, so that cells in the same look share it and mostly compare by identity
 * (they also compare field by field: the table is emptied when it grows large, as links to many pages would make it).
 */
const looksByKey = new Map<string, Look>();
const largestLookCount = 1000;

function lookOf(attributes: number, foreground: string, background: string, link: string): Look {
	const key = `${attributes};${foreground};${background};${link}`;
	let look = looksByKey.get(key);
	if (look === undefined) {
		if (looksByKey.size >= largestLookCount) {
			looksByKey.clear();
		}

		look = {attributes, foreground, background, link};
		looksByKey.set(key, look);
	}

	return look;
}

const defaultLook: Look = lookOf(0, '', '', '');

/** For each look, the look after each escape sequence read after it (undefined for one not modelled). */
const looksAfterSequence = new WeakMap<Look, Map<string, Look | undefined>>();

/** The look after the escape sequence `sequence` (SGR or OSC 8), or undefined for one not modelled here. */
function lookAfterSequence(look: Look, sequence: string): Look | undefined {
	let looksAfter = looksAfterSequence.get(look);
	if (looksAfter === undefined) {
		looksAfter = new Map();
		looksAfterSequence.set(look, looksAfter);
	}

	if (looksAfter.has(sequence)) {
		return looksAfter.get(sequence);
	}

	let next: Look | undefined;
	if (sequence.startsWith(controlSequenceIntroducer)) {
		const parameterText = sequence.slice(2, -1);
		next = /^[\d;]*$/u.test(parameterText) ? lookAfterSelectGraphicRendition(look, parameterText) : undefined;
	} else {
		// ESC ] 8 ; PARAMETERS ; URI BEL: a link to URI, or the end of the link when URI is empty.
		const body = sequence.slice(4, -1);
		const uriStart = body.indexOf(';');
		next = uriStart === -1 || body.includes(escape) ? undefined : lookOf(look.attributes, look.foreground, look.background, uriStart === body.length - 1 ? '' : body);
	}

	if (looksAfter.size < largestLookCount) {
		looksAfter.set(sequence, next);
	}

	return next;
}

/** The SGR attributes that are on or off, with the parameters that turn each on and off. */
const attributeCodes = [
	{bit: 1, on: '1', off: '22'}, // Bold; 22 also ends dim.
	{bit: 2, on: '2', off: '22'}, // Dim.
	{bit: 4, on: '3', off: '23'}, // Italic.
	{bit: 8, on: '4', off: '24'}, // Underline.
	{bit: 16, on: '5', off: '25'}, // Blink.
	{bit: 32, on: '7', off: '27'}, // Inverse.
	{bit: 64, on: '8', off: '28'}, // Hidden.
	{bit: 128, on: '9', off: '29'}, // Strikethrough.
	{bit: 256, on: '53', off: '55'}, // Overline.
] as const;

const intensityBits = 1 | 2;

/** One grapheme of a row, where it starts, and how it looks. */
type Cell = {
	readonly text: string;
	readonly column: number;
	readonly columnCount: 1 | 2;
	readonly look: Look;
	/** Whether every terminal gives the grapheme `columnCount` columns (see `plainColumnCount`). */
	readonly isWidthCertain: boolean;
};

/** A row read into cells, with the cell covering each column. */
export type CellRow = {
	readonly cells: readonly Cell[];
	/** For each column, the cell that covers it. */
	readonly cellAtColumn: readonly Cell[];
	/** Columns up to the end of the last cell that is not a blank in the default look. */
	readonly contentColumnCount: number;
};

function looksEqual(first: Look, second: Look): boolean {
	return first === second || (first.attributes === second.attributes && first.foreground === second.foreground
		&& first.background === second.background && first.link === second.link);
}

function cellsEqual(first: Cell | undefined, second: Cell | undefined): boolean {
	if (first === undefined || second === undefined) {
		return isBlank(first) && isBlank(second);
	}

	return first.column === second.column && first.text === second.text && first.columnCount === second.columnCount
		&& looksEqual(first.look, second.look);
}

/** Whether the cell is a space in the default look, or past the end of the row (erased, which shows the same). */
function isBlank(cell: Cell | undefined): boolean {
	return cell === undefined || (cell.text === ' ' && looksEqual(cell.look, defaultLook));
}

const colourParameters = /^(?:38|48);(?:5;\d{1,3}|2;\d{1,3};\d{1,3};\d{1,3})/u;

/** What each known SGR parameter does to the look's attributes and colours. */
const parameterEffects = new Map<number, (look: {attributes: number; foreground: string; background: string}) => void>([
	[0, look => {
		look.attributes = 0;
		look.foreground = '';
		look.background = '';
	}],
	[22, look => {
		look.attributes &= ~intensityBits;
	}],
	[39, look => {
		look.foreground = '';
	}],
	[49, look => {
		look.background = '';
	}],
	...attributeCodes.map(({bit, on}) => [Number(on), (look: {attributes: number}) => {
		look.attributes |= bit;
	}] as const),
	...attributeCodes.filter(({bit}) => (bit & intensityBits) === 0).map(({bit, off}) => [Number(off), (look: {attributes: number}) => {
		look.attributes &= ~bit;
	}] as const),
	...[30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97].map(code => [code, (look: {foreground: string}) => {
		look.foreground = String(code);
	}] as const),
	...[40, 41, 42, 43, 44, 45, 46, 47, 100, 101, 102, 103, 104, 105, 106, 107].map(code => [code, (look: {background: string}) => {
		look.background = String(code);
	}] as const),
]);

/**
 * The look after the SGR parameters `parameterText` ('1;31', '' for a reset), or undefined for parameters not known
 * here (21, which is double underline or bold off by terminal; a 38 or 48 without its colour; colons; …).
 */
function lookAfterSelectGraphicRendition(look: Look, parameterText: string): Look | undefined {
	const next = {attributes: look.attributes, foreground: look.foreground, background: look.background};
	let rest = parameterText;
	while (true) {
		const colour = colourParameters.exec(rest);
		let parameter: string;
		if (colour) {
			parameter = colour[0];
			if (parameter.startsWith('38')) {
				next.foreground = parameter;
			} else {
				next.background = parameter;
			}
		} else {
			const end = rest.indexOf(';');
			parameter = end === -1 ? rest : rest.slice(0, end);
			const effect = /^\d{0,3}$/u.test(parameter) ? parameterEffects.get(Number(parameter)) : undefined;
			if (effect === undefined) {
				return undefined;
			}

			effect(next);
		}

		if (parameter.length === rest.length) {
			break;
		}

		if (rest[parameter.length] !== ';') {
			return undefined;
		}

		rest = rest.slice(parameter.length + 1);
	}

	return lookOf(next.attributes, next.foreground, next.background, look.link);
}

/**
 * `line` read into cells, or undefined when it holds something whose effect on the screen is not modelled here
 * (another escape sequence, a control character): such a row is rewritten whole.
 */
export function cellRowOf(line: string): CellRow | undefined {
	const cells: Cell[] = [];
	const cellAtColumn: Cell[] = [];
	let look = defaultLook;
	let contentColumnCount = 0;
	const addCell = (text: string, plainCount: 1 | 2 | undefined) => {
		const cell: Cell = {
			text,
			column: cellAtColumn.length,
			columnCount: plainCount ?? (displayWidth(text) >= 2 ? 2 : 1),
			look,
			isWidthCertain: plainCount !== undefined,
		};
		cells.push(cell);
		cellAtColumn.push(cell);
		if (cell.columnCount === 2) {
			cellAtColumn.push(cell);
		}

		if (!isBlank(cell)) {
			contentColumnCount = cellAtColumn.length;
		}
	};

	const addText = (text: string) => {
		let plainLength = 0;
		while (plainLength < text.length && plainColumnCount(text.charCodeAt(plainLength)) !== undefined) {
			plainLength++;
		}

		if (plainLength === text.length) {
			// Every code unit a grapheme of its own (most text): no segmenting.
			for (let index = 0; index < text.length; index++) {
				addCell(text[index]!, plainColumnCount(text.charCodeAt(index)));
			}

			return;
		}

		for (const {segment} of graphemesOf(text)) {
			addCell(segment, segment.length === 1 ? plainColumnCount(segment.charCodeAt(0)) : undefined);
		}
	};

	let textStart = 0;
	let index = 0;
	while (index < line.length) {
		const code = line.charCodeAt(index);
		if (code >= 0x20 && code !== 0x7F && !(code >= 0x80 && code <= 0x9F)) {
			index++;
			continue;
		}

		if (code !== 0x1B) {
			return undefined;
		}

		addText(line.slice(textStart, index));
		let end: number;
		if (line.startsWith(controlSequenceIntroducer, index)) {
			end = line.indexOf('m', index + 2);
		} else if (line.startsWith(`${escape}]8;`, index)) {
			end = line.indexOf(bell, index);
		} else {
			return undefined;
		}

		const nextLook = end === -1 ? undefined : lookAfterSequence(look, line.slice(index, end + 1));
		if (nextLook === undefined) {
			return undefined;
		}

		look = nextLook;
		index = end + 1;
		textStart = index;
	}

	addText(line.slice(textStart));
	return {cells, cellAtColumn, contentColumnCount};
}

/** What a line of text takes on a row: its columns, and what turns its look back to the default after it. */
export type RunShape = {readonly columnCount: number; readonly closing: string};

// eslint-disable-next-line no-control-regex -- escape sequences are what it finds
const modelledSequences = /\u001B\[[\d;]*m|\u001B\]8;[^\u0007\u001B]*\u0007/gu;

/**
 * The shape of `line` (text, SGR sequences and OSC 8 links ending in BEL), or undefined when it holds anything else
 * (another escape sequence, a control character, a grapheme of more than one code unit or of uncertain width: see
 * `plainColumnCount`) or a sequence whose effect is not modelled here. The work is in a few calls on the whole string,
 * not a step a character: a frame's lines are measured so when its code is still cold (see frame-composer.ts).
 */
export function runShape(line: string): RunShape | undefined {
	let look = defaultLook;
	let text = line;
	if (line.includes(escape)) {
		for (const [sequence] of line.matchAll(modelledSequences)) {
			const nextLook = lookAfterSequence(look, sequence);
			if (nextLook === undefined) {
				return undefined;
			}

			look = nextLook;
		}

		text = line.replaceAll(modelledSequences, '');
	}

	let columnCount = text.length;
	if (!singleColumnText.test(text)) {
		columnCount = 0;
		for (let index = 0; index < text.length; index++) {
			const count = plainColumnCount(text.charCodeAt(index));
			if (count === undefined) {
				return undefined;
			}

			columnCount += count;
		}
	}

	return {columnCount, closing: lookChange(look, defaultLook)};
}

/** The SGR sequence that sets `parameters`, or '' when there are none. */
function selectGraphicRendition(parameters: readonly string[]): string {
	return parameters.length === 0 ? '' : `${controlSequenceIntroducer}${parameters.join(';')}m`;
}

/** The SGR parameters that set `look`'s attributes and colours from the default look. */
function parametersFromDefault(look: Look): string[] {
	const parameters: string[] = attributeCodes.filter(({bit}) => (look.attributes & bit) !== 0).map(({on}) => on);
	if (look.foreground !== '') {
		parameters.push(look.foreground);
	}

	if (look.background !== '') {
		parameters.push(look.background);
	}

	return parameters;
}

/** The shortest sequence found that turns the look `from` into `to`. */
function lookChange(from: Look, to: Look): string {
	let link = '';
	if (from.link !== to.link) {
		link = `${escape}]8;${to.link === '' ? ';' : to.link}${bell}`;
	}

	if (from.attributes === to.attributes && from.foreground === to.foreground && from.background === to.background) {
		return link;
	}

	const parameters: string[] = [];
	let attributesToTurnOn = to.attributes & ~from.attributes;
	const attributesTurnedOff = from.attributes & ~to.attributes;
	if ((attributesTurnedOff & intensityBits) !== 0) {
		// One parameter (22) ends both bold and dim: turn back on the one that stays.
		parameters.push('22');
		attributesToTurnOn |= to.attributes & intensityBits;
	}

	for (const {bit, on, off} of attributeCodes) {
		if ((attributesTurnedOff & bit) !== 0 && bit > 2) {
			parameters.push(off);
		}

		if ((attributesToTurnOn & bit) !== 0) {
			parameters.push(on);
		}
	}

	if (from.foreground !== to.foreground) {
		parameters.push(to.foreground === '' ? '39' : to.foreground);
	}

	if (from.background !== to.background) {
		parameters.push(to.background === '' ? '49' : to.background);
	}

	const changed = selectGraphicRendition(parameters);
	const parametersFromReset = parametersFromDefault(to);
	const fromReset = parametersFromReset.length === 0 ? `${controlSequenceIntroducer}m` : selectGraphicRendition(['0', ...parametersFromReset]);
	return link + (fromReset.length < changed.length ? fromReset : changed);
}

/** The cells from `start` up to `end` (columns), drawn from the default look and back to it. */
function spanText(row: CellRow, start: number, end: number): string {
	let text = '';
	let look = defaultLook;
	for (let column = start; column < end;) {
		const cell = row.cellAtColumn[column];
		if (cell === undefined) {
			// Past the end of the row: blanks.
			text += lookChange(look, defaultLook) + ' '.repeat(end - column);
			look = defaultLook;
			break;
		}

		text += lookChange(look, cell.look) + cell.text;
		look = cell.look;
		column += cell.columnCount;
	}

	return text + lookChange(look, defaultLook);
}

/**
 * Rows read into cells, by line: a frame writer keeps those of the frame on the screen, so that each row is read
 * once, when it is new, rather than again when it is the previous row of the next frame.
 */
export type CellRowCache = Map<string, CellRow | undefined>;

function cachedCellRowOf(line: string, cellRows: CellRowCache): CellRow | undefined {
	if (cellRows.has(line)) {
		return cellRows.get(line);
	}

	const row = cellRowOf(line);
	cellRows.set(line, row);
	return row;
}

/** Moves the cursor to `column` (from 0) of its row. */
function cursorToColumn(column: number): string {
	return column === 0 ? '\r' : `${controlSequenceIntroducer}${column + 1}G`;
}

const eraseToEndOfLine = `${controlSequenceIntroducer}K`;

/** What Ink writes for a row: the whole line from the first column, then the rest of the row erased. */
export function wholeRowText(line: string): string {
	return cursorToColumn(0) + line + eraseToEndOfLine;
}

/**
 * Unchanged cells between two changed spans of a row that are written anyway rather than jumped over: a jump costs
 * a cursor move (5 bytes) and the look set again.
 */
const longestGapWritten = 8;

/** The spans of columns, [start, end), where the two rows differ, close ones joined. */
function changedSpans(previous: CellRow, next: CellRow): Array<[number, number]> {
	const columnCount = Math.max(previous.cellAtColumn.length, next.cellAtColumn.length);
	const spans: Array<[number, number]> = [];
	for (let column = 0; column < columnCount; column++) {
		if (cellsEqual(previous.cellAtColumn[column], next.cellAtColumn[column])) {
			continue;
		}

		// Cells compare with the column they start at, so both columns of a wide cell compare alike: a span of
		// differing columns starts and ends at the edges of cells in both rows, and never splits a wide character.
		const start = column;
		let end = column + 1;
		while (end < columnCount && !cellsEqual(previous.cellAtColumn[end], next.cellAtColumn[end])) {
			end++;
		}

		const last = spans.at(-1);
		if (last !== undefined && start - last[1] <= longestGapWritten) {
			last[1] = end;
		} else {
			spans.push([start, end]);
		}

		column = end;
	}

	return spans;
}

/**
 * What turns a row showing `previousLine` into one showing `nextLine`, the cursor being anywhere on that row
 * before and left somewhere on it after: '' when they look the same, else the changed cells only, or the whole
 * line when that is shorter or when a row cannot be compared cell by cell (a sequence not modelled here, or a
 * grapheme whose width terminals disagree on before the last change).
 */
export function rowUpdate(previousLine: string, nextLine: string, cellRows: CellRowCache = new Map()): string {
	if (previousLine === nextLine) {
		return '';
	}

	const whole = wholeRowText(nextLine);
	const previous = cachedCellRowOf(previousLine, cellRows);
	const next = cachedCellRowOf(nextLine, cellRows);
	if (previous === undefined || next === undefined) {
		return whole;
	}

	const spans = changedSpans(previous, next);
	const lastSpan = spans.at(-1);
	if (lastSpan === undefined) {
		return '';
	}

	// A grapheme of uncertain width before a change would put the cursor somewhere else than here.
	const hasUncertainWidth = (row: CellRow) => row.cells.some(cell => !cell.isWidthCertain && cell.column < lastSpan[1]);
	if (hasUncertainWidth(previous) || hasUncertainWidth(next)) {
		return whole;
	}

	let text = '';
	for (const [start, end] of spans) {
		text += cursorToColumn(start);
		if (end > next.contentColumnCount) {
			// The rest of the new row is blank: erase it rather than write spaces.
			text += spanText(next, start, Math.max(start, next.contentColumnCount)) + eraseToEndOfLine;
		} else {
			text += spanText(next, start, end);
		}
	}

	return Buffer.byteLength(text) < Buffer.byteLength(whole) ? text : whole;
}

/** Rows a frame covers: its lines, without the empty one after a final newline. */
export function visibleRowCount(frame: string): number {
	const lineCount = frame.split('\n').length;
	return frame.endsWith('\n') ? lineCount - 1 : lineCount;
}

/** The row the cursor is left on after drawing `frame`: under the last line when it ends in a newline, else on it. */
export function bottomRowOf(frame: string): number {
	return frame.endsWith('\n') ? visibleRowCount(frame) : visibleRowCount(frame) - 1;
}

function cursorUp(rowCount: number): string {
	return rowCount === 0 ? '' : `${controlSequenceIntroducer}${rowCount}A`;
}

/** Erases `rowCount` rows from the cursor's upwards, leaving the cursor at the start of the top one (as Ink does). */
export function eraseRows(rowCount: number): string {
	return rowCount === 0 ? '' : `${controlSequenceIntroducer}2K${`${controlSequenceIntroducer}1A${controlSequenceIntroducer}2K`.repeat(rowCount - 1)}${controlSequenceIntroducer}G`;
}

/**
 * What turns the terminal showing `previousFrame` (drawn by Ink, or by this) into one showing `nextFrame`, with the
 * cursor where Ink leaves it: at the start of the row after the last line when a frame ends in a newline (every
 * frame shorter than the terminal), on its last line otherwise. Rows that look the same are not written; rows that
 * changed get {@link rowUpdate}; rows the previous frame did not have are written whole. Frames are Ink's output:
 * lines joined by newlines. `cellRows` holds rows read before, and gets those read now. With `isWholeRows`, changed
 * rows are written whole, as Ink does: for a screen whose cells may not be what was drawn (after a resize, which some
 * terminals reflow).
 */
export function frameUpdate(
	previousFrame: string,
	nextFrame: string,
	{cellRows = new Map(), isWholeRows = false}: {cellRows?: CellRowCache; isWholeRows?: boolean} = {},
): string {
	const previousLines = previousFrame.split('\n');
	const nextLines = nextFrame.split('\n');
	const previousRowCount = visibleRowCount(previousFrame);
	const nextRowCount = visibleRowCount(nextFrame);
	let text = '';
	let row = bottomRowOf(previousFrame);
	// Rows down to this one are on the screen: moving further down needs newlines, which scroll at its bottom.
	let lowestRow = row;
	if (nextRowCount < previousRowCount) {
		text += eraseRows(row - nextRowCount + 1);
		row = nextRowCount;
	}

	let isColumnKnownZero = true;
	const moveDownTo = (targetRow: number) => {
		const rowsOnScreen = Math.min(targetRow, lowestRow) - row;
		if (rowsOnScreen === 1) {
			// A line feed: 1 byte (2 through a terminal that adds a carriage return) against 3.
			text += '\n';
		} else if (rowsOnScreen > 1) {
			text += `${controlSequenceIntroducer}${rowsOnScreen}B`;
		}

		if (targetRow > lowestRow) {
			text += '\n'.repeat(targetRow - Math.max(row, lowestRow));
			lowestRow = targetRow;
		}

		row = targetRow;
	};

	for (let index = 0; index < nextRowCount; index++) {
		const nextLine = nextLines[index]!;
		let update: string;
		if (index < previousRowCount && !isWholeRows) {
			update = rowUpdate(previousLines[index]!, nextLine, cellRows);
		} else {
			update = index < previousRowCount && previousLines[index] === nextLine ? '' : wholeRowText(nextLine);
		}

		if (update === '') {
			continue;
		}

		if (index < row) {
			text += cursorUp(row - index);
			row = index;
		} else {
			moveDownTo(index);
		}

		text += update;
		isColumnKnownZero = false;
	}

	const bottomRow = bottomRowOf(nextFrame);
	if (bottomRow < row) {
		text += cursorUp(row - bottomRow);
		row = bottomRow;
	} else if (bottomRow > row && bottomRow <= lowestRow) {
		// Down to the start of the row, in one sequence.
		text += bottomRow - row === 1 ? `${controlSequenceIntroducer}E` : `${controlSequenceIntroducer}${bottomRow - row}E`;
		row = bottomRow;
		isColumnKnownZero = true;
	} else {
		moveDownTo(bottomRow);
	}

	return isColumnKnownZero ? text : `${text}\r`;
}
