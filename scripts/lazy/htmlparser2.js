// What source/ gets for `htmlparser2` in the bundle (see lazyPackages in scripts/build.js): htmlparser2 (and the copy
// of entities it brings, which builds its tables when loaded) loads when a feed or HTML is first read.
let htmlparser2;
const loaded = () => (htmlparser2 ??= require('htmlparser2'));

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
