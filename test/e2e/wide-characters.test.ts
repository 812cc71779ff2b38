import {describe, expect, it} from 'vitest';
import {keys, type TerminalSession} from '../helpers/pty-terminal.js';
import {
	singlePaneSize,
	columnCells,
	separatorColumn,
	splitSize,
	startBroadsheet,
	statusRowIndex,
	useFixtureDirectory,
	waitForFrame,
	wrappedRows,
} from '../helpers/run-broadsheet.js';

const fixtures = useFixtureDirectory();

const longHeadline = '東京と台北を結ぶ新しい高速鉄道の計画が発表され沿線の住民からは期待と不安の声が上がっている';
const longParagraph = '計画は昨日発表された。' + '新しい路線は山を越えて海沿いの町を通り終点の駅では地元の商店街が歓迎の準備を始めている。'.repeat(3);

/**
 * Three articles whose headlines are wider than 80 columns in characters that take two columns each: one all
 * wide, one that starts with an odd number of narrow columns (so a cut can fall in the middle of a wide
 * character), one with a kicker. The first has a long paragraph without spaces, which must wrap by character.
 */
const wideArticles = [
	longHeadline,
	longParagraph,
	'',
	'A 市議会は新しい図書館の建設案を賛成多数で可決し来年春の着工に向けて準備を進めることになった',
	'工事は来年の春に始まる。',
	'',
	'CULTURE: 台湾の伝統的な人形劇が海外の若い世代の間で静かな人気を集めており各地で公演が続いている',
	'公演は海外でも続く。',
	'',
].join('\n');

/** The text of the rows from the one starting with ` ${start}` to the next blank row, margins removed and joined. */
function textOfParagraphStarting(rows: readonly string[], start: string): string {
	const first = rows.findIndex(row => row.startsWith(` ${start}`));
	// The paragraph ends at a blank row, or at the by-line under a headline.
	const end = rows.findIndex((row, index) => index > first && (row === '' || / min read$/u.test(row)));
	return rows.slice(first, end === -1 ? undefined : end).map(row => row.slice(1)).join('');
}

/** Checks that nothing on the screen is wider than the terminal: no row wrapped, the status line on its row. */
function expectNothingWrapped(session: TerminalSession): void {
	const rows = session.lines();

	expect(wrappedRows(session)).toEqual([]);
	expect(rows[statusRowIndex(session)]).toMatch(/^ wide\.txt · 3 articles /u);
	// The status line takes the last row.
	expect(rows.at(-1)).not.toBe('');
}

describe('headlines in wide (CJK) characters', () => {
	it('cuts each headline to the width at 80 columns, ending in …, and wraps none', async () => {
		const session = await startBroadsheet([fixtures.write('wide.txt', wideArticles)], singlePaneSize);
		const rows = session.lines();

		expectNothingWrapped(session);
		expect(rows[1]).toMatch(/^• 東京と台北を結ぶ.*…$/u);
		expect(rows[2]).toMatch(/^• A 市議会は.*…$/u);
		expect(rows[3]).toMatch(/^• CULTURE: 台湾の伝統的な.*…$/u);
		expect(rows[4]).toBe('');
	});

	it('keeps the separator in its column beside wide headlines at 120 columns', async () => {
		const session = await startBroadsheet([fixtures.write('wide.txt', wideArticles)], splitSize);
		const paneRowIndexes = Array.from({length: statusRowIndex(session)}, (_, index) => index);

		expectNothingWrapped(session);
		expect(separatorColumn(session)).toBeDefined();
		expect(columnCells(session, paneRowIndexes, separatorColumn(session)!)).toEqual(paneRowIndexes.map(() => '│'));
	});

	it('wraps a long article without spaces by character, inside the width', async () => {
		const session = await startBroadsheet([fixtures.write('wide.txt', wideArticles)], singlePaneSize);
		session.press(keys.enter);
		await waitForFrame(session, /^ wide\.txt +All$/mu);
		const rows = session.lines();

		expectNothingWrapped(session);
		expect(textOfParagraphStarting(rows, '東京と台北')).toBe(longHeadline);
		expect(textOfParagraphStarting(rows, '計画は昨日')).toBe(longParagraph);
	});
});

describe('emoji joined by ZWJ (issue 17)', () => {
	const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
	const rainbow = '\u{1F3F3}\uFE0F\u200D\u{1F308}';
	const coder = '\u{1F469}\u{1F3FD}\u200D\u{1F4BB}';
	const text = [
		`Family ${family} day at the harbour ${rainbow} with a headline long enough to fill the row ${family}${family}`,
		'',
		`The ${family}${family}${family} came ${rainbow}${rainbow} to the pier with a ${coder}${coder} ❤\uFE0F and stayed until the ferry left in the evening light.`,
		'',
		'Second story',
		'',
		'More about the pier.',
		'',
	].join('\n');

	it.each([[splitSize], [singlePaneSize]])('never makes a row wider than the terminal (%o)', async size => {
		const session = await startBroadsheet([fixtures.write('zwj.txt', text)], size);
		try {
			await session.waitFor('Second story');
			if (size === singlePaneSize) {
				session.press(keys.enter);
				await session.waitFor('came');
			}

			await session.settle();
			expect(wrappedRows(session)).toEqual([]);
			const rows = session.lines();
			expect(rows[statusRowIndex(session)]).toMatch(/^ zwj\.txt · 2 articles/u);
			if (size === splitSize) {
				const column = separatorColumn(session);
				expect(columnCells(session, [1, 2, 3], column!)).toEqual(['│', '│', '│']);
			}
		} finally {
			session.dispose();
		}
	});
});
