import {type FSWatcher, statSync, unwatchFile, watch, watchFile} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';

/** How to watch: how long to wait for quiet after a change, and how often to poll where watching fails. */
export type WatchOptions = {
	/** Changes closer together than this make one call (an editor's save is often several events). */
	readonly debounceMs?: number;
	/** The longest a change waits for quiet: a file that changes all the time (a log) is still reloaded this often. */
	readonly maximumWaitMs?: number;
	/** How often to look at a file when the system cannot watch it (some network and container file systems). */
	readonly pollIntervalMs?: number;
};

/** Stops watching. */
export type StopWatching = () => void;

/**
 * Calls `onChange` once things are quiet after any of `paths` changes (or after `maximumWaitMs`, 2 s, of changes
 * that never pause): a file written, replaced (editors save by
 * writing a new file and renaming it over the old one), removed or created again, or a file added to or removed
 * from a directory. A file is watched through its directory, so that a replaced file is still followed; where the
 * system cannot watch (fs.watch throws or fails later), the path is polled with fs.watchFile instead.
 */
export function watchFiles(paths: readonly string[], onChange: () => void, options: WatchOptions = {}): StopWatching {
	const debounceMs = options.debounceMs ?? 150;
	const maximumWaitMs = options.maximumWaitMs ?? 2000;
	const pollIntervalMs = options.pollIntervalMs ?? 1000;
	let timer: NodeJS.Timeout | undefined;
	/** When the first change not yet reported came. */
	let firstUnreportedAt: number | undefined;
	let isStopped = false;
	const watchers: FSWatcher[] = [];
	const polled: string[] = [];

	const changed = () => {
		if (isStopped) {
			return;
		}

		const now = Date.now();
		firstUnreportedAt ??= now;
		clearTimeout(timer);
		// Wait for quiet, but never past the maximum wait since the first change: a file written every 100 ms would
		// otherwise never be quiet, and never reloaded.
		const delayMs = Math.max(0, Math.min(debounceMs, firstUnreportedAt + maximumWaitMs - now));
		timer = setTimeout(() => {
			firstUnreportedAt = undefined;
			onChange();
		}, delayMs);
	};

	const poll = (path: string) => {
		if (!polled.includes(path)) {
			polled.push(path);
			watchFile(path, {interval: pollIntervalMs, persistent: false}, (current, previous) => {
				if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) {
					changed();
				}
			});
		}
	};

	/** The names each watched directory cares about; undefined: every name (a directory the user gave). */
	const namesOfDirectory = new Map<string, Set<string> | undefined>();
	for (const path of paths) {
		const absolute = resolve(path);
		let isDirectory = false;
		try {
			isDirectory = statSync(absolute).isDirectory();
		} catch {
			// Missing for now (being replaced?): watch its directory for it to come back.
		}

		if (isDirectory) {
			namesOfDirectory.set(absolute, undefined);
		} else {
			const directory = dirname(absolute);
			const names = namesOfDirectory.has(directory) ? namesOfDirectory.get(directory) : new Set<string>();
			names?.add(basename(absolute));
			namesOfDirectory.set(directory, names);
		}
	}

	for (const [directory, names] of namesOfDirectory) {
		const fallBack = () => {
			for (const name of names ?? ['']) {
				poll(resolve(directory, name));
			}
		};

		try {
			const watcher = watch(directory, {persistent: false, recursive: names === undefined}, (_event, fileName) => {
				if (names === undefined || fileName === null || names.has(basename(fileName.toString()))) {
					changed();
				}
			});
			watcher.on('error', () => {
				watcher.close();
				fallBack();
			});
			watchers.push(watcher);
		} catch {
			fallBack();
		}
	}

	return () => {
		isStopped = true;
		clearTimeout(timer);
		for (const watcher of watchers) {
			watcher.close();
		}

		for (const path of polled) {
			unwatchFile(path);
		}
	};
}

/** Changes to the paths watched, from when watching began (see watchChanges). */
export type FileChanges = {
	/**
	 * Calls `onChange` at each change from now on, and at once when one came before anyone listened; returns the way
	 * to stop listening (the paths stay watched).
	 */
	listen(onChange: () => void): () => void;
};

/**
 * Watches `paths` from now on, for the rest of the process, keeping a change that comes before anyone listens until
 * someone does. The command line starts watching before it reads the files, and the interface listens once it has
 * loaded: a file changed in between (after its first frame, drawn before the interface loads) is still reloaded.
 */
export function watchChanges(paths: readonly string[], options: WatchOptions = {}): FileChanges {
	let listener: (() => void) | undefined;
	let isPending = false;
	watchFiles(paths, () => {
		if (listener) {
			listener();
		} else {
			isPending = true;
		}
	}, options);
	return {
		listen(onChange) {
			listener = onChange;
			if (isPending) {
				isPending = false;
				onChange();
			}

			return () => {
				if (listener === onChange) {
					listener = undefined;
				}
			};
		},
	};
}
