#!/usr/bin/env node
// Broadsheet's command (dist/broadsheet.js): this launcher, which runs the bundle beside it (dist/bundle.js, made by
// scripts/build.js). The launcher compiles the bundle with V8's code cache, kept in $XDG_CACHE_HOME/broadsheet
// (~/.cache/broadsheet): compiling a megabyte of JavaScript on every start is most of what a start costs beyond node's
// own. Node 20 has no compile cache of its own (module.enableCompileCache is Node 22), and vm.Script caches only
// scripts, so the bundle is a script (CommonJS) rather than an ES module. The cache is only ever a speed-up: any failure
// to read, check or write it is silent, and the bundle runs the same without it.
// The bundle is a file of its own rather than a comment at the end of this one: node reads the file it runs as UTF-8,
// and decoding a megabyte so, only for the launcher to read it again, cost about 10 ms a start.
'use strict';
const {closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, unlinkSync, writeFileSync} = require('node:fs');
const {homedir} = require('node:os');
const {isBuiltin} = require('node:module');
const {isAbsolute, join} = require('node:path');
const {pathToFileURL} = require('node:url');
const {setFlagsFromString} = require('node:v8');
const {Script} = require('node:vm');
const {crc32} = require('node:zlib');

/** Set by scripts/build.js: a hash of the bundle, so that each build has its own cache file. */
const bundleHash = '@@BUNDLE_HASH@@';
/** The bundle's file, beside this one. */
const bundleName = 'bundle.js';
/** The exit code when the bundle is not there (source/exit-codes.ts: `brokenInstall`). */
const brokenInstallExitCode = 14;
/** A cache file: this magic (8 bytes), a flags byte (see cacheParts), three zero bytes, the CRC-32 and the length of V8's data, the data. */
const cacheMagic = 'BSCODE01';
const cacheHeaderLength = 20;
/**
 * The parts of the program a run may use beyond reading its inputs, each with the flag that says a cache holds its
 * compiled code (a run that used it made the cache), and the process event by which the bundle says a run uses it.
 * V8's cache holds only the functions compiled before it was made: a cache made by a start on a file lacked the
 * feeds' code (fetching, the XML reader), and every start on URLs compiled it again (about 30 ms).
 */
const cacheParts = [
	// The interface.
	{flag: 1, event: 'broadsheet:interface-started'},
	// Feeds fetched from the web.
	{flag: 2, event: 'broadsheet:feeds-fetched'},
];

/**
 * $XDG_CACHE_HOME/broadsheet, else ~/.cache/broadsheet (the XDG specification says to ignore a relative path); none
 * when there is no home to be found.
 */
function cacheDirectory() {
	try {
		const cacheHome = process.env.XDG_CACHE_HOME;
		return join(cacheHome && isAbsolute(cacheHome) ? cacheHome : join(process.env.HOME || homedir(), '.cache'), 'broadsheet');
	} catch {
		return undefined;
	}
}

/** Reads `length` bytes of an open file into the start of `buffer`. */
function readWhole(descriptor, buffer, length) {
	let offset = 0;
	while (offset < length) {
		const count = readSync(descriptor, buffer, offset, length - offset, null);
		if (count === 0) {
			throw new Error('the file ended early');
		}

		offset += count;
	}
}

/**
 * The cache file for this bundle on this node, opened, if only this user could have written it: V8 runs what the
 * data says, so a cache directory shared with others (XDG_CACHE_HOME=/tmp) must not let them choose the code.
 */
function openCache(cachePath) {
	let descriptor;
	try {
		descriptor = openSync(cachePath, 'r');
		const {uid, mode, size} = fstatSync(descriptor);
		if ((process.getuid === undefined || uid === process.getuid()) && (mode & 0o022) === 0) {
			const file = {descriptor, size};
			descriptor = undefined;
			return file;
		}
	} catch {}

	closeQuietly(descriptor);
	return undefined;
}

/**
 * The cached data in an opened cache file, if the file is whole and unaltered; read into `buffer` when it fits there.
 * Closes the file.
 */
