import {existsSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {exitCodes} from '../../source/exit-codes.js';
import {keymapMarkdown} from '../../source/input/keymap-markdown.js';
import {badInputMarkdown} from '../helpers/bad-inputs.js';
import {defaultTheme} from '../../source/ui/theme.js';

const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');

describe('readme.md', () => {
	it('has the key table the keymap gives (run npm run readme to refresh it)', () => {
		const table = /<!-- keymap:start -->\n([\s\S]*?)\n<!-- keymap:end -->/u.exec(readme)?.[1];
		expect(table).toBe(keymapMarkdown());
	});

	it('describes the filter\'s matches in headlines as the theme draws them', () => {
		const {match} = defaultTheme.styles;
		const look = [match.bold ? 'bold' : undefined, match.underline ? 'underlined' : undefined, match.color].filter(Boolean).join(' and ');
		expect(look).toBe('bold and underlined');
		expect(readme).toContain(`the matched characters of each headline are ${look}.`);
	});

	it('has the troubleshooting table of the bad-input matrix (run npm run readme to refresh it)', () => {
		const table = /<!-- troubleshooting:start -->\n([\s\S]*?)\n<!-- troubleshooting:end -->/u.exec(readme)?.[1];
		expect(table).toBe(badInputMarkdown());
	});

	it('gives the two set-up commands, and the test command CI runs', () => {
		expect(readme).toContain('npm install && npm start');
		expect(readme).toContain('npm install && npm test');
		expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/mu);
	});

	it('opens, with npm start, the sample it names, and that sample exists', () => {
		const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {scripts: Record<string, string>};
		const samplePath = /dist\/broadsheet\.js (\S+)$/u.exec(packageJson.scripts['start'] ?? '')?.[1];
		expect(samplePath).toBeDefined();
		expect(existsSync(new URL(`../../${samplePath}`, import.meta.url))).toBe(true);
		expect(readme).toContain(`npm install && npm start        # installs, builds, and opens ${samplePath}`);
	});
});

describe('readme.md usage', () => {
	it('quotes the --help text of the built command', async () => {
		const {execFileSync} = await import('node:child_process');
		const help = execFileSync('node', ['dist/broadsheet.js', '--help'], {encoding: 'utf8'}).trimEnd();
		expect(readme).toContain('$ broadsheet --help\n' + help + '\n```');
	});
});

describe('readme.md exit codes', () => {
	const rows = [...readme.matchAll(/^\| (\d+) \| (.*?) \|/gmu)].map(match => ({code: Number(match[1]), meaning: match[2]!}));

	it('lists each exit code of source/exit-codes.ts once', () => {
		expect(rows.map(row => row.code)).toEqual([...new Set(Object.values(exitCodes))].sort((left, right) => left - right));
	});

	it('does not call several FILEs a usage error: they are all opened', () => {
		const usage = rows.find(row => row.code === exitCodes.usage);
		expect(usage?.meaning).toMatch(/^usage: no FILE/u);
		expect(usage?.meaning).not.toMatch(/more than one/u);
	});
});
