import {moreProblems} from '../format.js';

/** How many problems are listed before the rest are only counted. */
const maximumProblemCount = 20;

/** Problems with their line numbers, each kind reported once, the list bounded. */
export class ProblemList {
	private readonly messages: string[] = [];
	private readonly reportedKeys = new Set<string>();
	private uncountedCount = 0;
	private lineStarts: number[] | undefined;

	constructor(private readonly text: string) {}

	/** The line (from 1) holding `offset`. */
	lineOf(offset: number): number {
		if (this.lineStarts === undefined) {
			this.lineStarts = [0];
			for (let index = this.text.indexOf('\n'); index !== -1; index = this.text.indexOf('\n', index + 1)) {
				this.lineStarts.push(index + 1);
			}
		}

		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (this.lineStarts[middle]! <= offset) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}

		return low + 1;
	}

	/** Adds `line N: message`; with a `key`, only the first problem of that kind is kept. */
	add(offset: number | undefined, message: string, key?: string) {
		if (key !== undefined) {
			if (this.reportedKeys.has(key)) {
				return;
			}

			this.reportedKeys.add(key);
		}

		if (this.messages.length >= maximumProblemCount) {
			this.uncountedCount++;
			return;
		}

		this.messages.push(offset === undefined ? message : `line ${this.lineOf(offset)}: ${message}`);
	}

	/** The problems as strings, the overflow summed up in a last one. */
	list(): string[] {
		return this.uncountedCount === 0
			? [...this.messages]
			: [...this.messages, moreProblems(this.uncountedCount)];
	}
}
