// The entry of dist/article-page.js (see scripts/build.js): what reading an HTML page as an article needs, Mozilla's
// Readability and the linkedom DOM it works on, in a file of their own that the command loads when the first page is read.
export {Readability} from '@mozilla/readability';
export {parseHTML} from 'linkedom';
