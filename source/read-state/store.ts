import {closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import {broadsheetDirectory} from '../xdg-directories.js';
import {type MarkMap, mergeMarks, parseStateFile, prunedMarks, stateFileText} from './marks.js';
import {mergePlaces, type PlaceMap, prunedPlaces} from './places.js';

/** The state file's name inside {@link stateDirectory}. */
export const stateFileName = 'read-state.json';

/** Where Broadsheet keeps state: `$XDG_STATE_HOME/broadsheet`, else `~/.local/state/broadsheet`. */
export function stateDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	return broadsheetDirectory('state', environment);
}

/** The read-state file: loads the marks at start, and saves them, merged with what other instances saved. */
export type ReadStateStore = {
	readonly filePath: string;
	/** The marks saved so far (none when the file is missing, corrupt or unreadable: that costs a warning). */
	load(now: number): MarkMap;
	/**
	 * The article last selected in the set of inputs `inputSetKey` (see places.ts), by its key, as the file held it at
	 * load; undefined when none was.
	 */
	placeOf(inputSetKey: string): string | undefined;
	/**
	 * Saves `changes` (the marks changed since the file was loaded), and `place` (the article selected in a set of
	 * inputs) when given: under a lock, reads the file again, merges it with them (the latest change to each mark and
	 * each place wins), prunes to the limits and replaces the file atomically. Never throws; answers whether the file
	 * now holds the changes, and a warning the first time a problem shows.
	 */
	save(changes: MarkMap, now: number, place?: {readonly inputSetKey: string; readonly articleKey: string}): SaveResult;
	/** Every distinct warning so far, in order, to print on exit. */
	readonly warnings: readonly string[];
};

/**
 * What a save did: whether the changes are in the file now, whether it should be tried again later (another
 * instance held the lock all the while), and a warning not given before, if any.
 */
export type SaveResult = {readonly isSaved: boolean; readonly shouldRetry?: boolean; readonly warning?: string};

/** How long a save waits for another instance's lock; then it saves nothing, and is tried again later. */
const lockWaitMs = 2000;
/**
 * A lock whose writer is still alive is never taken over, however old (the writer may be slow, or stopped with
 * Ctrl-Z): writing without the lock would lose what it writes. Only past this age is its process id taken for one
 * that a new process has reused.
 */
const reusedPidLockMs = 60 * 60 * 1000;
/** A lock without a process id, older than this, was left by a writer killed as it wrote the lock. */
const emptyLockMs = 1000;

const errorWords: Readonly<Record<string, string>> = {
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'read-only file system',
	ENOSPC: 'no space left on the device',
	EDQUOT: 'disk quota exceeded',
	ENOTDIR: 'a part of the path is not a directory',
	EISDIR: 'it is a directory',
};

const errorText = (error: unknown) => {
	const code = (error as NodeJS.ErrnoException).code;
	return code ? `${errorWords[code] ?? 'failed'} (${code})` : (error as Error).message;
};

/** Blocks for `ms` milliseconds: saves are synchronous so that they also run on the way out of the process. */
function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether process `pid` is gone. */
function isProcessGone(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

/** Whether the lock at `lockPath` was left by a writer that died. */
function isStaleLock(lockPath: string): boolean {
	try {
		const ageMs = Date.now() - statSync(lockPath).mtimeMs;
		const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
		// An empty lock is one being written this instant, or left by a writer killed in that instant.
		return Number.isInteger(pid) && pid > 0 ? isProcessGone(pid) || ageMs > reusedPidLockMs : ageMs > emptyLockMs;
	} catch {
		return false; // Gone already: try again.
	}
}

/**
 * Takes the lock, waiting for another writer to finish: `true` once it has it, `busy` when another live writer held it
 * all the while, or the error that kept it from making the lock (a directory it cannot write).
 */
function acquireLock(lockPath: string): true | 'busy' | Error {
	const deadline = Date.now() + lockWaitMs;
	for (;;) {
		try {
			const descriptor = openSync(lockPath, 'wx', 0o600);
			writeFileSync(descriptor, String(process.pid));
			closeSync(descriptor);
			return true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				return error as Error;
			}
		}

		if (isStaleLock(lockPath)) {
			try {
				unlinkSync(lockPath);
			} catch {}

			continue;
		}

		if (Date.now() > deadline) {
			return 'busy';
		}

		sleepSync(5);
	}
}

