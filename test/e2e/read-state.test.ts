import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {parseStateFile} from '../../source/read-state/marks.js';
import {
	freshStateHome,
	listPositionOnTopRow,
	sampleHeadlines,
	samplePath,
	singlePaneSize,
	startBroadsheet,
	statusRowIndex,
	useFixtureDirectory,
	waitForFrame,
} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();

/** The marker column of the list's five rows: `•` unread, ` ` read, `★` starred. */
const markers = (session: TerminalSession) => session.lines().slice(1, 6).map(row => row.slice(0, 1));

/**
 * Starts on the sample (or `inputs`) with `stateHome` as XDG_STATE_HOME, ready for keys with the list on screen at
 * `position` (where the last session on the same inputs left it).
 */
async function start(stateHome: string, args: readonly string[] = [], position = '1/5', inputs: readonly string[] = [samplePath]): Promise<TerminalSession> {
	const session = await startBroadsheet([...args, ...inputs], singlePaneSize, {env: {XDG_STATE_HOME: stateHome}});
	await waitForFrame(session, screen => listPositionOnTopRow(screen) === position);
	return session;
}

/** Opens the selected article and waits for it to fill the screen. */
async function openArticle(session: TerminalSession): Promise<void> {
	session.press(keys.enter);
	await waitForFrame(session, screen => !screen.includes('Headlines'));
}

/** The screen's text with its rows joined: a long message wraps over several. */
const unwrapped = (screen: string) => screen.replaceAll('\n', '');

const stateFilePath = (stateHome: string) => join(stateHome, 'broadsheet', 'read-state.json');

describe('read state across sessions', () => {
	it('shows an article opened in one session as read in the next', async () => {
		const stateHome = freshStateHome();
		const first = await start(stateHome);
		expect(markers(first)).toEqual(['•', '•', '•', '•', '•']);
		first.press('j');
		await waitForFrame(first, screen => listPositionOnTopRow(screen) === '2/5');
		await openArticle(first);
		first.press(keys.escape);
		await waitForFrame(first, screen => listPositionOnTopRow(screen) === '2/5');
		first.press('G', 's', 'Q');
		expect(await first.exited).toEqual({exitCode: 0});

		const second = await start(stateHome, [], '5/5');
		expect(markers(second)).toEqual(['•', ' ', '•', '•', '★']);
		expect(second.lines()[2]?.slice(0, sampleHeadlines[1].length + 2)).toBe(`  ${sampleHeadlines[1]}`);
		const parsed = parseStateFile(readFileSync(stateFilePath(stateHome), 'utf8'));
		expect(parsed.kind === 'marks' ? parsed.marks.size : parsed).toBe(2);
	});

	it('opens the same file again at the article last selected, as vim restores the cursor', async () => {
		const stateHome = freshStateHome();
		const first = await start(stateHome);
		first.press('j', 'j', 'j');
		await waitForFrame(first, screen => listPositionOnTopRow(screen) === '4/5');
		first.press('q');
		expect(await first.exited).toEqual({exitCode: 0});

		const second = await start(stateHome, [], '4/5');
		// The fourth headline is the selected row, drawn in reverse video.
		expect(second.lines()[4]?.slice(2, 2 + sampleHeadlines[3].length)).toBe(sampleHeadlines[3]);
		second.press(keys.enter);
		await waitForFrame(second, screen => screen.includes('Jose Mujica') && !screen.includes('Headlines'));
	});

	it('starts at the top when the article last selected is gone, and remembers each set of inputs apart', async () => {
		const stateHome = freshStateHome();
		const story = (number: number) => `Harbour story ${number}\n\nThe text of story ${number}.`;
		const path = fixtures.write('place.txt', [1, 2, 3, 4, 5, 6].map(number => story(number)).join('\n---\n'));
		const first = await start(stateHome, [], '1/6', [path]);
		first.press('G');
		await waitForFrame(first, screen => listPositionOnTopRow(screen) === '6/6');
		first.press('q');
		await first.exited;

		// Another set of inputs (the sample with it) has a place of its own, none yet.
		const both = await start(stateHome, [], '1/11', [samplePath, path]);
		both.press('q');
		await both.exited;
		const again = await start(stateHome, [], '6/6', [path]);
		again.press('q');
		await again.exited;

		writeFileSync(path, [1, 2, 3, 4, 5].map(number => story(number)).join('\n---\n'));
		const third = await start(stateHome, [], '1/5', [path]);
		expect(third.lines()[1]).toContain('Harbour story 1');
	});

	it('keeps the marks of two instances running at once', async () => {
		const stateHome = freshStateHome();
		const [left, right] = await Promise.all([start(stateHome), start(stateHome)]);
		await openArticle(left);
		right.press('G');
		await waitForFrame(right, screen => listPositionOnTopRow(screen) === '5/5');
		await openArticle(right);
		right.press('Q');
		await right.exited;
		left.press('Q');
		await left.exited;

		const third = await start(stateHome);
		expect(markers(third)).toEqual([' ', '•', '•', '•', ' ']);
	});

	it('saves the marks when the terminal hangs up (SIGHUP), leaving a whole file', async () => {
		const stateHome = freshStateHome();
		const first = await start(stateHome);
		await openArticle(first);
		first.kill('SIGHUP');
		await first.exited;

		expect(parseStateFile(readFileSync(stateFilePath(stateHome), 'utf8')).kind).toBe('marks');
		expect(readdirSync(join(stateHome, 'broadsheet'))).toEqual(['read-state.json']);
		const second = await start(stateHome);
		expect(markers(second)).toEqual([' ', '•', '•', '•', '•']);
	});

	it('with --no-state, reads no marks and writes no file', async () => {
		const stateHome = freshStateHome();
		const first = await start(stateHome);
		await openArticle(first);
		first.press('Q');
		await first.exited;
		const savedText = readFileSync(stateFilePath(stateHome), 'utf8');

		const second = await start(stateHome, ['--no-state']);
		expect(markers(second)).toEqual(['•', '•', '•', '•', '•']);
		second.press('j', keys.enter);
		await waitForFrame(second, screen => !screen.includes('Headlines'));
		second.press('Q');
		await second.exited;
		expect(readFileSync(stateFilePath(stateHome), 'utf8')).toBe(savedText);

		const untouched = freshStateHome();
		const third = await start(untouched, ['--no-state']);
		await openArticle(third);
		third.press('Q');
		await third.exited;
		expect(existsSync(untouched)).toBe(false);
	});
});

