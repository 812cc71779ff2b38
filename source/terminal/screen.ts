/** Escape sequences Broadsheet itself writes to the terminal. */
const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';
const clearScreen = '\u001B[2J\u001B[H';
/**
 * Mouse reports for presses and releases, the wheel included (1000), in SGR form (1006: any column, and a form no
 * key shares); never for motion alone (1003), which would send a report for every cell the pointer crosses.
 */
export const mouseOn = '\u001B[?1000h\u001B[?1006h';
/** Mouse reports off again: the terminal's own selection, and tmux's copy mode, work as before. */
export const mouseOff = '\u001B[?1000l\u001B[?1006l';

/** The terminal as Broadsheet found it, to put back exactly once however the program ends. */
export type TerminalScreen = {
	/** Leaves the alternate screen, shows the cursor, turns mouse reports and raw mode off. Safe to call more than once. */
	restore(): void;
	/** Puts the terminal back for the shell while the process is stopped (Ctrl-Z), as restore does, but for a while. */
	suspend(): void;
	/** Takes the terminal again after `fg`: the alternate screen (blank: the frame must be drawn whole), raw mode. */
	resume(): void;
	/** Clears the screen (Ctrl-L), for a frame to be drawn whole over whatever other programs wrote. */
	clear(): void;
};

/**
 * Switches `output` to the alternate screen, so that the user's scrollback is untouched, and returns the way back.
 * `input` is the key stream whose raw mode must be off again at the end. With `hasMouse`, the terminal reports the
 * mouse's clicks and wheel while Broadsheet has it (not while suspended).
 */
export function enterFullScreen(output: NodeJS.WriteStream, input: NodeJS.ReadStream, {hasMouse = false}: {readonly hasMouse?: boolean} = {}): TerminalScreen {
	const take = enterAlternateScreen + (hasMouse ? mouseOn : '');
	let isRestored = false;
	const write = (text: string) => {
		try {
			output.write(text);
		} catch {
			// The terminal may be gone already (SIGHUP after the SSH link dropped): nothing left to restore.
		}
	};

	write(take);
	// Raw mode at once, before the first frame: Ink turns it on only after drawing, and a key pressed in between
	// would be echoed onto the screen.
	if (input.isTTY) {
		input.setRawMode(true);
	}

	const leave = () => {
		try {
			if (input.isTTY) {
				input.setRawMode(false);
			}
		} catch {
			// As above: a terminal that has gone away cannot leave raw mode.
		}

		write((hasMouse ? mouseOff : '') + showCursor + leaveAlternateScreen);
	};

	return {
		restore() {
			if (isRestored) {
				return;
			}

			isRestored = true;
			leave();
		},
		suspend() {
			if (!isRestored) {
				leave();
			}
		},
		resume() {
			if (isRestored) {
				return;
			}

			write(take + hideCursor);
			if (input.isTTY) {
				input.setRawMode(true);
			}
		},
		clear() {
			if (!isRestored) {
				write(clearScreen);
			}
		},
	};
}
