// What source/ gets for `chardet` in the bundle (see lazyPackages in scripts/build.js): chardet loads when a file that
// is not UTF-8 is first read.
let chardetModule;

const chardet = {
	detect(...parameters) {
		chardetModule ??= require('chardet');
		return chardetModule.detect(...parameters);
	},
};

export default chardet;
