import {type Article, isOpenableAddress, markedParagraph, paragraphKind, paragraphText} from '../article.js';
import {wrapParagraph} from '../text/text-width.js';
import {type Glyphs, unicodeGlyphs} from '../text/glyphs.js';
import {absoluteDateLabel, readingTimeLabel} from './date-labels.js';

/** How a line of the article pane is drawn. */
export type ArticleLineStyle = 'kicker' | 'headline' | 'deck' | 'meta' | 'body' | 'heading' | 'code' | 'link' | 'blank';

/**
 * One screen line of an article, already wrapped to the pane's width. A line that shows an address has `link`:
 * the address, which runs from `start` to the end of the text and is never wrapped (see ArticlePane). A `code` line
 * (a line of preformatted text) is never wrapped either: the pane cuts it at its edge, `--print` prints it whole.
 */
export type ArticleLine = {
	readonly text: string;
	readonly style: ArticleLineStyle;
	readonly link?: {readonly url: string; readonly start: number};
};

const blankLine: ArticleLine = {text: '', style: 'blank'};
/** A paragraph that is a list item, as the formats write one (in a quote or not): `• text` or `3. text`. */
const listItem = /^(?:> )*(?:\u2022|\d{1,9}\.) /u;

/** The paragraphs to show under the headline: a headline taken from the first sentence is not printed twice. */
function displayedParagraphs(article: Article): readonly string[] {
	const [first, ...rest] = article.paragraphs;
	if (article.headlineSource !== 'first-sentence' || first === undefined) {
		return article.paragraphs;
	}

	// Preformatted text and table rows are shown whole: a headline made from them is a summary, not their start.
	const kind = paragraphKind(first);
	const text = paragraphText(first);
	if ((kind !== 'text' && kind !== 'heading') || !text.startsWith(article.headline)) {
		return article.paragraphs;
	}

	const remainder = text.slice(article.headline.length).trim();
	return remainder === '' ? rest : [markedParagraph(kind, remainder), ...rest];
}

/** How many words the article's text holds (deck and paragraphs), for its reading time. */
export function wordCountOf(article: Article): number {
	let count = 0;
	for (const text of [article.deck ?? '', ...article.paragraphs]) {
		count += text.split(/\s+/u).filter(Boolean).length;
	}

	return count;
}

/** The by-line: author, date, reading time and categories, as far as the article has them. */
function metaLine(article: Article, glyphs: Glyphs): string {
	const parts = [
		article.author ? `By ${article.author}` : undefined,
		article.publishedAt === undefined ? undefined : absoluteDateLabel(article.publishedAt),
		readingTimeLabel(wordCountOf(article)),
		article.categories?.length ? article.categories.join(', ') : undefined,
	].filter(part => part !== undefined);
	return parts.join(glyphs.partSeparator);
}

/** A paragraph as the terminal shows it: in ASCII, a list item's bullet becomes the ASCII one. */
function displayedParagraph(paragraph: string, glyphs: Glyphs): string {
	return glyphs.bullet !== unicodeGlyphs.bullet && paragraph.startsWith(`${unicodeGlyphs.bullet} `) ? glyphs.bullet + paragraph.slice(unicodeGlyphs.bullet.length) : paragraph;
}

let cache = new WeakMap<Article, Map<number, readonly ArticleLine[]>>();
/** The glyphs the cached lines were laid out with: they are the same for a whole session. */
let cachedGlyphs: Glyphs | undefined;

/**
 * The article as screen lines at `columnCount` columns: kicker, headline, by-line (with the reading time), address,
 * deck, then paragraphs with blank lines between, and the numbered links the text cites.
 */
export function articleLines(article: Article, columnCount: number, glyphs: Glyphs = unicodeGlyphs): readonly ArticleLine[] {
	if (glyphs !== cachedGlyphs) {
		cache = new WeakMap();
		cachedGlyphs = glyphs;
	}

	const byWidth = cache.get(article) ?? new Map<number, readonly ArticleLine[]>();
	cache.set(article, byWidth);
	const cached = byWidth.get(columnCount);
	if (cached) {
		return cached;
	}

	const lines = freshArticleLines(article, columnCount, glyphs);
	byWidth.clear();
	byWidth.set(columnCount, lines);
	return lines;
}

/**
 * The lines of {@link articleLines}, laid out afresh and kept nowhere: for printing, which lays each article out once
 * (kept, the lines of every printed article would stay in memory, a big file's bodies with them).
 */
export function freshArticleLines(article: Article, columnCount: number, glyphs: Glyphs = unicodeGlyphs): readonly ArticleLine[] {
	const lines: ArticleLine[] = [];
	// Appends one line at a time: spreading a paragraph's lines into push() overflows the stack when a paragraph
	// wraps to hundreds of thousands of lines (a 50 MB single-line file).
	const wrap = (text: string, style: ArticleLineStyle): void => {
		for (const line of wrapParagraph(text, columnCount)) {
			lines.push({text: line, style});
		}
	};

	if (article.kicker) {
		wrap(article.kicker, 'kicker');
	}

	wrap(article.headline, 'headline');
	wrap(metaLine(article, glyphs), 'meta');

	if (article.url) {
		// Addresses are never wrapped, so that terminals can still recognise them.
		lines.push({text: article.url, style: 'link', link: {url: article.url, start: 0}});
	}

	if (article.deck && article.deck !== article.headline) {
		lines.push(blankLine);
		wrap(article.deck, 'deck');
	}

	let previousKind: 'list-item' | 'row' | undefined;
	for (const paragraph of displayedParagraphs(article)) {
		const kind = paragraphKind(paragraph);
		const text = paragraphText(paragraph);
		// A list's items, and a table's rows, sit on consecutive lines; a blank line sets them apart from other paragraphs.
		const consecutiveKind = kind === 'row' ? 'row' : kind === 'text' && listItem.test(text) ? 'list-item' : undefined;
		if (consecutiveKind === undefined || consecutiveKind !== previousKind) {
			lines.push(blankLine);
		}

		previousKind = consecutiveKind;
		switch (kind) {
			case 'preformatted': {
				// Lines and indentation as written, never re-wrapped: the pane cuts a line at its edge.
				for (const line of text.split('\n')) {
					lines.push({text: line, style: 'code'});
				}

				break;
			}

			case 'heading': {
				wrap(text, 'heading');
				break;
			}

			default: {
				wrap(displayedParagraph(text, glyphs), 'body');
			}
		}
	}

	if (article.links?.length) {
		lines.push(blankLine);
		for (const [index, url] of article.links.entries()) {
			const label = `[${index + 1}] `;
			// An address outside the allow-list (a relative one, `file:`, `javascript:`) is shown, never made a link.
			lines.push(isOpenableAddress(url) ? {text: label + url, style: 'link', link: {url, start: label.length}} : {text: label + url, style: 'body'});
		}
	}

	return lines;
}
