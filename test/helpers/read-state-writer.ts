/**
 * A separate process that saves read marks, for the store tests (bundled by them with esbuild and run with node).
 *
 *   node writer.js DIRECTORY NAME COUNT
 *
 * Saves COUNT times (forever when COUNT is 0), each save adding one mark, `NAME-1`, `NAME-2`, …, and no other: a mark
 * survives only if the save merges with what the file holds. Prints `saved NAME-N` after each save. Some bulk makes
 * each write take a while, so that a kill lands mid-write.
 */
import process from 'node:process';
import type {ArticleMark} from '../../source/read-state/marks.js';
import {openReadStateStore} from '../../source/read-state/store.js';

const [directory = '', name = 'writer', countText = '0'] = process.argv.slice(2);
const count = Number(countText);
const store = openReadStateStore(directory);
const bulk = new Map<string, ArticleMark>(Array.from({length: 3000}, (_, index) => [`bulk/${index}`, {read: {isOn: true, changedAt: Date.now()}}]));

for (let index = 1; count === 0 || index <= count; index++) {
	const key = `${name}-${index}`;
	bulk.set(key, {read: {isOn: true, changedAt: Date.now()}});
	// A save that finds the lock held too long (a loaded machine) says to retry, as the interface does later: no mark
	// is lost by it, so the writer tries again; any other warning ends it.
	let result = store.save(bulk, Date.now());
	for (let attempt = 0; attempt < 20 && !result.isSaved && result.shouldRetry; attempt++) {
		result = store.save(bulk, Date.now());
	}

	bulk.delete(key);
	if (!result.isSaved || result.warning) {
		process.stderr.write(`${result.warning ?? `${key} was not saved`}\n`);
		process.exit(1);
	}

	process.stdout.write(`saved ${key}\n`);
}
