import {describe, expect, it} from 'vitest';
import {runBroadsheetInTerminal, sampleHeadlines, samplePath, singlePaneSize} from '../helpers/run-broadsheet.js';

describe('a terminal that cannot move its cursor', () => {
	it.each([
		['TERM=dumb', 'dumb'],
		['TERM unset', null],
		['TERM empty', ''],
	] as const)('gets the headlines as --list prints them, a line saying why, and no escape sequence (%s)', async (_name, term) => {
		const {exitCode, output} = await runBroadsheetInTerminal([samplePath], singlePaneSize, {term});
		expect(exitCode).toBe(0);
		expect(output).not.toContain('\u001B');
		const lines = output.split(/\r?\n/u).filter(Boolean);
		expect(lines[0]).toMatch(/^broadsheet: TERM(?:=dumb| is not set): this terminal cannot move its cursor, so the headlines are printed as --list prints them$/u);
		expect(lines.slice(1)).toHaveLength(sampleHeadlines.length);
		expect(lines[1]).toContain('Japan and the US agreed');
	});

	it('refuses --pick in one line', async () => {
		const {exitCode, output} = await runBroadsheetInTerminal(['--pick', samplePath], singlePaneSize, {term: 'dumb'});
		expect(exitCode).toBe(9);
		expect(output).not.toContain('\u001B');
		expect(output.trim()).toBe('broadsheet: --pick draws the interface, and TERM=dumb: the terminal cannot move its cursor (set TERM, as in TERM=xterm-256color)');
	});
});
