import {chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {Script} from 'node:vm';
import {crc32} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {exitCodes} from '../../source/exit-codes.js';
import {runPiped, startInTerminal} from '../helpers/pty-terminal.js';
import {commandPath, repositoryRoot, runBroadsheetPiped, samplePath, startBroadsheet, singlePaneSize, testEnvironment, useFixtureDirectory} from '../helpers/run-broadsheet.js';
import {fixedRoute, rssFeed, startWebServer} from '../helpers/web-server.js';
import {waitUntil} from '../helpers/wait-until.js';

// The launcher (scripts/launcher.cjs) compiles the bundle with V8's code cache, kept in $XDG_CACHE_HOME/broadsheet.
// Whatever state the cache is in, the command must behave the same: same output, same exit code, nothing on stderr.

const fixtures = useFixtureDirectory();
let cacheHomeCount = 0;

/** A new, empty XDG_CACHE_HOME (created when `create` is set). */
function freshCacheHome(): string {
	cacheHomeCount++;
	return join(fixtures.path, `cache-home-${cacheHomeCount}`);
}

/** The cache files in `cacheHome`, by name. */
function cacheFiles(cacheHome: string): string[] {
	try {
		return readdirSync(join(cacheHome, 'broadsheet')).sort();
	} catch {
		return [];
	}
}

/** The one cache file in `cacheHome`, its path and bytes. */
function onlyCacheFile(cacheHome: string): {path: string; bytes: Buffer} {
	const names = cacheFiles(cacheHome);
	expect(names).toHaveLength(1);
	const path = join(cacheHome, 'broadsheet', names[0]!);
	return {path, bytes: readFileSync(path)};
}

/** What the command prints for the sample with no cache to be had (its directory cannot be made). */
async function listWithoutCache() {
	const blocker = fixtures.write(`not-a-directory-${cacheHomeCount++}`, 'a file where the cache directory would go');
	return runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: blocker}});
}

/** The header the launcher writes before V8's data: magic, flags, padding, CRC-32 and length of the data. */
function cacheFileHolding(data: Buffer, flags = 0): Buffer {
	const header = Buffer.alloc(20);
	header.write('BSCODE01', 0, 'latin1');
	header[8] = flags;
	header.writeUInt32LE(crc32(data), 12);
	header.writeUInt32LE(data.length, 16);
	return Buffer.concat([header, data]);
}

/** Whether `bytes` is a whole cache file, as the launcher writes them: its header matches its data. */
function isWholeCacheFile(bytes: Buffer): boolean {
	const data = bytes.subarray(20);
	return bytes.toString('latin1', 0, 8) === 'BSCODE01' && bytes.readUInt32LE(16) === data.length && bytes.readUInt32LE(12) === crc32(data);
}

