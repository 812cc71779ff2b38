// What source/ gets for `yaml` in the bundle (see lazyPackages in scripts/build.js): yaml loads when a Markdown file
// with front matter is first read. Broadsheet uses parseDocument alone, with its warnings kept in the document.
let yaml;
const loaded = () => (yaml ??= require('yaml'));

export function parseDocument(...parameters) {
	return loaded().parseDocument(...parameters);
}
