/** How many times `lineBreak` (a line feed, unless said) comes in `text` before `end`. */
export function lineBreakCount(text: string, lineBreak = '\n', end = text.length): number {
	let count = 0;
	for (let index = text.indexOf(lineBreak); index !== -1 && index < end; index = text.indexOf(lineBreak, index + 1)) {
		count++;
	}

	return count;
}
