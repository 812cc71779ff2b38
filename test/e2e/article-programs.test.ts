import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {listPositionOnTopRow, singlePaneSize, startBroadsheet, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();
const feedPath = fixtures.write(
	'harbour.jsonl',
	[
		{title: 'Ferry timetable changes for winter', url: 'https://example.org/ferry', body: 'The last ferry leaves at six.'},
		// An address a shell would run a command in: no shell ever sees it.
		{title: 'Harbour wall repaired after storm', url: 'https://example.org/wall;touch${IFS}pwned', body: 'Masons finished the wall on Friday.'},
	]
		.map(record => JSON.stringify(record))
		.join('\n') + '\n',
);
const keys = {enter: '\r', ctrlU: '\u0015'};

/** Whether the screen shows the list whole again: its title, both headlines and the status line. */
const showsList = (screen: string) =>
	listPositionOnTopRow(screen) !== undefined && screen.includes('Ferry timetable') && screen.includes('Harbour wall') && screen.includes('harbour.jsonl ·');

describe('pipe, page, save (80x24)', () => {
	it('pipes the article to a command typed after |, shows its output until Enter, and draws the list again', async () => {
		const outputPath = join(fixtures.path, 'piped.txt');
		const session = await startBroadsheet(['--no-state', feedPath], singlePaneSize);
		session.press('|');
		await waitForFrame(session, 'pipe to:');
		session.press(`tee '${outputPath}'`, keys.enter);
		// tee's copy of the text on the terminal, out of the alternate screen, and the way back.
		await session.waitFor('[Press Enter to go back to Broadsheet]');
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.screen()).toContain('The last ferry leaves at six.');
		expect(readFileSync(outputPath, 'utf8')).toContain('Ferry timetable changes for winter\n');
		expect(readFileSync(outputPath, 'utf8')).toContain('The last ferry leaves at six.');
		session.press(keys.enter);
		const screen = await waitForFrame(session, list => showsList(list) && list.includes('piped the article to tee'));
		expect(session.isAlternateScreen()).toBe(true);
		expect(screen).not.toContain('Press Enter');
		// The keys are Broadsheet's again.
		session.press('j');
		await waitForFrame(session, list => listPositionOnTopRow(list) === '2/2');
	});

	it('says so when the command is not found, and never runs it through a shell', async () => {
		const session = await startBroadsheet(['--no-state', feedPath], singlePaneSize);
		session.press('|');
		await waitForFrame(session, 'pipe to:');
		session.press('no-such-program-here; touch pwned', keys.enter);
		await waitForFrame(session, list => showsList(list) && list.includes('cannot pipe: no-such-program-here; not found'));
		expect(existsSync(join(process.cwd(), 'pwned'))).toBe(false);
	});

	it('shows the article in $PAGER, which gets the text on stdin', async () => {
		const outputPath = join(fixtures.path, 'paged.txt');
		const session = await startBroadsheet(['--no-state', feedPath], singlePaneSize, {env: {PAGER: `tee '${outputPath}'`}});
		session.press('j', 'p');
		await waitForFrame(session, list => showsList(list) && listPositionOnTopRow(list) === '2/2' && existsSync(outputPath));
		expect(readFileSync(outputPath, 'utf8')).toContain('Masons finished the wall on Friday.');
	});

	it('saves the article to the path typed after w, and will not write over a file', async () => {
		const savedPath = join(fixtures.path, 'saved.txt');
		const session = await startBroadsheet(['--no-state', feedPath], singlePaneSize);
		session.press('w');
		await waitForFrame(session, 'save to: ferry-timetable-changes-for-winter.txt');
		session.press(keys.ctrlU, savedPath, keys.enter);
		await waitForFrame(session, 'saved to');
		expect(readFileSync(savedPath, 'utf8')).toContain('The last ferry leaves at six.');
		session.press('w', keys.ctrlU, savedPath, keys.enter);
		await waitForFrame(session, 'cannot save, it exists already');
	});

	it('opens a link with the command the config file chooses by pattern, giving it the terminal', async () => {
		const recordPath = join(fixtures.path, 'opened.txt');
		// A program that needs the terminal: it records which terminal it had, and the address it got.
		const configPath = fixtures.write(
			'config.json',
			JSON.stringify({
				openers: [
					{match: 'example\\.org/ferry', command: ['false']},
					{match: '^https://example\\.org/wall', command: ['sh', '-c', 'test -t 0 && test -t 1 && printf "%s\\n" "$1" > "$0"', recordPath, '{url}'], terminal: true},
				],
			}),
		);
		const session = await startBroadsheet(['--no-state', '--config', configPath, feedPath], singlePaneSize);
		session.press('j', 'o');
		await waitForFrame(session, list => showsList(list) && list.includes('opened with sh'));
		expect(readFileSync(recordPath, 'utf8')).toBe('https://example.org/wall;touch${IFS}pwned\n');
		expect(existsSync(join(process.cwd(), 'pwned'))).toBe(false);
	});
});
