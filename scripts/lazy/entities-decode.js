// What source/ gets for `entities/decode` in the bundle (see lazyPackages in scripts/build.js).
let decode;

export function replaceCodePoint(...parameters) {
	decode ??= require('entities/decode');
	return decode.replaceCodePoint(...parameters);
}
