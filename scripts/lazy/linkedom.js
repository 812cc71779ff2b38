// What source/ gets for `linkedom` in the bundle (see lazyPackages in scripts/build.js): the DOM that Readability works
// on loads, from dist/article-page.js, when the first HTML page is read as an article, never for other inputs.
import {articlePageLibraries} from './article-page-libraries.js';

export function parseHTML(...parameters) {
	return articlePageLibraries().parseHTML(...parameters);
}
