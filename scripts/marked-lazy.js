// What the bundle gets for `import {Lexer} from 'marked'` (see scripts/build.js): marked builds its many regular
// expressions when loaded, which every start-up would pay for a format most files are not. esbuild turns this
// require() of an ES module into a lazy initialiser, run when the first Markdown file is read.
export class Lexer {
	constructor(options) {
		const {Lexer: MarkedLexer} = require('marked');
		return new MarkedLexer(options);
	}
}
