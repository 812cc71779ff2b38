/**
 * Feeds from the web: 50 RSS feeds served on 127.0.0.1, each answering after its own delay (10 to 100 ms, as real
 * servers differ), opened at once in a real pseudo terminal. Measures the first frame after start (it should come
 * with the first feed to answer, not the slowest) and the time until all 50 are in; and the same with every feed
 * answering 304 from the cache. Prints one markdown table. Usage: node bench/web-feeds.js [--quick]
 */
import {createServer} from 'node:http';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {disposeAllSessions, startSession} from './pty-session.js';
import {formatMilliseconds, summarise} from './statistics.js';

const projectDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const commandPath = join(projectDirectory, 'dist', 'broadsheet.js');
const feedCount = 50;
const itemsPerFeed = 20;
const repeatCount = process.argv.includes('--quick') ? 3 : 7;
const targets = {firstFrameMs: 300, allInMs: 1500};

/** A feed of `itemsPerFeed` stories, a few paragraphs each. */
function feed(index) {
	const items = Array.from({length: itemsPerFeed}, (_, item) => `<item><title>Feed ${index} story ${item}</title><link>https://example.invalid/${index}/${item}</link><guid>f${index}-${item}</guid><pubDate>Mon, 01 Dec 2025 ${String(item % 24).padStart(2, '0')}:00:00 GMT</pubDate><description>${'&lt;p&gt;The council met on Tuesday and agreed the budget after a long debate.&lt;/p&gt;'.repeat(4)}</description></item>`).join('');
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${index}</title><link>https://example.invalid/${index}/</link>${items}</channel></rss>`;
}

const bodies = Array.from({length: feedCount}, (_, index) => feed(index));
/** A spread of delays, the same every run: the first feed answers in 10 ms, the slowest in 100 ms. */
const delayOf = index => 10 + ((index * 37) % feedCount) * (90 / (feedCount - 1));

const server = createServer((request, response) => {
	const index = Number(/^\/feed-(\d+)\.xml(?:\?|$)/u.exec(request.url ?? '')?.[1]);
	if (!Number.isInteger(index) || index >= feedCount) {
		response.writeHead(404).end();
		return;
	}

	setTimeout(() => {
		const etag = `"v${index}"`;
		if (request.headers['if-none-match'] === etag) {
			response.writeHead(304, {etag}).end();
			return;
		}

		response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8', etag}).end(bodies[index]);
	}, delayOf(index));
});
await new Promise(resolve => {
	server.listen(0, '127.0.0.1', resolve);
});
const origin = `http://127.0.0.1:${server.address().port}`;
/** The feeds' addresses for one run: a run of its own fetches afresh (the cache has none of them). */
const urlsOf = run => Array.from({length: feedCount}, (_, index) => `${origin}/feed-${index}.xml?run=${run}`);

// The separator is `·`, or `-` where the locale is not UTF-8.
const firstFramePattern = / 50 feeds [·-] [\d,]+ articles?/u;
const allInPattern = new RegExp(` 50 feeds [·-] ${feedCount * itemsPerFeed} articles`, 'u');

async function measure(urls) {
	const session = startSession(process.execPath, [commandPath, ...urls], {columnCount: 120, rowCount: 40});
	const first = await session.waitForScreen(screen => firstFramePattern.test(screen), 20_000);
	const all = await session.waitForScreen(screen => allInPattern.test(screen.replaceAll(',', '')) && !screen.includes('fetching'), 20_000);
	const screen = session.screenText();
	session.dispose();
	if (typeof first !== 'number' || typeof all !== 'number') {
		throw new TypeError(`the feeds did not all come in 20 s; the screen:\n${screen}`);
	}

	return {firstFrameMs: first - session.startTime, allInMs: all - session.startTime};
}

const rows = [];
{
	// What the same machine gives now for a file, since a loaded machine slows every figure.
	const samples = [];
	for (let run = 0; run < repeatCount; run++) {
		const session = startSession(process.execPath, [commandPath, join(projectDirectory, 'samples', 'taipei-times.txt')], {columnCount: 120, rowCount: 40});
		const first = await session.waitForScreen(screen => / \d+ articles/u.test(screen), 20_000);
		session.dispose();
		samples.push(first - session.startTime);
	}

	rows.push(`| for comparison: the sample file | ${formatMilliseconds(summarise(samples).median)} ms | |`);
}

// A first start writes the code cache (see scripts/launcher.cjs); the runs measured start as a user's second would.
await measure(urlsOf('warm-up'));
for (const kind of ['first fetch', 'again (304s)']) {
	const samples = [];
	for (let run = 0; run < repeatCount; run++) {
		const urls = urlsOf(`${kind === 'first fetch' ? 'fresh' : 'again'}-${run}`);
		if (kind !== 'first fetch') {
			await measure(urls);
		}

		samples.push(await measure(urls));
	}

	const first = summarise(samples.map(sample => sample.firstFrameMs));
	const all = summarise(samples.map(sample => sample.allInMs));
	rows.push(`| 50 feeds, ${kind} | ${formatMilliseconds(first.median)} ms (target ≤ ${targets.firstFrameMs} ms) | ${formatMilliseconds(all.median)} ms (target ≤ ${targets.allInMs} ms) |`);
}

disposeAllSessions();
server.close();
console.log(['| case (median of ' + repeatCount + ') | first frame after start | all 50 in |', '| --- | --- | --- |', ...rows].join('\n'));
process.exit(0);
