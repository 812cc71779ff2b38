import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {jsonErrorOffset} from '../../source/formats/json-errors.js';
import {looksLikeNdjson, parseJson, parseNdjson} from '../../source/formats/json.js';
import {controlCharacter, dataFixture, stringsOf} from '../helpers/articles.js';

describe('parseJson', () => {
	it('reads an array of articles with varied field names', () => {
		const {articles, problems} = parseJson(dataFixture('articles-array.json'), 'articles-array.json');
		expect(problems).toEqual([]);
		expect(articles.map(article => article.headline)).toEqual([
			'Harbour ferry returns after winter refit',
			'Council votes to light the old lighthouse again',
			'Fish market moves indoors',
		]);
		expect(articles[0]).toMatchObject({
			id: 'harbour-2024-001',
			headlineSource: 'title',
			paragraphs: [
				'The blue ferry that links the two halves of Port Wenning went back into service on Monday.',
				'Commuters queued from six in the morning, some with flasks of tea, to be first aboard.',
			],
			source: 'articles-array.json',
			author: 'Mara Oyelaran',
			publishedAt: Date.UTC(2024, 2, 4, 7, 30),
			url: 'https://news.example.org/harbour/ferry-returns',
			categories: ['transport', 'port wenning'],
		});
		expect(articles[1]).toMatchObject({author: 'Tom Achterberg', publishedAt: 1_709_712_000_000, kicker: 'Local'});
		expect(articles[2]).toMatchObject({
			deck: 'Traders will sell from the converted rope works from April.',
			author: 'Ines Calder, Bo Lindqvist',
			publishedAt: Date.UTC(2024, 2, 5, 10),
			categories: ['Business'],
		});
	});

	it('finds the list under `articles`, and takes each article\'s own source', () => {
		const {articles, problems} = parseJson(dataFixture('newsapi-style.json'), 'newsapi-style.json');
		expect(problems).toEqual([]);
		expect(articles).toHaveLength(2);
		expect(articles[0]).toMatchObject({
			source: 'The Valley Courier',
			deck: 'A cold February has held back the apple trees by two weeks.',
			paragraphs: ['Growers across the valley say the blossom will come late this year after the coldest February in a decade.'],
		});
		expect(articles[1]).toMatchObject({source: 'Valley Radio', headline: 'Bridge repairs close the river road for a week', paragraphs: []});
	});

	it('finds a list nested deeper (`response.docs`), with snake_case names and object headlines', () => {
		const {articles} = parseJson(dataFixture('nested-container.json'), 'nested.json');
		expect(articles.map(article => [article.id, article.headline, article.url])).toEqual([
			['nyc/2024/03/01/snow', 'Snow closes schools across the north', 'https://paper.example.com/2024/03/01/snow.html'],
			['nyc/2024/03/02/thaw', 'Thaw brings floods to low streets', 'https://paper.example.com/2024/03/02/thaw.html'],
		]);
		expect(articles[0]).toMatchObject({
			deck: 'Heavy snow overnight shut forty schools.',
			paragraphs: ['Forty schools stayed shut on Friday after a night of heavy snow.'],
			author: 'Sam Whitlock',
		});
	});

	it('reads WordPress posts: rendered HTML with its links, entities, the GMT date', () => {
		const [post] = parseJson(dataFixture('wordpress-posts.json'), 'wp.json').articles;
		expect(post).toMatchObject({
			id: '4117',
			headline: 'The town choir’s first prize',
			deck: 'A year of rehearsals paid off for Eastbrook’s singers.',
			paragraphs: [
				'The Eastbrook choir won first prize at the county festival on Saturday.',
				'Its conductor, Lena Duarte, said the singers had rehearsed & toured for a year (results [1]).',
			],
			links: ['https://festival.example.org/results'],
			publishedAt: Date.UTC(2024, 1, 20, 13, 5),
		});
		expect(post?.categories).toBeUndefined();
	});

	it('unwraps records that wrap the article (`data.children[].data`)', () => {
		const {articles, problems} = parseJson(dataFixture('reddit-listing.json'), 'reddit.json');
		expect(problems).toEqual([]);
		expect(articles.map(article => [article.headline, article.author, article.publishedAt])).toEqual([
			['Our village kept its post office open', 'hedgerow_fan', 1_709_900_000_000],
			['New cycle path opens between two towns', 'spokes', 1_709_990_000_000],
		]);
	});

	it('reads a single article object', () => {
		const {articles} = parseJson(dataFixture('single-article.json'), 'one.json');
		expect(articles).toHaveLength(1);
		expect(articles[0]).toMatchObject({headline: 'Library extends its opening hours', publishedAt: Date.UTC(2024, 3, 15)});
	});

	it('gives no articles and one problem naming the position for invalid JSON', () => {
		const {articles, problems} = parseJson(dataFixture('invalid.json'), 'invalid.json');
		expect(articles).toEqual([]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^line 3, column 22: \S/u);
		expect(problems[0]).not.toMatch(/position|is not valid JSON/u);
	});

	it.each([
		['{"title": x}', 'line 1, column 11: not valid JSON (Unexpected token'],
		['[1, 2,', 'line 1, column 7: not valid JSON (Unexpected end of JSON input)'],
		['', 'line 1, column 1: not valid JSON (Unexpected end of JSON input)'],
		['{"a": 1}\ntrailing', 'line 2, column 1:'],
	])('names the position in %j', (text, expected) => {
		expect(parseJson(text, 'x.json').problems[0]).toContain(expected);
	});

	it('skips records without any text, with a problem naming their fields', () => {
		const {articles, problems} = parseJson(dataFixture('missing-text.json'), 'missing.json');
		expect(articles.map(article => article.headline)).toEqual(['A story with a headline only', 'A story without a headline.']);
		expect(articles[1]?.headlineSource).toBe('first-sentence');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^item 2: no headline or text, skipped \(fields: id, url, views\)/u);
	});

	it('reports items that are not objects', () => {
		const {articles, problems} = parseJson('[{"title": "Kept"}, 5, "text", null]', 'mixed.json');
		expect(articles).toHaveLength(1);
		expect(problems).toEqual([
			'item 2: a number, not an article object; skipped',
			'item 3: a string, not an article object; skipped',
			'item 4: null, not an article object; skipped',
		]);
	});

	it('applies --fields, and reports a field no record has', () => {
		const text = JSON.stringify([{tagline: 'Mapped headline', copy: 'Mapped body.'}]);
		const {articles, problems} = parseJson(text, 'x.json', {fieldMap: {headline: 'tagline', body: 'copy', author: 'writer_name'}});
		expect(articles[0]).toMatchObject({headline: 'Mapped headline', paragraphs: ['Mapped body.']});
		expect(problems).toEqual(['--fields author=writer_name: no such field (fields: tagline, copy)']);
	});

	it('reads JSON Lines given to it as JSON', () => {
		const {articles, problems} = parseJson(dataFixture('bad-lines.ndjson'), 'lines.json');
		expect(articles).toHaveLength(3);
		expect(problems).toHaveLength(3);
	});

	it('strips a byte-order mark', () => {
		expect(parseJson('\uFEFF[{"title": "T"}]', 'bom.json').articles).toHaveLength(1);
	});

	it('never puts control characters in the model', () => {
		const {articles} = parseJson(JSON.stringify([{title: 'Evil\u001B[2Jtitle', body: 'Body\u0007 text.'}]), 'x.json');
		expect(articles[0]?.headline).toBe('Eviltitle');
		expect(articles[0]?.paragraphs).toEqual(['Body text.']);
	});
});

