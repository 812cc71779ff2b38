/*
The word index worker's own bundle (see scripts/build.js, which builds it apart and hands its code to the main bundle as
wordIndexWorkerSource): a few kilobytes, so that the worker starts at once and holds little more than the index.
*/
import {parentPort} from 'node:worker_threads';
import {runWordIndexWorker} from './word-indexing.js';

runWordIndexWorker(parentPort);
