import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {type Article, markedParagraph, type ParseResult} from '../../source/article.js';
import {parseFeed} from '../../source/formats/feed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const parseFixture = (name: string): ParseResult => parseFeed(fixture(name), name);

function only<T>(items: readonly T[]): T {
	expect(items).toHaveLength(1);
	return items[0]!;
}

describe('RSS 2.0', () => {
	const {articles, problems} = parseFixture('rss2.xml');
	const [ferry, library, wall] = articles as [Article, Article, Article];

	it('reads every item, with no problems', () => {
		expect(problems).toEqual([]);
		expect(articles.map(article => article.headline)).toEqual([
			'Ferry timetable changes from Monday',
			'Library extends opening hours',
			'Harbour wall repairs finish early',
		]);
	});

	it('takes the fullest text (content:encoded) as the body and the description as the deck', () => {
		expect(ferry.deck).toBe('Two early sailings are cut, and a late one is added on Fridays.');
		expect(ferry.paragraphs).toEqual([
			'The harbour board has published a new ferry timetable [1] that takes effect on Monday.',
			'The 05:40 and 06:10 sailings are withdrawn. A 23:15 sailing is added on Fridays, the board said.',
			'• Weekday fares are unchanged.',
			'• Bicycles travel free before 07:00.',
		]);
		expect(ferry.links).toEqual(['https://gazette.example/timetable.pdf']);
	});

	it('maps link, guid, author, date, categories and the channel title', () => {
		expect(ferry).toMatchObject({
			id: 'gazette-1001',
			url: 'https://gazette.example/2024/05/ferry-timetable',
			author: 'Mira Okafor',
			publishedAt: Date.parse('2024-05-03T08:30:00Z'),
			categories: ['Transport', 'Harbour'],
			source: 'The Harbour Gazette',
		});
	});

	it('reads the name from an RSS author address', () => {
		expect(library.author).toBe('Tomas Lindqvist');
	});

	it('turns escaped HTML in a description into paragraphs', () => {
		expect(library.paragraphs).toEqual(['The town library will stay open until 21:00 on Tuesdays and Thursdays.', 'Readers asked for later hours in a survey last winter.']);
		expect(library.deck).toBeUndefined();
	});

	it('gives no deck when the description repeats the content but for its [n] link markers', () => {
		const {articles} = parseFeed([
			'<rss version="2.0"><channel><title>Quay</title><item><title>Ferries</title>',
			'<description>The board is launching a new ferry timetable…</description>',
			'<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>The board is launching',
			' <a href="https://quay.example/timetable">a new</a> ferry timetable for the summer.</p>]]></content:encoded>',
			'</item></channel></rss>',
		].join('\n'), 'quay.xml');
		const article = only(articles);
		expect(article.paragraphs[0]).toMatch(/\[1\]/u);
		expect(article.deck).toBeUndefined();
	});

	it('gives no deck when the description only repeats the start of the content', () => {
		expect(wall.deck).toBeUndefined();
		expect(wall.paragraphs).toHaveLength(2);
	});
});

describe('RSS 1.0 (RDF)', () => {
	const {articles, problems} = parseFixture('rss1-rdf.xml');

	it('reads the items beside the channel', () => {
		expect(problems).toEqual([]);
		expect(articles.map(article => article.headline)).toEqual(['First frost expected on the high fields', 'Apple harvest ends a week late']);
	});

	it('maps rdf:about, dc:creator, dc:date and dc:subject', () => {
		expect(articles[0]).toMatchObject({
			id: 'https://almanac.example/notes/frost',
			author: 'Ana Ferreira',
			publishedAt: Date.parse('2023-10-14T16:00:00Z'),
			categories: ['Weather'],
			source: 'Valley Almanac',
			paragraphs: ['Growers on the high fields should cover young plants tonight.'],
		});
		expect(articles[1]?.publishedAt).toBe(Date.parse('2023-10-12T00:00:00Z'));
	});
});

