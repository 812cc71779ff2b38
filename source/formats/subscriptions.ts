import {sanitizeText} from '../text/sanitize-text.js';
import type {Parser} from './format.js';
import {childNamed, childrenNamed, childText} from './xml/query.js';
import {readXml} from './xml/read-xml.js';
import type {XmlElement} from './xml/xml-nodes.js';

/*
Subscription lists: the feeds a reader follows, not articles.
- OPML (`<opml>`): every `<outline>` with an `xmlUrl` is a feed, titled by its `title` or `text`; the outlines it sits
  in (folders) are its groups, outermost first.
- newsboat's `urls` file: one feed a line, the address first, then its tags, those holding spaces in double quotes
  (`https://example.org/feed.xml news "world affairs"`). As in newsboat, a tag `~Name` names the feed, a tag starting
  with `!` hides it from newsboat's feed list (here it is simply no group), `#` starts a comment, and `query:`,
  `filter:` and `exec:` lines (newsboat's own searches and commands) are not feeds: they are skipped, and an `exec:` is
  never run.
*/

/** One feed of a subscription list. */
export type Subscription = {
	/** The feed's address (http or https). */
	readonly url: string;
	/** What the list calls it. */
	readonly title?: string;
	/** The folders (OPML) or tags (newsboat) it is filed under, outermost first. */
	readonly groups: readonly string[];
};

/** Which kind of subscription list a text is. */
export type SubscriptionListKind = 'opml' | 'newsboat-urls';

// Lines newsboat reads as something other than a feed.
const newsboatSpecialLine = /^"?(?:query|filter|exec):/iu;
// An http(s) address: the scheme in any case, then no space to the end. Two expressions, where one
// (`/^https?:\/\/\S+$/iu`) would do: under the `i` flag, V8 works out the case variants of nearly every character of
// `\S` when it compiles it, 0.2 ms at every start (every text is asked whether it is a subscription list); `\S` is the
// same set in any case.
const feedAddressStart = /^https?:\/\//iu;
const nonSpaceToEnd = /^\S+$/u;

/** Whether `text` is an http(s) address, as far as its scheme and its lack of spaces show. */
export function isFeedAddress(text: string): boolean {
	const start = feedAddressStart.exec(text);
	return start !== null && nonSpaceToEnd.test(text.slice(start[0].length));
}

/** One line of text from outside, safe to keep: sanitised, spaces folded. */
function cleanLine(text: string): string {
	return sanitizeText(text).replace(/\s+/gu, ' ').trim();
}

/** An http(s) address as given, without controls or spaces, or undefined. */
function feedUrl(text: string | undefined): string | undefined {
	const url = text === undefined ? undefined : cleanLine(text);
	if (url === undefined || !isFeedAddress(url)) {
		return undefined;
	}

	try {
		return new URL(url).href;
	} catch {
		return undefined;
	}
}

/** The kind of subscription list `text` is, from its content, or undefined when it is none. */
export function subscriptionListKind(text: string): SubscriptionListKind | undefined {
	const head = text.slice(0, 16 * 1024).replace(/^\uFEFF/u, '');
	const start = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gu, '').trimStart();
	if (/^<opml[\s>]/iu.test(start)) {
		return 'opml';
	}

	// Every line that is not blank or a comment names a feed, or is one of newsboat's own lines; at least one feed.
	let feedCount = 0;
	for (const rawLine of head.split('\n').slice(0, 200)) {
		const line = rawLine.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		if (newsboatSpecialLine.test(line)) {
			continue;
		}

		const [address] = newsboatWords(line);
		if (address === undefined || !isFeedAddress(address)) {
			return undefined;
		}

		feedCount++;
	}

	return feedCount > 0 ? 'newsboat-urls' : undefined;
}

/**
 * A newsboat line's words, one at a time: the address, then each tag; double quotes hold a tag with spaces, `\"` a
 * quote. One at a time, so that taking the address alone does not split the rest (a feed whose XML is one long line
 * would be thousands of words).
 */
function * newsboatWords(line: string): Generator<string> {
	for (const [, quoted, bare] of line.matchAll(/"((?:[^"\\]|\\.)*)"?|(\S+)/gu)) {
		yield quoted === undefined ? bare! : quoted.replaceAll(/\\(.)/gu, '$1');
	}
}

function newsboatSubscriptions(text: string): Subscription[] {
	const subscriptions: Subscription[] = [];
	for (const rawLine of text.split('\n')) {
		const line = rawLine.trim();
		if (line === '' || line.startsWith('#') || newsboatSpecialLine.test(line)) {
			continue;
		}

		const [address, ...tags] = newsboatWords(line);
		const url = feedUrl(address);
		if (url === undefined) {
			continue;
		}

		let title: string | undefined;
		const groups: string[] = [];
		for (const tag of tags) {
			if (tag.startsWith('#')) {
				// A comment after the tags.
				break;
			}

			const clean = cleanLine(tag);
			if (clean.startsWith('~')) {
				title = clean.slice(1).trim() || title;
			} else if (clean !== '' && !clean.startsWith('!') && !groups.includes(clean)) {
				groups.push(clean);
			}
		}

		subscriptions.push(title === undefined ? {url, groups} : {url, title, groups});
	}

	return subscriptions;
}

