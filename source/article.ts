import {crc32} from 'node:zlib';

/**
 * The one article model every input format maps to.
 * All text in it has been sanitised (see text/sanitize-text.ts): it holds no control characters.
 */
export type Article = {
	/**
	 * Stable identifier: the source's GUID or URL where it has one, else a hash of the kicker and headline (made
	 * unique within a file). It does not depend on the article's position, so read marks survive edits to the file.
	 */
	readonly id: string;
	/** What the list shows. Every article has one, derived from its text when the source has none. */
	readonly headline: string;
	/**
	 * Where the headline came from: its own `title` line, the `deck`, or the first sentence of the body.
	 * When it is derived, the text it came from still holds it.
	 */
	readonly headlineSource: 'title' | 'deck' | 'first-sentence';
	/** A section label printed above the headline, such as `CANCER:` or `EUROPEAN FUTURE?`. */
	readonly kicker?: string;
	/** The standfirst: a sentence or two that sums the article up. */
	readonly deck?: string;
	/** The body, one string a paragraph. */
	readonly paragraphs: readonly string[];
	/** Where the article came from: a feed's title, a file name, or `stdin`. */
	readonly source: string;
	readonly author?: string;
	/** When it was published, in milliseconds since the epoch. */
	readonly publishedAt?: number;
	/** The article's own address. */
	readonly url?: string;
	readonly categories?: readonly string[];
	/** Addresses of the links in the text, which the paragraphs cite as [1], [2], … */
	readonly links?: readonly string[];
	/**
	 * A checksum of the body (see {@link bodyChecksum}), when the article keeps its body in the file rather than in
	 * memory (see stored-articles.ts): comparing two bodies by it does not read them.
	 */
	readonly bodyChecksum?: number;
};

/** The result of parsing one input: the articles and anything worth telling the user. */
export type ParseResult = {
	readonly articles: readonly Article[];
	readonly problems: readonly string[];
};

/** The body as one string, paragraphs separated by blank lines. */
export function bodyText(article: Article): string {
	return article.paragraphs.join('\n\n');
}

/** A short, stable hash of a string (FNV-1a, 32 bits), written in base 36. */
export function hashText(text: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93);
	}

	return (hash >>> 0).toString(36);
}

/** A checksum of the body: two bodies with the same one are, but for a one-in-four-billion chance, the same. */
export function bodyChecksum(article: Article): number {
	return article.bodyChecksum ?? crc32(bodyText(article));
}

/** `article` with another id; an article that keeps its body in the file still does. */
export function withId(article: Article, id: string): Article {
	return Object.assign(Object.create(Object.getPrototypeOf(article) as object) as Article, article, {id});
}

/** The schemes an address may have to be linked, opened or copied: the web and mail, nothing else. */
const openableSchemes = /^(?:https?|mailto):/iu;

/**
 * Whether `address` may be offered as a link (OSC 8), opened or copied: http, https or mailto, with no white space
 * or control character. The one allow-list every format's links and addresses go through: `file:`, `javascript:`,
 * `smb:` and `vscode:` addresses, relative ones and anything that would read as an option (`--new-window`) are shown
 * as text at most, never handed to a program.
 */
export function isOpenableAddress(address: string): boolean {
	// eslint-disable-next-line no-control-regex
	return openableSchemes.test(address) && !/[\s\u0000-\u001F\u007F-\u009F]/u.test(address);
}
