/**
 * Warnings of the process itself: Node's own, and any library's that calls `process.emitWarning`. Node prints them
 * on stderr as they come, several lines each and quoting whatever text the library passed (a line of a file, escape
 * sequences and all), over the interface if it is up. Guarded, they are kept instead, each as one line, for the
 * command line to print sanitised with its other warnings once the terminal is its own again.
 */

/** The warnings kept so far. */
export type ProcessWarnings = {
	/** The warnings kept since the last call, one line each (duplicates once), and forgets them. */
	take(): string[];
};

/** How many warnings are kept; the rest are counted. */
const keptLimit = 20;

/** Replaces `process.emitWarning` for the whole process with one that keeps its warnings (see above). */
export function guardProcessWarnings(target: NodeJS.Process): ProcessWarnings {
	const kept = new Set<string>();
	let extraCount = 0;
	const emitWarning = (warning: string | Error, ...rest: unknown[]): void => {
		const options = rest[0];
		const type = typeof options === 'string' ? options : (options as {type?: unknown} | undefined)?.type;
		const name = warning instanceof Error ? warning.name : typeof type === 'string' ? type : 'Warning';
		const message = warning instanceof Error ? warning.message : String(warning);
		const line = `${name}: ${message.split(/\r?\n/u).find(part => part.trim() !== '') ?? ''}`.slice(0, 300);
		if (kept.size < keptLimit) {
			kept.add(line);
		} else if (!kept.has(line)) {
			extraCount++;
		}
	};

	target.emitWarning = emitWarning as NodeJS.Process['emitWarning'];
	return {
		take() {
			const lines = [...kept, ...(extraCount > 0 ? [`and ${extraCount} more warnings of the process`] : [])];
			kept.clear();
			extraCount = 0;
			return lines;
		},
	};
}
