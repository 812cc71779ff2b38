// Loads dist/article-page.js (built from scripts/article-page-libraries.js by scripts/build.js), which sits beside the
// command: half a megabyte of code that only an HTML page read as an article needs, kept out of the bundle so that
// no other start-up reads or compiles it. `__dirname` is dist/, as the launcher passes it in.
let libraries;

export function articlePageLibraries() {
	try {
		libraries ??= require(`${__dirname}/article-page.js`);
	} catch {
		throw new Error(`the article reader is missing (${__dirname}/article-page.js)`);
	}

	return libraries;
}
