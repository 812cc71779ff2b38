import {readdir, stat, unlink} from '../file-promises.js';
import {join} from 'node:path';

/**
 * Removes the files of `directory` ending in `extension` that were used longest ago (by modification time, which a
 * read refreshes) until those left hold at most `maximumByteCount`. The feed cache and the full-story cache share it.
 */
export async function evictLeastRecent(directory: string, extension: string, maximumByteCount: number): Promise<void> {
	const names = (await readdir(directory)).filter(name => name.endsWith(extension));
	const entries = (await Promise.all(names.map(async name => {
		try {
			const info = await stat(join(directory, name));
			return {name, byteCount: info.size, time: info.mtimeMs};
		} catch {
			return undefined;
		}
	}))).filter(entry => entry !== undefined);
	let total = entries.reduce((sum, entry) => sum + entry.byteCount, 0);
	entries.sort((left, right) => left.time - right.time);
	for (const entry of entries) {
		if (total <= maximumByteCount) {
			break;
		}

		// eslint-disable-next-line no-await-in-loop -- one removal at a time, stopping as soon as the rest fit
		await unlink(join(directory, entry.name)).catch(() => {});
		total -= entry.byteCount;
	}
}
