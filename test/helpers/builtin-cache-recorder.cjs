// Loaded with `node --expose-internals --require` by test/e2e/code-cache.test.ts. It writes to
// $BROADSHEET_BUILTIN_CACHE_RECORD which of Node's own modules were compiled with the compiled code Node carries for
// them, and which were compiled afresh (V8 refuses that code once a flag differs from node's start: see
// scripts/launcher.cjs): the main thread's at exit, and a worker thread's (node preloads this in workers too) to the
// same path with `.worker` added, once its start is over. Node's test binding is the only place that tells. It
// changes nothing the command does.
'use strict';
const {writeFileSync} = require('node:fs');
const {isMainThread} = require('node:worker_threads');
// Node's test binding warns as it loads. Printed, the warning would load Node's colours, and with FORCE_COLOR set
// its terminal module too, at a moment that varies from run to run: the record would then name modules the
// command never loads. The warning is held back while the binding loads.
const emitWarning = process.emitWarning;
process.emitWarning = () => {};
const {internalBinding} = require('internal/test/binding');
process.emitWarning = emitWarning;

const record = path => {
	const {compiledWithCache, compiledWithoutCache} = internalBinding('builtins').getCacheUsage();
	writeFileSync(path, JSON.stringify({withCache: [...compiledWithCache], withoutCache: [...compiledWithoutCache]}));
};

if (isMainThread) {
	process.once('exit', () => {
		record(process.env.BROADSHEET_BUILTIN_CACHE_RECORD);
	});
} else {
	// After the worker's own code has run: Node has loaded what a worker's start needs.
	setImmediate(() => {
		record(`${process.env.BROADSHEET_BUILTIN_CACHE_RECORD}.worker`);
	});
}
