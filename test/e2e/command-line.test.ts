import {chmodSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import packageJson from '../../package.json' with {type: 'json'};
import {
	crashLines,
	repositoryRoot,
	runBroadsheetInTerminal,
	runBroadsheetPiped,
	samplePath,
	singlePaneSize,
	useFixtureDirectory,
} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();
const sampleText = readFileSync(join(repositoryRoot, samplePath));

/** The sample's headlines as a pipe gets them: one a line, the kicker first. */
const expectedHeadlineLines = [
	'Japan and the US agreed in top-level talks yesterday to strengthen their military alliance and step up work on missile defense due to the threat from North Korea.',
	expect.stringMatching(/^EUROPEAN FUTURE\? Albanian Prime Minister Edi Rama says only he could secure EU membership/u),
	expect.stringMatching(/^FRAUD ALLEGED: The leader of an opposition alliance made allegations of electoral irregularities/u),
	'CANCER: Jose Mujica earned the moniker ‘world’s poorest president’ for giving away much of his salary and living a simple life on his farm, with his wife and dog',
	expect.stringMatching(/^Myanmar’s junta chief met Chinese President Xi Jinping \(習近平\) for the first time since seizing power/u),
];

describe('--help and --version', () => {
	it('prints the usage with examples for --help', async () => {
		const result = await runBroadsheetPiped(['--help']);

		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^ {2}Usage$/mu);
		expect(result.stdout).toMatch(/^ {4}\$ broadsheet FILE/mu);
		expect(result.stdout).toMatch(/--filter, -f QUERY/u);
		expect(result.stdout).toMatch(/^ {2}Examples$/mu);
		expect(result.stdout).toContain('$ broadsheet --filter mujica samples/taipei-times.txt');
	});

	it('prints the version from package.json for --version', async () => {
		const result = await runBroadsheetPiped(['--version']);

		expect(result).toEqual({stdout: `${packageJson.version}\n`, stderr: '', exitCode: 0});
	});
});

describe('output to a pipe', () => {
	it('prints one headline a line, kicker first, and nothing else', async () => {
		const result = await runBroadsheetPiped([samplePath]);

		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout.endsWith('\n')).toBe(true);
		expect(result.stdout.slice(0, -1).split('\n')).toEqual(expectedHeadlineLines);
		expect(result.stdout).not.toContain('\u001B');
	});

	it('prints only the headlines --filter keeps', async () => {
		const result = await runBroadsheetPiped(['--filter', 'mujica', samplePath]);

		expect(result).toEqual({stdout: `${String(expectedHeadlineLines[3])}\n`, stderr: '', exitCode: 0});
	});

	it('reads every file of a directory given as FILE', async () => {
		const directoryPath = join(fixtures.path, 'desk');
		mkdirSync(directoryPath);
		fixtures.write('desk/1-harbour.txt', 'Harbour ferry resumes after repairs\nThe ferry sails again today.\n');
		fixtures.write('desk/2-orchard.txt', 'Orchard harvest comes in early\nPickers started a week ahead.\n');

		const result = await runBroadsheetPiped([directoryPath]);

		expect(result.exitCode).toBe(0);
		expect(result.stdout).toBe('Harbour ferry resumes after repairs\nOrchard harvest comes in early\n');
	});

	it.each([
		['- names stdin', ['-']],
		['stdin is a pipe and no FILE is given', []],
	])('reads the articles from stdin when %s', async (_name, args) => {
		const result = await runBroadsheetPiped(args, {input: sampleText});

		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout.slice(0, -1).split('\n')).toEqual(expectedHeadlineLines);
	});
});

/** A kind of bad input, and the exit code that goes with it. */
type Failure = {
	readonly name: string;
	readonly kind: 'usage' | 'not found' | 'no permission' | 'no articles' | 'binary';
	readonly args: readonly string[];
	readonly exitCode: number;
	/** What the one line on stderr must mention. */
	readonly mentions: string;
};

const emptyDirectoryPath = join(fixtures.path, 'empty-directory');
mkdirSync(emptyDirectoryPath);
const unreadablePath = fixtures.write('unreadable.txt', 'A headline nobody may read\nIts body.\n');
chmodSync(unreadablePath, 0o000);
/** Whether chmod 000 stops this user from reading: it does not stop root. */
const isPermissionEnforced = (() => {
	try {
		readFileSync(unreadablePath);
		return false;
	} catch {
		return true;
	}
})();

