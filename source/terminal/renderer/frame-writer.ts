/**
 * Broadsheet's frame writer: what Ink 6.8's incremental log-update does, with the same interface (scripts/build.js
 * puts it in Ink's place in the bundle), but writing only the cells of a row that changed (source/terminal/
 * frame-diff.ts) where Ink rewrites every changed row whole. A Down changes three rows, each holding both panes; the
 * article half of each stays as it was.
 *
 * Like Ink's, it hides the cursor while drawing unless asked not to, and places it where the app asks (Ink's
 * setCursorPosition); Ink wraps each write in a synchronized update itself.
 */
import stringWidth from 'string-width';
import {type CellRowCache, bottomRowOf, eraseRows, frameUpdate} from './frame-diff.js';

const controlSequenceIntroducer = '\u001B[';
const showCursorSequence = `${controlSequenceIntroducer}?25h`;
const hideCursorSequence = `${controlSequenceIntroducer}?25l`;

/**
 * Where the app wants the cursor, in columns and rows from the frame's top left. It is shown there unless
 * `isVisible` is false: then it only stands there, hidden, for screen readers and braille displays that follow it.
 */
export type CursorPosition = {readonly x: number; readonly y: number; readonly isVisible?: boolean};

/** The stream a frame writer draws on (a terminal's output). */
export type FrameStream = {write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number; readonly rows?: number};

/** How the cursor is hidden and shown again: by default, its sequences, written only to a terminal. */
export type CursorVisibility = {hide(stream: FrameStream): void; show(stream: FrameStream): void};

const cursorSequences: CursorVisibility = {
	hide(stream) {
		if (stream.isTTY) {
			stream.write(hideCursorSequence);
		}
	},
	show(stream) {
		if (stream.isTTY) {
			stream.write(showCursorSequence);
		}
	},
};

/** What Ink calls its log-update: draw a frame, and the methods around it. */
export type FrameWriter = {
	/** Draws `frame` (lines joined by newlines) over the previous one; false when nothing changed. */
	(frame: string): boolean;
	/** Erases the frame drawn, leaving the cursor where it started. */
	clear(): void;
	/** Forgets the frame drawn (it stays on the screen) and shows the cursor again. */
	done(): void;
	/** Takes `frame` as the one on the screen (someone else drew it), placing the cursor as asked. */
	sync(frame: string): void;
	/** Where to show the cursor after the next frame; undefined to hide it. */
	setCursorPosition(position: CursorPosition | undefined): void;
	/** Whether a cursor position was set since the last frame. */
	isCursorDirty(): boolean;
	/** Whether drawing `frame` would write anything. */
	willRender(frame: string): boolean;
};

/**
 * Whether `frame` fits a terminal of `columnCount` x `rowCount`: no line wider (the terminal wraps it) and no row below
 * the last (the terminal scrolls). A frame that does not fit leaves the screen unlike the frame.
 */
function fitsTerminal(frame: string, columnCount: number | undefined, rowCount: number | undefined): boolean {
	if (rowCount !== undefined && bottomRowOf(frame) >= rowCount) {
		return false;
	}

	// A line of up to half the columns in UTF-16 units fits whatever its characters (a wide one is one or two units).
	return columnCount === undefined || frame.split('\n').every(line => line.length * 2 <= columnCount || stringWidth(line) <= columnCount);
}

function cursorPositionChanged(first: CursorPosition | undefined, second: CursorPosition | undefined): boolean {
	return first?.x !== second?.x || first?.y !== second?.y || first?.isVisible !== second?.isVisible;
}

function cursorToColumn(column: number): string {
	return `${controlSequenceIntroducer}${column + 1}G`;
}

/**
 * From the row a frame leaves the cursor on, `bottomRow` (see bottomRowOf: under the last line, or on it for a frame as
 * tall as the terminal), to `position`, showing the cursor there unless it is to stay hidden (Ink's buildCursorSuffix,
 * which counts from under the last line always).
 */
function cursorSuffix(bottomRow: number, position: CursorPosition | undefined): string {
	if (!position) {
		return '';
	}

	const rowsUp = bottomRow - position.y;
	return (rowsUp > 0 ? `${controlSequenceIntroducer}${rowsUp}A` : '') + cursorToColumn(position.x) + (position.isVisible === false ? '' : showCursorSequence);
}

/** From the shown cursor back to the bottom of the frame (Ink's buildReturnToBottom). */
function returnToBottom(lineCount: number, position: CursorPosition | undefined): string {
	if (!position) {
		return '';
	}

	const rowsDown = lineCount - 1 - position.y;
	return (rowsDown > 0 ? `${controlSequenceIntroducer}${rowsDown}B` : '') + cursorToColumn(0);
}

/**
 * A frame writer on `stream`, as Ink's `logUpdate.create(stream, {showCursor, incremental: true})`. The cursor is
 * hidden at the first frame unless `showCursor`, and shown again by `done`; the bundle passes Ink's own way of doing
 * that (cli-cursor, which also shows it again when the process exits) as `cursorVisibility`.
 */
