import {describe, expect, it} from 'vitest';
import type {ArticleDraft} from '../../source/formats/build-articles.js';
import {looksLikeHtml} from '../../source/formats/html-text.js';
import {bodyFromText} from '../../source/formats/text-body.js';
import {dateFromValue, draftFromRecord, normalizeKey, planFields, unwrapRecord, type FieldRecord} from '../../source/formats/fields.js';
import {createProblemLog} from '../../source/formats/format.js';
import type {ParseOptions} from '../../source/formats/format.js';

function draftOf(record: FieldRecord, fieldMap?: ParseOptions['fieldMap']): ArticleDraft | undefined {
	return draftFromRecord(record, planFields(Object.keys(record), fieldMap));
}

describe('normalizeKey', () => {
	it.each([
		['published_at', 'publishedat'],
		['publishedAt', 'publishedat'],
		['Published At', 'publishedat'],
		['PUB-DATE', 'pubdate'],
		['dc:creator', 'dccreator'],
		['_id', 'id'],
	])('%s → %s', (key, expected) => {
		expect(normalizeKey(key)).toBe(expected);
	});
});

describe('field inference from the usual names', () => {
	it.each<[string, FieldRecord, Partial<ArticleDraft>]>([
		['title and body', {title: 'T', body: 'B.'}, {headline: 'T', paragraphs: ['B.']}],
		['headline and content', {headline: 'T', content: 'B.'}, {headline: 'T', paragraphs: ['B.']}],
		['name and text', {name: 'T', text: 'B.'}, {headline: 'T', paragraphs: ['B.']}],
		['heading and story', {heading: 'T', story: 'B.'}, {headline: 'T', paragraphs: ['B.']}],
		['description is the body when there is no other', {title: 'T', description: 'D.'}, {headline: 'T', paragraphs: ['D.']}],
		['description is the deck beside a body', {title: 'T', description: 'D.', body: 'B.'}, {headline: 'T', deck: 'D.', paragraphs: ['B.']}],
		['summary is the deck beside content', {title: 'T', summary: 'S.', content: 'C.'}, {deck: 'S.', paragraphs: ['C.']}],
		['standfirst and subtitle are decks', {title: 'T', standfirst: 'S.', article: 'A.'}, {deck: 'S.', paragraphs: ['A.']}],
		['keys of any case', {TITLE: 'T', Body: 'B.'}, {headline: 'T', paragraphs: ['B.']}],
	])('%s', (_name, record, expected) => {
		expect(draftOf(record)).toMatchObject(expected);
	});

	it.each<[string, FieldRecord, string | undefined]>([
		['url', {title: 'T', url: 'https://a.example/1'}, 'https://a.example/1'],
		['link', {title: 'T', link: 'https://a.example/2'}, 'https://a.example/2'],
		['href', {title: 'T', href: 'https://a.example/3'}, 'https://a.example/3'],
		['permalink', {title: 'T', permalink: 'https://a.example/4'}, 'https://a.example/4'],
		['link object', {title: 'T', link: {href: 'https://a.example/5'}}, 'https://a.example/5'],
		['Atom-style link list', {title: 'T', link: [{rel: 'self', href: 'https://a.example/api'}, {rel: 'alternate', href: 'https://a.example/6'}]}, 'https://a.example/6'],
	])('url from %s', (_name, record, expected) => {
		expect(draftOf(record)?.url).toBe(expected);
	});

	it.each<[string, FieldRecord, string | undefined]>([
		['author', {title: 'T', author: 'Ann Lee'}, 'Ann Lee'],
		['byline, without its "By"', {title: 'T', byline: 'By Ann Lee'}, 'Ann Lee'],
		['creator', {title: 'T', creator: 'Ann Lee'}, 'Ann Lee'],
		['by', {title: 'T', by: 'annlee'}, 'annlee'],
		['writer', {title: 'T', writer: 'Ann Lee'}, 'Ann Lee'],
		['an object with a name', {title: 'T', author: {name: 'Ann Lee', email: 'ann@example.org'}}, 'Ann Lee'],
		['a list of names and objects', {title: 'T', authors: ['Ann Lee', {name: 'Bo Kim'}]}, 'Ann Lee, Bo Kim'],
	])('author from %s', (_name, record, expected) => {
		expect(draftOf(record)?.author).toBe(expected);
	});

	const march4 = Date.UTC(2024, 2, 4, 7, 30);
	it.each<[string, FieldRecord, number]>([
		['date, ISO', {title: 'T', date: '2024-03-04T07:30:00Z'}, march4],
		['published, ISO with an offset', {title: 'T', published: '2024-03-04T08:30:00+01:00'}, march4],
		['publishedAt', {title: 'T', publishedAt: '2024-03-04T07:30:00.000Z'}, march4],
		['published_at', {title: 'T', published_at: '2024-03-04T07:30:00Z'}, march4],
		['pubDate, RFC 822', {title: 'T', pubDate: 'Mon, 04 Mar 2024 07:30:00 GMT'}, march4],
		['datePublished', {title: 'T', datePublished: '2024-03-04T07:30:00Z'}, march4],
		['created_at, ISO without a zone (read as UTC)', {title: 'T', created_at: '2024-03-04T07:30:00'}, march4],
		['timestamp in epoch seconds', {title: 'T', timestamp: march4 / 1000}, march4],
		['timestamp in epoch milliseconds', {title: 'T', timestamp: march4}, march4],
		['epoch seconds as digits', {title: 'T', updated: String(march4 / 1000)}, march4],
		['published before updated', {title: 'T', updated: '2025-01-01T00:00:00Z', published: '2024-03-04T07:30:00Z'}, march4],
	])('date from %s', (_name, record, expected) => {
		expect(draftOf(record)?.publishedAt).toBe(expected);
	});

	it.each<[string, FieldRecord, Partial<ArticleDraft>]>([
		['source string', {title: 'T', source: 'Courier'}, {source: 'Courier'}],
		['source object', {title: 'T', source: {id: 'c', name: 'Courier'}}, {source: 'Courier'}],
		['publisher', {title: 'T', publisher: 'Courier'}, {source: 'Courier'}],
		['tags list', {title: 'T', tags: ['a', 'b']}, {categories: ['a', 'b']}],
		['tags in one string', {title: 'T', tags: 'a; b, c'}, {categories: ['a', 'b', 'c']}],
		['a label is one category', {title: 'T', label: '3'}, {categories: ['3']}],
		['category ids are not names', {title: 'T', categories: [3, 7, 'Sport']}, {categories: ['Sport']}],
		['kicker', {title: 'T', kicker: 'ANALYSIS'}, {kicker: 'ANALYSIS'}],
		['section is the kicker without one', {title: 'T', section: 'Sport'}, {kicker: 'Sport'}],
		['section is a category beside a kicker', {title: 'T', kicker: 'ANALYSIS', section: 'Sport'}, {kicker: 'ANALYSIS', categories: ['Sport']}],
		['id', {title: 'T', id: 42}, {guid: '42'}],
		['guid', {title: 'T', guid: 'urn:x:1'}, {guid: 'urn:x:1'}],
		['uuid', {title: 'T', uuid: 'b3d1'}, {guid: 'b3d1'}],
	])('%s', (_name, record, expected) => {
		expect(draftOf(record)).toMatchObject(expected);
	});

	it('drops a deck that only repeats the body\'s opening', () => {
		const draft = draftOf({title: 'T', description: 'Opening words…', body: 'Opening words of the story.'});
		expect(draft?.paragraphs).toEqual(['Opening words of the story.']);
		expect(draft?.deck).toBeUndefined();
	});

	it('drops a deck that repeats the body\'s opening but for link markers, quotes and spacing', () => {
		const draft = draftOf({
			title: 'T',
			description: '“Ferries” won\'t sail   on Monday, the board says',
			body: '<p>"Ferries" won’t <a href="https://a.example/">sail</a> on Monday, the board says. It gave no reason.</p>',
		});
		expect(draft?.paragraphs?.[0]).toContain('[1]');
		expect(draft?.deck).toBeUndefined();
	});

	it('reads WordPress rendered objects and decodes their markup', () => {
		const draft = draftOf({
			title: {rendered: 'It&#8217;s done'},
			content: {rendered: '<p>One &amp; two.</p><p>Three.</p>'},
			excerpt: {rendered: '<p>Short.</p>'},
		});
		expect(draft).toMatchObject({headline: 'It’s done', deck: 'Short.', paragraphs: ['One & two.', 'Three.']});
	});

	it('skips empty values for the next name', () => {
		expect(draftOf({title: '', headline: 'H', body: null, content: 'C.'})).toMatchObject({headline: 'H', paragraphs: ['C.']});
	});

	it('gives nothing for a record without text', () => {
		expect(draftOf({id: 1, url: 'https://a.example/', views: 3})).toBeUndefined();
	});
});

