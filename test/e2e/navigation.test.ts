import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {
	articleSide,
	inverseRows,
	listPositionOnTopRow,
	samplePath,
	singlePaneSize,
	splitSize,
	startBroadsheet,
	statusRowIndex,
	useFixtureDirectory,
	waitForFrame,
} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();

/**
 * Presses `key`, waits for the list title to show `position` on any row, then checks that the frame was drawn
 * where it belongs: the title on the top row and nowhere else (Ink 6.8 once redrew every frame one row low,
 * leaving a stale title on top), and the selected headline drawn inverse on the row `selectedRowIndex`.
 */
async function pressAndExpectPosition(session: TerminalSession, key: string, position: string, selectedRowIndex: number): Promise<string[]> {
	session.press(key);
	await waitForFrame(session, new RegExp(`Headlines · file order +${position}(?: |$)`, 'mu'));
	const rows = session.lines();

	expect(listPositionOnTopRow(session.screen())).toBe(position);
	expect(rows.slice(1).filter(row => row.includes('Headlines'))).toEqual([]);
	expect(rows[statusRowIndex(session)]).toContain(' 5 articles ');
	const listRowIndexes = Array.from({length: statusRowIndex(session) - 1}, (_, index) => index + 1);
	expect(inverseRows(session, listRowIndexes, 1)).toEqual([selectedRowIndex]);
	return rows;
}

/**
 * Waits for the article beside the list to show `expected` on its first two text rows (it follows the selection
 * once the selection rests), and returns the screen's rows then.
 */
async function waitForArticleSide(session: TerminalSession, expected: string | RegExp): Promise<string[]> {
	const startsWith = (rows: string[]) => [1, 2].map(index => articleSide(rows[index])).join('\n');
	await waitForFrame(session, screen => {
		const text = startsWith(screen.split('\n'));
		return typeof expected === 'string' ? text.split('\n')[0] === expected : expected.test(text);
	});
	return session.lines();
}

describe('moving through the headlines', () => {
	it('moves one headline with j and k, Down and Up, showing the selected article beside the list', async () => {
		const session = await startBroadsheet([samplePath], splitSize);

		await pressAndExpectPosition(session, 'j', '2/5', 2);
		await waitForArticleSide(session, 'EUROPEAN FUTURE?');
		await pressAndExpectPosition(session, keys.down, '3/5', 3);
		await waitForArticleSide(session, 'FRAUD ALLEGED:');
		await pressAndExpectPosition(session, 'k', '2/5', 2);
		await waitForArticleSide(session, 'EUROPEAN FUTURE?');
		await pressAndExpectPosition(session, keys.up, '1/5', 1);
		await waitForArticleSide(session, /^Japan and the US agreed/u);
	});

	it('moves three headlines when jjj arrives in one chunk', async () => {
		const session = await startBroadsheet([samplePath], splitSize);

		await pressAndExpectPosition(session, 'jjj', '4/5', 4);
		const rows = await waitForArticleSide(session, 'CANCER:');

		expect(articleSide(rows[1])).toBe('CANCER:');
		expect(articleSide(rows[2])).toMatch(/^Jose Mujica earned the moniker/u);
	});

	it('jumps to the last and first headline with G and g, End and Home', async () => {
		const session = await startBroadsheet([samplePath], splitSize);

		await pressAndExpectPosition(session, 'G', '5/5', 5);
		await waitForArticleSide(session, /^Myanmar’s junta chief/u);
		await pressAndExpectPosition(session, 'g', '1/5', 1);
		await waitForArticleSide(session, /^Japan and the US/u);
		await pressAndExpectPosition(session, keys.end, '5/5', 5);
		await waitForArticleSide(session, /^Myanmar’s junta chief/u);
		await pressAndExpectPosition(session, keys.home, '1/5', 1);
		await waitForArticleSide(session, /^Japan and the US/u);
	});

	it('pages with PgDn and PgUp, to the ends of a short list', async () => {
		const session = await startBroadsheet([samplePath], singlePaneSize);

		await pressAndExpectPosition(session, keys.pageDown, '5/5', 5);
		await pressAndExpectPosition(session, keys.pageUp, '1/5', 1);
	});

	it('pages a list longer than the screen a screenful at a time, keeping the selection in view', async () => {
		const stories = Array.from({length: 60}, (_, index) => `Story ${index + 1} of the night desk\nA short body for story ${index + 1}.\n`);
		const path = fixtures.write('sixty-stories.txt', stories.join('\n'));
		const session = await startBroadsheet([path], singlePaneSize);
		// At 80x24 the list shows 22 headlines under its title.
		const expectSelected = async (key: string, position: number, selectedRowIndex: number, topStory: number) => {
			session.press(key);
			await waitForFrame(session, new RegExp(`Headlines · file order +${position}/60$`, 'mu'));
			const rows = session.lines();

			expect(listPositionOnTopRow(session.screen())).toBe(`${position}/60`);
			expect(rows[1]).toBe(`• Story ${topStory} of the night desk`);
			expect(rows.slice(1).filter(row => row.includes('Headlines'))).toEqual([]);
			expect(rows[selectedRowIndex]).toBe(`• Story ${position} of the night desk`);
			expect(inverseRows(session, Array.from({length: 22}, (_, index) => index + 1), 1)).toEqual([selectedRowIndex]);
			expect(rows[statusRowIndex(session)]).toMatch(/^ sixty-stories\.txt · 60 articles/u);
		};

		await expectSelected(keys.pageDown, 23, 1, 23);
		await expectSelected(keys.pageDown, 45, 7, 39);
		await expectSelected(keys.pageUp, 23, 7, 17);
		await expectSelected('G', 60, 22, 39);
		await expectSelected('g', 1, 1, 1);
	});
});
