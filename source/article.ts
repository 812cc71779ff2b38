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
	/**
	 * The groups a subscription list files the article's feed under: OPML folders (outermost first) or newsboat tags,
	 * sanitised. Absent for an article that came from no list, or whose feed the list puts in no group.
	 */
	readonly groups?: readonly string[];
	/** For an article fetched from the web: the address of the feed it came from (as given, before redirects). */
	readonly feedUrl?: string;
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

/**
 * What a paragraph is. Running text (`text`) is wrapped to the pane; `preformatted` text (a `<pre>` or `<code>` block,
 * a Markdown code fence) keeps its line breaks and indentation and is never re-wrapped; a `heading` stands out; a
 * table `row` holds its cells separated by ` | ` and sits on the line after the row before it.
 */
export type ParagraphKind = 'text' | 'preformatted' | 'heading' | 'row';

/**
 * The character that starts a paragraph of another kind than running text: the paragraph is the mark, then its text.
 * They are the interlinear annotation characters, which the sanitiser removes from all text (see sanitize-text.ts) and
 * the HTML and Markdown readers remove from their input, so text from a file does not make them; and were one
 * forged, it would change only how a paragraph looks, never let a control character through.
 */
export const paragraphMarks = {preformatted: '\uFFFB', heading: '\uFFF9', row: '\uFFFA'} as const satisfies Record<Exclude<ParagraphKind, 'text'>, string>;

/** Any of the {@link paragraphMarks}, anywhere in a text. */
export const paragraphMarkPattern = /[\uFFF9-\uFFFB]/gu;

/** A paragraph of `kind` holding `text` (see {@link paragraphMarks}). */
export function markedParagraph(kind: ParagraphKind, text: string): string {
	return kind === 'text' ? text : paragraphMarks[kind] + text;
}

/** What kind of paragraph `paragraph` is (see {@link paragraphMarks}). */
export function paragraphKind(paragraph: string): ParagraphKind {
	switch (paragraph.charCodeAt(0)) {
		case 0xff_fb: {
			return 'preformatted';
		}

		case 0xff_f9: {
			return 'heading';
		}

		case 0xff_fa: {
			return 'row';
		}

		default: {
			return 'text';
		}
	}
}

/** A paragraph's text, without the mark of its kind. */
export function paragraphText(paragraph: string): string {
	return paragraphKind(paragraph) === 'text' ? paragraph : paragraph.slice(1);
}

/** The body as one string, paragraphs separated by blank lines (a preformatted one keeps its line breaks). */
export function bodyText(article: Article): string {
	let text = '';
	for (const [index, paragraph] of article.paragraphs.entries()) {
		text += (index === 0 ? '' : '\n\n') + paragraphText(paragraph);
	}

	return text;
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
	if (article.bodyChecksum !== undefined) {
		return article.bodyChecksum;
	}

	// The paragraphs as they are, marks and all (a paragraph that changes kind changes the body), separated by blank
	// lines: the CRC-32 of the joined body, a paragraph at a time, without making the joined copy (a big file's load
	// checksums 200 MB of bodies, and the copies were most of its garbage).
	let checksum = 0;
	for (const [index, paragraph] of article.paragraphs.entries()) {
		checksum = crc32(paragraph, index === 0 ? checksum : crc32('\n\n', checksum));
	}

	return checksum;
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