describe('parseNdjson', () => {
	it('reads one object a line, with wire-style hard-wrapped bodies joined into paragraphs', () => {
		const {articles, problems} = parseNdjson(dataFixture('wire.jsonl'), 'wire.jsonl');
		expect(articles.map(article => article.headline)).toEqual([
			'NORTHLAND MILLS RAISES FLOUR OUTPUT',
			'TOLLAND BANK CUTS PRIME RATE',
			'ESTMAR SHIPPING SEES LOWER PROFIT',
		]);
		expect(articles[0]).toMatchObject({
			id: '101',
			source: 'wire.jsonl',
			categories: ['grain', 'wheat'],
			paragraphs: [
				'Northland Mills Inc said it raised flour output at its Keston plant by twelve pct in February, citing strong demand from bakeries in the eastern provinces.',
				'The company said it expected output to stay at the higher level through the spring.',
				'A spokesman said no new hires were planned.',
				'Reuter',
			],
		});
		expect(new Date(articles[0]!.publishedAt!).toISOString()).toMatch(/^1987-03-02T/u);
		expect(problems).toEqual([expect.stringMatching(/^line 3: no headline or text, skipped/u)]);
	});

	it('keeps the good lines and reports each bad one by line number', () => {
		const {articles, problems} = parseNdjson(dataFixture('bad-lines.ndjson'), 'bad.ndjson');
		expect(articles.map(article => article.headline)).toEqual(['Good line one', 'Good line two', 'Good line three']);
		expect(problems).toHaveLength(3);
		expect(problems[0]).toMatch(/^line 2, column 34: not valid JSON \(Unexpected token/u);
		expect(problems[1]).toMatch(/^line 5, column 1: not valid JSON \(Unexpected token/u);
		expect(problems[2]).toBe('line 6: an array, not an article object; skipped');
		expect(problems.join('\n')).not.toMatch(/is not valid JSON|position/u);
	});

	it('caps the problems at twenty and counts the rest', () => {
		const lines = Array.from({length: 50}, (_, index) => (index % 2 === 0 ? `{"title": "Story ${index}"}` : '{broken'));
		const {articles, problems} = parseNdjson(lines.join('\n'), 'many.ndjson');
		expect(articles).toHaveLength(25);
		expect(problems).toHaveLength(21);
		expect(problems[0]).toMatch(/^line 2, /u);
		expect(problems[20]).toBe('and 5 more problems');
	});

	it('reads a pretty-printed JSON document given to it as JSON Lines', () => {
		const {articles, problems} = parseNdjson(dataFixture('articles-array.json'), 'pretty.jsonl');
		expect(problems).toEqual([]);
		expect(articles).toHaveLength(3);
	});

	it('handles CRLF, blank lines, a BOM and a missing final newline', () => {
		const {articles, problems} = parseNdjson('\uFEFF{"title": "A"}\r\n\r\n{"title": "B"}', 'crlf.jsonl');
		expect(problems).toEqual([]);
		expect(articles.map(article => article.headline)).toEqual(['A', 'B']);
	});

	it('gives nothing for empty input', () => {
		expect(parseNdjson('', 'empty.jsonl')).toEqual({articles: [], problems: []});
	});
});

describe('jsonErrorOffset', () => {
	it.each<[string, number | undefined]>([
		['{"a": [1, 2, {"b": null}], "c": "d\\u00e9"}', undefined],
		['  [ ]  ', undefined],
		['{"a" 1}', 5],
		['[1,]', 3],
		['{"a": tru}', 6],
		['"a\\qb"', 3],
		['[01]', 2],
		['{"a": 1}}', 8],
	])('%j → %s', (text, expected) => {
		expect(jsonErrorOffset(text)).toBe(expected);
	});

	it('agrees with JSON.parse on what is valid', () => {
		for (const text of ['[]', '{}', '1', '-0.5e+3', '"\\n"', 'null', '[true,false]', '{"a":{"b":[{}]}}', '{', '[1 2]', '{"a":}', '"\t"']) {
			let isValid = true;
			try {
				JSON.parse(text);
			} catch {
				isValid = false;
			}

			expect(jsonErrorOffset(text) === undefined, text).toBe(isValid);
		}
	});
});

describe('looksLikeNdjson', () => {
	it.each([
		['{"a": 1}\n{"a": 2}\n', true],
		['\uFEFF  {"a": 1}\r\n\r\n{"a": 2}', true],
		['{"a": 1}\n', false],
		['{\n  "a": 1\n}\n', false],
		['[{"a": 1},\n{"a": 2}]', false],
		['title,body\nA,B\n', false],
	])('%j → %s', (text, expected) => {
		expect(looksLikeNdjson(text)).toBe(expected);
	});
});

describe('the JSON parsers on arbitrary input', () => {
	const record = fc.dictionary(
		fc.constantFrom('title', 'body', 'url', 'author', 'date', 'tags', 'id', 'source', 'content', 'data', 'x'),
		fc.oneof(fc.string({maxLength: 40}), fc.integer(), fc.constant(null), fc.array(fc.string({maxLength: 8}), {maxLength: 3}), fc.dictionary(fc.constantFrom('name', 'rendered', 'href'), fc.string({maxLength: 20}))),
	);
	const ndjson = fc.array(fc.oneof(record.map(value => JSON.stringify(value)), fc.string({maxLength: 30})), {maxLength: 20}).map(lines => lines.join('\n'));
	const json = fc.oneof(fc.array(record, {maxLength: 10}).map(value => JSON.stringify(value)), record.map(value => JSON.stringify({items: [value]})));

	it('never throw, and keep control characters out of the model', () => {
		fc.assert(
			fc.property(fc.oneof(ndjson, json, fc.string({maxLength: 300}), fc.string({unit: 'binary', maxLength: 200})), input => {
				for (const parse of [parseJson, parseNdjson]) {
					const {articles, problems} = parse(input, 'fuzz');
					expect(problems.length).toBeLessThanOrEqual(22);
					for (const article of articles) {
						expect(stringsOf(article).some(text => controlCharacter.test(text))).toBe(false);
					}
				}
			}),
		);
	});
});

describe('NDJSON records read one after another', () => {
	it('reads each record by its own keys when they change from one line to the next', () => {
		const text = ['{"title": "One", "body": "First body."}', '{"title": "Two", "text": "Second body."}', '{"title": "Three", "body": "Third body."}', '{"headline": "Four", "body": "Fourth body."}'].join('\n');
		const {articles} = parseNdjson(text, 'x.jsonl');
		expect(articles.map(article => [article.headline, article.paragraphs])).toEqual([
			['One', ['First body.']],
			['Two', ['Second body.']],
			['Three', ['Third body.']],
			['Four', ['Fourth body.']],
		]);
	});

	it('folds white space in lines to single spaces, skips blank lines, and numbers repeated ids', () => {
		const text = `{"id": 7, "title": "Tabs\\there,  two spaces\\u00a0and a\\nbreak "}\n \r\n\t\n{"id": 7, "title": "Plain title"}\n{"id": "a-long-identifier-0001", "title": "Long id"}\n{"id": "a-long-identifier-0001", "title": "Long id again"}`;
		const {articles, problems} = parseNdjson(text, 'x.jsonl');
		expect(problems).toEqual([]);
		expect(articles.map(article => [article.id, article.headline])).toEqual([
			['7', 'Tabs here, two spaces and a break'],
			['7#2', 'Plain title'],
			['a-long-identifier-0001', 'Long id'],
			['a-long-identifier-0001#2', 'Long id again'],
		]);
	});
});
