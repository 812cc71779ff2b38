import {describe, expect, it} from 'vitest';
import {keys} from '../helpers/pty-terminal.js';
import {
	inverseRows,
	listPositionOnTopRow,
	runBroadsheetInTerminal,
	runBroadsheetPiped,
	samplePath,
	singlePaneSize,
	splitSize,
	startBroadsheet,
	statusRowIndex,
	useFixtureDirectory,
	waitForFrame,
} from '../helpers/run-broadsheet.js';

/** SGR sequences (`CSI … m`) that set a colour: 30–39, 40–49, 90–97, 100–107 (38 and 48 lead 256 and true colours). */
const colorSgr = /\u001B\[(?:\d+;)*(?:3\d|4\d|9[0-7]|10[0-7])(?:;\d+)*m/u;
const anySgr = /\u001B\[[\d;]*m/u;
const fixtures = useFixtureDirectory();

describe('colour', () => {
	it('uses colour by default (the kicker), as a check that the test below can see it', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		await waitForFrame(session, '5 articles');
		expect(session.rawOutput()).toMatch(colorSgr);
	});

	it.each([
		['NO_COLOR=1', [samplePath], {NO_COLOR: '1'}],
		['--no-color', ['--no-color', samplePath], {}],
	])('writes no colour with %s, and the selection still shows in reverse', async (_name, args, environment) => {
		const session = await startBroadsheet(args, splitSize, {env: environment});
		await waitForFrame(session, '5 articles');
		session.press('j');
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '2/5');
		session.press('q');
		await session.exited;

		const output = session.rawOutput();
		expect(output).not.toMatch(colorSgr);
		expect(output).toMatch(anySgr);
	});

	it('keeps the selection visible without colour', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize, {env: {NO_COLOR: '1'}});
		session.press('j');
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '2/5');
		expect(inverseRows(session, [1, 2, 3, 4, 5], 1)).toEqual([2]);
	});
});

describe('ASCII', () => {
	it.each([
		['LANG=C', [samplePath], {LANG: 'C'}],
		['--ascii', ['--ascii', samplePath], {}],
	])('draws the chrome in ASCII with %s', async (_name, args, environment) => {
		const session = await startBroadsheet(args, splitSize, {env: environment});
		const screen = await waitForFrame(session, '5 articles');
		const rows = session.lines();

		expect(rows[0]).toMatch(/^ Headlines - file order +1\/5 \| taipei-times\.txt +Top$/u);
		expect(rows[statusRowIndex(session)]).toMatch(/^ taipei-times\.txt - 5 articles {3}j\/Down move {2}Enter\/l open/u);
		expect(screen).not.toContain('│');
		expect(screen).not.toContain('…');
		expect(screen).toMatch(/\.\.\. \| /u);
	});
});

