// What source/ gets for `@mozilla/readability` in the bundle (see lazyPackages in scripts/build.js): Readability loads,
// from dist/article-page.js, when the first HTML page is read as an article, never for other inputs.
import {articlePageLibraries} from './article-page-libraries.js';

export class Readability {
	constructor(...parameters) {
		const {Readability: RealReadability} = articlePageLibraries();
		return new RealReadability(...parameters);
	}
}