describe('--fields', () => {
	it('wins over inference, and its key feeds no other field', () => {
		const draft = draftOf({title: 'Inferred', tagline: 'Mapped', body: 'Body.', description: 'Desc.'}, {headline: 'tagline', body: 'description'});
		expect(draft).toMatchObject({headline: 'Mapped', paragraphs: ['Desc.']});
		// `body` is no deck candidate, and `description` is taken: no deck.
		expect(draft?.deck).toBeUndefined();
	});

	it('matches the key without case or punctuation', () => {
		expect(draftOf({'Story Text': 'S.', Titel: 'T'}, {body: 'story_text', headline: 'titel'})).toMatchObject({headline: 'T', paragraphs: ['S.']});
	});

	it('reaches into nested objects with a dotted name', () => {
		expect(draftOf({webTitle: 'T', fields: {bodyText: 'Nested.'}}, {body: 'fields.bodyText'})).toMatchObject({headline: 'T', paragraphs: ['Nested.']});
	});

	it('reports a key the input lacks, and infers nothing in its place', () => {
		const plan = planFields(['title', 'body'], {body: 'text'});
		expect(plan.missingMapped).toEqual(['body']);
		expect(plan.candidates.body).toEqual([]);
	});
});

describe('unwrapRecord', () => {
	it('reads the object a record wraps, the record\'s own fields winning', () => {
		const record = {kind: 't3', id: 'outer', data: {id: 'inner', title: 'T', selftext: 'S.'}};
		const unwrapped = unwrapRecord(record, planFields(Object.keys(record)));
		expect(unwrapped).toEqual({kind: 't3', id: 'outer', title: 'T', selftext: 'S.'});
	});

	it('leaves a record that has a headline and a body', () => {
		const record = {title: 'T', body: 'B.', data: {x: 1}};
		expect(unwrapRecord(record, planFields(Object.keys(record)))).toBeUndefined();
	});
});

