import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {type Article, markedParagraph} from '../../source/article.js';
import {noArticleProblem, parseArticlePage} from '../../source/formats/article-page.js';
import {parseText} from '../../source/formats/parsers.js';

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');

function onlyArticle(name: string): Article {
	const {articles, problems, format} = parseText(page(name), name, {fileName: name});
	expect(format).toBe('html');
	expect(problems).toEqual([]);
	expect(articles).toHaveLength(1);
	return articles[0]!;
}

/** The whole of what a reader sees of an article: its fields and body as one text. */
function allText(article: Article): string {
	return [article.headline, article.deck, article.author, article.source, ...article.paragraphs, ...(article.links ?? [])].join('\n');
}

describe('a news page with JSON-LD in an @graph (harbour-news.html)', () => {
	const article = onlyArticle('harbour-news.html');

	it('takes headline, authors, date, address and site from the JSON-LD and meta', () => {
		expect(article).toMatchObject({
			// The JSON-LD headline, not og:title's shorter one nor the <title> with the site's name.
			headline: 'Night ferry returns to the harbour after six years',
			author: 'Mara Lindqvist, Tomas Reyes',
			publishedAt: Date.parse('2026-03-14T07:30:00Z'),
			url: 'https://news.example.org/harbour/2026/mar/14/night-ferry-returns',
			id: 'https://news.example.org/harbour/2026/mar/14/night-ferry-returns',
			source: 'Harbour Gazette',
			categories: ['Harbour'],
		});
	});

	it('keeps the story, its subheading and its links, resolved against the page address', () => {
		expect(article.paragraphs).toContain(markedParagraph('heading', 'Why it stopped'));
		expect(article.paragraphs.at(-1)).toBe('Freight operators, who moved their lorries to the day boats after the closure, said they would return to the night service if space could be booked in advance. Booking opens on 1 April at ferries.example.org [2].');
		expect(article.links).toEqual(['https://news.example.org/harbour/ferry-timetable', 'https://ferries.example.org/book']);
	});

	it('leaves out the navigation, cookie banner, share bar, related and most-viewed boxes and footer', () => {
		const text = allText(article);
		for (const chrome of ['Sport', 'cookies', 'Accept all', 'Share on Facebook', 'More on this story', 'Port authority budget', 'Most viewed', 'Storm warning', 'All rights reserved', 'Support the Gazette']) {
			expect(text).not.toContain(chrome);
		}
	});
});

describe('a story page with og: and article: meta only (og-meta-story.html)', () => {
	const article = onlyArticle('og-meta-story.html');

	it('takes headline, author, date, section and site from the meta', () => {
		expect(article).toMatchObject({
			headline: 'Valley library to open on Sundays',
			author: 'Priya Natarajan',
			publishedAt: Date.parse('2026-05-02T20:05:00Z'),
			url: 'https://courier.example.com/local/valley-library-sundays-4471',
			source: 'The Valley Courier',
			categories: ['Local'],
			deck: 'Volunteers will staff the main reading room every Sunday afternoon from June.',
		});
	});

	it('reads the body from <article>: paragraphs and a quote, without share links, advertisement or related stories', () => {
		expect(article.paragraphs[0]).toMatch(/^The main branch of the Valley Public Library will open/u);
		expect(article.paragraphs).toContain('> We kept hearing from parents who work Saturdays that the library was never open when they could come.');
		expect(article.paragraphs.at(-1)).toBe('The board will review the Sunday hours in December, when it sets next year\'s budget.');
		const text = allText(article);
		for (const chrome of ['Advertisement', 'Comments (12)', 'Facebook', 'Library budget approved', 'This site uses cookies', 'Popular', 'Advertise']) {
			expect(text).not.toContain(chrome);
		}

		expect(article.links).toEqual(['https://library.example.com/volunteer']);
	});
});

describe('a blog post with a JSON-LD array (tech-blog.html)', () => {
	const article = onlyArticle('tech-blog.html');

	it('takes the BlogPosting, not the breadcrumbs', () => {
		expect(article).toMatchObject({
			headline: 'Parsing dates without tears',
			author: 'Kenji Watanabe',
			publishedAt: Date.parse('2026-02-09T00:00:00Z'),
			url: 'https://notes.example.net/2026/02/parsing-dates/',
			source: 'Field Notes',
		});
	});

	it('keeps code, headings and table rows as their kinds', () => {
		expect(article.paragraphs).toContain(markedParagraph('heading', 'A small parser'));
		expect(article.paragraphs).toContain(markedParagraph('row', 'ISO 8601 | 2026-02-09T10:00:00Z'));
		expect(article.paragraphs).toContain(markedParagraph('preformatted', 'function parseDate(text) {\n  const strict = Date.parse(text);\n  if (!Number.isNaN(strict)) {\n    return strict;\n  }\n  return tolerant(text);\n}'));
		expect(article.links).toEqual(['https://notes.example.net/2025/11/property-tests/']);
		expect(allText(article)).not.toMatch(/Share this|Related|Encodings, again|Great post/u);
	});
});

