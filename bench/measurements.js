/**
 * The measurements, each taken from outside the program: what a terminal receives, and when.
 */
import {spawnSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {keySequences, programExited, startSession, timedOut} from './pty-session.js';

/** A burst of output ends when nothing more arrives for this long. */
export const burstQuietMs = 30;

// ESC[2J clears the screen, ESC[3J the scrollback; Ink writes them together, which counts as one clear.
const fullClearPattern = /\u001B\[2J(?:\u001B\[3J)?|\u001B\[3J/gu;
const articleCountPattern = / ([\d,]+) articles?\b/u;

/** How many full-screen clears `text` holds. */
export function countFullClears(text) {
	return text.match(fullClearPattern)?.length ?? 0;
}

/** Whether the screen shows a frame: the status line with its article count, and a first headline row under the list title. */
function showsFirstFrame(screenText) {
	const lines = screenText.split('\n');
	const titleRow = lines.findIndex(line => line.includes('Headlines'));
	return articleCountPattern.test(screenText) && titleRow !== -1 && (lines[titleRow + 1] ?? '').trim() !== '';
}

// While a big input is still being parsed after the first frame, the status line says how far it has got.
const loadingPattern = / loading \d+%/u;

/** Whether the screen shows a frame with every article in: the status line no longer says `loading N%`. */
function showsAllLoaded(screenText) {
	return showsFirstFrame(screenText) && !loadingPattern.test(screenText);
}

/** The article count the status line shows, or undefined. */
function articleCountOnScreen(screenText) {
	const digits = articleCountPattern.exec(screenText)?.[1];
	return digits === undefined ? undefined : Number(digits.replaceAll(',', ''));
}

/**
 * Starts Broadsheet on `filePath` and waits for its first frame, then for every article to be in (a big input is
 * still parsed after the first frame).
 * Resolves with `{milliseconds, loadedMilliseconds, session, articleCount}`; either time is `timedOut` or
 * `programExited` when that frame never came. The caller disposes of the session.
 */
export async function startAndMeasureFirstFrame({commandPath, filePath, columnCount, rowCount, timeoutMs}) {
	const session = startSession(process.execPath, [commandPath, filePath], {columnCount, rowCount});
	const frameTime = await session.waitForScreen(showsFirstFrame, timeoutMs);
	if (typeof frameTime !== 'number') {
		return {milliseconds: frameTime, loadedMilliseconds: frameTime, session};
	}

	const loadedTime = await session.waitForScreen(showsAllLoaded, timeoutMs);
	return {
		milliseconds: frameTime - session.startTime,
		loadedMilliseconds: typeof loadedTime === 'number' ? loadedTime - session.startTime : loadedTime,
		session,
		articleCount: articleCountOnScreen(session.screenText()),
	};
}

/**
 * The outcome of one series of measured keystrokes.
 * @typedef {object} KeystrokeSeries
 * @property {number[]} latenciesMs key write to last byte of the burst it caused
 * @property {number[]} byteCounts bytes of each burst
 * @property {'complete' | 'timeout' | 'budget' | 'exited'} outcome how the series ended: every keystroke measured,
 *   a keystroke got no (complete) answer in time, the series ran out of time, or the program ended
 * @property {number} keystrokeTimeoutMs how long one keystroke could take before the series ended as 'timeout'
 */

/**
 * Presses the keys `nextKey()` returns, one at a time, each after the previous burst ended, measuring those it
 * marks `isMeasured`, until `sampleCount` are measured. A keystroke unanswered within `keystrokeTimeoutMs` ends
 * the series as 'timeout'; running past `budgetMs` ends it as 'budget' with the samples so far.
 */
async function pressSeries(session, {nextKey, sampleCount, keystrokeTimeoutMs, budgetMs, quietMs = burstQuietMs}) {
	const series = {latenciesMs: [], byteCounts: [], outcome: 'complete', keystrokeTimeoutMs};
	const deadline = performance.now() + budgetMs;
	while (series.latenciesMs.length < sampleCount) {
		if (performance.now() > deadline) {
			series.outcome = 'budget';
			break;
		}

		const {keys, isMeasured} = nextKey();
		const burst = await session.pressAndCollectBurst(keys, {quietMs, timeoutMs: keystrokeTimeoutMs});
		if (burst === timedOut) {
			series.outcome = 'timeout';
			break;
		}

		if (burst === programExited) {
			series.outcome = 'exited';
			break;
		}

		if (isMeasured) {
			series.latenciesMs.push(burst.latencyMs);
			series.byteCounts.push(burst.byteCount);
		}
	}

	return series;
}

/**
 * Down inside the viewport: from the top, Down as far as the visible rows allow, then Home (not measured) and
 * again. `visibleRowCount` is how many headline rows the list shows at most; a burst ends after `quietMs` of silence.
 */
export function measureDown(session, {sampleCount, visibleRowCount, articleCount, keystrokeTimeoutMs, budgetMs, quietMs = burstQuietMs}) {
	const stepsPerRound = Math.min(visibleRowCount - 1, articleCount - 1);
	let position = 0;
	return pressSeries(session, {
		sampleCount: stepsPerRound > 0 ? sampleCount : 0,
		keystrokeTimeoutMs,
		budgetMs,
		quietMs,
		nextKey() {
			if (position === stepsPerRound) {
				position = 0;
				return {keys: keySequences.home, isMeasured: false};
			}

			position++;
			return {keys: keySequences.down, isMeasured: true};
		},
	});
}

/**
 * How long after the article pane's rest delay the output stays quiet before a "Down, then rest" burst counts as
 * ended: long enough to take in the article the pane draws once the selection rests.
 */
export const restQuietMs = 250;

/**
 * Down, then nothing: a single press that the article pane follows once the selection rests. Each sample is the
 * whole answer (the list rows, then the article beside them): key write to its last byte, and all its bytes.
 * From the top, Down as far as the visible rows allow, then Home (not measured) and again.
 */
export async function measureDownThenRest(session, options) {
	// From the top, at rest; Home at the top may rightly draw nothing, so this is not a measured burst.
	session.write(keySequences.home);
	await session.waitForQuiet(restQuietMs, options.keystrokeTimeoutMs);
	return measureDown(session, {...options, quietMs: restQuietMs});
}

/**
 * A held Down key: `keyCount` Downs written `intervalMs` apart (a key's auto-repeat), starting at the top, then
 * released. Each sample is how long after the last Down the list title shows its final position: a program that
 * queues keys keeps drawing old positions long after the release. Also gives the bytes written per Down while
 * the key is held. Home (not measured) and a pause between samples.
 */
export async function measureHeldDown(session, {sampleCount, keyCount, intervalMs, articleCount, keystrokeTimeoutMs}) {
	const series = {latenciesMs: [], byteCounts: [], outcome: 'complete', keystrokeTimeoutMs};
	const downCount = Math.min(keyCount, articleCount - 1);
	if (downCount < 1) {
		return series;
	}

	const positionPattern = new RegExp(`Headlines\\b.* ${(downCount + 1).toLocaleString('en-US')}/`, 'u');
	for (let sample = 0; sample < sampleCount; sample++) {
		session.write(keySequences.home);
		if (!(await session.waitForQuiet(restQuietMs, keystrokeTimeoutMs))) {
			series.outcome = 'timeout';
			break;
		}

		const firstChunk = session.chunks.length;
		let releaseTime = 0;
		for (let press = 0; press < downCount; press++) {
			if (press > 0) {
				await new Promise(resolve => {
					setTimeout(resolve, intervalMs);
				});
			}

			session.write(keySequences.down);
			releaseTime = performance.now();
		}

		const shownTime = await session.waitForScreen(screen => positionPattern.test(screen.split('\n')[0] ?? ''), keystrokeTimeoutMs);
		if (typeof shownTime !== 'number') {
			series.outcome = shownTime === timedOut ? 'timeout' : 'exited';
			break;
		}

		series.latenciesMs.push(Math.max(0, shownTime - releaseTime));
		const heldBytes = session.chunks.slice(firstChunk).filter(chunk => chunk.time <= releaseTime).reduce((sum, chunk) => sum + chunk.byteCount, 0);
		series.byteCounts.push(heldBytes / Math.max(1, downCount - 1));
	}

	return series;
}

/**
 * PgDn: consecutive pages when the list is long enough for every press to move a page, otherwise PgDn from the
 * top each time (Home between, not measured). Starts with Home.
 */
export async function measurePageDown(session, {sampleCount, visibleRowCount, articleCount, keystrokeTimeoutMs, budgetMs}) {
	const hasRoomForEveryPage = articleCount > (sampleCount + 1) * (visibleRowCount + 5);
	const burst = await session.pressAndCollectBurst(keySequences.home, {quietMs: burstQuietMs, timeoutMs: keystrokeTimeoutMs});
	// Home at the top may rightly draw nothing; only a program that died matters here.
	if (burst === programExited) {
		return {latenciesMs: [], byteCounts: [], outcome: 'exited', keystrokeTimeoutMs};
	}

	let isAtTop = true;
	return pressSeries(session, {
		sampleCount,
		keystrokeTimeoutMs,
		budgetMs,
		nextKey() {
			if (!hasRoomForEveryPage && !isAtTop) {
				isAtTop = true;
				return {keys: keySequences.home, isMeasured: false};
			}

			isAtTop = false;
			return {keys: keySequences.pageDown, isMeasured: true};
		},
	});
}

/**
 * Typing a filter query: `/` (not measured), then `query` one letter at a time (each measured), then Ctrl-U
 * (not measured) and the query again, until `sampleCount` letters are measured. Leaves the filter line open.
 */
export function measureFilterTyping(session, {sampleCount, query, keystrokeTimeoutMs, budgetMs}) {
	let isFilterOpen = false;
	let letterIndex = 0;
	return pressSeries(session, {
		sampleCount,
		keystrokeTimeoutMs,
		budgetMs,
		nextKey() {
			if (!isFilterOpen) {
				isFilterOpen = true;
				return {keys: keySequences.filterStart, isMeasured: false};
			}

			if (letterIndex === query.length) {
				letterIndex = 0;
				return {keys: keySequences.filterEraseAll, isMeasured: false};
			}

			return {keys: query[letterIndex++], isMeasured: true};
		},
	});
}

/** A query that matches nothing in any corpus: its answer, `no matches`, can only come from a built word index. */
const searchIndexProbe = 'zzyzx';

/**
 * Opens the filter line, types a query that matches nothing, and waits until the filter line says so: the word index
 * (built once every article is in) then answers searches. Erases the query and closes the filter line (Esc).
 * Resolves with milliseconds since the program started, or `timedOut`.
 */
export async function waitForSearchIndex(session, timeoutMs, articleCount) {
	session.write(keySequences.filterStart);
	session.write(searchIndexProbe);
	// Of every article: while a big file loads, the filter already answers for the articles in so far.
	const allMatched = articleCount === undefined ? /\bno matches of [\d,]+/u : new RegExp(`\\bno matches of ${articleCount.toLocaleString('en-US')}\\b`, 'u');
	const readyTime = await session.waitForScreen(screenText => allMatched.test(screenText), timeoutMs);
	session.write(keySequences.filterEraseAll);
	session.write(keySequences.escape);
	await session.waitForQuiet(100, timeoutMs);
	return typeof readyTime === 'number' ? readyTime - session.startTime : readyTime;
}

/** Quits with Ctrl-C (it quits in every mode), waits up to `timeoutMs` for the exit, then makes sure the process is gone. */
export async function quitSession(session, timeoutMs) {
	session.write('\u0003');
	await session.waitForExit(timeoutMs);
	session.dispose();
}

/**
 * Bare `node -e 0` spawned the same way as Broadsheet (in a pty of the same size): milliseconds from spawn to
 * exit, or `timedOut`.
 */
export async function measureBareNodeStartup({columnCount, rowCount, timeoutMs}) {
	const session = startSession(process.execPath, ['-e', '0'], {columnCount, rowCount});
	try {
		const exit = await session.waitForExit(timeoutMs);
		return exit === timedOut ? timedOut : exit.time - session.startTime;
	} finally {
		session.dispose();
	}
}

/** Whether fzf is on the PATH. */
export function isFzfInstalled() {
	return spawnSync('sh', ['-c', 'command -v fzf'], {stdio: 'ignore'}).status === 0;
}

/**
 * The headlines Broadsheet finds in `filePath`, one a line, as it prints them when its output is a pipe; or
 * undefined when that fails or takes longer than `timeoutMs`.
 */
export function headlinesOf({commandPath, filePath, timeoutMs}) {
	const result = spawnSync(process.execPath, [commandPath, filePath], {timeout: timeoutMs, maxBuffer: 1024 * 1024 * 1024});
	return result.status === 0 ? result.stdout : undefined;
}

/** `fzf --filter query` over `headlines` (a buffer, one a line): milliseconds from spawn to exit, or `timedOut`. */
export function measureFzfFilter({headlines, query, timeoutMs}) {
	const startTime = performance.now();
	const result = spawnSync('fzf', ['--filter', query], {input: headlines, timeout: timeoutMs, maxBuffer: 1024 * 1024 * 1024});
	const milliseconds = performance.now() - startTime;
	// fzf exits with 1 when nothing matches, which is still a finished run.
	return result.error || (result.status !== 0 && result.status !== 1) ? timedOut : milliseconds;
}