const paragraphsFromText = (text: string) => bodyFromText(text).paragraphs;

describe('bodyFromText', () => {
	it('splits at blank lines', () => {
		expect(paragraphsFromText('One.\n\nTwo.\n  \nThree.')).toEqual(['One.', 'Two.', 'Three.']);
	});

	it('joins hard-wrapped lines, breaking at indented ones', () => {
		const wire = 'The mill said it raised output at\nits plant by twelve pct in February, citing\ndemand from bakeries.\n    It expects output to stay at the\nhigher level.\n Reuter\n';
		expect(paragraphsFromText(wire)).toEqual([
			'The mill said it raised output at its plant by twelve pct in February, citing demand from bakeries.',
			'It expects output to stay at the higher level.',
			'Reuter',
		]);
	});

	it('keeps a line a paragraph when lines end in sentences', () => {
		expect(paragraphsFromText('First sentence here.\nSecond one here.\nThird one.')).toEqual(['First sentence here.', 'Second one here.', 'Third one.']);
	});

	it('reads HTML as HTML, numbering its links', () => {
		expect(bodyFromText('<p>One <b>bold</b> <a href="https://a.example/">word</a>.</p><p>Two &amp; three.</p><script>alert(1)</script>')).toEqual({
			paragraphs: ['One bold word [1].', 'Two & three.'],
			links: ['https://a.example/'],
		});
	});

	it('decodes entities in plain text', () => {
		expect(paragraphsFromText('AT&amp;T said &quot;no&quot;.')).toEqual(['AT&T said "no".']);
	});

	it('handles CRLF', () => {
		expect(paragraphsFromText('One.\r\n\r\nTwo.')).toEqual(['One.', 'Two.']);
	});
});

describe('looksLikeHtml', () => {
	it.each([
		['<p>Text</p>', true],
		['Line<br/>break', true],
		['<a href="x">link</a>', true],
		['5 < 6 and 7 > 3', false],
		['<AMERICAN EXPRESS CO> said', false],
		// The feed reader's tags and the record reader's, which had drifted apart, are one list.
		['<font color="red">Alert</font>', true],
		['He said <q>no</q>', true],
		['<figure><figcaption>A map</figcaption></figure>', true],
		['<tr><td>1</td></tr>', true],
		['<CORN PRODUCTS> and <ATT>', false],
	])('%s → %s', (text, expected) => {
		expect(looksLikeHtml(text)).toBe(expected);
	});
});

describe('dateFromValue', () => {
	it.each<[unknown, number | undefined]>([
		['2024-03-04', Date.UTC(2024, 2, 4)],
		[new Date(Date.UTC(2024, 2, 4)), Date.UTC(2024, 2, 4)],
		['not a date', undefined],
		[-5, undefined],
		[Number.NaN, undefined],
		[{value: '2024-03-04'}, Date.UTC(2024, 2, 4)],
	])('%s', (value, expected) => {
		expect(dateFromValue(value)).toBe(expected);
	});
});

describe('createProblemLog', () => {
	it('keeps the first twenty and counts the rest', () => {
		const log = createProblemLog();
		for (let index = 1; index <= 25; index++) {
			log.add(`line ${index}: bad`);
		}

		const problems = log.list();
		expect(problems).toHaveLength(21);
		expect(problems[19]).toBe('line 20: bad');
		expect(problems[20]).toBe('and 5 more problems');
	});
});
