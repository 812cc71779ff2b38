import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {repositoryRoot, samplePath, splitSize, startBroadsheet, useFixtureDirectory, waitForFile} from '../helpers/run-broadsheet.js';

// What the first frame costs beyond node's own start, counted rather than timed (timings belong to npm run bench):
// the built-in modules loaded before it, and the Intl objects made (the first loads ICU's data, ~18 ms). Each module
// named here was once loaded at every start for a feature that may never be used.
const fixtures = useFixtureDirectory();
const recorder = join(repositoryRoot, 'test', 'helpers', 'start-up-recorder.cjs');

type StartUpRecord = {builtins: string[]; intlObjects: string[]};

async function recordFirstFrame(inputPath: string, name: string): Promise<StartUpRecord> {
	const recordPath = join(fixtures.path, `${name}.json`);
	await startBroadsheet([inputPath], splitSize, {env: {NODE_OPTIONS: `--require ${recorder}`, BROADSHEET_START_UP_RECORD: recordPath}});
	return JSON.parse(await waitForFile(recordPath, {hasText: true})) as StartUpRecord;
}

const datedFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Harbour Gazette</title>
<item><title>Ferry timetable changes for the winter</title><pubDate>Sat, 28 Nov 2026 14:05:00 GMT</pubDate>
<description>The harbour board publishes a new timetable, with two fewer crossings on weekdays.</description></item>
<item><title>Lighthouse keeper retires after forty years</title><pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate>
<description>A small ceremony on the pier marks the end of an era for the town.</description></item>
</channel></rss>
`;

describe('the first frame loads only what it shows', () => {
	it.each([
		['the sample', () => samplePath],
		['a dated feed (the article header shows its date)', () => fixtures.write('dated.xml', datedFeed)],
	])('%s: no Intl object, no crypto, no child processes', async (name, inputPath) => {
		const record = await recordFirstFrame(inputPath(), name.split(' ')[1]!);
		expect(record.intlObjects).toEqual([]);
		expect(record.builtins.filter(module => /crypto|child_process/u.test(module))).toEqual([]);
		// The recorder saw the start: the interface's own modules are there.
		expect(record.builtins).toContain('tty');
	});
});
