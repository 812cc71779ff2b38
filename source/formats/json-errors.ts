// Where JSON breaks, said one way for every reader of JSON (files, JSON Lines, JSON Feed, the config file): `line L,
// column C: not valid JSON (reason)`. The place comes from our own scan, not from V8's message, whose wording and
// position format differ between Node versions.

/** Where a JSON syntax error is, as an offset into `text`, or `undefined` when `text` is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
	const length = text.length;
	const skipSpace = (from: number): number => {
		let index = from;
		while (index < length) {
			const code = text.charCodeAt(index);
			if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
				break;
			}

			index++;
		}

		return index;
	};

	// Each scanner returns the offset past what it read, or the bitwise complement of where it failed.
	const scanString = (from: number): number => {
		let index = from + 1;
		while (index < length) {
			const code = text.charCodeAt(index);
			if (code === 0x22) {
				return index + 1;
			}

			if (code < 0x20) {
				return ~index;
			}

			if (code === 0x5c) {
				const escaped = text[index + 1];
				if (escaped === 'u') {
					if (!/^[\da-fA-F]{4}$/u.test(text.slice(index + 2, index + 6))) {
						return ~(index + 1);
					}

					index += 6;
					continue;
				}

				if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
					return ~(index + 1);
				}

				index += 2;
				continue;
			}

			index++;
		}

		return ~length;
	};

	const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
	const scanScalar = (from: number): number => {
		const character = text[from];
		if (character === '"') {
			return scanString(from);
		}

		for (const literal of ['true', 'false', 'null']) {
			if (text.startsWith(literal, from)) {
				return from + literal.length;
			}
		}

		numberPattern.lastIndex = from;
		return numberPattern.test(text) ? numberPattern.lastIndex : ~from;
	};

	const scanKey = (from: number): number => {
		const start = skipSpace(from);
		if (text[start] !== '"') {
			return ~start;
		}

		const end = scanString(start);
		if (end < 0) {
			return end;
		}

		const colon = skipSpace(end);
		return text[colon] === ':' ? colon + 1 : ~colon;
	};

	const stack: string[] = [];
	let index = 0;
	for (;;) {
		// A value is expected at `index`.
		index = skipSpace(index);
		const opening = text[index];
		if (opening === '{' || opening === '[') {
			const close = opening === '{' ? '}' : ']';
			const next = skipSpace(index + 1);
			if (text[next] === close) {
				index = next + 1;
			} else {
				stack.push(close);
				if (close === '}') {
					const end = scanKey(index + 1);
					if (end < 0) {
						return ~end;
					}

					index = end;
				} else {
					index += 1;
				}

				continue;
			}
		} else {
			const end = scanScalar(index);
			if (end < 0) {
				return ~end;
			}

			index = end;
		}

		// After a value: a comma, the end of its container, or the end of the text.
		for (;;) {
			index = skipSpace(index);
			const close = stack.at(-1);
			if (close === undefined) {
				return index < length ? index : undefined;
			}

			const character = text[index];
			if (character === close) {
				stack.pop();
				index++;
				continue;
			}

			if (character !== ',') {
				return index;
			}

			if (close === '}') {
				const end = scanKey(index + 1);
				if (end < 0) {
					return ~end;
				}

				index = end;
			} else {
				index++;
			}

			break;
		}
	}
}

/** `line L, column C` of an offset into `text`, counting from 1. */
function positionOf(text: string, offset: number): string {
	let line = 1;
	let lineStart = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
		line++;
		lineStart = index + 1;
	}

	return `line ${line}, column ${offset - lineStart + 1}`;
}

/** V8's message for a JSON syntax error, without the position and the quoted text it adds. */
function syntaxMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message
		.replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/u, '')
		.replace(/\s+in JSON at position \d+[\s\S]*$/u, '')
		.replace(/\s*\(line \d+ column \d+\)$/u, '');
}

/** The syntax error `JSON.parse(text)` threw, as `line L, column C: not valid JSON (reason)`. */
export function jsonSyntaxProblem(text: string, error: unknown): string {
	const offset = jsonErrorOffset(text) ?? text.length;
	return `${positionOf(text, offset)}: not valid JSON (${syntaxMessage(error)})`;
}

/** The same for line `lineNumber` of JSON Lines, whose text is `line`. */
export function jsonLineSyntaxProblem(lineNumber: number, line: string, error: unknown): string {
	const offset = jsonErrorOffset(line) ?? line.length;
	return `line ${lineNumber}, column ${offset + 1}: not valid JSON (${syntaxMessage(error)})`;
}
