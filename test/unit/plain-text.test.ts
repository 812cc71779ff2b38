import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {kickerOf, parsePlainText} from '../../source/formats/plain-text.js';

const seed = readFileSync(new URL('../../samples/taipei-times.txt', import.meta.url), 'utf8');

/** Every non-space character an article holds, in reading order. */
function textOf(article: Article): string {
	const headline = article.headlineSource === 'title' ? article.headline : '';
	const deck = article.headlineSource === 'deck' ? (article.deck ?? '') : '';
	return [article.kicker ?? '', headline, deck, ...article.paragraphs].join('');
}

const withoutSpace = (text: string) => text.replace(/\s+/gu, '');

describe('the seed file', () => {
	const {articles, problems} = parsePlainText(seed, 'taipei-times.txt');

	it('holds exactly five articles, with no problems', () => {
		expect(articles).toHaveLength(5);
		expect(problems).toEqual([]);
	});

	it('reads lines 1-20 as one article of twenty paragraphs, headed by its first sentence', () => {
		const [first] = articles;
		expect(first?.kicker).toBeUndefined();
		expect(first?.headlineSource).toBe('first-sentence');
		expect(first?.headline).toBe(
			'Japan and the US agreed in top-level talks yesterday to strengthen their military alliance and step up work on missile defense due to the threat from North Korea.',
		);
		expect(first?.paragraphs).toHaveLength(20);
		expect(first?.paragraphs[19]).toBe('"Congratulations," Rice said to Abe in front of cameras as she entered his office.');
	});

	it('takes the kickers as fields of their own, as written', () => {
		expect(articles.map(article => article.kicker)).toEqual([undefined, 'EUROPEAN FUTURE?', 'FRAUD ALLEGED:', 'CANCER:', undefined]);
		expect(articles.every(article => !article.headline.includes('EUROPEAN FUTURE') && !article.headline.startsWith('CANCER'))).toBe(true);
	});

	it('splits each kicker line into deck and body where the seam is clear', () => {
		expect(articles[1]?.deck).toBe(
			'Albanian Prime Minister Edi Rama says only he could secure EU membership, but challenges remain in dealing with corruption and a brain drain',
		);
		expect(articles[1]?.paragraphs[0]).toMatch(/^Albanian Prime Minister Edi Rama seeks to win an unprecedented fourth term/u);
		expect(articles[2]?.deck).toBe(
			'The leader of an opposition alliance made allegations of electoral irregularities and called for a protest in Tirana as European leaders are to meet',
		);
		expect(articles[2]?.paragraphs[0]).toMatch(/^Albanian Prime Minister Edi Rama’s Socialist Party scored a large victory/u);
		expect(articles[3]?.deck).toBe(
			'Jose Mujica earned the moniker ‘world’s poorest president’ for giving away much of his salary and living a simple life on his farm, with his wife and dog',
		);
		expect(articles[3]?.paragraphs[0]).toMatch(/^Tributes poured in on Tuesday from across Latin America/u);
	});

	it('uses the deck as the headline of a kicker article', () => {
		expect(articles.slice(1, 4).map(article => [article.headlineSource, article.headline === article.deck])).toEqual([
			['deck', true],
			['deck', true],
			['deck', true],
		]);
	});

	it('reads the last line as an article without a kicker, wide characters intact', () => {
		const last = articles[4];
		expect(last?.kicker).toBeUndefined();
		expect(last?.headline).toBe(
			'Myanmar’s junta chief met Chinese President Xi Jinping (習近平) for the first time since seizing power, state media reported yesterday, the highest-level meeting with a key ally for the internationally sanctioned military leader.',
		);
		expect(last?.paragraphs.join(' ')).toMatch(/pursued by the$/u);
	});

	it('loses no text: every non-space character belongs to exactly one article, in order', () => {
		expect(articles.map(article => withoutSpace(textOf(article))).join('')).toBe(withoutSpace(seed));
	});

	it('gives every article a distinct, stable id', () => {
		const again = parsePlainText(seed, 'other-name.txt').articles;
		expect(new Set(articles.map(article => article.id)).size).toBe(5);
		expect(again.map(article => article.id)).toEqual(articles.map(article => article.id));
	});

	it('reads the same with a BOM and CRLF line ends', () => {
		const windowsSeed = '\uFEFF' + seed.replaceAll('\n', '\r\n');
		const parsed = parsePlainText(windowsSeed, 'taipei-times.txt').articles;
		expect(parsed.map(article => [article.kicker, article.headline, article.paragraphs])).toEqual(
			articles.map(article => [article.kicker, article.headline, article.paragraphs]),
		);
	});
});

