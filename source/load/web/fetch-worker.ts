/*
The fetch worker's own bundle, dist/fetch-worker.js (see scripts/build.js): the launcher (scripts/launcher.cjs) starts
it before it compiles the main bundle when the command line names a URL, and source/load/web/feed-fetcher.ts asks it
for the feeds.
*/
import {parentPort} from 'node:worker_threads';
import {serveFeedFetches} from './fetch-service.js';

if (parentPort) {
	serveFeedFetches(parentPort, process);
}
