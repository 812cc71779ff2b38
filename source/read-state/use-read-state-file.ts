import process from 'node:process';
import {useCallback, useEffect, useRef} from 'react';
import type {ReadMarks} from './marks.js';
import type {ReadStateStore} from './store.js';

/** How long after the last change the marks are saved: a burst of `u` presses costs one write. */
export const saveDelayMs = 500;

/**
 * Saves the read marks to `store` a moment after they change, and once more when the app unmounts or the process
 * exits (q, SIGTERM, SIGHUP: every way out but SIGKILL, which the atomic write makes harmless). A save that fails
 * reports its warning to `onWarning`; the session goes on. Without a store (`--no-state`), nothing is saved.
 */
export function useReadStateFile(store: ReadStateStore | undefined, readMarks: ReadMarks, onWarning: (message: string) => void): void {
	// The marks at start came from the file: only later ones need saving.
	const savedMarks = useRef(readMarks);
	const latestMarks = useRef(readMarks);
	latestMarks.current = readMarks;
	const onWarningRef = useRef(onWarning);
	onWarningRef.current = onWarning;

	const saveNow = useCallback(() => {
		const marks = latestMarks.current;
		if (!store || marks === savedMarks.current) {
			return;
		}

		savedMarks.current = marks;
		const warning = store.save(marks, Date.now());
		if (warning) {
			onWarningRef.current(warning);
		}
	}, [store]);

	useEffect(() => {
		if (!store || readMarks === savedMarks.current) {
			return undefined;
		}

		const timer = setTimeout(saveNow, saveDelayMs);
		return () => {
			clearTimeout(timer);
		};
	}, [store, readMarks, saveNow]);

	useEffect(() => {
		if (!store) {
			return undefined;
		}

		process.on('exit', saveNow);
		return () => {
			process.off('exit', saveNow);
			saveNow();
		};
	}, [store, saveNow]);
}
