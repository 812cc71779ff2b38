import {describe, expect, it} from 'vitest';
import {parseSubscriptions, subscriptionListKind, subscriptionsToOpml} from '../../source/formats/subscriptions.js';

const opml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a feed reader -->
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Harbour Gazette" title="Harbour Gazette" type="rss" xmlUrl="https://news.example.org/harbour/rss" htmlUrl="https://news.example.org/"/>
    <outline text="News">
      <outline text="World" title="World">
        <outline type="rss" text="Wire &amp; Co" xmlUrl="https://wire.example.com/feed.xml"/>
      </outline>
      <outline type="rss" text="Valley Courier" xmlUrl="http://courier.example.com/rss"/>
    </outline>
    <outline text="Broken" xmlUrl="javascript:alert(1)"/>
    <outline text="Bell\u0007 Feed" xmlUrl="https://bell.example/feed"/>
  </body>
</opml>
`;

describe('OPML', () => {
	it('is detected from its content, and its nested outlines become groups', () => {
		expect(subscriptionListKind(opml)).toBe('opml');
		expect(parseSubscriptions(opml)).toEqual([
			{url: 'https://news.example.org/harbour/rss', title: 'Harbour Gazette', groups: []},
			{url: 'https://wire.example.com/feed.xml', title: 'Wire & Co', groups: ['News', 'World']},
			{url: 'http://courier.example.com/rss', title: 'Valley Courier', groups: ['News']},
			{url: 'https://bell.example/feed', title: 'Bell Feed', groups: []},
		]);
	});

	it('round-trips through --export-opml\'s writer', () => {
		const feeds = [
			{url: 'https://a.example/feed?x=1&y=2', title: 'A "quoted" <feed>', groups: ['Tech']},
			{url: 'https://b.example/rss', groups: []},
		];
		expect(parseSubscriptions(subscriptionsToOpml(feeds))).toEqual([
			{url: 'https://a.example/feed?x=1&y=2', title: 'A "quoted" <feed>', groups: ['Tech']},
			{url: 'https://b.example/rss', title: 'https://b.example/rss', groups: []},
		]);
	});
});

describe('newsboat urls files', () => {
	const urls = [
		'# my feeds',
		'https://news.example.org/harbour/rss news local',
		'',
		'https://wire.example.com/feed.xml "world affairs" "~Wire Service" news',
		'http://hidden.example/feed "!" "!secret" tech',
		'"query:Unread:unread = \\"yes\\""',
		'exec:~/bin/make-feed.sh',
		'https://quoted.example/feed "tag with \\"quote\\"" # trailing comment',
		'"https://first-quoted.example/feed" tech',
	].join('\n');

	it('reads URLs, tags as groups, ~ titles, and drops ! tags, comments and newsboat\'s own lines', () => {
		expect(subscriptionListKind(urls)).toBe('newsboat-urls');
		expect(parseSubscriptions(urls)).toEqual([
			{url: 'https://news.example.org/harbour/rss', groups: ['news', 'local']},
			{url: 'https://wire.example.com/feed.xml', title: 'Wire Service', groups: ['world affairs', 'news']},
			{url: 'http://hidden.example/feed', groups: ['tech']},
			{url: 'https://quoted.example/feed', groups: ['tag with "quote"']},
			{url: 'https://first-quoted.example/feed', groups: ['tech']},
		]);
	});
});

describe('what is not a subscription list', () => {
	it.each([
		['plain text', 'Ferry timetable changes\nThe harbour ferry runs every hour.\n'],
		['text that starts with an address', 'https://example.org/story\nRead this story about the harbour.\n'],
		['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'],
		['an RSS feed on one long line', `<?xml version="1.0"?><rss version="2.0"><channel>${'<item><title>Ferry timetable changes for the winter</title></item>'.repeat(300)}</channel></rss>`],
		['an empty file', ''],
		['comments only', '# nothing here\n'],
		['ftp addresses', 'ftp://files.example/feed\n'],
	])('%s', (_name, text) => {
		expect(subscriptionListKind(text)).toBeUndefined();
		expect(parseSubscriptions(text)).toBeUndefined();
	});
});
