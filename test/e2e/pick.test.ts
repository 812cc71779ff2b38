import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {listPositionOnTopRow, singlePaneSize, startShell, useFixtureDirectory, waitForFrame} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();
const feedPath = fixtures.write(
	'harbour.jsonl',
	[
		{title: 'Ferry timetable changes for winter', url: 'https://example.org/ferry', body: 'The last ferry leaves at six.'},
		{title: 'Harbour wall repaired after storm', url: 'https://example.org/wall', body: 'Masons finished the wall on Friday.'},
		{title: 'Gulls nest on the old pier', url: 'https://example.org/gulls', body: 'The pier is closed until August.'},
	]
		.map(record => JSON.stringify(record))
		.join('\n') + '\n',
);
const keys = {enter: '\r', escape: '\u001B'};

/** Runs `broadsheet --pick` with stdout redirected to a file, as `| jq` would take it; the exit code goes to another. */
async function startPicking(name: string, {isPipedIn = false} = {}) {
	const outputPath = join(fixtures.path, `${name}.out`);
	const codePath = join(fixtures.path, `${name}.code`);
	const command = isPipedIn ? `cat '${feedPath}' | broadsheet --pick` : `broadsheet --pick '${feedPath}'`;
	const session = await startShell(`${command} > '${outputPath}'; echo $? > '${codePath}'`, singlePaneSize);
	await waitForFrame(session, screen => listPositionOnTopRow(screen) === '1/3');
	return {
		session,
		async result() {
			await session.exited;
			return {output: readFileSync(outputPath, 'utf8'), exitCode: Number(readFileSync(codePath, 'utf8').trim())};
		},
	};
}

describe('--pick, with stdout a file', () => {
	it('draws the interface on the terminal, and prints the article chosen with Enter as one --json line', async () => {
		const picking = await startPicking('enter');
		expect(picking.session.screen()).toContain('Ferry timetable changes for winter');
		picking.session.press('j');
		await waitForFrame(picking.session, screen => listPositionOnTopRow(screen) === '2/3');
		picking.session.press(keys.enter);
		const {output, exitCode} = await picking.result();
		expect(exitCode).toBe(0);
		const lines = output.split('\n').filter(Boolean);
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0]!)).toMatchObject({headline: 'Harbour wall repaired after storm', url: 'https://example.org/wall', body: 'Masons finished the wall on Friday.'});
		// The terminal is back as it was, without a frame left behind.
		expect(picking.session.isAlternateScreen()).toBe(false);
		expect(picking.session.screen()).not.toContain('Harbour wall');
	});

	it('picks the article being read with Enter, once l has opened it', async () => {
		const picking = await startPicking('reading');
		picking.session.press('G', 'l');
		await waitForFrame(picking.session, 'The pier is closed until August.');
		picking.session.press(keys.enter);
		const {output, exitCode} = await picking.result();
		expect(exitCode).toBe(0);
		expect(JSON.parse(output).url).toBe('https://example.org/gulls');
	});

	it('works with the articles piped in too, stdin and stdout both pipes', async () => {
		const picking = await startPicking('piped-in', {isPipedIn: true});
		picking.session.press('G', keys.enter);
		const {output, exitCode} = await picking.result();
		expect(exitCode).toBe(0);
		expect(JSON.parse(output)).toMatchObject({headline: 'Gulls nest on the old pier', source: 'stdin'});
	});

	it.each([
		['Esc', [keys.escape]],
		['q', ['q']],
		['q in an article, then q in the list', ['l', 'q', 'q']],
	])('prints nothing and exits 1 on %s', async (name, pressed) => {
		const picking = await startPicking(name.replaceAll(' ', '-'));
		for (const key of pressed) {
			picking.session.press(key);
		}

		const {output, exitCode} = await picking.result();
		expect(output).toBe('');
		expect(exitCode).toBe(1);
		expect(picking.session.isAlternateScreen()).toBe(false);
	});
});