export function createFrameWriter(
	stream: FrameStream,
	{showCursor = false, cursorVisibility = cursorSequences}: {showCursor?: boolean; cursorVisibility?: CursorVisibility} = {},
): FrameWriter {
	let previousFrame = '';
	// The terminal's size when the frame on the screen was drawn.
	let previousSize = `${stream.columns}x${stream.rows}`;
	// The rows of the frame on the screen, read into cells.
	let cellRows: CellRowCache = new Map();
	// Whether the frame on the screen did not fit the terminal, which wrapped or scrolled it: Ink draws a frame of the
	// old width once when the terminal has just got narrower, before the app renders for the new one.
	let isScreenUnlikeFrame = false;
	let hasHiddenCursor = false;
	let cursorPosition: CursorPosition | undefined;
	let isCursorDirty = false;
	let previousCursorPosition: CursorPosition | undefined;
	// Whether the cursor was left away from the frame's bottom (placed where the app asked), and whether it shows there.
	let wasCursorPlaced = false;
	let wasCursorShown = false;
	const activeCursor = () => (isCursorDirty ? cursorPosition : undefined);
	const lineCountOf = (frame: string) => frame.split('\n').length;
	const returnPrefix = () => (wasCursorShown ? hideCursorSequence : '') + (wasCursorPlaced ? returnToBottom(lineCountOf(previousFrame), previousCursorPosition) : '');
	const hasChanges = (frame: string, cursor: CursorPosition | undefined) => frame !== previousFrame || cursorPositionChanged(cursor, previousCursorPosition);
	const rememberCursor = (cursor: CursorPosition | undefined) => {
		previousCursorPosition = cursor ? {...cursor} : undefined;
		wasCursorPlaced = cursor !== undefined;
		wasCursorShown = cursor !== undefined && cursor.isVisible !== false;
	};

	const render = ((frame: string): boolean => {
		if (!showCursor && !hasHiddenCursor) {
			cursorVisibility.hide(stream);
			hasHiddenCursor = true;
		}

		const cursor = activeCursor();
		isCursorDirty = false;
		if (!hasChanges(frame, cursor)) {
			return false;
		}

		const bottomRow = bottomRowOf(frame);
		if (frame === previousFrame) {
			// Only the cursor moved.
			stream.write(returnPrefix() + cursorSuffix(bottomRow, cursor));
		} else if (frame === '\n' || previousFrame === '' || isScreenUnlikeFrame) {
			stream.write(returnPrefix() + (previousFrame === '' ? '' : eraseRows(lineCountOf(previousFrame))) + frame + cursorSuffix(bottomRow, cursor));
			isScreenUnlikeFrame = !fitsTerminal(frame, stream.columns, stream.rows);
		} else {
			const nextCellRows: CellRowCache = new Map();
			// After a resize the screen may not hold the cells drawn (some terminals reflow it, or scroll it when it
			// gets shorter): changed rows are written whole, as Ink writes them.
			const isWholeRows = `${stream.columns}x${stream.rows}` !== previousSize;
			if (isWholeRows) {
				isScreenUnlikeFrame = !fitsTerminal(frame, stream.columns, stream.rows);
			}

			stream.write(returnPrefix() + frameUpdate(previousFrame, frame, {cellRows, isWholeRows}) + cursorSuffix(bottomRow, cursor));
			for (const line of frame.split('\n')) {
				if (cellRows.has(line)) {
					nextCellRows.set(line, cellRows.get(line));
				}
			}

			cellRows = nextCellRows;
		}

		previousFrame = frame;
		previousSize = `${stream.columns}x${stream.rows}`;
		rememberCursor(cursor);
		return true;
	}) as FrameWriter;

	render.clear = () => {
		stream.write(returnPrefix() + eraseRows(previousFrame === '' ? 0 : lineCountOf(previousFrame)));
		previousFrame = '';
		isScreenUnlikeFrame = false;
		rememberCursor(undefined);
	};

	render.done = () => {
		previousFrame = '';
		rememberCursor(undefined);
		if (!showCursor) {
			cursorVisibility.show(stream);
			hasHiddenCursor = false;
		}
	};

	render.sync = (frame: string) => {
		const cursor = isCursorDirty ? cursorPosition : undefined;
		isCursorDirty = false;
		previousFrame = frame;
		previousSize = `${stream.columns}x${stream.rows}`;
		isScreenUnlikeFrame = false;
		if (!cursor && wasCursorShown) {
			stream.write(hideCursorSequence);
		}

		if (cursor) {
			stream.write(cursorSuffix(bottomRowOf(frame), cursor));
		}

		rememberCursor(cursor);
	};

	render.setCursorPosition = position => {
		cursorPosition = position;
		isCursorDirty = true;
	};

	render.isCursorDirty = () => isCursorDirty;
	render.willRender = frame => hasChanges(frame, activeCursor());
	return render;
}


/** Frame writers that drew on a stream before Ink started there (see shell/first-frame.ts), until Ink takes them over. */
const writersBeforeInk = new WeakMap<FrameStream, FrameWriter>();

/**
 * Leaves `writer`, which has drawn on `stream`, for the next writer made for `stream` to be: Ink then starts from the
 * frame already on the screen, and draws only what differs (nothing, when it draws the same frame).
 */
export function handOverFrameWriter(stream: FrameStream, writer: FrameWriter): void {
	writersBeforeInk.set(stream, writer);
}

/** The writer handed over for `stream`, once; undefined when there is none. */
export function takeOverFrameWriter(stream: FrameStream): FrameWriter | undefined {
	const writer = writersBeforeInk.get(stream);
	writersBeforeInk.delete(stream);
	return writer;
}