describe('the code cache', () => {
	it('is written on the first run and then used as it is, with the same output', async () => {
		const expected = await listWithoutCache();
		expect(expected.exitCode).toBe(exitCodes.success);
		expect(expected.stderr).toBe('');
		const cacheHome = freshCacheHome();
		const first = await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		expect(first).toEqual(expected);
		const written = onlyCacheFile(cacheHome);
		expect(written.path).toMatch(new RegExp(`code-[\\da-f]{16}-${process.version}-${process.arch}$`, 'u'));
		const second = await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		expect(second).toEqual(expected);
		const kept = onlyCacheFile(cacheHome);
		expect(kept.bytes.equals(written.bytes)).toBe(true);
		expect(statSync(kept.path).mtimeMs).toBe(statSync(written.path).mtimeMs);
	});

	it('is taken from ~/.cache/broadsheet when XDG_CACHE_HOME is unset or relative', async () => {
		const home = join(fixtures.path, 'home');
		for (const cacheHome of [undefined, 'relative/cache']) {
			const result = await runBroadsheetPiped(['--list', samplePath], {env: {HOME: home, XDG_CACHE_HOME: cacheHome}});
			expect(result.exitCode).toBe(exitCodes.success);
			expect(cacheFiles(join(home, '.cache'))).toHaveLength(1);
		}
	});

	it('is rewritten, silently, when its data is damaged', async () => {
		const expected = await listWithoutCache();
		const cacheHome = freshCacheHome();
		await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		const {path, bytes} = onlyCacheFile(cacheHome);
		// Damaged inside V8's data, where V8 itself does not look (and would crash), then cut short, then garbage.
		const damaged = Buffer.from(bytes);
		for (let index = 100; index < damaged.length; index += 997) {
			damaged[index] = damaged[index]! ^ 0xFF;
		}

		for (const broken of [damaged, bytes.subarray(0, bytes.length >> 1), Buffer.from('garbage'), Buffer.alloc(0)]) {
			writeFileSync(path, broken);
			const result = await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
			expect(result).toEqual(expected);
			expect(isWholeCacheFile(onlyCacheFile(cacheHome).bytes)).toBe(true);
		}

		// Whole again: used as it is.
		const rewritten = onlyCacheFile(cacheHome).bytes;
		await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		expect(onlyCacheFile(cacheHome).bytes.equals(rewritten)).toBe(true);
		expect(rewritten.length).toBeGreaterThan(bytes.length / 2);
	});

	it('is rewritten when it holds another build\'s code, and other builds\' caches are removed', async () => {
		const expected = await listWithoutCache();
		const cacheHome = freshCacheHome();
		await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		const {path, bytes} = onlyCacheFile(cacheHome);
		// Whole and unaltered, but made for other source code: V8 turns it down.
		const otherCode = new Script('(function () { return "another build"; })').createCachedData();
		writeFileSync(path, cacheFileHolding(otherCode));
		const staleName = `code-0123456789abcdef-${process.version}-${process.arch}`;
		writeFileSync(join(cacheHome, 'broadsheet', staleName), cacheFileHolding(otherCode));
		const result = await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		expect(result).toEqual(expected);
		const rewritten = onlyCacheFile(cacheHome);
		expect(rewritten.path).toBe(path);
		expect(isWholeCacheFile(rewritten.bytes)).toBe(true);
		expect(rewritten.bytes.length).toBeGreaterThan(bytes.length / 2);
	});

	it('is not used when others could have written it, and is then replaced by one only its user can write', async () => {
		const expected = await listWithoutCache();
		const cacheHome = freshCacheHome();
		await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		const {path} = onlyCacheFile(cacheHome);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		// A good cache, but writable by everyone: anyone could have put other code in it, so it is not read (a cache that
		// is read and accepted is left as it is).
		chmodSync(path, 0o666);
		const result = await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		expect(result).toEqual(expected);
		const replaced = onlyCacheFile(cacheHome);
		expect(statSync(replaced.path).mode & 0o777).toBe(0o600);
		expect(isWholeCacheFile(replaced.bytes)).toBe(true);
	});

	it('is left alone when its directory cannot be written or the cache file cannot be read, with exit codes kept', async () => {
		const expected = await listWithoutCache();
		const cacheHome = freshCacheHome();
		mkdirSync(join(cacheHome, 'broadsheet', `code-0123456789abcdef-${process.version}-${process.arch}`), {recursive: true});
		const blocker = fixtures.write('cache-home-file', 'not a directory');
		for (const environment of [{XDG_CACHE_HOME: blocker}, {XDG_CACHE_HOME: cacheHome}]) {
			expect(await runBroadsheetPiped(['--list', samplePath], {env: environment})).toEqual(expected);
			const missing = await runBroadsheetPiped(['--list', 'no-such-file.txt'], {env: environment});
			expect(missing.exitCode).toBe(exitCodes.notFound);
			expect(missing.stderr).toBe('broadsheet: no-such-file.txt: no such file\n');
			const usage = await runBroadsheetPiped(['--no-such-option'], {env: environment});
			expect(usage.exitCode).toBe(exitCodes.usage);
		}

		// A directory where a cache file is expected is neither read nor replaced; the real one is written beside it.
		expect(cacheFiles(cacheHome)).toHaveLength(2);
	});

	it('holds the interface\'s code once the interface has run, and is then left alone', async () => {
		const cacheHome = freshCacheHome();
		await runBroadsheetPiped(['--list', samplePath], {env: {XDG_CACHE_HOME: cacheHome}});
		const listOnly = onlyCacheFile(cacheHome).bytes;
		for (let run = 1; run <= 2; run++) {
			const session = await startBroadsheet([samplePath], singlePaneSize, {env: {XDG_CACHE_HOME: cacheHome}});
			session.press('q');
			await session.exited;
		}

		const withInterface = onlyCacheFile(cacheHome).bytes;
		expect(withInterface.length).toBeGreaterThan(listOnly.length);
		const session = await startBroadsheet([samplePath], singlePaneSize, {env: {XDG_CACHE_HOME: cacheHome}});
		session.press('q');
		await session.exited;
		expect(onlyCacheFile(cacheHome).bytes.equals(withInterface)).toBe(true);
	});

	it('holds the feeds\' code once a run has fetched feeds, though a start on a file made it, and is then left alone', async () => {
		const cacheHome = freshCacheHome();
		const server = await startWebServer({'/feed.xml': fixedRoute(rssFeed('Harbour desk', ['Ferry timetable changes']))});
		// The feed cache is a directory beside the code cache.
		const codeCache = () => {
			const names = cacheFiles(cacheHome).filter(name => name.startsWith('code-'));
			expect(names).toHaveLength(1);
			return readFileSync(join(cacheHome, 'broadsheet', names[0]!));
		};

		try {
			const session = await startBroadsheet([samplePath], singlePaneSize, {env: {XDG_CACHE_HOME: cacheHome}});
			session.press('q');
			await session.exited;
			const withInterface = codeCache();
			const fetchFeed = async () => runBroadsheetPiped(['--list', server.url('/feed.xml')], {env: {XDG_CACHE_HOME: cacheHome, HTTP_PROXY: undefined, http_proxy: undefined, ALL_PROXY: undefined, all_proxy: undefined}});
			expect((await fetchFeed()).stdout).toBe('Ferry timetable changes\n');
			const withFeeds = codeCache();
			expect(isWholeCacheFile(withFeeds)).toBe(true);
			expect(withFeeds.length).toBeGreaterThan(withInterface.length);
			// Still marked as holding the interface's code: a start on the interface leaves it as it is.
			expect(withFeeds[8]).toBe(withInterface[8]! | 2);
			await fetchFeed();
			const again = await startBroadsheet([samplePath], singlePaneSize, {env: {XDG_CACHE_HOME: cacheHome}});
			again.press('q');
			await again.exited;
			expect(codeCache().equals(withFeeds)).toBe(true);
		} finally {
			await server.close();
		}
	});
});

