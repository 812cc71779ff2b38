import process from 'node:process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {keys, startInTerminal, type TerminalSession} from '../helpers/pty-terminal.js';
import {
	articleSide,
	childProcessIds,
	commandPath,
	listPositionOnTopRow,
	repositoryRoot,
	samplePath,
	singlePaneSize,
	splitSize,
	startBroadsheet,
	startShell,
	useFixtureDirectory,
	waitForFrame,
} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();
const numberedPath = fixtures.write(
	'numbered.txt',
	Array.from({length: 60}, (_, index) => `Headline number ${index + 1}\n\nBody of article ${index + 1}.`).join('\n---\n') + '\n',
);
const noMouseConfig = fixtures.write('no-mouse.json', '{"mouse": false}\n');

/** What a terminal sends for the mouse in SGR form (1006), at a 1-based column and row. */
const mouse = {
	click: (column: number, row: number) => `\u001B[<0;${column};${row}M\u001B[<0;${column};${row}m`,
	wheelDown: (column: number, row: number) => `\u001B[<65;${column};${row}M`,
	wheelUp: (column: number, row: number) => `\u001B[<64;${column};${row}M`,
};

/** What the terminal's mouse reporting is as the emulator followed it: `vt200` for clicks and the wheel (1000). */
const mouseMode = (session: TerminalSession) => session.terminal.modes.mouseTrackingMode;

/** Whether the program's output ends with mouse reports off: each mode's last word about them is `l`. */
function endsWithMouseOff(output: string): boolean {
	return ['1000', '1006'].every(mode => output.lastIndexOf(`\u001B[?${mode}l`) > output.lastIndexOf(`\u001B[?${mode}h`) && output.includes(`\u001B[?${mode}l`));
}

