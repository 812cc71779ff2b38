// Loaded with `node --require` (through NODE_OPTIONS) by test/e2e/start-up-weight.test.ts. When the first frame is
// written (the first write to stdout that shows the list's title), it writes to $BROADSHEET_START_UP_RECORD what the
// start cost beyond node's own: the built-in modules loaded since, and every Intl object made (the first one loads ICU's
// data, ~18 ms). It changes nothing the command does.
'use strict';
const {writeFileSync} = require('node:fs');

const recordPath = process.env.BROADSHEET_START_UP_RECORD;
const builtinsBefore = new Set(process.moduleLoadList);
const intlObjects = [];
for (const name of ['Collator', 'DateTimeFormat', 'DisplayNames', 'ListFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter']) {
	const original = Intl[name];
	Intl[name] = new Proxy(original, {
		construct(target, args, newTarget) {
			intlObjects.push(name);
			return Reflect.construct(target, args, newTarget === Intl[name] ? target : newTarget);
		},
	});
}

for (const method of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
	for (const prototype of [Number.prototype, Date.prototype]) {
		const original = prototype[method];
		if (typeof original === 'function') {
			prototype[method] = function (...args) {
				intlObjects.push(method);
				return original.apply(this, args);
			};
		}
	}
}

const write = process.stdout.write;
let isRecorded = false;
process.stdout.write = function (chunk, ...rest) {
	if (!isRecorded && recordPath && String(chunk).includes('Headlines')) {
		isRecorded = true;
		const builtins = process.moduleLoadList
			.filter(name => !builtinsBefore.has(name) && name.startsWith('NativeModule '))
			.map(name => name.slice('NativeModule '.length));
		writeFileSync(recordPath, JSON.stringify({builtins, intlObjects}));
	}

	return write.call(this, chunk, ...rest);
};
