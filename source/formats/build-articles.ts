import {type Article, hashText, isOpenableAddress, markedParagraph, paragraphKind, paragraphText} from '../article.js';
import {sanitizeText} from '../text/sanitize-text.js';
import {expandTabs} from '../text/text-width.js';
import {firstSentence} from './sentences.js';
import {uniqueId} from './format.js';

/** An article as a format reads it: any field may be missing; text may still hold control characters. */
export type ArticleDraft = {
	readonly headline?: string;
	readonly kicker?: string;
	readonly deck?: string;
	readonly paragraphs?: readonly string[];
	readonly author?: string;
	readonly publishedAt?: number;
	readonly url?: string;
	readonly categories?: readonly string[];
	readonly links?: readonly string[];
	/** The source's own identifier (RSS guid, Atom id, JSON id). */
	readonly guid?: string;
	/** Overrides the input's name, as a feed's title does. */
	readonly source?: string;
};

type Mutable<T> = {-readonly [Key in keyof T]: T[Key]};

/** White space that folding to single spaces changes: any but a space, or two in a row. */
const foldedWhitespace = /[^\S ]|\s\s/u;

/** One line of text: sanitised, whitespace runs collapsed. */
function cleanLine(text: string | undefined): string | undefined {
	if (text === undefined) {
		return undefined;
	}

	const sanitized = sanitizeText(text);
	// Most lines have only single spaces: the test finds so without making a copy that would be the same.
	const clean = (foldedWhitespace.test(sanitized) ? sanitized.replace(/\s+/gu, ' ') : sanitized).trim();
	return clean === '' ? undefined : clean;
}

/**
 * A paragraph: sanitised, its inner line breaks and space runs folded to single spaces. Preformatted text keeps its
 * lines and indentation instead: tabs expanded, trailing spaces and the blank lines at either end dropped.
 */
function cleanParagraph(paragraph: string): string {
	const kind = paragraphKind(paragraph);
	if (kind === 'text') {
		// Touches only the runs that change (a lone space stays), which is most of the speed of parsing large files; most
		// paragraphs have none, and three plain searches tell so quicker than the pattern does.
		const sanitized = sanitizeText(paragraph);
		const hasRuns = sanitized.includes('\n') || sanitized.includes('  ') || sanitized.includes('\t');
		return (hasRuns ? sanitized.replace(/[\t\n][ \t\n]*| [ \t\n]+/gu, ' ') : sanitized).trim();
	}

	const text = sanitizeText(paragraphText(paragraph));
	const clean = kind === 'preformatted'
		? text.split('\n').map(line => expandTabs(line).trimEnd()).join('\n').replace(/^\n+|\n+$/gu, '')
		: text.replace(/\s+/gu, ' ').trim();
	return clean === '' ? '' : markedParagraph(kind, clean);
}

/** The first sentence of a paragraph, on one line: what a headline made from the text starts from. */
function firstSentenceOf(paragraph: string): string {
	return firstSentence(paragraphKind(paragraph) === 'preformatted' ? paragraphText(paragraph).replace(/\s+/gu, ' ').trim() : paragraphText(paragraph));
}

/** Text without its link markers (` [1]`), as a headline made from it shows it. */
function withoutLinkMarkers(text: string): string {
	return text.replaceAll(/ ?\[\d+\]/gu, '').trim() || text;
}

/** An address worth linking: http(s) or mailto, without spaces or controls (see isOpenableAddress). */
function cleanUrl(url: string | undefined): string | undefined {
	const clean = cleanLine(url);
	return clean && isOpenableAddress(clean) ? clean : undefined;
}

/**
 * Turns drafts into articles: the one place where text from a structured format enters the model. Sanitises every
 * field, gives every article a headline (its deck or first sentence when the source has none), and a stable id: the
 * GUID, else the URL, else a hash of the kicker and headline (so that it survives edits to the body and to the
 * rest of the file), made unique by a count among the articles that share it.
 * Drafts with no text at all are dropped. `seen` counts the identities of earlier parts of the same input, when it is
 * parsed a part at a time; it is updated.
 */
export function buildArticles(drafts: readonly ArticleDraft[], source: string, seen = new Map<string, number>()): Article[] {
	const articles: Article[] = [];
	for (const draft of drafts) {
		const paragraphs = (draft.paragraphs ?? []).map(paragraph => cleanParagraph(paragraph)).filter(paragraph => paragraph !== '');
		const kicker = cleanLine(draft.kicker);
		const deck = cleanLine(draft.deck);
		const title = cleanLine(draft.headline);
		// A headline made from the text drops its link markers: `[1]` means something under the article, not above it.
		// Made only for an article with no title: finding a first sentence takes a pattern over the whole paragraph.
		const madeHeadline = title === undefined ? (deck ?? (paragraphs[0] ? firstSentenceOf(paragraphs[0]) : undefined)) : undefined;
		const headline = title ?? (madeHeadline === undefined ? undefined : withoutLinkMarkers(madeHeadline));
		if (headline === undefined) {
			continue;
		}

		const url = cleanUrl(draft.url);
		const key = cleanLine(draft.guid) ?? url ?? hashText(`${kicker ?? ''}\n${headline}`);
		const categories = (draft.categories ?? []).map(category => cleanLine(category)).filter(category => category !== undefined);
		const links = (draft.links ?? []).map(link => cleanLine(link) ?? '');
		// Fields are assigned one by one, not spread: this runs once per article of files with millions of them.
		const article: Mutable<Article> = {
			id: uniqueId(key, seen),
			headline,
			headlineSource: title ? 'title' : deck ? 'deck' : 'first-sentence',
			paragraphs,
			source: cleanLine(draft.source) ?? cleanLine(source) ?? '',
		};
		const author = cleanLine(draft.author);
		if (kicker) {
			article.kicker = kicker;
		}

		if (deck) {
			article.deck = deck;
		}

		if (author) {
			article.author = author;
		}

		if (draft.publishedAt !== undefined && Number.isFinite(draft.publishedAt)) {
			article.publishedAt = draft.publishedAt;
		}

		if (url) {
			article.url = url;
		}

		if (categories.length > 0) {
			article.categories = categories;
		}

		if (links.length > 0) {
			article.links = links;
		}

		articles.push(article);
	}

	return articles;
}
