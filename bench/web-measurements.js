/**
 * Feeds from the web (issue 15): 50 RSS feeds served on 127.0.0.1, each answering after its own delay (10 to 100 ms,
 * as real servers differ), opened at once in a real pseudo terminal. Measures the first frame after start (it should
 * come with the first feed to answer, not the slowest), the time until all 50 are in and the peak RSS; the same with
 * every feed answering 304 from the cache; and the sample file's first frame beside them, since a loaded machine slows
 * every figure. Every wait has a limit: a run that exceeds it is a `timeout`, never a hung suite.
 */
import {spawnSync} from 'node:child_process';
import {createServer} from 'node:http';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {quitSession} from './measurements.js';
import {programExited, startSession, timedOut} from './pty-session.js';
import {summarise} from './statistics.js';

const feedCount = 50;
const itemsPerFeed = 20;

/** A feed of `itemsPerFeed` stories, a few paragraphs each. */
function feed(index) {
	const items = Array.from({length: itemsPerFeed}, (_, item) => `<item><title>Feed ${index} story ${item}</title><link>https://example.invalid/${index}/${item}</link><guid>f${index}-${item}</guid><pubDate>Mon, 01 Dec 2025 ${String(item % 24).padStart(2, '0')}:00:00 GMT</pubDate><description>${'&lt;p&gt;The council met on Tuesday and agreed the budget after a long debate.&lt;/p&gt;'.repeat(4)}</description></item>`).join('');
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${index}</title><link>https://example.invalid/${index}/</link>${items}</channel></rss>`;
}

/** A spread of delays, the same every run: the first feed answers in 10 ms, the slowest in 100 ms. */
const delayOf = index => 10 + ((index * 37) % feedCount) * (90 / (feedCount - 1));

/** Serves the 50 feeds (with ETags, so that a second fetch is a 304); resolves with its origin and a way to stop it. */
async function startFeedServer() {
	const bodies = Array.from({length: feedCount}, (_, index) => feed(index));
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
	return {
		origin: `http://127.0.0.1:${server.address().port}`,
		close() {
			server.closeAllConnections?.();
			server.close();
		},
	};
}

// The separator is `·`, or `-` where the locale is not UTF-8.
const firstFramePattern = / 50 feeds [·-] [\d,]+ articles?/u;
const allInPattern = new RegExp(` 50 feeds [·-] ${feedCount * itemsPerFeed} articles`, 'u');
const failureOf = value => (value === timedOut ? 'timeout' : value === programExited ? 'exited' : undefined);

/** How long a warm-up start may take to quit. */
const quitTimeoutMs = 3000;

/**
 * One start on `urls`: first frame and all in, from spawn, and the peak RSS once all are in; or why not. With
 * `shouldQuit`, the start then quits as a user's would (the code cache is written at exit: see scripts/launcher.cjs);
 * else it is killed.
 */
async function measureOnce(commandPath, urls, timeoutMs, {shouldQuit = false} = {}) {
	const session = startSession(process.execPath, [commandPath, ...urls], {columnCount: 120, rowCount: 40});
	try {
		const first = await session.waitForScreen(screen => firstFramePattern.test(screen), timeoutMs);
		if (typeof first !== 'number') {
			return {failure: failureOf(first)};
		}

		const all = await session.waitForScreen(screen => allInPattern.test(screen.replaceAll(',', '')) && !screen.includes('fetching'), timeoutMs);
		if (typeof all !== 'number') {
			return {failure: failureOf(all)};
		}

		const result = {firstFrameMs: first - session.startTime, allInMs: all - session.startTime, peakResidentBytes: session.peakResidentBytes()};
		if (shouldQuit) {
			await quitSession(session, quitTimeoutMs);
		}

		return result;
	} finally {
		await session.end(quitTimeoutMs);
	}
}

