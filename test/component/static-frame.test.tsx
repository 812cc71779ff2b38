import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import chalk from 'chalk';
import {Box, render, Text} from 'ink';
import type {ReactNode} from 'react';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {parseText} from '../../source/formats/parsers.js';
import type {Viewport} from '../../source/mode.js';
import {articleKey, type ArticleMark} from '../../source/read-state/marks.js';
import type {Session} from '../../source/shell/session.js';
import {sessionState} from '../../source/shell/session-state.js';
import {composedFrame, type OutputOperation} from '../../source/terminal/renderer/frame-composer.js';
import {frameUpdate} from '../../source/terminal/renderer/frame-diff.js';
import {staticFrame} from '../../source/terminal/renderer/static-frame.js';
import {AppScreen} from '../../source/ui/app-screen.js';
import {createTheme} from '../../source/ui/theme.js';
import {newsArticles, numberedArticles} from '../helpers/articles.js';
import {testNow} from '../helpers/render-app.js';

// Styling (CSI … m) and hyperlinks (OSC 8 … BEL): neither takes a column on screen.
const escapeSequence = /\u001B\[[\d;]*m|\u001B\]8;[^\u0007]*\u0007/gu;
const plainRows = (frame: string) => frame.replace(escapeSequence, '').split('\n').map(row => row.trimEnd());

/**
 * Ink's Output (node_modules/ink/build/output.js) as the bundle has it (scripts/ink-output.js): its frame composed by
 * frame-composer.ts where it can be, else drawn by Ink's own get(). Patched for these tests only.
 */
type InkOutput = {operations: OutputOperation[]; width: number; height: number; get(): {output: string; height: number}};
const inkDirectory = dirname(createRequire(import.meta.url).resolve('ink'));
const {default: InkOutputClass} = await import(pathToFileURL(join(inkDirectory, 'output.js')).href) as {default: {prototype: InkOutput}};
const inkGet = InkOutputClass.prototype.get;
function bundledGet(this: InkOutput) {
	const frame = composedFrame(this.operations, {columnCount: this.width, rowCount: this.height}, {sliceAnsi, stringWidth});
	return frame === undefined ? inkGet.call(this) : {output: frame, height: this.height};
}

/** What Ink itself draws for `node` on a terminal of `viewport`: the frame its renderer hands the frame writer. */
function inkFrame(node: ReactNode, {columnCount, rowCount}: Viewport): string {
	const frames: string[] = [];
	const stdout = Object.assign(new EventEmitter(), {
		columns: columnCount,
		rows: rowCount,
		write(text: string) {
			frames.push(text);
			return true;
		},
	});
	const instance = render(node, {stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false});
	instance.unmount();
	return frames[0] ?? '';
}

// As the shell sets it: the theme decides about colour, and chalk must style what it asks for.
let chalkLevel: typeof chalk.level;
beforeAll(() => {
	chalkLevel = chalk.level;
	chalk.level = 1;
	InkOutputClass.prototype.get = bundledGet;
});
afterAll(() => {
	chalk.level = chalkLevel;
	InkOutputClass.prototype.get = inkGet;
});

const feedArticles = parseText(readFileSync(new URL('../fixtures/feeds/atom.xml', import.meta.url), 'utf8'), 'atom.xml').articles;
const wideArticles = parseText(
	[
		'# 台北の新しい図書館が開館\n\nThe library opened its doors on Monday, with shelves for 200,000 books and a café on the roof.',
		'# A headline long enough to be cut at the edge of every pane it is shown in, however wide the terminal is made to be\n\nSee https://example.org/a/very/long/address/that/runs/on/and/on/past/the/edge/of/the/pane/without/a/single/space/in/it/anywhere for more.\n\n```\nconst line = "a line of code that is far too long for the pane it is drawn in, and is cut";\n```',
	].join('\n\n'),
	'wide.md',
).articles;

const longAgo = Date.UTC(2026, 0, 1);
const savedMarks = new Map<string, ArticleMark>([
	[articleKey(newsArticles[3]!), {read: {isOn: true, changedAt: longAgo}}],
]);

type Case = {
	readonly name: string;
	readonly articles: readonly Article[];
	readonly viewport: Viewport;
	readonly session?: Partial<Session>;
	readonly hasHyperlinks?: boolean;
};

