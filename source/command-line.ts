// The command line: Broadsheet's options as meow reads them, and the help it prints.
import type {Result} from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {exitCodes, UserFacingError} from './exit-codes.js';
import {formatNames} from './formats/detect.js';
import {listOrders} from './state/list-order.js';

export const helpText = `
	Usage
	  $ broadsheet FILE…      files or directories of articles
	  $ broadsheet URL…       feeds on the web (http, https), with files or not
	  $ broadsheet -          read the articles from stdin
	  $ COMMAND | broadsheet

	Formats: RSS, Atom, JSON Feed, JSON, NDJSON, CSV, TSV, Markdown and plain text,
	detected from the content, any of them gzip-compressed.

	Options
	  --filter, -f QUERY   start with the list filtered by QUERY (or print only its matches)
	  --sort NAME          order the list by NAME: ${listOrders.slice(0, 4).join(', ')},
	                       ${listOrders.slice(4).join(', ')} (default: newest when dated, else file;
	                       matches: best first; group: by subscription-list group)
	  --watch              reload the files when they change, and fetch URLs
	                       again every --refresh minutes (R reloads by hand)
	  --refresh MINUTES    how often --watch fetches URLs again (default: 15)
	  --offline            fetch nothing: open URLs from the cache only
	  --timeout SECONDS    give up on a server silent this long (default: 10)
	  --full-text SOURCE   fetch the full stories of SOURCE (a feed's name or
	                       address; repeatable) ahead of time, in the interface
	  --list               print the headlines, one a line, and exit
	  --json               print the articles as NDJSON, one object a line, and exit
	  --print              print the articles as wrapped text, and exit
	  --pick               choose an article in the interface (drawn on the
	                       terminal even when stdout is a pipe): Enter prints it
	                       as --json does and exits; Esc or q prints nothing, exit 1
	  --export-opml        print the feeds of FILE… (feeds, OPML or newsboat urls
	                       files) as OPML, and exit
	  --format NAME        read as NAME: ${formatNames.join(', ')}
	  --fields MAP         which input fields fill the article, as in
	                       headline=title,body=text (for JSON, CSV and TSV)
	  --no-state           keep no read marks: read none, save none
	  --no-color           no colours (as NO_COLOR=1 does); bold and reverse stay
	  --no-mouse           leave the mouse to the terminal (by default the wheel
	                       scrolls and a click selects)
	  --ascii              draw ASCII only (the default when the locale is not UTF-8)
	  --config PATH        read settings from PATH instead of
	                       ~/.config/broadsheet/config.json (see readme.md)
	  --no-config          ignore the config file
	  --help               show this help
	  --version            show the version

	Keys: j/k move, Enter opens, Esc goes back, / filters, ? lists every key, q quits.
	Read marks are kept in $XDG_STATE_HOME/broadsheet (~/.local/state/broadsheet).
	When stdout is not a terminal, or TERM is dumb or unset, Broadsheet prints as --list does.

	Examples
	  $ broadsheet samples/taipei-times.txt
	  $ broadsheet --filter mujica samples/taipei-times.txt
	  $ broadsheet samples/taipei-times.txt | grep -i korea
	  $ broadsheet --json feed.xml | jq -r .url
	  $ broadsheet https://example.org/feed.xml news.txt
	  $ broadsheet --pick feed.xml | jq -r .url
	  $ cat samples/taipei-times.txt | broadsheet
	  $ broadsheet --fields headline=subject,body=message mail.csv
`;

/** Broadsheet's options, as meow takes them. */
const flags = {
	filter: {type: 'string', shortFlag: 'f'},
	sort: {type: 'string'},
	watch: {type: 'boolean'},
	offline: {type: 'boolean'},
	timeout: {type: 'string'},
	refresh: {type: 'string'},
	fullText: {type: 'string', isMultiple: true},
	format: {type: 'string'},
	fields: {type: 'string'},
	list: {type: 'boolean'},
	json: {type: 'boolean'},
	print: {type: 'boolean'},
	pick: {type: 'boolean'},
	exportOpml: {type: 'boolean'},
	// `--no-color` makes it false.
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean'},
	// `--no-config` makes it false.
	config: {type: 'string'},
	// `--no-state` turns it off.
	state: {type: 'boolean', default: true},
	// `--no-mouse` turns it off.
	mouse: {type: 'boolean', default: true},
} as const;

