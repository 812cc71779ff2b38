import {describe, expect, it} from 'vitest';
import {isOpenableAddress} from '../../source/article.js';
import {parseMarkdown} from '../../source/formats/markdown.js';
import {parseFeed} from '../../source/formats/feed.js';
import {articleLines} from '../../source/state/article-lines.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import type {State} from '../../source/state/state.js';
import {chooseOpener} from '../../source/terminal/opener.js';

const hostileAddresses = ['file:///etc/shadow', '--new-window', 'javascript:alert(1)', 'smb://server/share', 'vscode://file/etc/passwd'];

const markdown = `# Harbour news

The harbour reopened today. ${hostileAddresses.map((address, index) => `[link ${index + 1}](${address})`).join(' ')} and [the report](https://example.com/report).
`;

describe('one allow-list for every link of every format', () => {
	it('allows http, https and mailto, and nothing else', () => {
		expect(['https://example.com/a', 'http://example.com/', 'mailto:desk@example.com', 'HTTPS://EXAMPLE.COM/'].every(address => isOpenableAddress(address))).toBe(true);
		expect(hostileAddresses.some(address => isOpenableAddress(address))).toBe(false);
		expect(isOpenableAddress('https://example.com/a b')).toBe(false);
		expect(isOpenableAddress('https://example.com/\u0007')).toBe(false);
	});

	const [article] = parseMarkdown(markdown, 'news.md').articles;
	const viewport = {columnCount: 120, rowCount: 30};
	const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
	const opened = press(createState([article!], {viewport}), 'enter');
	const reading = update(opened, {type: 'effects-run', effects: opened.effects});

	it('shows a Markdown link outside the list as text, never as a clickable OSC 8 link', () => {
		const lines = articleLines(article!, 100);
		const linkLines = lines.filter(line => /^\[\d+\] /u.test(line.text));

		expect(linkLines.map(line => line.text)).toEqual([...hostileAddresses, 'https://example.com/report'].map((address, index) => `[${index + 1}] ${address}`));
		expect(linkLines.filter(line => line.link !== undefined).map(line => line.link!.url)).toEqual(['https://example.com/report']);
	});

	it.each(hostileAddresses.map((address, index) => [address, index + 1] as const))('neither opens nor copies %s', (address, number) => {
		for (const key of ['o', 'y']) {
			const after = press(reading, String(number), key);
			expect(after.effects).toEqual([]);
			expect(after.notice).toBe(`not a web address, so not ${key === 'o' ? 'opened' : 'copied'}: ${address}`);
		}
	});

	it('still opens the web address among them', () => {
		expect(press(reading, '6', 'o').effects.at(-1)).toMatchObject({action: 'open', url: 'https://example.com/report'});
	});

	it('drops a feed item address outside the list, as its content links', () => {
		const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Harbour news</title><link>file:///etc/shadow</link><description>&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; body</description></item></channel></rss>`;
		const [item] = parseFeed(feed, 'feed.xml').articles;
		expect(item!.url).toBeUndefined();
		expect(item!.links ?? []).toEqual([]);
	});
});

describe('$BROWSER with %s', () => {
	it('puts the address in literally, even when it holds $& or $`', () => {
		const address = 'https://example.com/?q=$&x=$`y=$\'';
		expect(chooseOpener(address, {BROWSER: 'firefox --new-tab %s'}, 'linux')).toEqual({kind: 'command', command: 'firefox', args: ['--new-tab', address]});
	});
});
