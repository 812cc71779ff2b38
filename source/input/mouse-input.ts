/**
 * Mouse reports in SGR form (xterm's mode 1006), which a terminal sends once Broadsheet turns mouse reporting on:
 * `ESC [ < button ; column ; row M` for a press (the wheel included), and the same ending in `m` for a release; and
 * in the old X10 form of terminals without mode 1006. Parsed here as pure data, apart from the keys they arrive with.
 */

/** Which button a report is about: the three buttons, or a step of the wheel. */
export type MouseButton = 'left' | 'middle' | 'right' | 'wheel-up' | 'wheel-down' | 'wheel-left' | 'wheel-right' | 'other';

/** One mouse report: where (0-based, from the terminal's top-left cell), which button, and how. */
export type MouseEvent = {
	readonly button: MouseButton;
	/** Whether the button went up (`m`); a wheel step is always a press. */
	readonly isRelease: boolean;
	/** Whether the pointer moved with the button held (sent only in drag modes, which Broadsheet does not ask for). */
	readonly isMotion: boolean;
	readonly column: number;
	readonly row: number;
	readonly hasShift: boolean;
	readonly hasAlt: boolean;
	readonly hasCtrl: boolean;
};

/** A piece of one input event: text the keys are made of, or a mouse report. */
export type InputPiece = {readonly kind: 'text'; readonly text: string} | {readonly kind: 'mouse'; readonly event: MouseEvent};

/** What an input event holds, and the start of a report cut off at its end, to be joined with the next event. */
export type MouseSplit = {readonly pieces: readonly InputPiece[]; readonly pending: string};

const buttonNames: readonly MouseButton[] = ['left', 'middle', 'right'];
const wheelNames: readonly MouseButton[] = ['wheel-up', 'wheel-down', 'wheel-left', 'wheel-right'];

/** The report for SGR parameters `code;column;row` and final byte `final`. */
function mouseEvent(code: number, column: number, row: number, final: string): MouseEvent {
	const low = code & 3;
	const isWheel = (code & 64) !== 0;
	const button = isWheel ? wheelNames[low]! : (code & 128) === 0 ? (buttonNames[low] ?? 'other') : 'other';
	return {
		button,
		isRelease: final === 'm',
		isMotion: (code & 32) !== 0,
		column: Math.max(0, column - 1),
		row: Math.max(0, row - 1),
		hasShift: (code & 4) !== 0,
		hasAlt: (code & 8) !== 0,
		hasCtrl: (code & 16) !== 0,
	};
}

// The ESC may be missing at the start of an event: Ink hands a control sequence over with its ESC taken off.
// eslint-disable-next-line no-control-regex
const report = /\u001B?\[<(\d{1,6});(\d{1,6});(\d{1,6})([Mm])/uy;
/**
 * The old X10 form (`ESC [ M` and three characters, each a number plus 32), which a terminal that knows mode 1000 but
 * not 1006 sends instead: read too, so that its three characters never type.
 */
// eslint-disable-next-line no-control-regex
const oldReport = /\u001B?\[M([\s\S])([\s\S])([\s\S])/uy;
// eslint-disable-next-line no-control-regex
const reportStart = /\u001B\[[<M]/gu;
// eslint-disable-next-line no-control-regex
const unfinishedReport = /^\u001B?\[(?:<[\d;]*|M[\s\S]{0,2})$/u;

/**
 * Splits one input event (as Ink's input reader hands it over, or a raw chunk) into text and mouse reports. Several
 * reports may come in one chunk, between keys. `pending` is what the last event ended with: the start of a report
 * that a slow link cut in two (Ink hands each part over as it comes); it is joined with this event, and a start of a
 * report at the end of this one is held back in turn. No part of a report is ever text: a report the terminal left
 * unfinished is dropped.
 */
export function splitMouseInput(input: string, pending = ''): MouseSplit {
	let text = pending + input;
	if (pending !== '') {
		// The rest of a report never begins with an ESC; anything else means that the start was all there was.
		const joined = matchReportAt(text, 0);
		if (!joined && !unfinishedReport.test(text)) {
			text = input;
		}
	}

	const pieces: InputPiece[] = [];
	let textStart = 0;
	let index = 0;
	const pushText = (end: number) => {
		if (end > textStart) {
			pieces.push({kind: 'text', text: text.slice(textStart, end)});
		}
	};

	while (index < text.length) {
		const found = matchReportAt(text, index);
		if (found) {
			pushText(index);
			pieces.push({kind: 'mouse', event: found.event});
			index = found.end;
			textStart = index;
			continue;
		}

		// Only at the start of an event may a report lack its ESC; inside text, `[<` is text.
		reportStart.lastIndex = index + 1;
		const next = reportStart.exec(text);
		index = next ? next.index : text.length;
	}

	const tailStart = unfinishedTailStart(text, textStart);
	pushText(tailStart);
	return {pieces, pending: text.slice(tailStart)};
}

/** The report at `index` of `text`, when one starts there (without its ESC only at the very start). */
function matchReportAt(text: string, index: number): {event: MouseEvent; end: number} | undefined {
	if (index > 0 && text[index] !== '\u001B') {
		return undefined;
	}

	report.lastIndex = index;
	const match = report.exec(text);
	if (match) {
		const [, code, column, row, final] = match;
		return {event: mouseEvent(Number(code), Number(column), Number(row), final!), end: index + match[0].length};
	}

	oldReport.lastIndex = index;
	const oldMatch = oldReport.exec(text);
	if (!oldMatch) {
		return undefined;
	}

	const [code, column, row] = oldMatch.slice(1).map(character => character.codePointAt(0)! - 32) as [number, number, number];
	// This form cannot say which button went up: low bits 3 are a release of whichever it was.
	const isRelease = (code & 64) === 0 && (code & 3) === 3;
	const event = mouseEvent(isRelease ? code & ~3 : code, column, row, isRelease ? 'm' : 'M');
	return {event: isRelease ? {...event, button: 'other'} : event, end: index + oldMatch[0].length};
}

/** Where an unfinished report at the end of `text` (after `from`) starts; `text.length` when there is none. */
function unfinishedTailStart(text: string, from: number): number {
	const escapeIndex = text.lastIndexOf('\u001B');
	if (escapeIndex >= from && unfinishedReport.test(text.slice(escapeIndex))) {
		return escapeIndex;
	}

	// An event that is nothing but the start of a report, its ESC taken off by Ink (`[<0;1`, `[<`).
	return from === 0 && (text.startsWith('[<') || text.startsWith('[M')) && unfinishedReport.test(text) ? 0 : text.length;
}
