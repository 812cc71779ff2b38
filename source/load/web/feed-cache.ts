import {createHash} from 'node:crypto';
import {mkdir, open, readFile, rename, stat, unlink, utimes} from '../file-promises.js';
import {join} from 'node:path';
import {evictLeastRecent} from './cache-eviction.js';
import type {Validators} from './fetch-url.js';

/*
The feed cache: one file per address fetched, named after a hash of the address, holding a line of JSON (where the
body came from, its validators, its charset, when it was fetched) and then the body's bytes as they came. Files are
written to a temporary name and renamed into place, so that a reader never sees half of one, and the oldest are removed
once all of them hold more than the cache's limit.
*/

/** A copy of a feed as fetched. */
export type CachedFeed = {
	/** The address asked for. */
	readonly url: string;
	/** The address the body came from, after redirects. */
	readonly finalUrl: string;
	readonly charset?: string;
	readonly validators: Validators;
	/** When it was fetched, or last found current (a 304), in ms since the epoch. */
	readonly fetchedAt: number;
	readonly bytes: Buffer;
};

/** How much all cached feeds may hold together before the oldest go. */
export const defaultCacheByteCount = 200 * 1024 * 1024;

function entryName(url: string): string {
	return `${createHash('sha256').update(url).digest('hex').slice(0, 40)}.feed`;
}

/** The cached copy of `url`, if there is a whole one; a damaged entry is no entry, nor one in a directory others can write. */
export async function readCachedFeed(directory: string, url: string): Promise<CachedFeed | undefined> {
	let content: Buffer;
	try {
		// A directory other users can write is not read from: anyone could have planted a copy in it.
		const info = await stat(directory);
		if ((info.mode & 0o022) !== 0 || (process.getuid !== undefined && info.uid !== process.getuid())) {
			return undefined;
		}

		content = await readFile(join(directory, entryName(url)));
	} catch {
		return undefined;
	}

	const lineEnd = content.indexOf(0x0a);
	if (lineEnd === -1) {
		return undefined;
	}

	try {
		const header = JSON.parse(content.toString('utf8', 0, lineEnd)) as Partial<Omit<CachedFeed, 'bytes'>>;
		if (header.url !== url || typeof header.finalUrl !== 'string' || typeof header.fetchedAt !== 'number') {
			return undefined;
		}

		const validators = header.validators ?? {};
		return {
			url,
			finalUrl: header.finalUrl,
			...(typeof header.charset === 'string' ? {charset: header.charset} : {}),
			validators: {
				...(typeof validators.etag === 'string' ? {etag: validators.etag} : {}),
				...(typeof validators.lastModified === 'string' ? {lastModified: validators.lastModified} : {}),
			},
			fetchedAt: header.fetchedAt,
			bytes: content.subarray(lineEnd + 1),
		};
	} catch {
		return undefined;
	}
}

let temporaryCount = 0;
let hasEvicted = false;
/** The directories made (or found) this session: 50 feeds arriving need one mkdir, not 50. */
const madeDirectories = new Set<string>();
let writtenSinceEviction = 0;

/**
 * Stores `feed` (atomically: a temporary file renamed into place), then removes the least recently fetched entries
 * while all of them hold more than `maximumByteCount`. Never throws: a cache that cannot be written costs only the
 * next conditional request.
 */
export async function writeCachedFeed(directory: string, feed: CachedFeed, maximumByteCount = defaultCacheByteCount): Promise<void> {
	const {bytes, ...header} = feed;
	const path = join(directory, entryName(feed.url));
	const temporaryPath = `${path}.${process.pid}.${temporaryCount++}.tmp`;
	try {
		if (!madeDirectories.has(directory)) {
			await mkdir(directory, {recursive: true, mode: 0o700});
			madeDirectories.add(directory);
		}

		const file = await open(temporaryPath, 'w', 0o600).catch(async (error: unknown) => {
			// The directory went since (a user cleared the cache): make it again, once.
			madeDirectories.delete(directory);
			await mkdir(directory, {recursive: true, mode: 0o700});
			madeDirectories.add(directory);
			return open(temporaryPath, 'w', 0o600).catch(() => {
				throw error;
			});
		});
		try {
			await file.write(`${JSON.stringify(header)}\n`);
			await file.write(bytes);
		} finally {
			await file.close();
		}

		await rename(temporaryPath, path);
		// The file's time says when it was last found current, for eviction.
		const time = new Date(feed.fetchedAt);
		await utimes(path, time, time);
		// Looking over the whole cache costs a stat of each copy: it is done on the first write of a session, and again
		// only once a tenth of the limit has been written since.
		writtenSinceEviction += bytes.length;
		if (!hasEvicted || writtenSinceEviction > maximumByteCount / 10) {
			if (deferringCount > 0) {
				// Feeds are still arriving: the look over the cache waits for them (see deferCacheEviction).
				deferredEviction = {directory, maximumByteCount};
				return;
			}

			hasEvicted = true;
			writtenSinceEviction = 0;
			await evictLeastRecent(directory, '.feed', maximumByteCount);
		}
	} catch {
		await unlink(temporaryPath).catch(() => {});
	}
}

let deferringCount = 0;
let deferredEviction: {readonly directory: string; readonly maximumByteCount: number} | undefined;

/**
 * Holds back the look over the cache that a write may start (a stat of every copy in it) until the returned function
 * is called: while many feeds arrive at once, it would only compete with them for the disk and the thread pool. Once
 * nothing holds it back, an eviction that was due runs.
 */
export function deferCacheEviction(): () => Promise<void> {
	deferringCount++;
	let isReleased = false;
	return async () => {
		if (isReleased) {
			return;
		}

		isReleased = true;
		deferringCount--;
		const due = deferredEviction;
		if (deferringCount === 0 && due) {
			deferredEviction = undefined;
			hasEvicted = true;
			writtenSinceEviction = 0;
			await evictLeastRecent(due.directory, '.feed', due.maximumByteCount).catch(() => {});
		}
	};
}

/** Marks the cached copy of `url` as current as of `now` (a 304 said so). */
export async function touchCachedFeed(directory: string, feed: CachedFeed, now: number, maximumByteCount = defaultCacheByteCount): Promise<void> {
	await writeCachedFeed(directory, {...feed, fetchedAt: now}, maximumByteCount);
}

/** How old a copy is, in words: `12 s`, `5 min`, `3 h`, `2 days`. */
export function ageText(ageMs: number): string {
	const seconds = Math.max(0, Math.round(ageMs / 1000));
	if (seconds < 60) {
		return `${seconds} s`;
	}

	const minutes = Math.round(seconds / 60);
	if (minutes < 60) {
		return `${minutes} min`;
	}

	const hours = Math.round(minutes / 60);
	if (hours < 48) {
		return `${hours} h`;
	}

	return `${Math.round(hours / 24)} days`;
}