describe('Atom', () => {
	const {articles, problems} = parseFixture('atom.xml');
	const [comet, openNight] = articles as [Article, Article];

	it('reads every entry, with no problems', () => {
		expect(problems).toEqual([]);
		expect(articles).toHaveLength(2);
	});

	it('reads an HTML title as text', () => {
		expect(comet.headline).toBe('Comet Vesna visible after midnight');
	});

	it('takes HTML content as the body and the summary as the deck, resolving links against xml:base', () => {
		expect(comet.deck).toBe('A faint comet can be seen low in the east with binoculars.');
		expect(comet.paragraphs).toEqual(['Comet Vesna rises after midnight this week. See our finder chart [1].', 'It should brighten slightly before the full moon.', 'Image (image/jpeg) [2]']);
		expect(comet.links?.[0]).toBe('https://observatory.example/charts/vesna');
	});

	it('maps the alternate link, id, authors, published date and category labels', () => {
		expect(comet).toMatchObject({
			id: 'tag:observatory.example,2024:comet-vesna',
			url: 'https://observatory.example/notes/comet-vesna',
			author: 'Ilse Marquardt, Kenji Abe',
			publishedAt: Date.parse('2024-03-02T19:15:00Z'),
			categories: ['Comets', 'viewing'],
			source: 'Hilltop Observatory Notes',
		});
	});

	it('reads text content as paragraphs, and falls back on the feed author and the updated date', () => {
		expect(openNight.paragraphs).toEqual(['Saturday\'s open night is cancelled because of the forecast.', 'We will announce a new date next week.']);
		expect(openNight.author).toBe('Observatory staff');
		expect(openNight.publishedAt).toBe(Date.parse('2024-02-20T10:00:00Z'));
	});

	it('reads XHTML content, with or without a namespace prefix', () => {
		const {articles: [swap, prefixed], problems: xhtmlProblems} = parseFixture('atom-xhtml.xml');
		expect(xhtmlProblems).toEqual([]);
		expect(swap?.headline).toBe('Seed swap on Sunday');
		expect(swap?.paragraphs).toEqual(['Bring seeds in labelled envelopes.', '• Beans & peas', '• Herbs', '> Share what grew well for you.']);
		expect(prefixed?.paragraphs).toEqual(['Watering rota for June [1].']);
		expect(prefixed?.links).toEqual(['https://garden.example/rota']);
	});

	it('reads a lone entry as a feed of one', () => {
		const entry = '<entry xmlns="http://www.w3.org/2005/Atom"><title>Alone</title><id>urn:x:1</id><summary>Just me.</summary></entry>';
		expect(only(parseFeed(entry, 'entry.xml').articles)).toMatchObject({headline: 'Alone', paragraphs: ['Just me.'], source: 'entry.xml'});
	});

	it('reads Atom 0.3, escaped and base64 content', () => {
		const feed = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
			<entry><title>Escaped</title><issued>2004-01-01T00:00:00Z</issued><content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</content></entry>
			<entry><title>Encoded</title><content type="text/plain" mode="base64">${Buffer.from('Plain words.').toString('base64')}</content></entry></feed>`;
		const {articles: [escaped, encoded]} = parseFeed(feed, 'old.xml');
		expect(escaped).toMatchObject({paragraphs: ['Hello'], publishedAt: Date.parse('2004-01-01T00:00:00Z'), source: 'Old'});
		expect(encoded?.paragraphs).toEqual(['Plain words.']);
	});
});

describe('quirks', () => {
	it('CDATA: taken as written, even when split to hold "]]>"', () => {
		const {articles, problems} = parseFixture('cdata.xml');
		expect(problems).toEqual([]);
		expect(only(articles)).toMatchObject({
			headline: 'Stalls open <late> on Saturday',
			source: 'Night Market & Friends',
			paragraphs: ['Food stalls stay open until 01:00 & the band plays at 22:00.', 'The sequence ]]> ends a CDATA section.'],
		});
	});

	it('escaped HTML: decoded once as XML and once as HTML; scripts and pixels dropped', () => {
		const article = only(parseFixture('escaped-html.xml').articles);
		expect(article.headline).toBe('Café & bakery opens on Mill Street');
		expect(article.source).toBe('Corner Café Review');
		expect(article.paragraphs).toEqual([markedParagraph('heading', 'Opening day'), 'The bakery sells rye bread & cinnamon buns.', 'Doors open at 07:00.']);
	});

	it('missing titles: the headline comes from the text; an item with neither is reported', () => {
		const {articles, problems} = parseFixture('missing-titles.xml');
		expect(articles.map(article => [article.headline, article.headlineSource])).toEqual([
			['The bridge reopens to cyclists on Wednesday.', 'first-sentence'],
			['Swimming lessons resume next month.', 'first-sentence'],
		]);
		expect(problems).toEqual(['1 of 3 items had no title and no text']);
	});

	it('missing and broken dates: none, one unreadable (reported), one repaired', () => {
		const {articles, problems} = parseFixture('missing-dates.xml');
		expect(articles.map(article => article.publishedAt)).toEqual([undefined, undefined, Date.parse('2024-02-05T14:30:00Z')]);
		expect(problems).toEqual(['line 9: unreadable date "sometime last spring"']);
	});

	it('relative links: resolved against xml:base; anchors and scripts are not links; one number per address', () => {
		const article = only(parseFixture('relative-links.xml').articles);
		expect(article.url).toBe('https://trails.example/news/ridge-path');
		expect(article.paragraphs).toEqual(['See the ridge map [1], the comments, the script and the rangers [2].', 'The same map [1] again.']);
		expect(article.links).toEqual(['https://trails.example/maps/ridge', 'mailto:rangers@trails.example']);
	});

	it('entities: XML, numeric, Windows-1252 numbers, undeclared HTML names and declared ones; unknown ones reported', () => {
		const {articles, problems} = parseFixture('entities.xml');
		const article = only(articles);
		expect(article.source).toBe('Marlow Ferry Bulletin');
		expect(article.headline).toBe('Welcome to Marlow Ferry — it’s fair week');
		expect(article.paragraphs).toEqual(['Tickets cost £4 each. The café opens early – at 06:00. Ask about &unknown; prizes.']);
		expect(problems).toEqual(['line 11: unknown entity &unknown;']);
	});

	it('non-ASCII text comes through unchanged', () => {
		const {articles, problems} = parseFixture('non-ascii.xml');
		expect(problems).toEqual([]);
		expect(articles[0]).toMatchObject({headline: '東京で桜が満開に', paragraphs: ['気象庁は、東京の桜が満開になったと発表した。'], categories: ['日本'], source: 'Wörld Désk'});
		expect(articles[1]).toMatchObject({headline: 'Η Αθήνα γιορτάζει 🎉', author: 'Ζωή Παπαδοπούλου'});
	});

	it('podcasts: itunes:summary and media:description serve as the body when there is nothing else', () => {
		const {articles, problems} = parseFixture('podcast.xml');
		expect(problems).toEqual([]);
		expect(articles[0]).toMatchObject({
			headline: 'Episode 12: Allotments',
			author: 'Priya Natarajan',
			paragraphs: ['We visit the allotments behind the station.', 'Three growers explain what they plant in spring.', 'Audio (audio/mpeg, 30 MB) [1]'],
			links: ['https://radio.example/12.mp3'],
		});
		expect(articles[1]?.paragraphs).toEqual(['A ride on the last night bus across town.', 'Audio (audio/mpeg) [1]']);
	});

	it('undeclared prefixes: read as their usual namespaces, and reported', () => {
		const feed = '<rss><channel><title>T</title><item><title>Hi</title><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item></channel></rss>';
		const {articles, problems} = parseFeed(feed, 'x.xml');
		expect(only(articles).paragraphs).toEqual(['Body']);
		expect(problems).toEqual(['line 1: undeclared namespace prefix "content:"']);
	});
});

describe('ill-formed feeds', () => {
	it('recovers every item of a feed with a bare "&", an unclosed title and unclosed markup, naming each flaw', () => {
		const {articles, problems} = parseFixture('ill-formed.xml');
		expect(articles.map(article => [article.headline, article.paragraphs])).toEqual([
			['Bake sale raises £300', ['Thanks to everyone who baked.']],
			['Bell tower closed', ['The bell tower is closed for repairs until autumn.']],
			['Choir practice moves to Thursday', ['Practice starts at 19:30 in the hall.']],
		]);
		expect(articles[0]?.url).toBe('https://parish.example/bake-sale?id=1&page=2');
		expect(problems).toEqual([
			'line 7: unescaped "&" (write &amp;)',
			'line 11: unclosed <title> (ended by </item> on line 13)',
			'line 16: unclosed <p> (ended by </description> on line 16)',
		]);
	});

	it('separates items that are never closed', () => {
		const feed = '<rss><channel><title>T</title>\n<item><title>A</title><description>First.</description>\n<item><title>B</title><description>Second.</description>\n</channel></rss>';
		const {articles, problems} = parseFeed(feed, 'x.xml');
		expect(articles.map(article => [article.headline, article.paragraphs])).toEqual([['A', ['First.']], ['B', ['Second.']]]);
		expect(problems).toEqual(['line 3: unclosed <item> (ended by </channel> on line 4)', 'line 2: unclosed <item> (ended by </channel> on line 4)']);
	});

	it('survives nesting far too deep', () => {
		const feed = `<rss><channel><item><title>Deep</title><description>${'<b>'.repeat(100_000)}x</description></item></channel></rss>`;
		const {articles, problems} = parseFeed(feed, 'x.xml');
		expect(articles.map(article => article.headline)).toEqual(['Deep']);
		expect(problems[0]).toBe('line 1: elements nested more than 500 deep are read as text');
	});

	it('keeps what came before the cut in a truncated feed', () => {
		const {articles, problems} = parseFixture('truncated.xml');
		expect(articles.map(article => article.paragraphs)).toEqual([['This item arrived complete.'], ['This item was cut off in the mid']]);
		expect(problems).toEqual(['line 11: the document ends inside <description> (line 11): unclosed <description>, <item>, <channel>, <rss>']);
	});

	it('gives one problem, with its position, when nothing can be recovered', () => {
		expect(parseFeed('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item><title><![CD', 'x.xml')).toEqual({
			articles: [],
			problems: ['line 4: the document ends inside "<![CD…"'],
		});
		expect(parseFeed('<rss version="2.0">\n</rss', 'x.xml')).toEqual({articles: [], problems: ['line 2: the document ends inside <rss> (line 1): unclosed <rss>']});
	});

	it('says what is wrong with input that is no feed at all', () => {
		expect(parseFeed('', 'x').problems).toEqual(['the document is empty']);
		expect(parseFeed('<!-- nothing -->', 'x').problems).toEqual(['no feed here: the document holds no elements']);
		expect(parseFeed('Just some words.', 'x').problems).toEqual(['line 1: this is not XML: no element found']);
		expect(parseFeed('{"items": []}', 'x').problems).toEqual(['this is JSON, not an RSS or Atom feed']);
		expect(parseFeed('<?xml version="1.0"?>\n<opml version="2.0"><body/></opml>', 'x').problems).toEqual([
			'line 2: not a feed: the document is a <opml>, not <rss>, <rdf:RDF> or <feed>',
		]);
	});

	it('never throws on any cut of a feed', () => {
		const text = fixture('rss2.xml');
		for (let length = 0; length <= text.length; length += 7) {
			const result = parseFeed(text.slice(0, length), 'cut.xml');
			expect(result.articles.length + result.problems.length).toBeGreaterThanOrEqual(length > 200 ? 1 : 0);
		}
	});
});

describe('security', () => {
	it('refuses a "billion laughs" document at once, with a clear problem', () => {
		const started = performance.now();
		const {articles, problems} = parseFixture('billion-laughs.xml');
		expect(performance.now() - started).toBeLessThan(500);
		expect(articles).toEqual([]);
		expect(only(problems)).toMatch(/^line \d+: entity &lol\d; expands to more than 100000 characters: the document is refused .*billion laughs/u);
	});

	it('refuses entities that add up to too much, each small', () => {
		const feed = `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(50_000)}">]><rss><channel><item><title>${'&big;'.repeat(40)}</title></item></channel></rss>`;
		const {articles, problems} = parseFeed(feed, 'x.xml');
		expect(articles).toEqual([]);
		expect(only(problems)).toMatch(/entity references expand to more than 1000000 characters/u);
	});

	it('refuses an entity that refers to itself', () => {
		const feed = '<!DOCTYPE rss [<!ENTITY a "x&b;"><!ENTITY b "y&a;">]><rss><channel><item><title>&a;</title></item></channel></rss>';
		expect(only(parseFeed(feed, 'x.xml').problems)).toMatch(/entity &\w; refers to itself/u);
	});

	it('takes names of object properties for nothing but names', () => {
		const feed = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY name "Ada">]><rss><channel><item><title>&name; &constructor; &__proto__;</title>'
			+ '<constructor:x>y</constructor:x><description toString="1">Text</description></item></channel></rss>';
		const {articles, problems} = parseFeed(feed, 'x.xml');
		expect(only(articles)).toMatchObject({headline: 'Ada &constructor; &__proto__;', paragraphs: ['Text']});
		expect(problems).toEqual(['line 1: unknown entity &constructor;', 'line 1: unknown entity &__proto__;', 'line 1: undeclared namespace prefix "constructor:"']);
	});

	it('never reads external entities', () => {
		const {articles, problems} = parseFixture('external-entity.xml');
		const article = only(articles);
		expect(JSON.stringify(article)).not.toMatch(/root:|attacker/u);
		expect(article.headline).toBe('Nothing to see []');
		expect(problems).toEqual(['line 12: external entity &secret; is not loaded', 'line 13: external entity &remote; is not loaded']);
	});
});

