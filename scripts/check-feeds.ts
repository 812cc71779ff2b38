// npm run check:feeds — opens every file under ../shared/feeds with Broadsheet and prints one row per file:
// the format detected, the articles found, the problems, and how the built command ended (exit code and time).
// Skips cleanly when ../shared is absent. Not part of npm test: it reads files outside the project.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {decodeBytes} from '../source/formats/decode.js';
import {parseText} from '../source/formats/parsers.js';

const feedsDirectory = new URL('../../shared/feeds/', import.meta.url).pathname;
const commandPath = new URL('../dist/broadsheet.js', import.meta.url).pathname;
const commandTimeoutMs = 10_000;

if (!existsSync(feedsDirectory)) {
	console.log(`check:feeds: ${feedsDirectory} is absent; nothing to check.`);
	process.exit(0);
}

if (!existsSync(commandPath)) {
	console.error('check:feeds: build first (npm run build)');
	process.exit(2);
}

function filesUnder(directory: string): string[] {
	return readdirSync(directory)
		.sort()
		.flatMap(name => {
			const path = join(directory, name);
			return statSync(path).isDirectory() ? filesUnder(path) : [path];
		});
}

type Row = {file: string; format: string; articles: number; withText: number; problems: string; exit: string; milliseconds: number};

const rows: Row[] = [];
for (const file of filesUnder(feedsDirectory)) {
	const decoded = decodeBytes(readFileSync(file));
	let format = '-';
	let articles = 0;
	let withText = 0;
	let problems = '';
	if ('reason' in decoded) {
		problems = `cannot decode: ${decoded.reason}`;
	} else {
		const result = parseText(decoded.text, 'check', {fileName: file});
		format = result.format;
		articles = result.articles.length;
		withText = result.articles.filter(article => article.headline !== '' && article.paragraphs.length > 0).length;
		problems = result.problems.length === 0 ? '' : `${result.problems.length}: ${result.problems[0]}`;
	}

	const started = performance.now();
	const run = spawnSync(process.execPath, [commandPath, file], {encoding: 'utf8', timeout: commandTimeoutMs});
	const milliseconds = Math.round(performance.now() - started);
	const hasStackTrace = /\n\s+at /u.test(run.stderr ?? '');
	const exit = run.error ? 'HUNG' : hasStackTrace ? `${run.status} STACK TRACE` : String(run.status);
	rows.push({file: relative(feedsDirectory, file), format, articles, withText, problems: problems.slice(0, 70), exit, milliseconds});
}

console.log('| file | format | articles | with text | problems | exit | ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
	console.log(`| ${row.file} | ${row.format} | ${row.articles} | ${row.withText} | ${row.problems.replaceAll('|', '\\|')} | ${row.exit} | ${row.milliseconds} |`);
}

const crashed = rows.filter(row => row.exit === 'HUNG' || row.exit.includes('STACK') || row.exit === '1');
console.log(`\n${rows.length} files: ${rows.filter(row => row.articles > 0).length} with articles, ${rows.filter(row => row.problems).length} with problems, ${crashed.length} crashed or hung.`);
process.exit(crashed.length > 0 ? 1 : 0);
