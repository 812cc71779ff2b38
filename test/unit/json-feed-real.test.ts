import {describe, expect, it} from 'vitest';
import {detectFormat} from '../../source/formats/detect.js';
import {parseText} from '../../source/formats/parsers.js';
import {salvagedJson} from '../../source/formats/json-salvage.js';

const items = [
	{id: '1', url: 'https://example.com/1', title: '&#8216;Jokes&#8217; at the harbour', content_text: 'The comedians came by ferry.', authors: [{name: 'Ann Example'}]},
	{id: '2', url: 'https://example.com/2', title: 'Bridge closes', content_text: 'The old bridge closes in March.', authors: [{name: 'Bo Writer'}]},
	{id: '3', url: 'https://example.com/3', title: 'Storm warning', content_text: 'A storm is due tonight.'},
];

function feedText(feed: Record<string, unknown>, escapeSlashes = false): string {
	const text = JSON.stringify(feed, undefined, 2);
	return escapeSlashes ? text.replaceAll('/', '\\/') : text;
}

describe('JSON Feed (issue 13)', () => {
	it('is recognised with escaped slashes in its version', () => {
		const text = feedText({version: 'https://jsonfeed.org/version/1.1', title: 'Harbour Gazette', items}, true);
		expect(detectFormat(text)).toBe('json-feed');
		const parsed = parseText(text, 'feed.json');
		expect(parsed.articles.map(article => [article.author, article.source])).toEqual([['Ann Example', 'Harbour Gazette'], ['Bo Writer', 'Harbour Gazette'], [undefined, 'Harbour Gazette']]);
	});

	it('is read as a JSON Feed when its version comes after the first 16 KiB', () => {
		const padding = Array.from({length: 40}, (_, index) => ({id: `p${index}`, title: `Filler ${index}`, content_text: 'x'.repeat(500)}));
		const text = JSON.stringify({title: 'Harbour Gazette', items: [...items, ...padding], version: 'https://jsonfeed.org/version/1.1'});
		const parsed = parseText(text, 'feed.json');
		expect(parsed.articles[0]!.author).toBe('Ann Example');
		expect(parsed.articles[0]!.source).toBe('Harbour Gazette');
	});

	it('decodes entities in titles', () => {
		const parsed = parseText(feedText({version: 'https://jsonfeed.org/version/1', title: 'T', items}), 'feed.json');
		expect(parsed.articles[0]!.headline).toBe('‘Jokes’ at the harbour');
	});

	it('keeps the whole items of a file cut off in the middle, with a warning', () => {
		const whole = feedText({version: 'https://jsonfeed.org/version/1.1', title: 'Harbour Gazette', items});
		const cut = whole.slice(0, whole.indexOf('Storm warning'));
		const parsed = parseText(cut, 'feed.json');
		expect(parsed.articles.map(article => article.headline)).toEqual(['‘Jokes’ at the harbour', 'Bridge closes']);
		expect(parsed.problems[0]).toMatch(/^the file ends early \(.*\): read the items before the cut$/u);
	});

	it('keeps the whole records of plain JSON cut off in the middle', () => {
		const whole = JSON.stringify({articles: items.map(({title, content_text: body}) => ({title, body}))});
		const parsed = parseText(whole.slice(0, -30), 'news.json');
		expect(parsed.articles.length).toBe(2);
		expect(parsed.problems[0]).toMatch(/^the file ends early/u);
	});

	it('salvages nothing from JSON broken some other way', () => {
		expect(salvagedJson('{"items": [{"a": 1}]]')).toBeUndefined();
		expect(salvagedJson('{"items": [{"a": 1}]}')).toBeUndefined();
		expect(salvagedJson('{"items": [{"a": 1}, {"b')).toEqual({items: [{a: 1}]});
	});
});

describe('RSS written as JSON (issue 13)', () => {
	it('reads its channel\'s items as articles, with their titles, links, dates and text', () => {
		const text = JSON.stringify({rss: {channel: {title: 'Harbour Gazette', link: 'https://example.com/', item: [
			{title: 'Ferry news', link: 'https://example.com/1', description: '<p>The ferry runs.</p>', pubDate: 'Tue, 10 Jun 2003 04:00:00 GMT'},
			{title: 'Bridge closes', link: 'https://example.com/2', description: 'Closed in March.'},
		]}}});
		const parsed = parseText(text, 'feed.json');
		expect(parsed.articles.map(article => [article.headline, article.url, article.paragraphs])).toEqual([
			['Ferry news', 'https://example.com/1', ['The ferry runs.']],
			['Bridge closes', 'https://example.com/2', ['Closed in March.']],
		]);
		expect(parsed.articles[0]!.publishedAt).toBe(Date.UTC(2003, 5, 10, 4));
	});
});
