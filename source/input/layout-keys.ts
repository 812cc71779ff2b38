import type {KeyName} from './keymap.js';

/**
 * The US key at the same place on the keyboard as a letter of another layout, for keys a user types without switching
 * layouts: Russian ЙЦУКЕН (with Ukrainian і, ї, є, ґ and Belarusian ў), and Greek. Letters only: a layout's
 * punctuation is mostly ASCII already, and would be read as the key it is.
 */
const rows: ReadonlyArray<readonly [layout: string, us: string]> = [
	// Russian ЙЦУКЕН, lower case then upper case.
	['йцукенгшщзхъфывапролджэячсмитьбюё', 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.`'],
	['ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ', 'QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~'],
	// Ukrainian and Belarusian letters where their layouts differ from the Russian one.
	['іїєґў', 's]\'`o'],
	['ІЇЄҐЎ', 'S}"~O'],
	// Greek (the standard layout: ; and : on the Q key are ASCII, so Q itself is not reached).
	['ςερτυθιοπασδφγηξκλζχψωβνμ', 'wertyuiopasdfghjklzxcvbnm'],
	['ΕΡΤΥΘΙΟΠΑΣΔΦΓΗΞΚΛΖΧΨΩΒΝΜ', 'ERTYUIOPASDFGHJKLZXCVBNM'],
];

const usKeys = new Map<string, string>(
	rows.flatMap(([layout, us]) => {
		const letters = [...layout];
		if (letters.length !== us.length) {
			throw new Error(`layout-keys: ${layout} and ${us} differ in length`);
		}

		return letters.map((letter, index) => [letter, us[index]!] as const);
	}),
);

/** The US key at the place of `key` on a Cyrillic or Greek layout (`о` is `j`, `λ` is `l`), or undefined for any other key. */
export function usLayoutKey(key: KeyName): KeyName | undefined {
	return usKeys.get(key);
}