describe('HTML pages', () => {
	it('says an HTML page is not a feed', () => {
		expect(parseFixture('not-a-feed.html')).toEqual({articles: [], problems: ['this is an HTML page, not a feed']});
		expect(parseFeed('<head><title>Moved</title></head><body><a href="/rss">here</a></body>', 'x').problems).toEqual(['this is an HTML page, not a feed']);
	});

	it('finds a feed wrapped in an XHTML page', () => {
		const page = '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Inside</title><entry><title>Found</title></entry></feed></body></html>';
		const {articles, problems} = parseFeed(page, 'x');
		expect(only(articles)).toMatchObject({headline: 'Found', source: 'Inside'});
		expect(problems).toEqual(['line 2: the feed is wrapped in <html>']);
	});
});

describe('enclosures (issue 13)', () => {
	it('become numbered links with their type and size: RSS enclosure, Media RSS content and group, one paragraph each', () => {
		const feed = `<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Radio</title><link>https://radio.example/</link>
			<item><title>Episode 3</title><description>&lt;p&gt;Notes, with &lt;a href="/3.mp3"&gt;the audio&lt;/a&gt;.&lt;/p&gt;</description>
			<enclosure url="/3.mp3" type="audio/mpeg" length="12400000"/>
			<media:group><media:content url="https://radio.example/3.mp4" type="video/mp4" fileSize="1500000000"/></media:group>
			<media:content url="https://radio.example/3.jpg" type="image/jpeg"/>
			<enclosure url="javascript:alert(1)" type="audio/mpeg"/>
			<enclosure url="https://radio.example/3.pdf" length="not a size"/></item></channel></rss>`;
		const [article] = parseFeed(feed, 'radio.xml').articles;
		expect(article!.paragraphs).toEqual([
			'Notes, with the audio [1].',
			'Audio (audio/mpeg, 12.4 MB) [1]',
			'Attachment [2]',
			'Image (image/jpeg) [3]',
			'Video (video/mp4, 1.5 GB) [4]',
		]);
		expect(article!.links).toEqual(['https://radio.example/3.mp3', 'https://radio.example/3.pdf', 'https://radio.example/3.jpg', 'https://radio.example/3.mp4']);
	});

	it('reads Atom links with rel="enclosure"', () => {
		const feed = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Talk</title><id>t1</id>
			<link rel="alternate" href="https://talks.example/1"/><link rel="enclosure" href="https://talks.example/1.ogg" type="audio/ogg" length="820"/>
			<summary>The talk.</summary></entry></feed>`;
		const [article] = parseFeed(feed, 'talks.xml').articles;
		expect(article!.paragraphs).toContain('Audio (audio/ogg, 820 bytes) [1]');
		expect(article!.links).toEqual(['https://talks.example/1.ogg']);
	});
});

describe('a feed with many problems', () => {
	it('lists the first 20 and sums up the rest in the words every problem log uses', () => {
		const strayEnds = Array.from({length: 25}, (_, index) => `</stray${index}>`).join('\n');
		const {problems} = parseFeed(`<rss><channel><item><title>Kept</title></item>\n${strayEnds}\n</channel></rss>`, 'many.xml');
		expect(problems).toHaveLength(21);
		expect(problems[0]).toBe('line 2: </stray0> closes no open element');
		expect(problems[20]).toBe('and 5 more problems');
	});
});