describe('state files that cannot be used', () => {
	it('moves a corrupt file aside, counts the warning, prints it on exit, and starts afresh', async () => {
		const stateHome = freshStateHome();
		mkdirSync(join(stateHome, 'broadsheet'), {recursive: true});
		writeFileSync(stateFilePath(stateHome), '{"version":1,"articles":{"x":');
		const session = await start(stateHome);

		expect(markers(session)).toEqual(['•', '•', '•', '•', '•']);
		expect(session.lines()[statusRowIndex(session)]).toMatch(/ · 1 warning /u);
		await openArticle(session);
		session.press('Q');
		expect(await session.exited).toEqual({exitCode: 0});

		expect(unwrapped(session.screen())).toMatch(/broadsheet: warning: the read state was corrupt .+kept it as .+read-state\.json\.corrupt-\d{8}T\d{6}Z/u);
		const names = readdirSync(join(stateHome, 'broadsheet')).sort();
		expect(names).toEqual([expect.stringMatching(/^read-state\.json$/u), expect.stringMatching(/^read-state\.json\.corrupt-/u)]);
		expect(parseStateFile(readFileSync(stateFilePath(stateHome), 'utf8')).kind).toBe('marks');
	});

	it('goes on when the state directory cannot be made, with a warning in the status line and on exit', async () => {
		const blocked = join(fixtures.write('not-a-directory', ''), 'state');
		const session = await start(blocked);
		await openArticle(session);
		session.press(keys.escape);
		await waitForFrame(session, / · 1 warning /u);
		session.press('Q');
		expect(await session.exited).toEqual({exitCode: 0});

		expect(unwrapped(session.screen())).toMatch(/broadsheet: warning: cannot save the read state in .+: a part of the path is not a directory/u);
	});
});