describe('the config file', () => {
	it('rebinds keys and sets defaults', async () => {
		const configDirectory = `${fixtures.path}/xdg`;
		const {mkdirSync, writeFileSync} = await import('node:fs');
		mkdirSync(`${configDirectory}/broadsheet`, {recursive: true});
		writeFileSync(`${configDirectory}/broadsheet/config.json`, JSON.stringify({keys: {'cursor-down': ['e', 'down'], 'go-last': ['E']}, ascii: true}));

		const session = await startBroadsheet([samplePath], singlePaneSize, {env: {XDG_CONFIG_HOME: configDirectory}});
		expect(session.lines()[statusRowIndex(session)]).toMatch(/ e\/Down move /u);
		session.press('e');
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '2/5');
		session.press('j', 'E');
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '5/5');
		session.press(keys.ctrlC);
		expect((await session.exited).exitCode).toBe(0);
	});

	it('is read from --config PATH, and --no-config ignores it', async () => {
		const path = fixtures.write('rebind.json', '{"keys": {"cursor-down": ["e"]}}');
		const session = await startBroadsheet(['--config', path, samplePath], singlePaneSize);
		session.press('e');
		await waitForFrame(session, screen => listPositionOnTopRow(screen) === '2/5');

		const {mkdirSync, writeFileSync} = await import('node:fs');
		mkdirSync(`${fixtures.path}/bad-xdg/broadsheet`, {recursive: true});
		writeFileSync(`${fixtures.path}/bad-xdg/broadsheet/config.json`, '{"keys": {"cursor-dwn": ["n"]}}');
		const ignoring = await startBroadsheet(['--no-config', samplePath], singlePaneSize, {env: {XDG_CONFIG_HOME: `${fixtures.path}/bad-xdg`}});
		ignoring.press('j');
		await waitForFrame(ignoring, screen => listPositionOnTopRow(screen) === '2/5');
	});

	it.each([
		['an unknown command', '{"keys": {"cursor-dwn": ["n"]}}', 'keys.cursor-dwn: no such command'],
		['a key bound twice', '{"keys": {"cursor-down": ["k"]}}', 'keys.cursor-down: k is also bound to cursor-up (while browsing)'],
		['a bad colour', '{"colors": {"selection": "purple"}}', 'colors.selection: "purple" is not a colour; use black, red, green,'],
		['bad JSON', '{"keys": }', 'line 1, column 10: not valid JSON (Unexpected token'],
	])('says what is wrong with %s in one line, and exits 12', async (_name, text, message) => {
		const path = fixtures.write('config.json', text);
		const {exitCode, output, session} = await runBroadsheetInTerminal(['--config', path, samplePath], singlePaneSize);
		const lines = output.split(/\r?\n/u).filter(line => line.trim() !== '');

		expect(exitCode).toBe(12);
		expect(lines).toEqual([expect.stringContaining(`broadsheet: ${path}: ${message}`)]);
		expect(session.isAlternateScreen()).toBe(false);
	});

	it('takes --config once only', async () => {
		const result = await runBroadsheetPiped(['--config', 'a.json', '--config', 'b.json', samplePath]);
		expect(result).toMatchObject({exitCode: 2, stderr: 'broadsheet: the option --config can only be set once; try broadsheet --help\n'});
	});

	it('stops a pipe too, before reading any input', async () => {
		const path = fixtures.write('typo.json', '{"colour": false}');
		const result = await runBroadsheetPiped(['--config', path, samplePath]);
		expect(result).toMatchObject({exitCode: 12, stdout: '', stderr: `broadsheet: ${path}: colour: no such setting; use keys, colors, openers, views, hide, fullText, ascii, color, filter, sort, timeout, refresh, mouse, reading-width, reading-align, show-cursor\n`});

		const missing = await runBroadsheetPiped(['--config', `${fixtures.path}/missing.json`, samplePath]);
		expect(missing).toMatchObject({exitCode: 12, stderr: `broadsheet: ${fixtures.path}/missing.json: no such file\n`});
	});

	it('lets --list, --json, --print and a pipe go on over a mistake in the keys, with one warning', async () => {
		const path = fixtures.write('clash.json', '{"keys": {"cursor-down": ["k"]}, "filter": "mujica"}');
		for (const mode of ['--list', '--json', '--print', undefined]) {
			const result = await runBroadsheetPiped(['--config', path, ...(mode ? [mode] : []), samplePath]);
			expect(result.exitCode, mode).toBe(0);
			expect(result.stdout, mode).toContain('Mujica');
			expect(result.stderr, mode).toBe(`broadsheet: warning: ${path}: keys.cursor-down: k is also bound to cursor-up (while browsing) (printing uses no keys, so it goes on)\n`);
		}
	});

	it('gives the filter to start with', async () => {
		const path = fixtures.write('filter.json', '{"filter": "mujica"}');
		const result = await runBroadsheetPiped(['--config', path, samplePath]);
		expect(result.stdout.trim().split('\n')).toHaveLength(1);
		expect(result.stdout).toMatch(/^CANCER: Jose Mujica/u);
	});
});