/** The command line as read: the files and addresses it names (`input`) and its options (`flags`). */
export type CommandLine = Pick<Result<typeof flags>, 'input' | 'flags'>;

/**
 * Each option as the user may type it: its name in kebab case, or `--no-` and the name for a switch that is on unless
 * turned off; the short ones; and `--no-config`, `--help` and `--version`.
 */
const knownOptions = new Set([
	...Object.entries(flags).map(([name, flag]) => {
		const option = name.replaceAll(/[A-Z]/gu, letter => `-${letter.toLowerCase()}`);
		return 'default' in flag && flag.default ? `--no-${option}` : `--${option}`;
	}),
	...Object.values(flags).flatMap(flag => ('shortFlag' in flag ? [`-${flag.shortFlag}`] : [])),
	'--no-config',
	'--help',
	'--version',
]);

/**
 * The first option on the command line that Broadsheet does not know, as the user typed it (meow would rename it,
 * and would read `--no-filter` as a negated flag).
 */
function unknownOptionIn(argv: readonly string[]): string | undefined {
	for (const argument of argv) {
		if (argument === '--') {
			return undefined;
		}

		const option = argument.split('=', 1)[0]!;
		if (option.length > 1 && option.startsWith('-') && !knownOptions.has(option)) {
			return option;
		}
	}

	return undefined;
}

/**
 * What meow reads from a command line of names alone (no argument starts with `-`): the names, and each option at the
 * value it has when not given. None for any other command line.
 */
export function namesAlone(argv: readonly string[]): CommandLine | undefined {
	if (argv.length === 0 || argv.some(argument => argument.startsWith('-'))) {
		return undefined;
	}

	const values = Object.entries(flags).flatMap(([name, flag]): Array<[string, unknown]> => {
		if ('default' in flag) {
			return [[name, flag.default]];
		}

		if ('isMultiple' in flag) {
			return [[name, []]];
		}

		return flag.type === 'boolean' ? [[name, false]] : [];
	});
	return {input: [...argv], flags: Object.fromEntries(values) as CommandLine['flags']};
}

/**
 * The command line read by meow: `--help` and `--version` print and exit, and a mistake (an unknown option, `--config`
 * given twice) is a usage error.
 */
export async function parseCommandLine(argv: readonly string[]): Promise<CommandLine> {
	const {default: meow} = await import('meow');
	let commandLine: CommandLine;
	try {
		commandLine = meow(helpText, {
			argv,
			importMeta: import.meta,
			// Only what --help and --version need: meow validates a license field with a slow SPDX parser.
			pkg: {name: packageJson.name, version: packageJson.version, description: packageJson.description},
			// Unknown options stay in the input, so that they get the same one-line error as every other failure.
			allowUnknownFlags: true,
			flags,
		});
	} catch (error) {
		const message = (error as Error).message.replace(/^The flag/u, 'the option').replace(/\.$/u, '');
		throw new UserFacingError(`${message}; try broadsheet --help`, exitCodes.usage);
	}

	const unknownOption = unknownOptionIn(argv);
	if (unknownOption) {
		throw new UserFacingError(`unknown option ${unknownOption}; try broadsheet --help`, exitCodes.usage);
	}

	return commandLine;
}

/**
 * The command line (`process.argv` after node and the script). One of names alone is read without meow: meow and its
 * dependencies take about 3 ms to load and read a command line, an eighth of what a start on a small file costs beyond
 * node's own, and a test holds that it reads such a command line the same (test/unit/command-line.test.ts).
 */
export async function readCommandLine(argv: readonly string[]): Promise<CommandLine> {
	const commandLine = namesAlone(argv);
	if (commandLine === undefined) {
		return parseCommandLine(argv);
	}

	// As meow names the process, for ps and top.
	process.title = packageJson.name;
	return commandLine;
}
