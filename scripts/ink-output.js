// What Ink's renderer gets for `import Output from './output.js'` in the bundle (see scripts/build.js): Ink's Output,
// whose get() first tries source/terminal/renderer/frame-composer.ts, which makes most frames without reading every
// character into a cell, and leaves the others to Ink. Clipped lines are cut with the same functions Ink uses.
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import InkOutput from 'ink-original-output';
import {composedFrame} from '../source/terminal/renderer/frame-composer.ts';

const clipTools = {sliceAnsi, stringWidth};

export default class Output extends InkOutput {
	get() {
		const frame = composedFrame(this.operations, {columnCount: this.width, rowCount: this.height}, clipTools);
		return frame === undefined ? super.get() : {output: frame, height: this.height};
	}
}