function opmlSubscriptions(text: string): Subscription[] | undefined {
	const document = readXml(text, new Set(['outline']));
	const root = document.root;
	if (!root || root.name.toLowerCase() !== 'opml') {
		return undefined;
	}

	const subscriptions: Subscription[] = [];
	const visit = (element: XmlElement, groups: readonly string[], depth: number) => {
		for (const child of element.children) {
			if (typeof child === 'string' || depth > 64) {
				continue;
			}

			if (child.name.toLowerCase() !== 'outline') {
				visit(child, groups, depth + 1);
				continue;
			}

			const attributes = child.attributes;
			const label = cleanLine(attributes.title ?? attributes.text ?? '');
			const url = feedUrl(attributes.xmlUrl ?? attributes.xmlurl);
			if (url !== undefined) {
				subscriptions.push(label === '' ? {url, groups} : {url, title: label, groups});
			}

			// An outline without a feed is a folder: what it holds is filed under it.
			visit(child, url === undefined && label !== '' ? [...groups, label] : groups, depth + 1);
		}
	};

	visit(root, [], 0);
	return subscriptions;
}

/**
 * The feeds a subscription list names (OPML, or newsboat's `urls` file), in its order; undefined when `text` is no
 * subscription list. Addresses are http(s) only; titles and groups are sanitised. Never throws.
 */
export function parseSubscriptions(text: string): Subscription[] | undefined {
	try {
		switch (subscriptionListKind(text)) {
			case 'opml': {
				return opmlSubscriptions(text);
			}

			case 'newsboat-urls': {
				return newsboatSubscriptions(text);
			}

			default: {
				return undefined;
			}
		}
	} catch {
		return undefined;
	}
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** OPML 2.0 listing `subscriptions`, each in an outline per group it has (the first), as `--export-opml` writes it. */
export function subscriptionsToOpml(subscriptions: readonly Subscription[], title = 'Broadsheet subscriptions'): string {
	const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', `  <head><title>${escapeXml(title)}</title></head>`, '  <body>'];
	const outline = (subscription: Subscription, indent: string) => {
		const name = escapeXml(subscription.title ?? subscription.url);
		return `${indent}<outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(subscription.url)}"/>`;
	};

	const byGroup = new Map<string, Subscription[]>();
	for (const subscription of subscriptions) {
		const group = subscription.groups[0] ?? '';
		byGroup.set(group, [...(byGroup.get(group) ?? []), subscription]);
	}

	for (const [group, members] of byGroup) {
		if (group === '') {
			lines.push(...members.map(subscription => outline(subscription, '    ')));
		} else {
			lines.push(`    <outline text="${escapeXml(group)}" title="${escapeXml(group)}">`, ...members.map(subscription => outline(subscription, '      ')), '    </outline>');
		}
	}

	lines.push('  </body>', '</opml>');
	return `${lines.join('\n')}\n`;
}

/**
 * What a subscription list gives as articles: none. A list that names feeds never gets here: its feeds are fetched in
 * its place (see load/read-input.ts); so this is a list that names none, and the one problem says so (the command
 * exits with exitCodes.subscriptionList).
 */
export const parseSubscriptionList: Parser = text => {
	const kind = subscriptionListKind(text);
	const what = kind === 'opml' ? 'an OPML subscription list' : kind === 'newsboat-urls' ? 'a newsboat urls file' : 'no subscription list';
	return {articles: [], problems: [`this is ${what} that names no feed (an http or https address)`]};
};

/** The address a feed gives for itself: an `atom:link` (or Atom `link`) with `rel="self"`. */
function selfLink(element: XmlElement): string | undefined {
	const links = [...childrenNamed(element, 'atom:link'), ...childrenNamed(element, 'link')];
	return feedUrl(links.find(link => link.attributes.rel === 'self')?.attributes.href);
}

/**
 * A feed as a subscription: its title and the address it gives for itself (RSS and Atom `rel="self"`, JSON Feed
 * `feed_url`), or undefined when `text` is no feed or names no address of its own.
 */
export function feedSubscription(text: string): Subscription | undefined {
	try {
		const start = text.trimStart();
		if (start.startsWith('{')) {
			const feed: unknown = JSON.parse(start);
			if (typeof feed !== 'object' || feed === null) {
				return undefined;
			}

			const {feed_url: address, title} = feed as {feed_url?: unknown; title?: unknown};
			const url = typeof address === 'string' ? feedUrl(address) : undefined;
			const name = typeof title === 'string' ? cleanLine(title) : '';
			return url === undefined ? undefined : name === '' ? {url, groups: []} : {url, title: name, groups: []};
		}

		const root = readXml(text, new Set(['channel', 'item', 'entry'])).root;
		if (!root) {
			return undefined;
		}

		const holder = childNamed(root, 'channel') ?? root;
		const url = selfLink(holder);
		const title = cleanLine(childText(holder, 'title', 'atom:title') ?? '');
		return url === undefined ? undefined : title === '' ? {url, groups: []} : {url, title, groups: []};
	} catch {
		return undefined;
	}
}
