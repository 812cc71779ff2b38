import {readFileSync} from 'node:fs';
import {type Article, paragraphText} from '../../source/article.js';
import {parsePlainText} from '../../source/formats/plain-text.js';

/** `count` invented articles, numbered from 1, for tests that need a list longer than the screen. */
export function numberedArticles(count: number): readonly Article[] {
	const text = Array.from({length: count}, (_, index) => {
		const number = index + 1;
		return `Headline number ${number}\n\nBody of article ${number}, which talks about harbour ${number}.\n\nA second paragraph.`;
	}).join('\n---\n');
	return parsePlainText(text, 'numbered.txt').articles;
}

/** Five short invented articles with distinct words, for filtering tests. */
export const newsArticles: readonly Article[] = parsePlainText(
	[
		'MARKETS: Copper prices climb on strong demand\n\nTraders in London bid copper higher for a third day.',
		'Lighthouse keeper retires after forty years\n\nThe keeper of the northern light handed over the keys on Sunday.',
		'WEATHER? Storm Agnes heads for the coast\n\nForecasters warned of high winds and flooding in low towns.',
		'Chess prodigy wins national title\n\nA twelve-year-old beat the champion in a long final game.',
		'City council approves new tram line\n\nThe line will link the harbour with the university by 2030.',
	].join('\n---\n'),
	'news.txt',
).articles;

/** A C0 or C1 control character (tab and line feed aside): none may survive into an article. */
export const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/** Every string an article holds: a paragraph's text without the mark of its kind, which only the readers make. */
export const stringsOf = (article: Article): string[] => [
	article.id, article.headline, article.kicker ?? '', article.deck ?? '', ...article.paragraphs.map(paragraph => paragraphText(paragraph)), article.source,
	article.author ?? '', article.url ?? '', ...(article.categories ?? []), ...(article.links ?? []),
];

/** The text of a fixture under test/fixtures/data. */
export const dataFixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');
