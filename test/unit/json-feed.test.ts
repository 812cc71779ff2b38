import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseJsonFeed} from '../../source/formats/json-feed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('JSON Feed 1.1', () => {
	const {articles, problems} = parseJsonFeed(fixture('json-feed-1.1.json'), 'feed.json');
	const [regatta, flood] = articles;

	it('reads the items, and names the ones it skips', () => {
		expect(articles).toHaveLength(2);
		expect(problems).toEqual(['item 3: not an object', 'item 4: no title and no text']);
	});

	it('maps title, HTML content, summary, url, id, date, authors and tags', () => {
		expect(regatta).toMatchObject({
			id: '2024-07-regatta',
			headline: 'Regatta returns after two years',
			deck: 'Forty crews have entered the July regatta.',
			paragraphs: ['The regatta returns on 20 July with forty crews.', 'Spectators can watch from the east bank [1].'],
			links: ['https://riverside.example/map'],
			url: 'https://riverside.example/2024/07/regatta',
			publishedAt: Date.parse('2024-07-01T06:00:00Z'),
			author: 'Lena Brandt, Yusuf Demir',
			categories: ['sport', 'river'],
			source: 'Riverside Weekly',
		});
	});

	it('reads text content, a numeric id, external_url, date_modified and the feed authors', () => {
		expect(flood).toMatchObject({
			id: '42',
			headline: 'The council publishes its flood plan today.',
			headlineSource: 'first-sentence',
			paragraphs: ['The council publishes its flood plan today.', 'Residents can comment until September.'],
			url: 'https://elsewhere.example/flood-plan',
			publishedAt: Date.parse('2024-06-28T12:00:00Z'),
			author: 'Riverside newsroom',
		});
	});
});

describe('JSON Feed 1.0', () => {
	it('reads the single author object, of the item or of the feed', () => {
		const {articles, problems} = parseJsonFeed(fixture('json-feed-1.0.json'), 'feed.json');
		expect(problems).toEqual([]);
		expect(articles.map(article => [article.headline, article.author, article.paragraphs])).toEqual([
			['Town clock is right again', 'Hal Whitby', ['After three weeks the town clock shows the right time.']],
			['Market moves indoors', 'The Crier', ['The Saturday market moves into the hall for winter.']],
		]);
	});
});

describe('summaries', () => {
	const feed = (item: object) => JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [item]});

	it('drops a summary that only repeats the opening of the content', () => {
		const [article] = parseJsonFeed(feed({id: '1', title: 'A', summary: 'The first words of…', content_text: 'The first words of the story.'}), 'f').articles;
		expect(article?.deck).toBeUndefined();
	});

	it('uses the summary as the text when there is no content', () => {
		const [article] = parseJsonFeed(feed({id: '1', title: 'A', summary: 'Only a summary.'}), 'f').articles;
		expect(article?.paragraphs).toEqual(['Only a summary.']);
	});
});

describe('bad input', () => {
	it('says where the JSON breaks', () => {
		const {articles, problems} = parseJsonFeed('{\n"version": "https://jsonfeed.org/version/1.1",\n"items": [\n{"title": "x",}\n]}', 'f');
		expect(articles).toEqual([]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^line 4, column 15: not valid JSON \(Expected double-quoted property name\)$/u);
		expect(problems[0]).not.toMatch(/position/u);
	});

	it('says when JSON is not a JSON Feed', () => {
		expect(parseJsonFeed('[1, 2]', 'f').problems).toEqual(['not a JSON Feed: no "items" list']);
		expect(parseJsonFeed('{"title": "x"}', 'f').problems).toEqual(['not a JSON Feed: no "items" list']);
	});

	it('reads an unknown version, and says so', () => {
		const {articles, problems} = parseJsonFeed('{"version": "https://jsonfeed.org/version/2", "items": [{"id": "1", "title": "Hi"}]}', 'f');
		expect(articles).toHaveLength(1);
		expect(problems).toEqual(['unknown JSON Feed version "https://jsonfeed.org/version/2": read as 1.1']);
	});

	it('ignores fields of the wrong type', () => {
		const {articles} = parseJsonFeed(JSON.stringify({version: 'https://jsonfeed.org/version/1', items: [{id: {}, title: 7, content_html: ['x'], content_text: 'Text.', tags: 'news', authors: 'me', date_published: 12}]}), 'f');
		expect(articles).toHaveLength(1);
		expect(articles[0]).toMatchObject({headline: '7', paragraphs: ['Text.']});
		expect(articles[0]?.categories).toBeUndefined();
		expect(articles[0]?.publishedAt).toBeUndefined();
	});
});

describe('JSON Feed attachments (issue 13)', () => {
	it('become numbered links with their type and size', () => {
		const feed = JSON.stringify({
			version: 'https://jsonfeed.org/version/1.1',
			title: 'Radio',
			home_page_url: 'https://radio.example/',
			items: [{id: '1', title: 'Episode 1', content_text: 'The first episode.', attachments: [
				{url: '/1.mp3', mime_type: 'audio/mpeg', size_in_bytes: 2_500_000},
				{url: 'https://radio.example/1.m4a', mime_type: 'audio/x-m4a'},
				{url: 'file:///etc/passwd', mime_type: 'audio/mpeg'},
				'not an attachment',
			]}],
		});
		const [article] = parseJsonFeed(feed, 'radio.json').articles;
		expect(article!.paragraphs).toEqual(['The first episode.', 'Audio (audio/mpeg, 2.5 MB) [1]', 'Audio (audio/x-m4a) [2]']);
		expect(article!.links).toEqual(['https://radio.example/1.mp3', 'https://radio.example/1.m4a']);
	});
});
