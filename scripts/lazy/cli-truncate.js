// What source/ gets for `cli-truncate` in the bundle (see lazyPackages in scripts/build.js): cli-truncate, with the
// slice-ansi and ansi-styles it brings (about 1 ms to load), loads when a frame drawn without Ink first has a line to
// cut as Ink would (source/terminal/renderer/static-frame.ts); Ink loads it anyway, later.
let cliTruncate;

export default function truncate(...parameters) {
	cliTruncate ??= require('cli-truncate').default;
	return cliTruncate(...parameters);
}
