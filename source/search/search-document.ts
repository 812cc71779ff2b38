import {type Article, bodyText} from '../article.js';

/** What fuse.js searches in an article: its fields by name, in the order of {@link fieldNames}. */
export type SearchDocument = {
	readonly article: Article;
	readonly headline: string;
	readonly kicker: string;
	readonly deck: string;
	readonly body: string;
};

/** The searched fields, in a fixed order: a field's position is its number in the word index. */
export const fieldNames = ['headline', 'kicker', 'deck', 'body'] as const;

/** How much a match in each field counts, before fuse.js scales the weights to sum to 1. */
export const fieldWeights = {headline: 4, kicker: 2, deck: 2, body: 1} as const;

/**
 * Stands in for a field an article lacks. fuse.js skips blank fields, and then an inverse query (`!word`) rejects
 * the article, as if the missing field held the word. Sanitised text never contains this character.
 */
export const absentField = '\u2060';

/** The deck when it adds to the headline (a deck the headline was made from would only repeat it). */
export function deckOf(article: Pick<Article, 'deck' | 'headline'>): string | undefined {
	return article.deck && article.deck !== article.headline ? article.deck : undefined;
}

/**
 * How much of each field fuse.js reads. It collects every match's position and spreads them into one call, which
 * overflows the stack on a field of millions of characters (a 50 MB single-line file).
 */
export const longestSearchedFieldLength = 200_000;

const searched = (text: string) => (text.length > longestSearchedFieldLength ? text.slice(0, longestSearchedFieldLength) : text);

/**
 * How much of a headline fuse.js reads, ranking or marking its matches. A headline of this length already fills many
 * screens; past it, a hostile headline (one line of a megabyte) matches a word tens of thousands of times, and
 * fuse.js's spread of their positions overflows the stack of a render.
 */
export const longestSearchedHeadlineLength = 10_000;

/** The part of `headline` that fuse.js reads. */
export function searchedHeadline(headline: string): string {
	return headline.length > longestSearchedHeadlineLength ? headline.slice(0, longestSearchedHeadlineLength) : headline;
}

/**
 * The article's author and source, which the filter's free words search at the head of the body (`'okafor` finds
 * Ana Okafor's articles, `'gazette` those of gazette.txt); empty when it has neither.
 */
export function bylineOf({author, source}: Pick<Article, 'author' | 'source'>): string {
	// Without arrays: the word index asks it of every article of a big file as it is parsed.
	if (author === undefined || author === '') {
		return source;
	}

	return source === '' ? author : `${author} ${source}`;
}

/** The document fuse.js ranks for `article`. */
export function searchDocumentOf(article: Article): SearchDocument {
	const byline = bylineOf(article);
	const body = bodyText(article);
	return {
		article,
		headline: searchedHeadline(article.headline),
		kicker: article.kicker ?? absentField,
		deck: searched(deckOf(article) ?? absentField),
		body: searched((byline && body ? `${byline}\n\n${body}` : byline || body) || absentField),
	};
}
