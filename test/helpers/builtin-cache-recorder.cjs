// Loaded with `node --expose-internals --require` by test/e2e/code-cache.test.ts. At exit it writes to
// $BROADSHEET_BUILTIN_CACHE_RECORD which of Node's own modules were compiled with the compiled code Node carries for
// them, and which were compiled afresh (V8 refuses that code once a flag differs from node's start: see
// scripts/launcher.cjs). Node's test binding is the only place that tells. It changes nothing the command does.
'use strict';
const {writeFileSync} = require('node:fs');
const {internalBinding} = require('internal/test/binding');

process.once('exit', () => {
	const {compiledWithCache, compiledWithoutCache} = internalBinding('builtins').getCacheUsage();
	writeFileSync(process.env.BROADSHEET_BUILTIN_CACHE_RECORD, JSON.stringify({withCache: [...compiledWithCache], withoutCache: [...compiledWithoutCache]}));
});
