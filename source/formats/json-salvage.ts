/**
 * The value of JSON text that was cut off in the middle (a download that stopped, a disk that filled): the text up to
 * the last element of a list that came whole, with the lists and objects still open closed after it. So
 * `{"items": [{…}, {…}, {"ti` reads as `{"items": [{…}, {…}]}`. Undefined when no list element came whole, or when
 * the text is not cut off but broken some other way.
 */
export function salvagedJson(text: string): unknown {
	/** The brackets open at each point: `{` or `[`. */
	const open: string[] = [];
	/** The last place a list element ended, and the brackets open there. */
	let lastCut: {readonly end: number; readonly open: readonly string[]} | undefined;
	let isInString = false;
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (isInString) {
			if (character === '\\') {
				index++;
			} else if (character === '"') {
				isInString = false;
			}

			continue;
		}

		switch (character) {
			case '"': {
				isInString = true;
				break;
			}

			case '{':
			case '[': {
				open.push(character);
				break;
			}

			case '}':
			case ']': {
				const opener = open.pop();
				if (opener === undefined || (opener === '{') !== (character === '}')) {
					return undefined;
				}

				// An object or list just ended inside a list: a whole element.
				if (open.at(-1) === '[') {
					lastCut = {end: index + 1, open: [...open]};
				}

				break;
			}

			default: {
				break;
			}
		}
	}

	if (open.length === 0 || lastCut === undefined) {
		return undefined;
	}

	const closing = lastCut.open.toReversed().map(opener => (opener === '{' ? '}' : ']')).join('');
	try {
		return JSON.parse(text.slice(0, lastCut.end) + closing) as unknown;
	} catch {
		return undefined;
	}
}
