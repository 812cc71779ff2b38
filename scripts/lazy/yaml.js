// What source/ gets for `yaml` in the bundle (see lazyPackages in scripts/build.js): yaml loads when a Markdown file
// with front matter is first read.
let yaml;
const loaded = () => (yaml ??= require('yaml'));

export function parse(...parameters) {
	return loaded().parse(...parameters);
}

/** Stands for yaml's class in `instanceof`, the only way source/ uses it. */
export class YAMLParseError {
	static [Symbol.hasInstance](value) {
		return value instanceof loaded().YAMLParseError;
	}
}
