import type {Article} from '../article.js';
import {groupedNumber} from '../text/numbers.js';

/*
The limits every parsed article is held to, whatever its format. Wrapping, searching and printing a text take memory
and time in proportion to its length: a single line of 500 MB took more than 4 GB, and the interface never drew it.
*/

/**
 * The longest paragraph (or deck) kept whole: past it, the paragraph is cut at a space and ends with a note of how
 * much is not shown. A million characters is some 300 pages.
 */
export const maximumParagraphLength = 1_000_000;
/** The longest headline, kicker, author or source kept whole: past it, the line is cut at a space and ends with `…`. */
export const maximumLineLength = 2000;

/** `text` cut to about `length` characters, at a space when there is one near the end. */
function cutAt(text: string, length: number): string {
	const space = text.lastIndexOf(' ', length);
	return text.slice(0, space > length * 0.9 ? space : length).trimEnd();
}

/** How many characters `count` is, in words: `12,345` or `3.4 million`. */
function characterCount(count: number): string {
	return count >= 1_000_000 ? `${(count / 1_000_000).toFixed(1)} million` : groupedNumber(count);
}

/** A copy of `text` that holds no part of a longer string (a slice would keep all of that string in memory). */
function detached(text: string): string {
	return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** A line within {@link maximumLineLength}. */
export function lineWithinLimit(line: string): string {
	return line.length > maximumLineLength ? detached(`${cutAt(line, maximumLineLength - 1)}…`) : line;
}

/** A paragraph within {@link maximumParagraphLength}, with a note of what it leaves out. */
export function paragraphWithinLimit(paragraph: string): string {
	if (paragraph.length <= maximumParagraphLength) {
		return paragraph;
	}

	const kept = cutAt(paragraph, maximumParagraphLength);
	return detached(`${kept} [… ${characterCount(paragraph.length - kept.length)} more characters of this paragraph are not shown]`);
}

const isLine = (text: string | undefined) => text === undefined || text.length <= maximumLineLength;
const isParagraph = (text: string | undefined) => text === undefined || text.length <= maximumParagraphLength;

/** `article` within the limits above: itself when it is (as nearly every article is), else a copy cut to them. */
export function articleWithinLimits(article: Article): Article {
	// Checked without a callback per article: this runs once for every article of every file.
	if (isLine(article.headline) && isLine(article.kicker) && isLine(article.author) && isLine(article.source) && isParagraph(article.deck) && article.paragraphs.every(isParagraph)) {
		return article;
	}

	return {
		...article,
		headline: lineWithinLimit(article.headline),
		...(article.kicker === undefined ? {} : {kicker: lineWithinLimit(article.kicker)}),
		...(article.author === undefined ? {} : {author: lineWithinLimit(article.author)}),
		source: lineWithinLimit(article.source),
		...(article.deck === undefined ? {} : {deck: paragraphWithinLimit(article.deck)}),
		paragraphs: article.paragraphs.map(paragraph => paragraphWithinLimit(paragraph)),
	};
}