const failures: readonly Failure[] = [
	{name: 'an unknown option', kind: 'usage', args: ['--bogus-option', samplePath], exitCode: 2, mentions: 'unknown option --bogus-option'},
	{name: 'an unknown short option', kind: 'usage', args: ['-x', samplePath], exitCode: 2, mentions: 'unknown option -x'},
	{name: 'a negated option the help does not list', kind: 'usage', args: ['--no-filter', samplePath], exitCode: 2, mentions: '--no-filter'},
	{name: 'a missing file', kind: 'not found', args: [join(fixtures.path, 'missing.txt')], exitCode: 3, mentions: 'missing.txt'},
	{name: 'an unreadable file', kind: 'no permission', args: [unreadablePath], exitCode: 5, mentions: 'unreadable.txt'},
	{name: 'an empty file', kind: 'no articles', args: [fixtures.write('empty.txt', '')], exitCode: 6, mentions: 'empty.txt'},
	{name: 'a file of blank space', kind: 'no articles', args: [fixtures.write('blank.txt', '  \n\t\n   \n\n')], exitCode: 6, mentions: 'blank.txt'},
	{name: 'a directory without articles', kind: 'no articles', args: [emptyDirectoryPath], exitCode: 6, mentions: 'empty-directory'},
	{
		name: 'a binary file',
		kind: 'binary',
		args: [fixtures.write('image.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]))],
		exitCode: 7,
		mentions: 'image.bin',
	},
];

describe('bad input', () => {
	for (const failure of failures) {
		const isUntestable = failure.kind === 'no permission' && !isPermissionEnforced;
		const reason = isUntestable ? ' (skipped: this user reads files despite chmod 000, as root does)' : '';
		it.skipIf(isUntestable)(`says so in one line on stderr and exits ${failure.exitCode} for ${failure.name}${reason}`, async () => {
			const result = await runBroadsheetPiped(failure.args);

			expect(result.exitCode).toBe(failure.exitCode);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^broadsheet: [^\n]+\n$/u);
			expect(result.stderr).toContain(failure.mentions);
			expect(crashLines(result.stderr)).toEqual([]);
		});
	}

	it('says so in one line and exits 2 when no FILE is given and stdin is the terminal', async () => {
		const {exitCode, rows, session} = await runBroadsheetInTerminal([], singlePaneSize);

		expect(exitCode).toBe(2);
		expect(rows.filter(row => row !== '')).toEqual([expect.stringMatching(/^broadsheet: .*--help/u)]);
		expect(session.isAlternateScreen()).toBe(false);
		expect(crashLines(session.screen())).toEqual([]);
	});

	it('gives each kind of failure its own exit code', async () => {
		const testable = failures.filter(failure => failure.kind !== 'no permission' || isPermissionEnforced);
		const results = await Promise.all(testable.map(async failure => ({kind: failure.kind, exitCode: (await runBroadsheetPiped(failure.args)).exitCode})));
		const codesByKind = new Map<string, Set<number>>();
		const kindsByCode = new Map<number, Set<string>>();
		for (const {kind, exitCode} of results) {
			codesByKind.set(kind, (codesByKind.get(kind) ?? new Set()).add(exitCode));
			kindsByCode.set(exitCode, (kindsByCode.get(exitCode) ?? new Set()).add(kind));
		}

		const shared = <Key, Value>(map: Map<Key, Set<Value>>) =>
			[...map].filter(([, values]) => values.size > 1).map(([key, values]) => `${String(key)}: ${[...values].join(', ')}`);
		expect(shared(codesByKind)).toEqual([]);
		expect(shared(kindsByCode)).toEqual([]);
		expect(kindsByCode.has(0)).toBe(false);
	});
});

describe('scripting modes on a terminal', () => {
	it('prints and exits for --list, --json and --print even when stdout is a terminal', async () => {
		for (const [flag, expected] of [
			['--list', 'CANCER: Jose Mujica earned'],
			['--json', '"kicker":"CANCER:"'],
			['--print', 'Tributes poured in on Tuesday'],
		] as const) {
			const {exitCode, output, session} = await runBroadsheetInTerminal([flag, samplePath], singlePaneSize);
			expect(exitCode, flag).toBe(0);
			expect(output, flag).toContain(expected);
			expect(session.isAlternateScreen(), flag).toBe(false);
		}
	});

	it('refuses two output modes at once', async () => {
		const result = await runBroadsheetPiped(['--json', '--print', samplePath]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toBe('broadsheet: --json and --print cannot go together; choose one\n');
	});
});
