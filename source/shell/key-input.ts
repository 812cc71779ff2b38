import {openSync} from 'node:fs';
import {ReadStream, WriteStream} from 'node:tty';
import {exitCodes, UserFacingError} from '../exit-codes.js';

/** The stream keys come from: stdin when it is the terminal, else the terminal itself (the articles came down stdin). */
export function openKeyInput(): NodeJS.ReadStream {
	if (process.stdin.isTTY) {
		return process.stdin;
	}

	try {
		return new ReadStream(openSync('/dev/tty', 'r'));
	} catch {
		throw new UserFacingError('no terminal to read keys from; pipe the output to read the headlines', exitCodes.noTerminal);
	}
}

/**
 * The stream the interface draws on: stdout when it is the terminal, else the terminal itself (`--pick`, whose
 * stdout is for the article picked).
 */
export function openTerminalOutput(): NodeJS.WriteStream {
	if (process.stdout.isTTY) {
		return process.stdout;
	}

	try {
		return new WriteStream(openSync('/dev/tty', 'w'));
	} catch {
		throw new UserFacingError('no terminal to draw on; --pick needs one', exitCodes.noTerminal);
	}
}
