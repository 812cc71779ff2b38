import type {MessagePort} from 'node:worker_threads';
import {UserFacingError} from '../../exit-codes.js';
import {deferCacheEviction} from './feed-cache.js';
import {closeFetchConnections, type MessageFromFetchWorker, type MessageToFetchWorker, type PostedFetchFailure} from './feed-fetcher.js';
import {cacheWritesDone, fetchFeed} from './fetch-feed.js';
import {FetchError, loadFetch} from './fetch-url.js';

/*
The fetch worker's side (see feed-fetcher.ts): fetches what it is asked, one message a fetch, and answers with the
body; stores the copy in the feed cache after answering, and says so.
*/

/** What a failure is, in a message: its words, and what kind of error it was. */
function postedFailure(error: unknown): PostedFetchFailure {
	if (error instanceof FetchError) {
		return {message: error.message, exitCode: error.exitCode, isTransient: error.isTransient};
	}

	if (error instanceof UserFacingError) {
		return {message: error.message, exitCode: error.exitCode};
	}

	return {message: error instanceof Error ? error.message : String(error)};
}

/**
 * Answers the fetches asked on `port`. Node's fetch loads at once, before anything is asked: the other thread is busy
 * starting meanwhile. With `warningsOf`, that process's warnings are posted to the other side, which keeps them with
 * its own (Node would print them over the interface).
 */
export function serveFeedFetches(port: Pick<MessagePort, 'postMessage' | 'on' | 'close'>, warningsOf?: NodeJS.Process): void {
	const post = (message: MessageFromFetchWorker, transfer?: ArrayBuffer[]) => {
		port.postMessage(message, transfer);
	};

	if (warningsOf) {
		warningsOf.emitWarning = ((warning: string | Error, type?: unknown) => {
			const name = warning instanceof Error ? warning.name : typeof type === 'string' ? type : 'Warning';
			post({type: 'warning', name, message: warning instanceof Error ? warning.message : String(warning)});
		}) as NodeJS.Process['emitWarning'];
	}

	loadFetch();
	const fetches = new Map<number, AbortController>();
	/** Each fetch until its copy is stored. */
	const underWay = new Set<Promise<void>>();
	const evictionReleases = new Map<number, () => Promise<void>>();
	port.on('message', (message: MessageToFetchWorker) => {
		switch (message.type) {
			case 'fetch': {
				const {id} = message;
				const controller = new AbortController();
				fetches.set(id, controller);
				const done: Promise<void> = fetchFeed(message.url, {...message.options, signal: controller.signal}).then(
					feed => {
						// A copy of its own, transferred: the cache may still be writing the bytes fetched.
						const bytes = new Uint8Array(feed.bytes);
						post({type: 'fetched', id, feed: {...feed, bytes}}, [bytes.buffer]);
					},
					(error: unknown) => {
						post({type: 'failed', id, failure: postedFailure(error)});
					},
				).then(async () => {
					fetches.delete(id);
					await cacheWritesDone();
					post({type: 'stored', id});
				}).catch(() => {}).finally(() => {
					underWay.delete(done);
				});
				underWay.add(done);
				break;
			}

			case 'cancel': {
				fetches.get(message.id)?.abort();
				break;
			}

			case 'defer-eviction': {
				evictionReleases.set(message.id, deferCacheEviction());
				break;
			}

			case 'release-eviction': {
				const release = evictionReleases.get(message.id);
				evictionReleases.delete(message.id);
				void (release?.() ?? Promise.resolve()).catch(() => {}).then(() => {
					post({type: 'released', id: message.id});
				});
				break;
			}

			case 'end': {
				for (const controller of fetches.values()) {
					controller.abort();
				}

				// Once every fetch has answered (aborted) and every copy is written, nothing is left to do.
				void Promise.all([closeFetchConnections(), ...underWay]).then(async () => cacheWritesDone()).then(() => {
					port.close();
				});
				break;
			}
		}
	});
}