/** The summaries of one case's runs, or the failure that ended them. */
function caseResult(samples, failure) {
	return {
		failure,
		firstFrame: summarise(samples.map(sample => sample.firstFrameMs)),
		allIn: summarise(samples.map(sample => sample.allInMs)),
		peakResidentBytes: Math.max(0, ...samples.map(sample => sample.peakResidentBytes ?? 0)) || undefined,
	};
}

/**
 * Measures the 50 feeds, `repeatCount` starts a case: a first fetch (each run's addresses are new to the cache) and
 * again (all 304s). Resolves with `{sample, firstFetch, again}`; a case that failed has `failure` ('timeout',
 * 'exited') and the runs it had.
 */
export async function measureWebFeeds({commandPath, samplePath, repeatCount, timeoutMs = 20_000, progress = () => {}}) {
	const server = await startFeedServer();
	try {
		/** The feeds' addresses for one run: a run of its own fetches afresh (the cache has none of them). */
		const urlsOf = run => Array.from({length: feedCount}, (_, index) => `${server.origin}/feed-${index}.xml?run=${run}`);
		// A user's first start writes the code cache as it quits (scripts/launcher.cjs), and a first start on URLs adds
		// the feeds' code to it: each is done once, and quits, so that the runs measured start as a user's next would.
		// (Killed, as the measured runs are, a start writes no cache: every start then compiled what it ran.)
		const warmUp = startSession(process.execPath, [commandPath, samplePath], {columnCount: 120, rowCount: 40});
		if (typeof await warmUp.waitForScreen(screen => / [\d,]+ articles/u.test(screen), timeoutMs) === 'number') {
			await quitSession(warmUp, quitTimeoutMs);
		}

		warmUp.dispose();
		const sampleTimes = [];
		for (let run = 0; run < repeatCount; run++) {
			const session = startSession(process.execPath, [commandPath, samplePath], {columnCount: 120, rowCount: 40});
			const first = await session.waitForScreen(screen => / [\d,]+ articles/u.test(screen), timeoutMs);
			await session.end(quitTimeoutMs);
			if (typeof first === 'number') {
				sampleTimes.push(first - session.startTime);
			}
		}

		await measureOnce(commandPath, urlsOf('warm-up'), timeoutMs, {shouldQuit: true});
		const cases = {};
		for (const kind of ['firstFetch', 'again']) {
			progress(`web: 50 feeds, ${kind === 'firstFetch' ? 'first fetch' : 'again (304s)'}, ${repeatCount} runs`);
			const samples = [];
			let failure;
			for (let run = 0; run < repeatCount && failure === undefined; run++) {
				const urls = urlsOf(`${kind}-${run}-${performance.now()}`);
				if (kind === 'again') {
					const filled = await measureOnce(commandPath, urls, timeoutMs);
					if (filled.failure) {
						failure = filled.failure;
						break;
					}
				}

				const result = await measureOnce(commandPath, urls, timeoutMs);
				if (result.failure) {
					failure = result.failure;
				} else {
					samples.push(result);
				}
			}

			cases[kind] = caseResult(samples, failure);
		}

		return {sample: summarise(sampleTimes), ...cases};
	} finally {
		server.close();
	}
}

/**
 * Reading a 200 KB publisher's page as one article (bench/page-extraction.ts, run with tsx in a process of its own):
 * `{pageCount, kilobytes, median, p95, cpuMedian, firstMs}` in milliseconds, or `{failure}`.
 */
export function measurePageExtraction({projectDirectory, timeoutMs = 120_000}) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectDirectory, 'bench', 'page-extraction.ts'), '--json'], {cwd: projectDirectory, encoding: 'utf8', timeout: timeoutMs});
	if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM') {
		return {failure: 'timeout'};
	}

	if (result.status !== 0) {
		return {failure: `failed (${(result.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${result.status}`})`};
	}

	try {
		return JSON.parse(result.stdout.trim().split('\n').at(-1));
	} catch {
		return {failure: 'no result'};
	}
}
