import {isOpenableAddress, markedParagraph, type ParagraphKind, paragraphMarkPattern, paragraphText} from '../article.js';
import {decodeHTML} from 'entities';
import {Parser} from 'htmlparser2';


// The tags of feed and API markup: feeds' descriptions (font, abbr, cite, q) and content APIs' articles (figure,
// section, header, table rows). The two readers' lists had drifted apart; this is both.
const htmlTag = /<\/?(?:p|br|div|a|img|b|i|u|em|strong|small|sup|sub|code|span|ul|ol|li|blockquote|h[1-6]|pre|table|tr|td|font|abbr|cite|q|figure|figcaption|section|article|header|footer|hr)\b[^<>]*>/iu;

/**
 * Whether `text` is HTML markup (it holds a common tag), not text that happens to contain `<` (the Reuters wire
 * writes `<AMERICAN EXPRESS CO>`). A cheap test, so that plain text never goes through the HTML parser.
 */
export function looksLikeHtml(text: string): boolean {
	return text.includes('<') && htmlTag.test(text);
}

/** Readable text from HTML: paragraphs, and the addresses the paragraphs cite as `[1]`, `[2]`, … */
export type HtmlText = {
	/**
	 * One string a paragraph; list items start with `• ` or `1. `, block quotes with `> `. A `<pre>` (or a `<code>` that
	 * spans lines) is a preformatted paragraph, which keeps its line breaks; a heading is a heading paragraph, and a table
	 * row of two or more cells a row paragraph, its cells separated by ` | ` (see paragraphMarks in article.ts).
	 */
	readonly paragraphs: string[];
	/** `links[0]` is the address cited as `[1]`. Absolute http(s) and mailto addresses only. */
	readonly links: string[];
};

// Elements that start and end a paragraph of their own.
const blockElements = new Set([
	'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
	'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
	'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead',
	'tr', 'ul',
]);

// Elements whose content is not text a reader should see.
const droppedElements = new Set([
	'annotation', 'annotation-xml', 'applet', 'audio', 'button', 'canvas', 'embed', 'head', 'iframe', 'map', 'noembed', 'noframes', 'noscript',
	'object', 'script', 'select', 'style', 'svg', 'template', 'textarea', 'title', 'video',
]);

const tableCells = new Set(['td', 'th']);
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// MathML elements after which a space keeps numbers and names apart (`<mn>1</mn><mn>2</mn>` is not "12").
const mathSeparated = new Set(['math', 'mi', 'mn', 'mo', 'mtext', 'mtd', 'mtr']);
// Whitespace other than single spaces.
const needsCollapsing = /[^\S ]| {2}/;

/**
 * The absolute address an `href` names, resolved against `baseUrl` when it is relative; undefined for anything
 * but http(s) and mailto (javascript:, data:, `#anchors`) and for relative addresses without a base.
 */
