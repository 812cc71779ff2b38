import {type Article, bodyText, paragraphText} from './article.js';
import {freshArticleLines} from './state/article-lines.js';
import {withBodiesRead} from './load/stored-articles.js';

/**
 * What the scripting modes print. The shapes are documented in readme.md ("Scripting") and stable: fields may be
 * added, never renamed or removed.
 */

/** `--list` (and any pipe): one headline a line, the kicker first where there is one. */
export function headlineLines(articles: readonly Article[]): string {
	return [...outputPieces(articles, 'list', 0)].join('');
}

/** What the scripting modes print: `--list`, `--json` or `--print`. */
export type OutputMode = 'list' | 'json' | 'print';

/**
 * The output of `mode` for `articles`, a piece an article, so that it can be written as it is made: a big file's
 * output is never all in memory, and a reader that stops early (`| head -1`) stops the work. Joined, the pieces are
 * the whole output. `columnCount` is the width `--print` wraps to.
 */
export function * outputPieces(articles: readonly Article[], mode: OutputMode, columnCount: number): Generator<string> {
	const rule = `\n${'─'.repeat(Math.min(columnCount, 40))}\n\n`;
	let index = 0;
	// A big file's bodies are read a window at a time in the file's order, not an article at a time in this one.
	for (const article of mode === 'list' ? articles : withBodiesRead(articles)) {
		switch (mode) {
			case 'list': {
				yield (article.kicker ? `${article.kicker} ${article.headline}` : article.headline) + '\n';
				break;
			}

			case 'json': {
				yield JSON.stringify(articleRecord(article)) + '\n';
				break;
			}

			case 'print': {
				yield (index === 0 ? '' : rule) + freshArticleLines(article, columnCount).map(line => line.text).join('\n') + '\n';
				break;
			}
		}

		index++;
	}
}

/** The object `--json` writes for one article. Absent fields are left out. */
export type ArticleRecord = {
	id: string;
	headline: string;
	kicker?: string;
	deck?: string;
	body: string;
	paragraphs: readonly string[];
	author?: string;
	/** ISO 8601, UTC. */
	published?: string;
	url?: string;
	source: string;
	categories?: readonly string[];
	/** The groups of its feed in a subscription list (OPML folders, newsboat tags). */
	groups?: readonly string[];
	links?: readonly string[];
};

/** One article as `--json` writes it. */
export function articleRecord(article: Article): ArticleRecord {
	return {
		id: article.id,
		headline: article.headline,
		...(article.kicker ? {kicker: article.kicker} : {}),
		...(article.deck ? {deck: article.deck} : {}),
		// Without the marks of paragraph kinds: a code block's paragraph keeps its line breaks.
		body: bodyText(article),
		paragraphs: article.paragraphs.map(paragraph => paragraphText(paragraph)),
		...(article.author ? {author: article.author} : {}),
		...(article.publishedAt === undefined ? {} : {published: new Date(article.publishedAt).toISOString()}),
		...(article.url ? {url: article.url} : {}),
		source: article.source,
		...(article.categories ? {categories: article.categories} : {}),
		...(article.groups?.length ? {groups: article.groups} : {}),
		...(article.links ? {links: article.links} : {}),
	};
}

/** `--json`: NDJSON, one article object a line. */
export function ndjsonLines(articles: readonly Article[]): string {
	return [...outputPieces(articles, 'json', 0)].join('');
}

/** `--print`: each article as the article pane shows it, wrapped to `columnCount`, with a rule between articles. */
export function printedArticles(articles: readonly Article[], columnCount: number): string {
	return [...outputPieces(articles, 'print', columnCount)].join('');
}
