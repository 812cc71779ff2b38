// What the bundle gets for `import stringWidth from 'string-width'` (see scripts/build.js): Broadsheet's fast
// paths, and string-width itself, loaded only when some text needs its full rules. esbuild turns this require()
// of an ES module into a lazy initialiser, so string-width's Unicode tables are not built at start-up.
import {createStringWidth} from '../source/text/string-width.ts';

export default createStringWidth(() => require('string-width').default);