export function resolveUrl(href: string, baseUrl?: string): string | undefined {
	const trimmed = href.trim();
	if (trimmed === '' || trimmed.startsWith('#')) {
		return undefined;
	}

	try {
		const url = baseUrl === undefined ? new URL(trimmed) : new URL(trimmed, baseUrl);
		return isOpenableAddress(url.href) ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The address a link in text cites: absolute when `resolveUrl` can make it so; a relative address with no base to
 * resolve it against, as it is written (shown under the article, never opened: see isOpenableAddress); nothing for
 * an anchor or a scheme outside the allow-list (`javascript:`, `data:`).
 */
export function citedAddress(href: string, baseUrl?: string): string | undefined {
	const resolved = resolveUrl(href, baseUrl);
	if (resolved !== undefined) {
		return resolved;
	}

	const trimmed = href.trim();
	// eslint-disable-next-line no-control-regex -- a control character in an address makes it no address
	return trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z\d+.-]*:/iu.test(trimmed) || /[\s\u0000-\u001F]/u.test(trimmed) ? undefined : trimmed;
}

type OpenLink = {readonly url: string | undefined; readonly textStart: number; readonly paragraphCount: number};

/**
 * A table row being read: how many cells it has opened, the paragraph count when it began (a row whose cells hold
 * paragraphs of their own is read as those paragraphs, as a layout table should be), and the cell separators owed to
 * the text of the next cell that has any.
 */
type OpenRow = {cellCount: number; readonly paragraphCount: number; pendingSeparators: number};

/** Collects text as the parser streams it: an inline buffer, flushed into a paragraph at every block boundary. */
class TextCollector {
	readonly paragraphs: string[] = [];
	readonly links: string[] = [];
	private readonly linkNumbers = new Map<string, number>();
	private readonly openLinks: OpenLink[] = [];
	private readonly lists: Array<{readonly isOrdered: boolean; itemCount: number}> = [];
	private readonly rows: OpenRow[] = [];
	private inline = '';
	private marker = '';
	private droppedDepth = 0;
	private quoteDepth = 0;
	private preDepth = 0;
	private headingDepth = 0;
	/** The `preDepth` inside a `<code>` that opened a paragraph: it is a block if its text spans lines. */
	private codeBlockDepth: number | undefined;
	private endsWithSpace = false;

	constructor(
		private baseUrl: string | undefined,
		private readonly shouldCiteLinks: boolean,
	) {}

	openTag(name: string, attributes: Record<string, string>) {
		if (this.droppedDepth > 0 || droppedElements.has(name)) {
			this.droppedDepth++;
			return;
		}

		if (blockElements.has(name)) {
			this.flush();
		}

		switch (name) {
			case 'br': {
				if (this.preDepth > 0) {
					this.inline += '\n';
				} else {
					this.flush();
				}

				break;
			}

			case 'a': {
				const url = this.shouldCiteLinks && attributes.href !== undefined ? citedAddress(attributes.href, this.baseUrl) : undefined;
				this.openLinks.push({url, textStart: this.inline.length, paragraphCount: this.paragraphs.length});
				break;
			}

			case 'base': {
				this.baseUrl = attributes.href === undefined ? this.baseUrl : (resolveUrl(attributes.href, this.baseUrl) ?? this.baseUrl);
				break;
			}

			case 'blockquote': {
				this.quoteDepth++;
				break;
			}

			case 'img': {
				this.image(attributes);
				break;
			}

			case 'math': {
				// MathML: its `alttext` when it has one (the formula as words or TeX), else the text of its elements.
				const altText = attributes.alttext?.trim();
				this.addSpace();
				if (altText) {
					this.addInline(altText);
					this.droppedDepth++;
				}

				break;
			}

			case 'pre': {
				this.preDepth++;
				break;
			}

			case 'code': {
				// A `<code>` that opens a paragraph is read as preformatted text, and stays so if its text spans lines.
				if (this.preDepth === 0 && this.inline.trim() === '') {
					this.preDepth++;
					this.codeBlockDepth = this.preDepth;
				}

				break;
			}

			case 'tr': {
				this.rows.push({cellCount: 0, paragraphCount: this.paragraphs.length, pendingSeparators: 0});
				break;
			}

			case 'ul':
			case 'ol':
			case 'menu': {
				this.lists.push({isOrdered: name === 'ol', itemCount: Number.parseInt(attributes.start ?? '1', 10) - 1 || 0});
				break;
			}

			case 'li': {
				const list = this.lists.at(-1);
				if (list?.isOrdered) {
					list.itemCount++;
					this.marker = `${list.itemCount}. `;
				} else {
					this.marker = '• ';
				}

				break;
			}

			default: {
				if (headings.has(name)) {
					this.headingDepth++;
				} else if (tableCells.has(name)) {
					this.openCell();
				}
			}
		}
	}

	closeTag(name: string) {
		if (this.droppedDepth > 0) {
			this.droppedDepth--;
			return;
		}

		switch (name) {
			case 'a': {
				this.closeLink();
				break;
			}

			case 'blockquote': {
				this.flush();
				this.quoteDepth = Math.max(0, this.quoteDepth - 1);
				break;
			}

			case 'pre': {
				this.flush();
				this.preDepth = Math.max(0, this.preDepth - 1);
				break;
			}

			case 'code': {
				if (this.codeBlockDepth !== undefined && this.codeBlockDepth === this.preDepth) {
					this.closeCodeBlock();
				}

				break;
			}

			case 'tr': {
				this.closeRow();
				break;
			}

			case 'ul':
			case 'ol':
			case 'menu': {
				this.flush();
				this.lists.pop();
				break;
			}

			case 'li': {
				this.flush();
				this.marker = '';
				break;
			}

			default: {
				if (blockElements.has(name)) {
					this.flush();
					if (headings.has(name)) {
						this.headingDepth = Math.max(0, this.headingDepth - 1);
					}
				} else if (tableCells.has(name) || mathSeparated.has(name)) {
					this.addSpace();
				}
			}
		}
	}

	text(text: string) {
		if (this.droppedDepth > 0) {
			return;
		}

		if (this.preDepth > 0) {
			if (text !== '') {
				this.payCellSeparators();
				this.inline += text;
			}

			return;
		}

		// Text without markup uses blank lines between paragraphs; so do many feeds' descriptions.
		if (text.includes('\n')) {
			const parts = text.split(/\n[ \t\r]*\n/);
			for (const [index, part] of parts.entries()) {
				if (index > 0) {
					this.flush();
				}

				this.addInline(part);
			}
		} else {
			this.addInline(text);
		}
	}

	/** Adds text to the current paragraph, whitespace runs collapsed as they come (one pass, no rescans). */
	private addInline(text: string) {
		// Testing first is cheaper than replacing: most text nodes hold single spaces only.
		let collapsed = needsCollapsing.test(text) ? text.replace(/\s+/g, ' ') : text;
		if (collapsed.startsWith(' ') && (this.inline === '' || this.endsWithSpace)) {
			collapsed = collapsed.slice(1);
		}

		if (collapsed !== '') {
			this.payCellSeparators();
			this.inline += collapsed;
			this.endsWithSpace = collapsed.endsWith(' ');
		}
	}

	/**
	 * An image as `[image: ALT]` (or `[image]`), its address among the numbered links, unless a link around it is
	 * cited instead: a link that wraps only an image keeps its number.
	 */
	private image(attributes: Record<string, string>) {
		// A tracking pixel is no picture.
		const isPixel = [attributes.width, attributes.height].some(size => size !== undefined && Number.parseInt(size, 10) <= 2);
		if (!this.shouldCiteLinks || isPixel) {
			return;
		}

		const alt = attributes.alt?.replace(/\s+/gu, ' ').trim();
		this.addSpace();
		this.addInline(alt ? `[image: ${alt}]` : '[image]');
		const isInCitedLink = this.openLinks.some(link => link.url !== undefined);
		const url = isInCitedLink || attributes.src === undefined ? undefined : citedAddress(attributes.src, this.baseUrl);
		if (url !== undefined) {
			this.inline += ` [${this.linkNumber(url)}]`;
			this.endsWithSpace = false;
		}

		this.addSpace();
	}

	/** The number `url` is cited by, given it if new. */
	private linkNumber(url: string): number {
		let number = this.linkNumbers.get(url);
		if (number === undefined) {
			this.links.push(url);
			number = this.links.length;
			this.linkNumbers.set(url, number);
		}

		return number;
	}

	/** Separates table cells. */
	private addSpace() {
		if (this.inline !== '' && !this.endsWithSpace) {
			this.inline += ' ';
			this.endsWithSpace = true;
		}
	}

	/** A cell of the row being read: its text will follow the last cell's after a ` | `. */
	private openCell() {
		const row = this.rows.at(-1);
		if (row === undefined) {
			this.addSpace();
			return;
		}

		row.cellCount++;
		if (row.cellCount > 1) {
			row.pendingSeparators++;
		}
	}

	/** Writes the cell separators owed before text, when the text is still on the row's own line. */
	private payCellSeparators() {
		const row = this.rows.at(-1);
		if (row === undefined || row.pendingSeparators === 0) {
			return;
		}

		if (row.paragraphCount === this.paragraphs.length) {
			// An empty cell shows as nothing between two separators: `a | | c`.
			const trimmed = this.inline.trimEnd();
			this.inline = (trimmed === '' ? '' : trimmed + ' ') + '| '.repeat(row.pendingSeparators);
			this.endsWithSpace = true;
		}

		row.pendingSeparators = 0;
	}

	/** Ends a table row: a row of two or more cells on one line is a row paragraph; any other is read as paragraphs. */
	private closeRow() {
		const row = this.rows.pop();
		const isRow = row !== undefined && row.cellCount > 1 && row.paragraphCount === this.paragraphs.length && this.inline.includes('| ');
		this.flush(isRow ? 'row' : undefined);
	}

	/** Ends a `<code>` that opened a paragraph: preformatted if its text spans lines, else inline text after all. */
	private closeCodeBlock() {
		this.codeBlockDepth = undefined;
		if (this.inline.trim().includes('\n')) {
			this.flush();
			this.preDepth--;
			return;
		}

		const text = this.inline;
		this.inline = '';
		this.endsWithSpace = false;
		this.preDepth--;
		this.addInline(text);
	}

	/** Ends the current paragraph, if it holds any text. */
	flush(kind?: ParagraphKind) {
		const isPreformatted = this.preDepth > 0;
		const text = isPreformatted ? this.inline.replace(/^\s*\n/u, '').trimEnd() : this.inline.trimEnd();
		this.inline = '';
		this.endsWithSpace = false;
		const row = this.rows.at(-1);
		if (row !== undefined) {
			row.pendingSeparators = 0;
		}

		if (text.trim() === '') {
			return;
		}

		const quote = '> '.repeat(this.quoteDepth);
		if (isPreformatted) {
			// Each line of a quoted block is quoted; a list item's bullet leads the first line.
			const lines = text.split('\n').map((line, index) => quote + (index === 0 ? this.marker : '') + line);
			this.paragraphs.push(markedParagraph('preformatted', lines.join('\n')));
		} else {
			this.paragraphs.push(markedParagraph(kind ?? (this.headingDepth > 0 ? 'heading' : 'text'), quote + this.marker + text));
		}

		this.marker = '';
	}

	private closeLink() {
		const link = this.openLinks.pop();
		if (!link?.url || !this.shouldCiteLinks) {
			return;
		}

		const isSameParagraph = link.paragraphCount === this.paragraphs.length;
		const linkText = isSameParagraph ? this.inline.slice(link.textStart).trim() : 'text';
		// A link with no text (an image) has nothing to cite; a bare address already shows itself.
		if (linkText === '' || isAddressText(linkText, link.url)) {
			return;
		}

		const number = this.linkNumber(link.url);
		// A link left open across paragraphs may close before any text of the next one: cite it where its text was.
		const lastParagraphIndex = this.paragraphs.length - 1;
		if (this.inline.trim() === '' && lastParagraphIndex >= 0) {
			this.paragraphs[lastParagraphIndex] += ` [${number}]`;
			return;
		}

		this.inline = this.inline.trimEnd() + ` [${number}]`;
		this.endsWithSpace = false;
	}
}

/** Whether a link's text is its own address, as in `<a href="https://example.com/">example.com</a>`. */
function isAddressText(text: string, url: string): boolean {
	if (text.includes(' ')) {
		return false;
	}

	const bare = (address: string) => address.replace(/^(?:https?:\/\/|mailto:)/iu, '').replace(/\/$/u, '').toLowerCase();
	return bare(text) === bare(url);
}

/**
 * How deep elements may nest before the rest of the markup is read as plain text. htmlparser2 keeps the open
 * elements in an array it adds to at the front, so each element costs as much as the depth: 200,000 nested lists took
 * a minute to read. No real article nests this deep.
 */
export const maximumHtmlDepth = 256;

function collectText(markup: string, baseUrl: string | undefined, shouldCiteLinks: boolean): HtmlText {
	const collector = new TextCollector(baseUrl, shouldCiteLinks);
	// The marks of paragraph kinds are the collector's to make, never the input's.
	const html = markup.includes('\uFFF9') || markup.includes('\uFFFA') || markup.includes('\uFFFB') ? markup.replace(paragraphMarkPattern, '') : markup;
	if (!html.includes('<') && !html.includes('&')) {
		collector.text(html);
	} else {
		let isTooDeep = false;
		// The open elements: every open tag is closed once, by its end tag or implied (void elements at once).
		let depth = 0;
		const parser: Parser = new Parser(
			{
				onopentag(name, attributes) {
					if (++depth > maximumHtmlDepth) {
						isTooDeep = true;
						parser.pause();
						return;
					}

					collector.openTag(name, attributes);
				},
				onclosetag(name) {
					depth--;
					collector.closeTag(name);
				},
				ontext: text => collector.text(text),
			},
			{decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true},
		);
		try {
			parser.write(html);
			if (isTooDeep) {
				// Past the limit, the markup's text goes on as one flat run: nothing is lost but its nesting.
				collector.text(decodeHTML(html.slice(parser.endIndex + 1).replaceAll(/<[^>]*>?/gu, ' ')));
			} else {
				parser.end();
			}
		} catch {
			// htmlparser2 does not throw on bad markup; this guards the contract that conversion never throws.
		}
	}

	collector.flush();
	return {paragraphs: collector.paragraphs, links: collector.links};
}

/**
 * Readable text from HTML (or from plain text, whose blank lines separate paragraphs). Block elements become
 * paragraphs, `<li>` items start with `• ` (or their number in an `<ol>`), block quotes with `> `; `<pre>` (and a
 * `<code>` spanning lines) keeps its lines, headings and table rows are marked as such (see HtmlText); entities are
 * decoded; scripts, styles, embedded objects and tracking pixels are dropped, other images read `[image: ALT]`;
 * whitespace is collapsed.
 * A link's text is followed by ` [n]`, where `links[n - 1]` is its address, resolved against `baseUrl` (or the
 * content's own `<base href>`) when relative. The same address cited twice keeps its number. Never throws.
 */
export function htmlToText(html: string, baseUrl?: string): HtmlText {
	return collectText(html, baseUrl, true);
}

/** HTML (or plain text) as one line of text, with no link references: for titles, decks and names. */
export function htmlToLine(html: string): string {
	return collectText(html, undefined, false).paragraphs.map(paragraph => paragraphText(paragraph).replace(/\s+/gu, ' ').trim()).join(' ');
}

/** Plain text as paragraphs: blank lines separate them; whitespace inside one is collapsed. */
export function textToParagraphs(text: string): string[] {
	return text
		.split(/\n[ \t\r]*\n/u)
		.map(paragraph => paragraph.replace(/\s+/gu, ' ').trim())
		.filter(paragraph => paragraph !== '');
}

/**
 * Letters and digits only, lower-cased, without `[n]` link markers: text compared regardless of markup, link
 * references, punctuation (straight or curly quotes, apostrophes, dashes) and spacing.
 */
export function comparableText(text: string): string {
	return text.toLowerCase().replace(/\[\d+\]/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** How far into the body a summary may start and still count as its opening words. */
const leadWindowLength = 2000;

/**
 * Whether `summary` only repeats the opening of the body (an excerpt, perhaps ending in `[…]`), so that it would add
 * nothing as a deck. Compares letters and digits only, ignoring `[n]` link markers in the body.
 */
export function isLeadOf(summary: string, paragraphs: readonly string[]): boolean {
	const probe = comparableText(summary).slice(0, 60);
	if (probe === '') {
		return true;
	}

	let body = '';
	for (const paragraph of paragraphs) {
		body += comparableText(paragraph);
		if (body.length >= leadWindowLength) {
			break;
		}
	}

	return body.slice(0, leadWindowLength).includes(probe);
}
