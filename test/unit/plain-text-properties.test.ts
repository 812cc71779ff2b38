import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {sanitizeText} from '../../source/text/sanitize-text.js';

const withoutSpace = (text: string) => text.replace(/\s+/gu, '');

function textOf(article: Article): string {
	const headline = article.headlineSource === 'title' ? article.headline : '';
	const deck = article.headlineSource === 'deck' ? (article.deck ?? '') : '';
	return [article.kicker ?? '', headline, deck, ...article.paragraphs].join('');
}

/**
 * What the parser may drop: separator lines, form feeds, and what sanitising removes by design (control sequences,
 * controls, invisible characters and soft hyphens, see sanitize-text.ts). Nothing else counts as lost.
 */
function keptText(input: string): string {
	return sanitizeText(input.replaceAll('\f', '\n'))
		.split('\n')
		.filter(line => !/^[ \t]*-{3,}[ \t]*$/u.test(line))
		.join('\n');
}

// Text shaped like news files: words, kickers, sentence ends, blank and separator lines, wide characters.
const newsLikeText = fc
	.array(
		fc.oneof(
			fc.constantFrom('CANCER:', 'EUROPEAN FUTURE?', '‘QUOTED’:', 'The', 'minister', 'said', 'Tributes', 'poured', 'Mr.', 'U.S.', '習近平', 'news\u00ADpaper', '---', '\f', '\t'),
			fc.constantFrom('.', '?', '!', ',', '”', '“', ' ', '\n', '\n\n', '\r\n'),
			fc.string({maxLength: 12}),
		),
		{maxLength: 120},
	)
	.map(parts => parts.join(' '));

describe('the plain-text parser on arbitrary input', () => {
	it('never throws and never loses a character', () => {
		fc.assert(
			fc.property(fc.oneof(newsLikeText, fc.string({maxLength: 400}), fc.string({unit: 'binary', maxLength: 200})), input => {
				const {articles} = parsePlainText(input, 'fuzz.txt');
				expect(articles.map(article => withoutSpace(textOf(article))).join('')).toBe(withoutSpace(keptText(input)));
				for (const article of articles) {
					expect(article.headline.trim()).not.toBe('');
				}
			}),
			{numRuns: 2000},
		);
	});

	it('finishes in bounded time on long lines and many lines', () => {
		const started = performance.now();
		parsePlainText('word '.repeat(200_000), 'long-line.txt');
		parsePlainText('CANCER: ' + 'a b '.repeat(50_000), 'long-kicker.txt');
		parsePlainText('line\n'.repeat(100_000), 'many-lines.txt');
		expect(performance.now() - started).toBeLessThan(5000);
	});
});
