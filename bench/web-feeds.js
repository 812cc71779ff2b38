/**
 * `npm run bench:web`: the web part of the suite alone (bench/web-measurements.js), as one markdown table. The same
 * figures come in `npm run bench` and `node bench/run.js --corpus web`, with their targets checked.
 * Usage: node bench/web-feeds.js [--quick]
 */
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {disposeAllSessions} from './pty-session.js';
import {formatMilliseconds} from './statistics.js';
import {measureWebFeeds} from './web-measurements.js';

const projectDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repeatCount = process.argv.includes('--quick') ? 3 : 7;
const cell = (result, pick) => (result.failure ? result.failure : `${formatMilliseconds(pick(result).median)} ms`);

try {
	const web = await measureWebFeeds({
		commandPath: join(projectDirectory, 'dist', 'broadsheet.js'),
		samplePath: join(projectDirectory, 'samples', 'taipei-times.txt'),
		repeatCount,
		progress: message => process.stderr.write(`bench: ${message}\n`),
	});
	console.log([
		`| case (median of ${repeatCount}) | first frame after start | all 50 in |`,
		'| --- | --- | --- |',
		`| for comparison: the sample file | ${web.sample.count > 0 ? `${formatMilliseconds(web.sample.median)} ms` : 'timeout'} | |`,
		`| 50 feeds, first fetch | ${cell(web.firstFetch, result => result.firstFrame)} (target ≤ 300 ms) | ${cell(web.firstFetch, result => result.allIn)} (target ≤ 1500 ms) |`,
		`| 50 feeds, again (304s) | ${cell(web.again, result => result.firstFrame)} | ${cell(web.again, result => result.allIn)} |`,
	].join('\n'));
} finally {
	disposeAllSessions();
}

process.exit(0);