describe('the built command', () => {
	it('runs with node alone, its launcher and bundle copied where there is no package.json and no node_modules', async () => {
		const directory = join(fixtures.path, 'copied');
		mkdirSync(directory);
		copyFileSync(commandPath, join(directory, 'broadsheet.js'));
		copyFileSync(join(dirname(commandPath), 'bundle.js'), join(directory, 'bundle.js'));
		const expected = await listWithoutCache();
		const result = await runPiped(process.execPath, [join(directory, 'broadsheet.js'), '--list', join(repositoryRoot, samplePath)], {
			cwd: directory,
			env: {XDG_CACHE_HOME: freshCacheHome()},
		});
		expect(result).toEqual(expected);
	});

	it('says in one line what is missing when the launcher is copied without its bundle', async () => {
		const directory = join(fixtures.path, 'launcher-alone');
		mkdirSync(directory);
		copyFileSync(commandPath, join(directory, 'broadsheet.js'));
		const result = await runPiped(process.execPath, [join(directory, 'broadsheet.js'), '--list', join(repositoryRoot, samplePath)], {
			cwd: directory,
			env: {XDG_CACHE_HOME: freshCacheHome()},
		});
		expect(result.exitCode).toBe(exitCodes.brokenInstall);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`broadsheet: cannot read ${join(directory, 'bundle.js')} (ENOENT): copy the whole dist/ directory, not dist/broadsheet.js alone\n`);
	});
});

