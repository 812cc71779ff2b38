/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Whether the locale's character set is UTF-8, as the C library decides it: the first of `LC_ALL`, `LC_CTYPE` and
 * `LANG` that is set and not empty names the locale; none means the C locale, which is ASCII.
 */
export function isUtf8Locale(environment: Environment): boolean {
	const locale = [environment['LC_ALL'], environment['LC_CTYPE'], environment['LANG']].find(value => value !== undefined && value !== '') ?? '';
	return /utf-?8/iu.test(locale);
}

/** Where a setting of the looks can come from, strongest first: the command line, then the config file. */
export type LooksChoices = {
	/** `--ascii` (true) on the command line. */
	readonly asciiFlag?: boolean;
	/** `--no-color` (false) on the command line. */
	readonly colorFlag?: boolean;
	/** `"ascii"` in the config file. */
	readonly asciiSetting?: boolean;
	/** `"color"` in the config file. */
	readonly colorSetting?: boolean;
};

/**
 * Whether to draw ASCII only: `--ascii`, else the config file's `ascii`, else a locale that is not UTF-8.
 */
export function shouldUseAscii(environment: Environment, choices: LooksChoices = {}): boolean {
	return choices.asciiFlag ?? choices.asciiSetting ?? !isUtf8Locale(environment);
}

/**
 * Whether to use colour: `--no-color` turns it off; else the config file's `color` decides; else a non-empty
 * `NO_COLOR` (https://no-color.org) or `FORCE_COLOR=0` turns it off.
 */
export function shouldUseColor(environment: Environment, choices: LooksChoices = {}): boolean {
	if (choices.colorFlag === false) {
		return false;
	}

	if (choices.colorSetting !== undefined) {
		return choices.colorSetting;
	}

	const noColor = environment['NO_COLOR'];
	const forceColor = environment['FORCE_COLOR'];
	return !((noColor !== undefined && noColor !== '') || forceColor === '0' || forceColor === 'false');
}

/**
 * Why the terminal cannot draw the interface, or undefined when it can: `TERM=dumb` (Emacs's shell buffer, some
 * editors' and CI runners' terminals) and a `TERM` unset or empty (`env -i`, some service managers) name terminals
 * that cannot move the cursor, where every frame would print as a screenful of escape sequences. Any other name is
 * taken to move the cursor, as every terminal emulator in use does: Broadsheet reads no terminfo.
 */
export function cursorlessTerminalReason(environment: Environment): string | undefined {
	const term = environment['TERM']?.trim() ?? '';
	if (term === '') {
		return 'TERM is not set';
	}

	return term === 'dumb' ? 'TERM=dumb' : undefined;
}
