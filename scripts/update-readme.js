// Refreshes the generated parts of readme.md: the --help text of the built command, the key table and the
// troubleshooting table (the bad-input matrix of test/e2e/bad-inputs.ts).
// Run after `npm run build`: node scripts/update-readme.js
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';

const help = execFileSync('node', ['dist/broadsheet.js', '--help'], {encoding: 'utf8'}).trimEnd();
const keys = execFileSync('npx', ['tsx', 'scripts/print-keymap.ts'], {encoding: 'utf8'}).trimEnd();
const troubles = execFileSync('npx', ['tsx', 'scripts/print-troubleshooting.ts'], {encoding: 'utf8'}).trimEnd();
const readme = readFileSync('readme.md', 'utf8')
	.replace(/```\n\$ broadsheet --help\n[\s\S]*?\n```/u, () => '```\n$ broadsheet --help\n' + help + '\n```')
	.replace(/<!-- keymap:start -->\n[\s\S]*?\n<!-- keymap:end -->/u, () => `<!-- keymap:start -->\n${keys}\n<!-- keymap:end -->`)
	.replace(/<!-- troubleshooting:start -->\n[\s\S]*?\n<!-- troubleshooting:end -->/u, () => `<!-- troubleshooting:start -->\n${troubles}\n<!-- troubleshooting:end -->`);
writeFileSync('readme.md', readme);