describe('Node\'s own modules', () => {
	// The launcher sets a V8 flag (the heap's growth), and V8 takes the compiled code Node carries for its own modules
	// only under the flags it was made with: loaded plainly after it, Node's fetch took 40 ms to load rather than 17.
	const recorder = join(repositoryRoot, 'test', 'helpers', 'builtin-cache-recorder.cjs');
	const builtinsCompiled = async (args: readonly string[], name: string) => {
		const recordPath = join(fixtures.path, `${name}-builtins.json`);
		// Node refuses --expose-internals in NODE_OPTIONS: the command is started by node itself here.
		const result = await runPiped(process.execPath, ['--expose-internals', '--require', recorder, commandPath, ...args], {
			cwd: repositoryRoot,
			env: {...testEnvironment, XDG_CACHE_HOME: freshCacheHome(), HTTP_PROXY: undefined, http_proxy: undefined, ALL_PROXY: undefined, all_proxy: undefined, BROADSHEET_BUILTIN_CACHE_RECORD: recordPath},
		});
		expect(result.exitCode).toBe(0);
		return JSON.parse(readFileSync(recordPath, 'utf8')) as {withCache: string[]; withoutCache: string[]};
	};

	it('load with the compiled code Node carries for them, though the launcher changes a V8 flag: Node\'s fetch too', async () => {
		const server = await startWebServer({'/feed.xml': fixedRoute(rssFeed('Harbour desk', ['Ferry timetable changes']))});
		try {
			const {withCache, withoutCache} = await builtinsCompiled(['--list', server.url('/feed.xml')], 'url');
			expect(withCache).toEqual(expect.arrayContaining(['internal/deps/undici/undici', 'fs/promises', 'net', 'zlib']));
			expect(withoutCache.filter(name => /undici|^(?:fs\/promises|net|tty|zlib|crypto|http)$/u.test(name))).toEqual([]);
		} finally {
			await server.close();
		}
	});

	it('load with it in the word index worker too, which a big file starts (issue 16)', async () => {
		// Big enough (32 MiB) to keep its articles' text in the file, which is what the worker indexes as it is parsed.
		const paragraph = 'The ferry timetable changes on Monday, and the harbour office has the new one. '.repeat(12);
		const big = fixtures.write('harbour.txt', Array.from({length: 40_000}, (_, index) => `Ferry notice ${index}\n\n${paragraph}\n`).join('---\n'));
		expect(statSync(big).size).toBeGreaterThan(32 * 1024 * 1024);
		const recordPath = join(fixtures.path, 'worker-builtins.json');
		const workerRecordPath = `${recordPath}.worker`;
		const terminal = await startInTerminal(process.execPath, ['--expose-internals', '--require', recorder, commandPath, big], {
			...singlePaneSize,
			cwd: repositoryRoot,
			env: {...testEnvironment, XDG_CACHE_HOME: freshCacheHome(), BROADSHEET_BUILTIN_CACHE_RECORD: recordPath},
		});
		try {
			await waitUntil(() => statSync(workerRecordPath, {throwIfNoEntry: false}) !== undefined, 20_000);
			const {withCache, withoutCache} = JSON.parse(readFileSync(workerRecordPath, 'utf8')) as {withCache: string[]; withoutCache: string[]};
			// Before, every one of them was compiled afresh: about 20 ms more of the worker's start.
			expect(withCache).toEqual(expect.arrayContaining(['internal/worker/io', 'worker_threads']));
			expect(withoutCache).toEqual([]);
		} finally {
			terminal.dispose();
		}
	});
});