describe('kickers', () => {
	it.each([
		['EUROPEAN FUTURE? Albania votes', 'EUROPEAN FUTURE?'],
		['CANCER: Mujica dies', 'CANCER:'],
		['‘STRONG GENERATION’: A new cohort', '‘STRONG GENERATION’:'],
		['US-CHINA TALKS: Trade resumes', 'US-CHINA TALKS:'],
	])('finds the kicker of %j', (line, kicker) => {
		expect(kickerOf(line)).toBe(kicker);
	});

	it.each(['I: think so', 'Why? Because it rained', 'Note: lower case is not a kicker', 'CANCER:', 'NO KICKER here without a colon'])(
		'finds none in %j',
		line => {
			expect(kickerOf(line)).toBeUndefined();
		},
	);
});

describe('articles separated by blank lines', () => {
	const text = [
		'Harbour bridge reopens after repairs',
		'The old bridge carried its first cars in two years on Monday.',
		'Engineers replaced every cable.',
		'',
		'',
		'Rain expected all week',
		'Forecasters said the wet spell would last until Sunday.',
		'',
		'A lone paragraph that ends with a period serves as its own headline.',
	].join('\n');
	const {articles} = parsePlainText(text, 'news.txt');

	it('makes one article of each block', () => {
		expect(articles.map(article => article.headline)).toEqual([
			'Harbour bridge reopens after repairs',
			'Rain expected all week',
			'A lone paragraph that ends with a period serves as its own headline.',
		]);
	});

	it('takes a short first line without a closing period as the headline, and the rest as paragraphs', () => {
		expect(articles[0]?.headlineSource).toBe('title');
		expect(articles[0]?.paragraphs).toEqual(['The old bridge carried its first cars in two years on Monday.', 'Engineers replaced every cable.']);
		expect(articles[2]?.headlineSource).toBe('first-sentence');
	});

	it('joins hard-wrapped lines into paragraphs, breaking at indented lines', () => {
		const wrapped = ['Wheat prices climb', '  Wheat rose for a third day', 'as dry weather hurt crops.', '  Traders expect more gains', 'next week.', '', 'Other news', 'Body.'].join('\n');
		expect(parsePlainText(wrapped, 'w.txt').articles[0]?.paragraphs).toEqual([
			'Wheat rose for a third day as dry weather hurt crops.',
			'Traders expect more gains next week.',
		]);
	});
});

describe('articles separated by separator lines', () => {
	it('splits on --- lines and keeps blank lines as paragraph breaks', () => {
		const text = 'First story\n\nIts first paragraph.\n\nIts second paragraph.\n---\nSecond story\n\nOnly paragraph.\n';
		const {articles} = parsePlainText(text, 's.txt');
		expect(articles.map(article => [article.headline, article.paragraphs])).toEqual([
			['First story', ['Its first paragraph.', 'Its second paragraph.']],
			['Second story', ['Only paragraph.']],
		]);
	});

	it('splits on form feeds', () => {
		const {articles} = parsePlainText('One\nBody one.\fTwo\nBody two.', 'f.txt');
		expect(articles.map(article => article.headline)).toEqual(['One', 'Two']);
	});

	it('ignores empty sections', () => {
		expect(parsePlainText('---\n\n---\nOnly\nBody.\n---\n', 'e.txt').articles).toHaveLength(1);
	});
});

describe('text that must not reach the terminal', () => {
	it('strips escape sequences and control characters where text enters the model', () => {
		const hostile = 'Title \u001B]0;owned\u0007here\nBody \u001B[31mred\u001B[0m text\u0007 with\u202E bidi.';
		const [article] = parsePlainText(hostile, 'h.txt').articles;
		expect(article?.headline).toBe('Title here');
		expect(article?.paragraphs).toEqual(['Body red text with bidi.']);
	});
});

describe('nothing to read', () => {
	it.each(['', '   \n\n\t\n', '---\n---\n'])('gives no articles for %j', text => {
		expect(parsePlainText(text, 'empty.txt').articles).toEqual([]);
	});
});