describe('the mouse in a terminal', () => {
	it('turns on clicks and the wheel in SGR form, never motion', async () => {
		const session = await startBroadsheet([samplePath], splitSize);
		expect(mouseMode(session)).toBe('vt200');
		expect(session.rawOutput()).toContain('\u001B[?1006h');
		expect(session.rawOutput()).not.toContain('\u001B[?1003h');
	});

	it('scrolls the list and the article under the pointer, selects with a click, and focuses the article clicked', async () => {
		const session = await startBroadsheet([numberedPath], splitSize);
		session.press(mouse.wheelDown(10, 10), mouse.wheelDown(10, 10), mouse.wheelDown(10, 10));
		let screen = await waitForFrame(session, current => current.split('\n')[1]!.startsWith('• Headline number 10 '));
		expect(listPositionOnTopRow(screen)).toBe('10/60');

		// Row 1 is the list's title: row 5 shows the fourth headline in view, number 13.
		session.press(mouse.click(10, 5));
		screen = await waitForFrame(session, current => listPositionOnTopRow(current) === '13/60' && current.split('\n').some(row => articleSide(row).includes('Body of article 13.')));

		// A click on the article gives it the focus: the next key is the article's, and opening it read it.
		session.press(mouse.click(90, 8), 'J');
		screen = await waitForFrame(session, current => listPositionOnTopRow(current) === '14/60' && current.split('\n').some(row => articleSide(row).includes('Body of article 14.')));
		expect(screen.split('\n')[4]).toMatch(/^ {2}Headline number 13 /u);
		expect(session.screen()).not.toMatch(/\[<|\d;\d/u);
	});

	it('scrolls a long article with the wheel over it', async () => {
		const longPath = fixtures.write('long.txt', `A long article\n\n${Array.from({length: 60}, (_, index) => `Paragraph ${index + 1} here.`).join('\n\n')}\n`);
		const session = await startBroadsheet([longPath], splitSize);
		await waitForFrame(session, current => current.includes('Paragraph 1 here.'));
		session.press(mouse.wheelDown(90, 10), mouse.wheelDown(90, 10), mouse.wheelDown(90, 10), mouse.wheelDown(90, 10), mouse.wheelDown(90, 10));
		const screen = await waitForFrame(session, current => !current.includes('Paragraph 1 here.') && current.includes('Paragraph 10 here.'));
		expect(listPositionOnTopRow(screen)).toBe('1/1');
	});

	it('never types a report into the filter line', async () => {
		const session = await startBroadsheet([numberedPath], splitSize);
		session.press('/', 'num', mouse.wheelDown(10, 10), mouse.click(10, 3), mouse.wheelUp(90, 3), 'ber');
		const screen = await waitForFrame(session, current => /^\/number\b/mu.test(current));
		expect(screen).not.toMatch(/\[<|M\[|\d;\d/u);
	});

	it.each([
		['--no-mouse', ['--no-mouse', samplePath]],
		['"mouse": false in the config', ['--config', noMouseConfig, samplePath]],
	])('leaves the mouse to the terminal with %s', async (_name, args) => {
		const session = await startBroadsheet(args, splitSize);
		expect(mouseMode(session)).toBe('none');
		expect(session.rawOutput()).not.toContain('\u001B[?1000h');
		session.press('q');
		await session.exited;
		expect(session.rawOutput()).not.toContain('\u001B[?1000');
	});
});

describe.each([
	{name: 'q', end: (session: TerminalSession) => session.press('q')},
	{name: 'Q, reading an article', end: (session: TerminalSession) => session.press(keys.enter, 'Q')},
	{name: 'Ctrl-C', end: (session: TerminalSession) => session.press(keys.ctrlC)},
	{name: 'SIGTERM', end: (session: TerminalSession) => process.kill(session.pid, 'SIGTERM')},
	{name: 'SIGHUP', end: (session: TerminalSession) => process.kill(session.pid, 'SIGHUP')},
])('ending with $name', ({end}) => {
	it('turns mouse reports off', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);
		expect(mouseMode(session)).toBe('vt200');
		end(session);
		await session.exited;
		expect(mouseMode(session)).toBe('none');
		expect(endsWithMouseOff(session.rawOutput())).toBe(true);
		expect(session.isAlternateScreen()).toBe(false);
	});
});

describe('mouse reports around the interface', () => {
	it('are off while Ctrl-Z has suspended Broadsheet, and on again after fg', async () => {
		const prompt = 'PROMPT$ ';
		const session = await startInTerminal('bash', ['--norc', '--noprofile', '-i'], {
			...singlePaneSize,
			cwd: repositoryRoot,
			env: {PS1: prompt, BROADSHEET_NODE: process.execPath, BROADSHEET_COMMAND: commandPath},
		});
		try {
			await session.waitFor(prompt.trimEnd());
			session.press(`"$BROADSHEET_NODE" "$BROADSHEET_COMMAND" --no-state ${samplePath}\r`);
			await session.waitFor(current => listPositionOnTopRow(current) === '1/5', 10_000);
			expect(mouseMode(session)).toBe('vt200');

			session.press('\u001A');
			await session.waitFor(current => /Stopped/u.test(current) && current.trimEnd().endsWith(prompt.trimEnd()));
			expect(mouseMode(session)).toBe('none');

			session.press('fg\r');
			await session.waitFor(current => listPositionOnTopRow(current) === '1/5', 10_000);
			expect(mouseMode(session)).toBe('vt200');
			session.press(mouse.click(10, 4));
			await session.waitFor(current => listPositionOnTopRow(current) === '3/5');

			session.press('q');
			await session.waitFor(current => current.trimEnd().endsWith(prompt.trimEnd()) && !current.includes('Headlines'));
			expect(mouseMode(session)).toBe('none');
		} finally {
			session.dispose();
		}
	}, 30_000);

	it('are on for --pick, on the terminal, and off once it has printed the pick', async () => {
		const outputPath = join(fixtures.path, 'pick.out');
		const session = await startShell(`broadsheet --pick '${numberedPath}' > '${outputPath}'`, singlePaneSize);
		expect(mouseMode(session)).toBe('vt200');
		session.press(mouse.click(10, 4));
		await waitForFrame(session, current => listPositionOnTopRow(current) === '3/60');
		session.press(keys.enter);
		await session.exited;
		expect(JSON.parse(readFileSync(outputPath, 'utf8')).headline).toBe('Headline number 3');
		expect(mouseMode(session)).toBe('none');
		expect(endsWithMouseOff(session.rawOutput())).toBe(true);
	});

	it('are off after a SIGHUP while a shell waits on Broadsheet', async () => {
		const session = await startShell(`broadsheet ${samplePath}; echo DONE; sleep 5`, singlePaneSize);
		const [pid] = await childProcessIds(session.pid);
		process.kill(pid!, 'SIGHUP');
		await session.waitFor(/^DONE$/mu);
		expect(mouseMode(session)).toBe('none');
		expect(endsWithMouseOff(session.rawOutput())).toBe(true);
	});
});