function readCache({descriptor, size}, buffer) {
	try {
		const file = size <= buffer.length ? buffer.subarray(0, size) : Buffer.allocUnsafe(size);
		readWhole(descriptor, file, size);
		if (file.length < cacheHeaderLength || file.toString('latin1', 0, 8) !== cacheMagic) {
			return undefined;
		}

		const data = file.subarray(cacheHeaderLength);
		// V8 checks that the data belongs to this source and this V8, but not that it is intact: damaged data can crash it.
		if (data.length !== file.readUInt32LE(16) || crc32(data) !== file.readUInt32LE(12)) {
			return undefined;
		}

		return {data, flags: file[8]};
	} catch {
		return undefined;
	} finally {
		closeQuietly(descriptor);
	}
}

function closeQuietly(descriptor) {
	if (descriptor !== undefined) {
		try {
			closeSync(descriptor);
		} catch {}
	}
}

/** Writes the cache (atomically: a temporary file renamed over it) and removes other builds' caches. Never throws. */
function writeCache(directory, cacheName, script, flags) {
	let temporaryPath;
	let descriptor;
	try {
		mkdirSync(directory, {recursive: true, mode: 0o700});
		// Opened before V8 serialises anything, so that a directory that cannot be written costs next to nothing; never
		// through a file or link that is already there.
		const temporaryName = join(directory, `.${cacheName}.${process.pid}.tmp`);
		descriptor = openSync(temporaryName, 'wx', 0o600);
		temporaryPath = temporaryName;
		// V8 records the flags in the data, and a start compiles under the run's flags: a hold of node's starting flags
		// still in force (a worker quit as it started, see holdStartingFlags) must not make a cache that start refuses.
		setFlagsFromString(runFlags);
		const data = script.createCachedData();
		const header = Buffer.alloc(cacheHeaderLength);
		header.write(cacheMagic, 0, 'latin1');
		header[8] = flags;
		header.writeUInt32LE(crc32(data), 12);
		header.writeUInt32LE(data.length, 16);
		writeFileSync(descriptor, header);
		writeFileSync(descriptor, data);
		closeSync(descriptor);
		descriptor = undefined;
		renameSync(temporaryPath, join(directory, cacheName));
		temporaryPath = undefined;
		for (const name of readdirSync(directory)) {
			if (name.startsWith('code-') && name !== cacheName) {
				unlinkSync(join(directory, name));
			}
		}
	} catch {
		// A cache that cannot be written is no cache; the next start compiles again.
	} finally {
		try {
			if (descriptor !== undefined) {
				closeSync(descriptor);
			}

			if (temporaryPath !== undefined) {
				unlinkSync(temporaryPath);
			}
		} catch {}
	}
}

/**
 * The V8 flags the bundle runs under, set before it is compiled (V8's code cache records them):
 * - The heap's growth. V8 lets the heap grow to up to four times what was live at the last full collection before
 *   collecting again. Loading and indexing a big file make garbage fast, and the heap then swells far beyond what is
 *   live: a growth of half keeps the peak near what is needed, at the cost of a few more collections (each a few
 *   milliseconds).
 * - Collections in this thread alone: young ones (V8 shares each out among threads of its own) and the marking of full
 *   ones (V8 marks on threads of its own meanwhile). On a machine of two cores those threads took the core from the
 *   word index worker while this thread, which waits for the worker, had time to spare: a 100,000-article file was
 *   searchable 50 to 100 ms later for each. V8 still marks a little at a time, between the thread's own work.
 * - Regular expressions compiled to machine code at their first run (tier-up after 0 runs of the interpreter). By
 *   default V8 compiles one to bytecode first, and again to machine code when it runs a second time: a start compiles
 *   most of its expressions twice, and the parsers' and meow's classes of Unicode letters (\p{Lu}) are costly to
 *   compile. The sample's first frame came 2 ms sooner. Not --no-regexp-tier-up, which does the same: putting it back
 *   for Node's own code (see holdStartingFlags) while expressions ran crashed V8.
 */
const runFlags = '--heap-growing-percent=50 --no-parallel-scavenge --no-concurrent-marking --regexp-tier-up-ticks=0';
/** V8's defaults for the same flags: the flags node started with. */
const startingFlags = '--heap-growing-percent=0 --parallel-scavenge --concurrent-marking --regexp-tier-up-ticks=1';

/** How many holds of node's starting flags are in force (see holdStartingFlags). */
let startingFlagHoldCount = 0;

