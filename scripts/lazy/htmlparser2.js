// What source/ gets for `htmlparser2` in the bundle (see lazyPackages in scripts/build.js): htmlparser2 (and the copy
// of entities it brings, which builds its tables when loaded) loads when a feed or HTML is first read. Its parser and
// tokenizer alone: the package's index loads domhandler, domutils and dom-serializer too (for its DOM and its feed
// reader, which Broadsheet does not use), about 2 ms of the first feed's parse on a first frame.
// `htmlparser2/parser` and `htmlparser2/tokenizer` are the package's own files (the build resolves them: see
// htmlparser2Files in scripts/build.js), which its exports do not name.
let htmlparser2;
const loaded = () => {
	if (!htmlparser2) {
		const {Parser: HtmlParser} = require('htmlparser2/parser');
		const {default: HtmlTokenizer, QuoteType: quoteTypes} = require('htmlparser2/tokenizer');
		htmlparser2 = {Parser: HtmlParser, Tokenizer: HtmlTokenizer, QuoteType: quoteTypes};
	}

	return htmlparser2;
};

export class Parser {
	constructor(...parameters) {
		const {Parser: HtmlParser} = loaded();
		return new HtmlParser(...parameters);
	}
}

export class Tokenizer {
	constructor(...parameters) {
		const {Tokenizer: HtmlTokenizer} = loaded();
		return new HtmlTokenizer(...parameters);
	}
}

/** The enum's members, read from htmlparser2 when asked for (only ever from inside a Tokenizer's callbacks). */
export const QuoteType = new Proxy({}, {
	get(_target, name) {
		return loaded().QuoteType[name];
	},
});