const cases: readonly Case[] = [
	{name: 'five stories, 100x30', articles: newsArticles, viewport: {columnCount: 100, rowCount: 30}},
	{name: 'five stories, 80x24', articles: newsArticles, viewport: {columnCount: 80, rowCount: 24}},
	{name: 'a long list on a wide terminal, 200x50', articles: numberedArticles(300), viewport: {columnCount: 200, rowCount: 50}},
	{name: 'one pane on a narrow terminal, 50x20', articles: newsArticles, viewport: {columnCount: 50, rowCount: 20}},
	{name: 'a terminal too small', articles: newsArticles, viewport: {columnCount: 18, rowCount: 4}},
	{name: 'ASCII without colour', articles: newsArticles, viewport: {columnCount: 100, rowCount: 30}, session: {theme: createTheme({hasColor: false, isAscii: true})}},
	{
		name: 'read marks, a big file loading, warnings and a notice',
		articles: newsArticles,
		viewport: {columnCount: 120, rowCount: 35},
		session: {savedMarks, loadingShare: 0.37, warningCount: 2, initialNotice: 'cached copies of 2 feeds'},
	},
	{name: 'a feed: dates, links as hyperlinks', articles: feedArticles, viewport: {columnCount: 140, rowCount: 40}, hasHyperlinks: true},
	{name: 'wide characters, an address and code wider than the pane', articles: [...wideArticles].reverse(), viewport: {columnCount: 90, rowCount: 30}, hasHyperlinks: true},
	{name: 'the same, ASCII', articles: [...wideArticles].reverse(), viewport: {columnCount: 90, rowCount: 30}, session: {theme: createTheme({hasColor: true, isAscii: true})}},
];

describe('the first frame drawn without Ink', () => {
	it.each(cases)('is the frame Ink draws: $name', ({articles, viewport, session = {}, hasHyperlinks = false}) => {
		const fullSession: Session = {articles, fileName: 'news.txt', ...session};
		const theme = fullSession.theme ?? createTheme({hasColor: true, isAscii: false});
		const screen = (
			<Box flexDirection="column">
				<AppScreen state={sessionState(fullSession, {viewport, now: testNow})} theme={theme} now={testNow} hasHyperlinks={hasHyperlinks} />
			</Box>
		);
		const drawn = staticFrame(screen, viewport);
		const expected = inkFrame(screen, viewport);
		expect(drawn).toBeDefined();
		// Text first, for a readable failure; then every cell, styles and links included: Ink's frame writer, finding
		// this frame on the screen, would have nothing to write.
		expect(plainRows(drawn!.frame)).toEqual(plainRows(expected));
		expect(drawn!.rowCount).toBe(expected.split('\n').length);
		expect(frameUpdate(drawn!.frame, expected)).toBe('');
	});

	it('draws no frame for what it cannot lay out as Ink does, rather than another frame', () => {
		const viewport = {columnCount: 40, rowCount: 10};
		// A Text that Ink would wrap, a Box with padding, a string outside a Text, a component with state.
		expect(staticFrame(<Box width={10}><Text>{'a line far wider than its box of ten columns'}</Text></Box>, viewport)).toBeUndefined();
		expect(staticFrame(<Box paddingLeft={2}><Text>padded</Text></Box>, viewport)).toBeUndefined();
		expect(staticFrame(<Box>{'bare'}</Box>, viewport)).toBeUndefined();
		const WithState = () => {
			throw new Error('a hook outside a render');
		};

		expect(staticFrame(<Box><WithState /></Box>, viewport)).toBeUndefined();
		// What Broadsheet's frame composer leaves to Ink's own Output: a grapheme whose width terminals disagree on.
		expect(staticFrame(<Box flexDirection="column"><Text>{'★ starred'}</Text></Box>, viewport)).toBeUndefined();
		// What it does draw, for contrast.
		expect(staticFrame(<Box width={10}><Text wrap="truncate">{'a line far wider than its box of ten columns'}</Text></Box>, viewport)?.frame).toBe('a line fa…');
		expect(staticFrame(<Box><Text>one</Text><Text bold>two</Text></Box>, viewport)?.frame).toBe('one\u001B[1mtwo\u001B[22m');
	});
});
