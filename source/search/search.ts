import Fuse, {type FuseResultMatch, type IFuseOptions} from 'fuse.js';
import {type Article, bodyText} from '../article.js';

/** Character ranges of a headline that a query matched, as [start, end] inclusive pairs (fuse.js's form). */
export type MatchRanges = ReadonlyArray<readonly [number, number]>;

/** One article the query kept, with what to highlight. */
export type SearchHit = {
	readonly article: Article;
	readonly headlineMatches: MatchRanges;
};

type SearchDocument = {
	readonly article: Article;
	readonly headline: string;
	readonly kicker: string;
	readonly deck: string;
	readonly body: string;
};

/**
 * fuse.js tuned for reading news. The defaults match junk (threshold 0.6) and look only at the first ~60
 * characters of a field (location and distance), which would hide every word past a body's first line.
 */
const fuseOptions: IFuseOptions<SearchDocument> = {
	keys: [
		{name: 'headline', weight: 4},
		{name: 'kicker', weight: 2},
		{name: 'deck', weight: 2},
		{name: 'body', weight: 1},
	],
	threshold: 0.2,
	ignoreLocation: true,
	includeMatches: true,
	includeScore: true,
	minMatchCharLength: 2,
	useExtendedSearch: true,
	shouldSort: true,
};

/** A search index over a set of articles, built once and queried on every keystroke. */
export type SearchIndex = {
	/** The articles the query keeps, most relevant first; all of them, in order, for an empty query. */
	search(query: string): readonly SearchHit[];
};

/**
 * Stands in for a field an article lacks. fuse.js skips blank fields, and then an inverse query (`!word`) rejects
 * the article, as if the missing field held the word. Sanitised text never contains this character.
 */
const absentField = '\u2060';

/** Builds the index for `articles`. */
export function createSearchIndex(articles: readonly Article[]): SearchIndex {
	const documents: SearchDocument[] = articles.map(article => ({
		article,
		headline: article.headline,
		kicker: article.kicker ?? absentField,
		deck: article.deck && article.deck !== article.headline ? article.deck : absentField,
		body: bodyText(article) || absentField,
	}));
	const fuse = new Fuse(documents, fuseOptions);
	const everything = articles.map(article => ({article, headlineMatches: []}));

	return {
		search(query) {
			if (query.trim() === '') {
				return everything;
			}

			return fuse.search(query.trim()).map(result => ({
				article: result.item.article,
				headlineMatches: headlineRanges(result.matches),
			}));
		},
	};
}

function headlineRanges(matches: readonly FuseResultMatch[] | undefined): MatchRanges {
	const headlineMatch = matches?.find(match => match.key === 'headline');
	return headlineMatch ? headlineMatch.indices.map(([start, end]) => [start, end] as const) : [];
}
