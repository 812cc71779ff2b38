import type {Article} from '../article.js';
import {wrapParagraph} from '../terminal/text-width.js';

/** How a line of the article pane is drawn. */
export type ArticleLineStyle = 'kicker' | 'headline' | 'deck' | 'body' | 'blank';

/** One screen line of an article, already wrapped to the pane's width. */
export type ArticleLine = {readonly text: string; readonly style: ArticleLineStyle};

const blankLine: ArticleLine = {text: '', style: 'blank'};

/** The paragraphs to show under the headline: a headline taken from the first sentence is not printed twice. */
function displayedParagraphs(article: Article): readonly string[] {
	const [first, ...rest] = article.paragraphs;
	if (article.headlineSource !== 'first-sentence' || first === undefined || !first.startsWith(article.headline)) {
		return article.paragraphs;
	}

	const remainder = first.slice(article.headline.length).trim();
	return remainder === '' ? rest : [remainder, ...rest];
}

const cache = new WeakMap<Article, Map<number, readonly ArticleLine[]>>();

/** The article as screen lines at `columnCount` columns: kicker, headline, deck, then paragraphs with blank lines between. */
export function articleLines(article: Article, columnCount: number): readonly ArticleLine[] {
	const byWidth = cache.get(article) ?? new Map<number, readonly ArticleLine[]>();
	cache.set(article, byWidth);
	const cached = byWidth.get(columnCount);
	if (cached) {
		return cached;
	}

	const wrap = (text: string, style: ArticleLineStyle): ArticleLine[] =>
		wrapParagraph(text, columnCount).map(line => ({text: line, style}));
	const lines: ArticleLine[] = [];
	if (article.kicker) {
		lines.push(...wrap(article.kicker, 'kicker'));
	}

	lines.push(...wrap(article.headline, 'headline'));
	if (article.deck && article.deck !== article.headline) {
		lines.push(blankLine, ...wrap(article.deck, 'deck'));
	}

	for (const paragraph of displayedParagraphs(article)) {
		lines.push(blankLine, ...wrap(paragraph, 'body'));
	}

	byWidth.clear();
	byWidth.set(columnCount, lines);
	return lines;
}
