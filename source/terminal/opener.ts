/** How `o` opens an address, decided from the environment and the platform alone (pure; see link-actions.ts). */
export type Opener =
	/** Run `command` with `args` (the address among them), detached. */
	| {readonly kind: 'command'; readonly command: string; readonly args: readonly string[]}
	/** Copy the address instead: a browser started here would open on the remote machine. */
	| {readonly kind: 'copy'; readonly reason: 'ssh'};

/** Whether Broadsheet runs in an SSH session, as SSH sets `SSH_CONNECTION` and (with a terminal) `SSH_TTY`. */
export function isOverSsh(environment: Readonly<Record<string, string | undefined>>): boolean {
	return Boolean(environment['SSH_CONNECTION'] || environment['SSH_TTY']);
}

/** The system's own opener for `platform`. */
function systemOpener(platform: NodeJS.Platform, url: string): Opener {
	switch (platform) {
		case 'darwin': {
			return {kind: 'command', command: 'open', args: [url]};
		}

		case 'win32': {
			// Not `start`, a cmd.exe built-in that would parse the address as shell text.
			return {kind: 'command', command: 'rundll32', args: ['url.dll,FileProtocolHandler', url]};
		}

		default: {
			return {kind: 'command', command: 'xdg-open', args: [url]};
		}
	}
}

/**
 * How to open `url`: `$BROWSER` when set; else over SSH, copy it; else the system opener (`open` on macOS,
 * `xdg-open` elsewhere). `$BROWSER` follows its old convention: a `:`-separated list of commands (the first is
 * used), each a program and its arguments split at spaces, with `%s` standing for the address (appended when
 * absent). No shell ever sees the address. The address has passed isOpenableAddress (http, https or mailto), so it
 * starts with its scheme and never reads as an option; xdg-open, open and rundll32 document no `--` to put before it.
 */
export function chooseOpener(url: string, environment: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): Opener {
	const browser = environment['BROWSER']?.split(':').map(entry => entry.trim()).find(entry => entry !== '');
	// Over SSH the system's opener would start a browser on the remote machine: copy instead. A $BROWSER set there is
	// the user's own choice for that machine (a script that forwards the address, say), and is honoured.
	if (!browser) {
		return isOverSsh(environment) ? {kind: 'copy', reason: 'ssh'} : systemOpener(platform, url);
	}

	const [command = browser, ...words] = browser.split(/\s+/u);
	const hasPlaceholder = words.some(word => word.includes('%s'));
	// A function, not a string: a replacement string would read `$&` or `$\`` in the address as patterns.
	const args = words.map(word => word.replaceAll('%s', () => url));
	return {kind: 'command', command, args: hasPlaceholder ? args : [...args, url]};
}

/**
 * A command the config file chooses for addresses that match `pattern` (`openers`), as `mpv` for videos or `w3m`
 * for pages: `command` is the program and its arguments, `{url}` standing for the address (appended when absent).
 * A program that draws on the terminal (`needsTerminal`) gets it while it runs, as after Ctrl-Z; any other runs
 * detached, as a browser does.
 */
export type ConfiguredOpener = {readonly pattern: RegExp; readonly command: readonly string[]; readonly needsTerminal: boolean};

/** The command of the first of `openers` whose pattern matches `url`, with the address in place; none when none does. */
export function chooseConfiguredOpener(
	url: string,
	openers: readonly ConfiguredOpener[],
): {readonly command: string; readonly args: readonly string[]; readonly needsTerminal: boolean} | undefined {
	const opener = openers.find(candidate => candidate.pattern.test(url));
	if (!opener) {
		return undefined;
	}

	const [command = '', ...words] = opener.command;
	const hasPlaceholder = words.some(word => word.includes('{url}'));
	const args = words.map(word => word.replaceAll('{url}', () => url));
	return {command, args: hasPlaceholder ? args : [...args, url], needsTerminal: opener.needsTerminal};
}