describe('pages with no article', () => {
	it.each(['front-page.html', 'not-found.html'])('%s gives one problem and no article', name => {
		expect(parseText(page(name), name, {fileName: name})).toEqual({format: 'html', articles: [], problems: [noArticleProblem]});
	});

	it('the old fixture whose feed has moved says there is no article', () => {
		const text = readFileSync(new URL('../fixtures/feeds/not-a-feed.html', import.meta.url), 'utf8');
		expect(parseText(text, 'page.html').problems).toEqual([noArticleProblem]);
	});

	it('never throws on broken markup', () => {
		for (const text of ['<html', '<html><body><p>unclosed', '<html><script type="application/ld+json">{"@graph": [[[[[[{"@type": "NewsArticle"}]]]]]]}</script>', '<!DOCTYPE html>\u0000\u0001<html>']) {
			const result = parseArticlePage(text, 'x');
			expect(result.articles).toEqual([]);
			expect(result.problems).toHaveLength(1);
		}
	});
});

describe('hostile pages', () => {
	it('reads a page nested 3,000 elements deep in well under a second of processor time, keeping its text', () => {
		const story = '<p>The harbour story goes on for long enough to be an article, and the reader should still get to read it whole. </p>'.repeat(4);
		const html = `<html><body>${'<div>'.repeat(3000)}${story}${'</div>'.repeat(3000)}</body></html>`;
		const started = process.cpuUsage();
		const {articles} = parseArticlePage(html, 'deep.html');
		const cpu = process.cpuUsage(started);
		expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
		expect(articles[0]?.paragraphs[0]).toMatch(/^The harbour story goes on/u);
	});

	it('reads tag-like garbage a parser nests thousands deep (<h<!DOCTYPE html>) in time linear in its size', () => {
		const processorMs = (html: string) => {
			const started = process.cpuUsage();
			const {problems} = parseArticlePage(html, 'garbage.html');
			const cpu = process.cpuUsage(started);
			expect(problems).toEqual([noArticleProblem]);
			return (cpu.user + cpu.system) / 1000;
		};

		const page = (count: number) => `${'<!DOCTYPE html>\n<h'.repeat(count)}<html><body><p>Short.</p></body></html>`;
		processorMs(page(100));
		const small = processorMs(page(1000));
		// Eight times the text; quadratic time took 64 times as long (7,600 repeats: 6.5 s).
		const big = processorMs(page(8000));
		expect(big).toBeLessThan(20 * small + 300);
	});
});

describe('what Readability passes over first', () => {
	const story = '<p>The ferry crossed the bay at dawn with forty passengers, and the harbour master said the new timetable would hold through the winter. </p>'.repeat(4);
	const related = '<div class="related"><h2>More stories</h2><ul><li><a href="/a">Council agrees budget after long debate</a></li><li><a href="/b">Storm warning for the coast</a></li></ul></div>';

	it('leaves out related-story boxes however many there are', () => {
		const html = `<html><body><article><h1>Ferry returns</h1>${story}</article>${related.repeat(50)}</body></html>`;
		const [article] = parseArticlePage(html, 'x').articles;
		expect(article?.paragraphs.filter(paragraph => paragraph.startsWith('The ferry crossed'))).toHaveLength(4);
		expect(allText(article!)).not.toMatch(/More stories|Council agrees|Storm warning/u);
	});

	it('reads a story that sits in an element its first pass drops (class "extra"), as its later passes do', () => {
		const html = `<html><body>${related}<div class="page-extra"><h1>Ferry returns</h1>${story}</div></body></html>`;
		const {articles, problems} = parseArticlePage(html, 'x');
		expect(problems).toEqual([]);
		expect(articles[0]?.paragraphs.filter(paragraph => paragraph.startsWith('The ferry crossed'))).toHaveLength(4);
	});

	it('keeps a by-line whose class Readability would otherwise drop (a "header" by-line)', () => {
		const html = `<html><body><article><h1>Ferry returns</h1><div class="header-byline">By Ann Lee</div>${story}</article></body></html>`;
		expect(parseArticlePage(html, 'x').articles[0]?.author).toBe('Ann Lee');
	});
});

describe('what stays a feed', () => {
	it('a feed wrapped in an XHTML page is read as the feed', () => {
		const wrapped = '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Inside</title><entry><title>Found</title></entry></feed></body></html>';
		const {format, articles} = parseText(wrapped, 'x.html');
		expect(format).toBe('rss');
		expect(articles.map(article => article.headline)).toEqual(['Found']);
	});
});

describe('text from the page is sanitised', () => {
	it('drops control characters from the headline, by-line and body', () => {
		const body = '<p>Paragraph one of a story that is long enough to be an article, with plenty of words in it to pass. </p>'.repeat(4);
		const html = `<html><head><meta property="og:title" content="Bell\u0007 rings\u001B[31m"><meta name="author" content="Ann\u0000 Author"></head><body><article><h1>x</h1>${body}<p>Last\u001B]0;owned\u0007 line.</p></article></body></html>`;
		const [article] = parseArticlePage(html, 'x').articles;
		expect(allText(article!)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/u);
		expect(article!.headline).toMatch(/^Bell rings/u);
	});
});
