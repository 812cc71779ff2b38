import {describe, expect, it} from 'vitest';
import {parseDate} from '../../source/formats/dates.js';
import {parseFeed} from '../../source/formats/feed.js';

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>https://example.com/</link>${items}</channel></rss>`;

describe('feed details (issue 13)', () => {
	it('reads an <author> with elements inside as its name, and joins several authors', () => {
		const [article] = parseFeed(rss(`<item><title>Ferry news</title><description>Body.</description>
			<author><name>Ann Example</name><title>Product Manager</title></author>
			<author><name>Bo Writer</name></author></item>`), 'feed.xml').articles;
		expect(article!.author).toBe('Ann Example, Bo Writer');
	});

	it('still reads editor@example.com (Jo Smith) as Jo Smith', () => {
		const [article] = parseFeed(rss('<item><title>Ferry news</title><author>editor@example.com (Jo Smith)</author></item>'), 'feed.xml').articles;
		expect(article!.author).toBe('Jo Smith');
	});

	it('makes an untitled item\'s headline from its text without the link markers', () => {
		const [article] = parseFeed(rss('<item><description>&lt;p&gt;The &lt;a href="https://example.com/ferry"&gt;ferry&lt;/a&gt; runs again today. More later.&lt;/p&gt;</description></item>'), 'feed.xml').articles;
		expect(article!.headline).toBe('The ferry runs again today.');
		expect(article!.paragraphs.join(' ')).toContain('[1]');
	});

	it.each([
		['2020/1/10 14:33:00', Date.UTC(2020, 0, 10, 14, 33)],
		['2020/01/10', Date.UTC(2020, 0, 10)],
		['10.01.2020 14:33', Date.UTC(2020, 0, 10, 14, 33)],
		['10.1.2020', Date.UTC(2020, 0, 10)],
		['10.01.2020 14:33 +0100', Date.UTC(2020, 0, 10, 13, 33)],
	])('reads the numeric date %s, in UTC when no zone is given', (text, expected) => {
		expect(parseDate(text)).toBe(expected);
	});
});

describe('an HTML page with inline SVG metadata (issue 13)', () => {
	it('is an HTML page, not a broken RDF feed', () => {
		const page = '<!DOCTYPE html>\n<html><head><title>Harbour news</title></head><body>\n<svg xmlns="http://www.w3.org/2000/svg"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF></metadata></svg>\n<p>The ferry runs again.</p>\n</body></html>\n';
		expect(parseFeed(page, 'page.html')).toEqual({articles: [], problems: ['this is an HTML page, not a feed']});
	});
});

describe('relative addresses in Atom (issue 13)', () => {
	const atom = (feedLinks: string, base = '') => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"${base}><title>Harbour Gazette</title>${feedLinks}
		<entry><title>Ferry news</title><id>tag:example.com,2026:1</id><link href="/stories/ferry"/>
		<content type="html">&lt;p&gt;See &lt;a href="timetable.html"&gt;the timetable&lt;/a&gt;.&lt;/p&gt;</content></entry></feed>`;

	it('resolves against the feed\'s own rel="self" link', () => {
		const [article] = parseFeed(atom('<link rel="self" href="https://example.com/feeds/atom.xml"/>'), 'feed.xml').articles;
		expect(article!.url).toBe('https://example.com/stories/ferry');
		expect(article!.links).toEqual(['https://example.com/stories/timetable.html']);
	});

	it('resolves against rel="alternate" when there is no self link, and xml:base before either', () => {
		expect(parseFeed(atom('<link rel="alternate" href="https://news.example/"/>'), 'feed.xml').articles[0]!.url).toBe('https://news.example/stories/ferry');
		expect(parseFeed(atom('<link rel="self" href="https://example.com/feed.xml"/>', ' xml:base="https://base.example/"'), 'feed.xml').articles[0]!.url).toBe('https://base.example/stories/ferry');
	});

	it('shows a link it cannot make absolute as written, under its number', () => {
		const [article] = parseFeed(atom(''), 'feed.xml').articles;
		expect(article!.paragraphs).toEqual(['See the timetable [1].']);
		expect(article!.links).toEqual(['timetable.html']);
	});
});