/** Writes `text` to `filePath` so that the file is always whole: a temporary file, flushed to disk, renamed over it. */
function writeAtomically(directory: string, filePath: string, text: string): void {
	// A name nobody can guess, created only if it does not exist (O_EXCL): a file or symlink planted under the name
	// fails the save instead of being written through. The global Web Crypto is loaded when first used, here, rather
	// than with node:crypto's sixteen modules at start-up.
	const randomPart = Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex');
	const temporaryPath = `${filePath}.${process.pid}.${randomPart}.tmp`;
	try {
		const descriptor = openSync(temporaryPath, 'wx', 0o600);
		try {
			writeFileSync(descriptor, text);
			fsyncSync(descriptor);
		} finally {
			closeSync(descriptor);
		}

		renameSync(temporaryPath, filePath);
	} catch (error) {
		try {
			unlinkSync(temporaryPath);
		} catch {}

		throw error;
	}

	// So that the rename itself survives a power cut; not every file system allows it.
	try {
		const directoryDescriptor = openSync(directory, 'r');
		try {
			fsyncSync(directoryDescriptor);
		} finally {
			closeSync(directoryDescriptor);
		}
	} catch {}
}

/** Removes temporary files left by writers killed mid-save. Runs under the lock. */
function removeAbandonedFiles(directory: string): void {
	const pattern = new RegExp(`^${stateFileName.replaceAll('.', '\\.')}\\.(\\d+)(?:\\.[\\da-f]+)?\\.tmp$`, 'u');
	try {
		for (const name of readdirSync(directory)) {
			const pid = Number(pattern.exec(name)?.[1]);
			if (pid && pid !== process.pid && isProcessGone(pid)) {
				unlinkSync(join(directory, name));
			}
		}
	} catch {}
}

/**
 * Why the state directory must not be written, if it must not: writable by other users (its group, or everyone), who
 * could plant files and links in it. The code cache refuses such a directory too (scripts/launcher.cjs).
 */
function unsafeDirectoryProblem(directory: string): string | undefined {
	try {
		const {mode} = statSync(directory);
		if ((mode & 0o022) !== 0) {
			return `the read state directory ${directory} is writable by other users; read marks are not saved (chmod go-w it)`;
		}
	} catch {}

	return undefined;
}

/** A timestamp for a file name: `20261128T163745Z`. */
const fileTimestamp = (now: number) => new Date(now).toISOString().replaceAll(/[-:]|\.\d+/gu, '');

