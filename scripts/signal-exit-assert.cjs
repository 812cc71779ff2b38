// What signal-exit 3 (Ink's cursor restoring uses it) gets for require('assert'), which it needs only to check that
// it was given a function (see scripts/build.js). Node's assert, once loaded, prints a warning onto the screen when
// NO_COLOR and FORCE_COLOR are both set, and signal-exit is loaded after the first frame.
'use strict';

module.exports = {
	equal(actual, expected, message) {
		if (actual != expected) {
			throw new Error(message);
		}
	},
};
