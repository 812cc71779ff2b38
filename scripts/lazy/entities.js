// What source/ gets for `entities` in the bundle (see lazyPackages in scripts/build.js): the same functions, with
// entities loaded when one is first called. Loading it builds its tables of HTML entities, which plain text never needs.
let entities;
const loaded = () => (entities ??= require('entities'));

export function decodeHTML(...parameters) {
	return loaded().decodeHTML(...parameters);
}

export function decodeHTMLStrict(...parameters) {
	return loaded().decodeHTMLStrict(...parameters);
}