/** The store for the state file in `directory` (see {@link stateDirectory}). Nothing touches the disk until load or save. */
export function openReadStateStore(directory: string): ReadStateStore {
	const filePath = join(directory, stateFileName);
	const lockPath = `${filePath}.lock`;
	const warnings: string[] = [];
	/** Set when the file is from a newer Broadsheet: it is neither read nor overwritten. */
	let isDisabled = false;
	/** What this store last wrote, and the file's identity then: while the file is the same, it need not be read. */
	let lastWritten: {marks: MarkMap; places: PlaceMap; identity: string} | undefined;
	/** The places the file held at load. */
	let loadedPlaces: PlaceMap = new Map();
	const identityOf = (path: string) => {
		const {ino, size, mtimeMs, ctimeMs} = statSync(path);
		return `${ino}:${size}:${mtimeMs}:${ctimeMs}`;
	};

	const warn = (message: string): string | undefined => {
		if (warnings.includes(message)) {
			return undefined;
		}

		warnings.push(message);
		return message;
	};

	const failed = (message: string): SaveResult => {
		const warning = warn(message);
		return warning ? {isSaved: false, warning} : {isSaved: false};
	};

	/** What the file holds now; a corrupt file is moved aside. Undefined when the file must not be overwritten. */
	const readCurrent = (now: number): {marks: MarkMap; places: PlaceMap; warning?: string} | {warning: string | undefined} => {
		let text: string;
		try {
			// Each save replaces the file with a new one, so an unchanged identity means nobody else has saved since.
			if (lastWritten && identityOf(filePath) === lastWritten.identity) {
				return {marks: lastWritten.marks, places: lastWritten.places};
			}

			text = readFileSync(filePath, 'utf8');
		} catch (error) {
			// No file yet; a directory in the way is reported by the save that cannot make the directory.
			const {code} = error as NodeJS.ErrnoException;
			return code === 'ENOENT' || code === 'ENOTDIR'
				? {marks: new Map(), places: new Map()}
				: {warning: warn(`cannot read the read state ${filePath}: ${errorText(error)}`)};
		}

		const parsed = parseStateFile(text);
		if (parsed.kind === 'marks') {
			return {marks: parsed.marks, places: parsed.places ?? new Map()};
		}

		if (parsed.kind === 'newer') {
			isDisabled = true;
			return {warning: warn(`${filePath} is from a newer Broadsheet (version ${parsed.version}); read marks are not kept this time`)};
		}

		const asidePath = `${filePath}.corrupt-${fileTimestamp(now)}`;
		try {
			renameSync(filePath, asidePath);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
				return {marks: new Map(), places: new Map()}; // Another instance moved it aside this instant, and said so.
			}

			return {warning: warn(`the read state ${filePath} is corrupt (${parsed.reason}) and cannot be moved aside: ${errorText(error)}`)};
		}

		return {marks: new Map(), places: new Map(), warning: warn(`the read state was corrupt (${parsed.reason}); kept it as ${asidePath} and started afresh`)};
	};

	return {
		filePath,
		warnings,
		load(now) {
			const current = readCurrent(now);
			loadedPlaces = 'places' in current ? current.places : new Map();
			return 'marks' in current ? current.marks : new Map();
		},
		placeOf(inputSetKey) {
			return loadedPlaces.get(inputSetKey)?.articleKey;
		},
		save(changes, now, place) {
			if (isDisabled) {
				return {isSaved: false};
			}

			try {
				mkdirSync(directory, {recursive: true, mode: 0o700});
			} catch (error) {
				return failed(`cannot save the read state in ${directory}: ${errorText(error)}`);
			}

			const directoryProblem = unsafeDirectoryProblem(directory);
			if (directoryProblem) {
				isDisabled = true;
				return failed(directoryProblem);
			}

			const lock = acquireLock(lockPath);
			if (lock instanceof Error) {
				return failed(`cannot save the read state ${filePath}: ${errorText(lock)}`);
			}

			if (lock === 'busy') {
				// Never without the lock: another instance's save would be lost. The changes wait for the next save.
				const warning = warn(`another Broadsheet is saving the read state (${lockPath}); read marks will be saved later`);
				return {isSaved: false, shouldRetry: true, ...(warning ? {warning} : {})};
			}

			try {
				removeAbandonedFiles(directory);

				const current = readCurrent(now);
				if (!('marks' in current)) {
					return {isSaved: false, ...(current.warning ? {warning: current.warning} : {})};
				}

				const marks = prunedMarks(mergeMarks(current.marks, changes), now);
				const places = place ? prunedPlaces(mergePlaces(current.places, new Map([[place.inputSetKey, {articleKey: place.articleKey, changedAt: now}]]))) : current.places;
				writeAtomically(directory, filePath, stateFileText(marks, places));
				lastWritten = {marks, places, identity: identityOf(filePath)};
				return {isSaved: true, ...(current.warning ? {warning: current.warning} : {})};
			} catch (error) {
				return failed(`cannot save the read state ${filePath}: ${errorText(error)}`);
			} finally {
				try {
					unlinkSync(lockPath);
				} catch {}
			}
		},
	};
}
