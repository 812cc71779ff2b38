import process from 'node:process';
import {useCallback, useEffect, useRef} from 'react';
import type {Action} from '../state/actions.js';
import {foldedMarks, type ReadMarks} from '../read-state/marks.js';
import type {ReadStateStore} from '../read-state/store.js';
import type {SaveReadMarksEffect} from '../state/state.js';

/** How long after the last change the marks are saved: a burst of `u` presses costs one write. */
export const saveDelayMs = 500;
/** How long after a save that found the state locked by another instance it is tried again. */
const retryDelayMs = 3000;
/** How many saved changes make it worth folding them into the saved marks (see foldedMarks). */
const foldChangeCount = 1000;

/** The article selected in a set of inputs (see read-state/places.ts), by its key. */
export type SelectedPlace = {readonly inputSetKey: string; readonly articleKey: string};

/**
 * Saves the read marks a `save-read-marks` effect brings to `store` a moment later (a burst of changes costs one
 * write), and once more when the app unmounts or the process exits (q, SIGTERM, SIGHUP: every way out but SIGKILL,
 * which the atomic write makes harmless), with the article selected (`place`), which the next session on the same
 * inputs opens at. `initialMarks` are those the session started with, from the file. A save that fails dispatches its
 * warning; the session goes on. Without a store (`--no-state`), nothing is saved. Answers how to run the effect.
 */
export function useReadStateFile(
	store: ReadStateStore | undefined,
	initialMarks: ReadMarks,
	dispatch: (action: Action) => void,
	place?: SelectedPlace,
): (request: SaveReadMarksEffect) => void {
	// The marks at start came from the file: only later ones need saving. So did the place.
	const savedMarks = useRef(initialMarks);
	const latestMarks = useRef(initialMarks);
	const saveTimer = useRef<NodeJS.Timeout | undefined>(undefined);
	const retryTimer = useRef<NodeJS.Timeout | undefined>(undefined);
	const savedPlace = useRef(place && store?.placeOf(place.inputSetKey));
	const latestPlace = useRef(place);
	latestPlace.current = place;

	const saveNow = useCallback(() => {
		const marks = latestMarks.current;
		const currentPlace = latestPlace.current;
		const isPlaceChanged = currentPlace !== undefined && currentPlace.articleKey !== savedPlace.current;
		if (!store || (marks === savedMarks.current && !isPlaceChanged)) {
			return;
		}

		const {isSaved, shouldRetry, warning} = store.save(marks.changed, Date.now(), isPlaceChanged ? currentPlace : undefined);
		if (warning) {
			dispatch({type: 'warning-raised', message: warning});
		}

		// Changes another instance's lock kept out stay unsaved: the next save (a timer, another change, or the exit)
		// tries them again. Any other failure would only fail again.
		if (shouldRetry) {
			retryTimer.current ??= setTimeout(() => {
				retryTimer.current = undefined;
				saveNow();
			}, retryDelayMs).unref();
			return;
		}

		savedMarks.current = marks;
		if (isSaved && isPlaceChanged) {
			savedPlace.current = currentPlace.articleKey;
		}

		if (isSaved && marks.changed.size >= foldChangeCount) {
			const folded = foldedMarks(marks);
			savedMarks.current = folded;
			// The state takes the folded marks unless they changed meanwhile (see the read-marks-saved action).
			if (latestMarks.current === marks) {
				latestMarks.current = folded;
			}

			dispatch({type: 'read-marks-saved', marks, folded});
		}
	}, [store, dispatch]);

	useEffect(() => {
		if (!store) {
			return undefined;
		}

		process.on('exit', saveNow);
		return () => {
			process.off('exit', saveNow);
			clearTimeout(saveTimer.current);
			saveTimer.current = undefined;
			clearTimeout(retryTimer.current);
			retryTimer.current = undefined;
			saveNow();
		};
	}, [store, saveNow]);

	return useCallback(
		({marks}: SaveReadMarksEffect) => {
			if (!store) {
				return;
			}

			latestMarks.current = marks;
			clearTimeout(saveTimer.current);
			saveTimer.current = setTimeout(() => {
				saveTimer.current = undefined;
				saveNow();
			}, saveDelayMs);
		},
		[store, saveNow],
	);
}
