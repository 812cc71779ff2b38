/**
 * A command line as typed at a prompt (`|`), split into a program and its arguments as a POSIX shell splits words,
 * and nothing more: blanks separate words, `'…'` keeps everything literally, `"…"` keeps blanks (a backslash there
 * escapes `"` and `\`), and a backslash outside quotes keeps the next character. No variable, glob, redirection or
 * `;`: the words go to the program as an argument array, never to a shell.
 */
export function commandWords(line: string): {readonly words: string[]} | {readonly error: string} {
	const words: string[] = [];
	let word: string | undefined;
	let quote: '\'' | '"' | undefined;
	const characters = [...line];
	for (let index = 0; index < characters.length; index++) {
		const character = characters[index]!;
		if (quote === '\'') {
			if (character === '\'') {
				quote = undefined;
			} else {
				word += character;
			}
		} else if (quote === '"') {
			if (character === '"') {
				quote = undefined;
			} else if (character === '\\' && (characters[index + 1] === '"' || characters[index + 1] === '\\')) {
				word += characters[++index]!;
			} else {
				word += character;
			}
		} else if (character === '\'' || character === '"') {
			quote = character;
			word ??= '';
		} else if (character === '\\') {
			word = (word ?? '') + (characters[++index] ?? '');
		} else if (/\s/u.test(character)) {
			if (word !== undefined) {
				words.push(word);
				word = undefined;
			}
		} else {
			word = (word ?? '') + character;
		}
	}

	if (quote) {
		return {error: `a ${quote} is not closed`};
	}

	if (word !== undefined) {
		words.push(word);
	}

	return {words};
}
