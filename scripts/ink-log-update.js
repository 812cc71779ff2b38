// What Ink's `import logUpdate from './log-update.js'` gets in the bundle (see scripts/build.js): Broadsheet's frame
// writer (source/terminal/renderer/frame-writer.ts) for incremental rendering, which Broadsheet uses, and Ink's own
// log-update otherwise (BROADSHEET_FULL_REDRAW=1 turns incremental rendering off). The writer hides and shows the
// cursor with cli-cursor, as Ink's log-update does; one that drew the first frame before Ink loaded, with the sequences.
import cliCursor from 'cli-cursor';
import inkLogUpdate from 'ink-original-log-update';
import {createFrameWriter, takeOverFrameWriter} from '../source/terminal/renderer/frame-writer.ts';

const logUpdate = {
	create(stream, {showCursor = false, incremental = false} = {}) {
		if (incremental) {
			// The writer that drew the first frame before Ink had loaded (source/shell/first-frame.ts), if one did.
			return takeOverFrameWriter(stream) ?? createFrameWriter(stream, {showCursor, cursorVisibility: cliCursor});
		}

		// Ink's own writer shows the cursor wherever it is placed: a position meant to stay hidden is left out.
		const inkLog = inkLogUpdate.create(stream, {showCursor, incremental});
		const setCursorPosition = inkLog.setCursorPosition;
		inkLog.setCursorPosition = position => {
			setCursorPosition(position?.isVisible === false ? undefined : position);
		};

		return inkLog;
	},
};

export default logUpdate;