/**
 * Puts back the V8 flags node started with until the function it returns is called. Node's own modules come with their
 * compiled code, which V8 takes only under the flags it was made with: with the run's flags set, every built-in module
 * loaded afterwards was compiled afresh (Node's fetch, undici: about 40 ms rather than 17; the modules a start loads,
 * 14 ms more; a worker thread's own start, 40 ms rather than 20). Holds may overlap: the run's flags are set again when
 * the last ends.
 */
function holdStartingFlags() {
	if (startingFlagHoldCount++ === 0) {
		setFlagsFromString(startingFlags);
	}

	let isReleased = false;
	return () => {
		if (!isReleased) {
			isReleased = true;
			if (--startingFlagHoldCount === 0) {
				setFlagsFromString(runFlags);
			}
		}
	};
}

/** Runs `load` under the V8 flags node started with (see holdStartingFlags), and returns what it returns. */
function withStartingFlags(load) {
	const release = holdStartingFlags();
	try {
		return load();
	} finally {
		release();
	}
}

/** The built-in modules loaded through {@link requireForBundle}; a second `require` of one only looks it up. */
const loadedBuiltins = new Set();

/** `require` as the bundle gets it: a built-in module is loaded under node's own flags (see withStartingFlags). */
function requireForBundle(id) {
	if (loadedBuiltins.has(id) || !isBuiltin(id)) {
		return require(id);
	}

	const loaded = withStartingFlags(() => require(id));
	loadedBuiltins.add(id);
	return loaded;
}

function launch() {
	// Node makes process.stdout and process.stderr when they are first asked for, loading modules of its own (tty, net):
	// made before the flag is set, they load with Node's compiled code (see withStartingFlags). Every start uses both.
	void process.stdout;
	void process.stderr;
	// Set before the bundle is compiled, since V8's code cache records the flags.
	setFlagsFromString(runFlags);
	const bundlePath = join(__dirname, bundleName);
	const directory = cacheDirectory();
	const cacheName = `code-${bundleHash}-${process.version}-${process.arch}`;
	const canCache = directory !== undefined && typeof crc32 === 'function';
	const cacheFile = canCache ? openCache(join(directory, cacheName)) : undefined;
	let source;
	// One buffer holds the bundle's bytes until they are a string, then the cache's: every page of memory a start
	// touches for the first time costs it (about 3 ms a megabyte on a virtual machine's start).
	let buffer;
	let descriptor;
	try {
		descriptor = openSync(bundlePath, 'r');
		const {size} = fstatSync(descriptor);
		buffer = Buffer.allocUnsafe(Math.max(size, cacheFile?.size ?? 0));
		readWhole(descriptor, buffer, size);
		// Plain ASCII (scripts/build.js makes it so): one byte a character, nothing to decode. The file holds the bundle
		// already wrapped in the function the launcher calls.
		source = buffer.toString('latin1', 0, size);
	} catch (error) {
		closeQuietly(cacheFile?.descriptor);
		process.stderr.write(`broadsheet: cannot read ${bundlePath} (${error.code ?? error.message}): copy the whole dist/ directory, not dist/broadsheet.js alone\n`);
		process.exitCode = brokenInstallExitCode;
		return;
	} finally {
		closeQuietly(descriptor);
	}

	const cache = cacheFile === undefined ? undefined : readCache(cacheFile, buffer);
	const script = new Script(source, {
		// Stack traces name the bundle's file and its own line numbers.
		filename: bundlePath,
		cachedData: cache?.data,
	});
	/** The flags of the parts this run used. */
	let usedFlags = 0;
	for (const {flag, event} of cacheParts) {
		process.once(event, () => {
			usedFlags |= flag;
		});
	}

	// At exit the cache holds everything this run compiled, with what the cache it started from held: it is written
	// again when this run used a part whose code the cache lacked (and so, once a part has run, is then left alone).
	process.once('exit', () => {
		const isCurrent = cache !== undefined && script.cachedDataRejected !== true;
		const isWanted = !isCurrent || (usedFlags & ~cache.flags) !== 0;
		if (isWanted && canCache) {
			writeCache(directory, cacheName, script, usedFlags | (isCurrent ? cache.flags : 0));
		}
	});
	// The bundle's import.meta: its address (meow wants it), and ways to load more of Node's own code (Node's fetch, a
	// worker thread) as built-in modules are loaded.
	script.runInThisContext()(exports, requireForBundle, module, __filename, __dirname, {url: pathToFileURL(__filename).href, withStartingFlags, holdStartingFlags});
}

launch();
