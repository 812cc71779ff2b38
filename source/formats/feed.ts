import {decodeHTMLStrict} from 'entities';
import type {ParseResult} from '../article.js';
import {type ArticleDraft, buildArticles} from './build-articles.js';
import {type Enclosure, enclosureOf, withEnclosures} from './enclosures.js';
import {parseDate} from './dates.js';
import type {Parser} from './format.js';
import {type HtmlText, htmlToLine, htmlToText, isLeadOf, looksLikeHtml, resolveUrl, textToParagraphs} from './html-text.js';
import type {ProblemList} from './xml/problem-list.js';
import {childNamed, childrenNamed, childText, descendantsNamed, findElement, markupOf, serializeNodes, textOf} from './xml/query.js';
import {readXml} from './xml/read-xml.js';
import type {XmlElement} from './xml/xml-nodes.js';

/*
RSS 0.9x / 2.0, RSS 1.0 (RDF) and Atom (1.0 and 0.3), read into article drafts:
- headline: title (RSS titles may hold HTML; Atom's say by their `type`)
- body: the fullest text there is: content:encoded or Atom content, else description or summary, else the podcast
  and Media RSS descriptions (itunes:summary, media:description); HTML becomes paragraphs and numbered links
- deck: the description or summary, when there is a fuller body and the summary is not just its opening words
- url, guid, author, date, categories; the feed's title is each article's source
*/

/** A description longer than this is a body that was cut short, not a standfirst. */
const longestDeckLength = 500;

/** Markup as a feed holds it: HTML (escaped, in CDATA, or XHTML written back) or plain text. */
type Markup = {readonly kind: 'html' | 'text'; readonly value: string; readonly baseUrl: string | undefined};

type Body = HtmlText & {readonly deck?: string};

/** What reading one feed's items collects besides the drafts. */
class FeedContext {
	private unreadableDateCount = 0;
	private firstUnreadableDate: {readonly offset: number; readonly text: string} | undefined;

	constructor(readonly problems: ProblemList) {}

	/** The first of `texts` that is there, as a date; an unreadable one is counted for the problem list. */
	dateOf(element: XmlElement, texts: ReadonlyArray<string | undefined>): number | undefined {
		const text = texts.find(candidate => candidate !== undefined);
		if (text === undefined) {
			return undefined;
		}

		const date = parseDate(text);
		if (date === undefined) {
			this.unreadableDateCount++;
			this.firstUnreadableDate ??= {offset: element.start, text};
		}

		return date;
	}

	finish() {
		if (this.firstUnreadableDate) {
			const more = this.unreadableDateCount - 1;
			const text = this.firstUnreadableDate.text.slice(0, 60);
			this.problems.add(this.firstUnreadableDate.offset, `unreadable date "${text}"${more > 0 ? ` (and ${more} more)` : ''}`);
		}
	}
}

function convert(markup: Markup | undefined): HtmlText {
	if (!markup) {
		return {paragraphs: [], links: []};
	}

	return markup.kind === 'html' ? htmlToText(markup.value, markup.baseUrl) : {paragraphs: textToParagraphs(markup.value), links: []};
}

function lineOf(markup: Markup): string {
	return markup.kind === 'html' ? htmlToLine(markup.value) : markup.value.replace(/\s+/gu, ' ').trim();
}

/** The body from the fullest text there is, and the summary as a deck when it adds something. */
function bodyOf(full: Markup | undefined, summary: Markup | undefined, fallback: () => Markup | undefined): Body {
	const fullText = convert(full);
	if (fullText.paragraphs.length > 0) {
		const deck = summary ? lineOf(summary) : '';
		return deck !== '' && deck.length <= longestDeckLength && !isLeadOf(deck, fullText.paragraphs) ? {...fullText, deck} : fullText;
	}

	const summaryText = convert(summary);
	return summaryText.paragraphs.length > 0 ? summaryText : convert(fallback());
}

/** The Media RSS description of an item: its own, or its group's or content's. */
/** Media RSS files: `media:content` of the item, or of its `media:group`. */
function mediaEnclosures(item: XmlElement, baseUrl: string | undefined): Array<Enclosure | undefined> {
	return [item, ...childrenNamed(item, 'media:group')]
		.flatMap(holder => childrenNamed(holder, 'media:content'))
		.map(content => enclosureOf(content.attributes.url, content.attributes.type, content.attributes.filesize ?? content.attributes.fileSize, content.baseUrl ?? baseUrl));
}

function mediaDescription(item: XmlElement): Markup | undefined {
	const holders = [item, ...childrenNamed(item, 'media:group'), ...childrenNamed(item, 'media:content')];
	for (const holder of holders) {
		const description = childNamed(holder, 'media:description');
		if (description && textOf(description).trim() !== '') {
			return {kind: 'html', value: markupOf(description), baseUrl: description.baseUrl};
		}
	}

	return undefined;
}

function podcastDescription(item: XmlElement): Markup | undefined {
	const summary = childNamed(item, 'itunes:summary');
	if (summary && textOf(summary).trim() !== '') {
		return {kind: 'html', value: markupOf(summary), baseUrl: summary.baseUrl};
	}

	const subtitle = childText(item, 'itunes:subtitle');
	return mediaDescription(item) ?? (subtitle === undefined ? undefined : {kind: 'text', value: subtitle, baseUrl: undefined});
}

function unique(values: ReadonlyArray<string | undefined>): string[] {
	const trimmed = values.map(value => value?.trim()).filter((value): value is string => value !== undefined && value !== '');
	return [...new Set(trimmed)];
}

/** `editor@example.com (Jo Smith)`, as RSS writes authors, names Jo Smith. */
function authorName(text: string): string {
	return /^\S+@\S+\s*\((.+)\)$/u.exec(text.trim())?.[1] ?? text;
}

/**
 * The name an RSS `<author>` gives: `editor@example.com (Jo Smith)` names Jo Smith; one with elements inside
 * (`<name>Ann Example</name><title>Product Manager</title>`) names what its `name` holds, else its first element.
 */
function rssAuthorName(author: XmlElement): string | undefined {
	const elements = author.children.filter((child): child is XmlElement => typeof child !== 'string');
	if (elements.length === 0) {
		const text = textOf(author).trim();
		return text === '' ? undefined : authorName(text);
	}

	const name = elements.find(element => element.name === 'name' || element.name.endsWith(':name')) ?? elements[0]!;
	const text = textOf(name).trim();
	return text === '' ? undefined : text;
}

// --- RSS 0.9x, 1.0 (RDF) and 2.0 ---

/**
 * A title or name as RSS writes it: plain text, HTML, or escaped twice (`Caf&amp;eacute;`). Read as HTML only when it
 * holds HTML tags, so that `Stalls open <late>` keeps its words.
 */
function rssLine(text: string): string {
	if (looksLikeHtml(text)) {
		return htmlToLine(text);
	}

	return (text.includes('&') ? decodeHTMLStrict(text) : text).replace(/\s+/gu, ' ').trim();
}

function rssDraft(item: XmlElement, channelUrl: string | undefined, source: string | undefined, context: FeedContext): ArticleDraft {
	const baseUrl = item.baseUrl ?? channelUrl;
	const linkElement = childNamed(item, 'link');
	const guidElement = childNamed(item, 'guid');
	const guid = childText(item, 'guid') ?? item.attributes['rdf:about'];
	const isPermaLink = guidElement?.attributes.isPermaLink?.toLowerCase() !== 'false';
	const href =
		childText(item, 'feedburner:origlink', 'link') ??
		linkElement?.attributes.href ??
		alternateLink(childrenNamed(item, 'atom:link')) ??
		(isPermaLink && guid !== undefined && /^https?:/iu.test(guid) ? guid : undefined);
	const url = href === undefined ? undefined : resolveUrl(href, baseUrl);
	const contentBase = (element: XmlElement) => element.baseUrl ?? url ?? baseUrl;

	const encoded = childNamed(item, 'content:encoded');
	const xhtmlBody = childNamed(item, 'xhtml:body', 'xhtml:div');
	const atomContent = childNamed(item, 'atom:content');
	const description = childNamed(item, 'description', 'dc:description');
	const full: Markup | undefined = encoded
		? {kind: 'html', value: markupOf(encoded), baseUrl: contentBase(encoded)}
		: xhtmlBody
			? {kind: 'html', value: serializeNodes(xhtmlBody.children), baseUrl: contentBase(xhtmlBody)}
			: atomContent
				? atomMarkup(atomContent, contentBase(atomContent), true)
				: undefined;
	const summary: Markup | undefined = description ? {kind: 'html', value: markupOf(description), baseUrl: contentBase(description)} : undefined;
	const body = withEnclosures(bodyOf(full, summary, () => podcastDescription(item)), [
		...childrenNamed(item, 'enclosure').map(enclosure => enclosureOf(enclosure.attributes.url, enclosure.attributes.type, enclosure.attributes.length, enclosure.baseUrl ?? url ?? baseUrl)),
		...mediaEnclosures(item, url ?? baseUrl),
	]);

	const title = childText(item, 'title', 'dc:title', 'media:title', 'itunes:title');
	const creators = unique(childrenNamed(item, 'dc:creator').map(creator => textOf(creator)));
	const authors = unique(childrenNamed(item, 'author').map(author => rssAuthorName(author)));
	return {
		headline: title === undefined ? undefined : rssLine(title),
		deck: body.deck,
		paragraphs: body.paragraphs,
		links: body.links,
		url,
		guid,
		author: creators.length > 0 ? creators.join(', ') : authors.length > 0 ? authors.join(', ') : childText(item, 'itunes:author'),
		publishedAt: context.dateOf(item, [
			childText(item, 'pubdate'),
			childText(item, 'dc:date'),
			childText(item, 'atom:published'),
			childText(item, 'atom:updated'),
			childText(item, 'dcterms:issued'),
			childText(item, 'dcterms:created'),
			childText(item, 'dcterms:modified'),
		]),
		categories: unique([...childrenNamed(item, 'category'), ...childrenNamed(item, 'dc:subject')].map(category => rssLine(textOf(category)))),
		source,
	};
}

const itemNames = new Set(['item']);

function rssDrafts(root: XmlElement, context: FeedContext, documentUrl: string | undefined): ArticleDraft[] {
	const channel = root.name === 'channel' ? root : childNamed(root, 'channel');
	// RSS 1.0 puts the items beside the channel, RSS 2.0 inside it.
	const items = root.name === 'item' ? [root] : descendantsNamed(root, itemNames);
	const title = channel ? childText(channel, 'title', 'dc:title') : undefined;
	const link = channel ? (childText(channel, 'link') ?? alternateLink(childrenNamed(channel, 'atom:link'))) : undefined;
	// The address the feed was fetched from is the last resort, for a channel with no address of its own.
	const channelUrl = (link === undefined ? channel?.baseUrl : (resolveUrl(link, channel?.baseUrl ?? documentUrl) ?? channel?.baseUrl)) ?? documentUrl;
	const source = title === undefined ? undefined : rssLine(title);
	return items.map(item => rssDraft(item, channelUrl, source, context));
}

// --- Atom 1.0 and 0.3 ---

/** The child named `localName` in Atom's namespace, or in none (Atom written without its namespace). */
function atomChild(element: XmlElement, localName: string): XmlElement | undefined {
	return childNamed(element, `atom:${localName}`, localName);
}

function atomChildren(element: XmlElement, localName: string): XmlElement[] {
	return [...childrenNamed(element, `atom:${localName}`), ...childrenNamed(element, localName)];
}

function atomText(element: XmlElement, localName: string): string | undefined {
	const text = atomChild(element, localName);
	return text ? textOf(text).trim() || undefined : undefined;
}

/**
 * An Atom text construct or content as markup, by its `type` (text, html, xhtml or a MIME type) or, in Atom 0.3, its
 * `mode` (escaped, base64, xml). Undefined for out-of-line content (`src`) and for media it cannot show.
 */
function atomMarkup(element: XmlElement, baseUrl: string | undefined, isContent: boolean): Markup | undefined {
	if (element.attributes.src !== undefined && textOf(element).trim() === '') {
		return undefined;
	}

	const type = (element.attributes.type ?? '').trim().toLowerCase();
	const mode = (element.attributes.mode ?? '').trim().toLowerCase();
	if (type === 'xhtml' || type === 'application/xhtml+xml' || (mode === 'xml' && element.children.some(child => typeof child !== 'string'))) {
		const division = element.children.find((child): child is XmlElement => typeof child !== 'string');
		const isWrapper = division !== undefined && division.name.endsWith('div');
		return {kind: 'html', value: serializeNodes(isWrapper ? division.children : element.children), baseUrl};
	}

	const isHtmlType = type === 'html' || type === 'text/html';
	if (mode === 'base64') {
		const decoded = Buffer.from(textOf(element), 'base64').toString('utf8');
		return isHtmlType || type === '' ? {kind: 'html', value: decoded, baseUrl} : type.startsWith('text') ? {kind: 'text', value: decoded, baseUrl} : undefined;
	}

	if (isHtmlType || mode === 'escaped') {
		return {kind: 'html', value: markupOf(element), baseUrl};
	}

	if (type === '' || type === 'text' || type.startsWith('text/')) {
		const text = textOf(element);
		return isContent && type === '' && looksLikeHtml(text) ? {kind: 'html', value: markupOf(element), baseUrl} : {kind: 'text', value: text, baseUrl};
	}

	return undefined;
}

/** One line of an Atom text construct (a title), or undefined when it is blank. */
function atomLine(element: XmlElement | undefined): string | undefined {
	const markup = element ? atomMarkup(element, element.baseUrl, false) : undefined;
	const line = markup ? lineOf(markup) : '';
	return line === '' ? undefined : line;
}

/** The address of the `rel="alternate"` link (an HTML one first), else of the first link. */
function alternateLink(links: readonly XmlElement[]): string | undefined {
	const withHref = links.filter(link => link.attributes.href?.trim());
	const isAlternate = (link: XmlElement) => (link.attributes.rel ?? 'alternate').trim().toLowerCase() === 'alternate';
	const link =
		withHref.find(link => isAlternate(link) && (link.attributes.type ?? 'text/html').toLowerCase().includes('html')) ??
		withHref.find(link => isAlternate(link)) ??
		withHref[0];
	const href = link?.attributes.href;
	return link && href ? (resolveUrl(href, link.baseUrl) ?? href) : undefined;
}

function atomAuthors(element: XmlElement): string[] {
	return unique(atomChildren(element, 'author').map(author => atomText(author, 'name') ?? textOf(author)));
}

function atomDraft(entry: XmlElement, feed: {readonly source?: string; readonly authors: readonly string[]; readonly baseUrl?: string}, context: FeedContext): ArticleDraft {
	// Relative addresses resolve against xml:base, else the feed's own address (its rel="self" or "alternate" link).
	const baseUrl = entry.baseUrl ?? feed.baseUrl;
	const href = childText(entry, 'feedburner:origlink') ?? alternateLink(atomChildren(entry, 'link'));
	const url = href === undefined ? undefined : resolveUrl(href, baseUrl);
	const contentElement = atomChild(entry, 'content');
	const summaryElement = atomChild(entry, 'summary');
	const content = contentElement ? atomMarkup(contentElement, contentElement.baseUrl ?? url ?? baseUrl, true) : undefined;
	const summary = summaryElement ? atomMarkup(summaryElement, summaryElement.baseUrl ?? url ?? baseUrl, true) : undefined;
	const body = withEnclosures(bodyOf(content, summary, () => mediaDescription(entry)), [
		...atomChildren(entry, 'link')
			.filter(link => link.attributes.rel?.trim().toLowerCase() === 'enclosure')
			.map(link => enclosureOf(link.attributes.href, link.attributes.type, link.attributes.length, link.baseUrl ?? baseUrl)),
		...mediaEnclosures(entry, url ?? baseUrl),
	]);
	// Atom: an entry without authors has those of its <source>, else those of the feed.
	const originalFeed = atomChild(entry, 'source');
	const entryAuthors = unique([...atomAuthors(entry), ...childrenNamed(entry, 'dc:creator').map(creator => textOf(creator))]);
	const sourceAuthors = originalFeed ? atomAuthors(originalFeed) : [];
	const authors = entryAuthors.length > 0 ? entryAuthors : sourceAuthors.length > 0 ? sourceAuthors : feed.authors;
	return {
		headline: atomLine(atomChild(entry, 'title')),
		deck: body.deck,
		paragraphs: body.paragraphs,
		links: body.links,
		url,
		guid: atomText(entry, 'id'),
		author: authors.length > 0 ? authors.join(', ') : undefined,
		publishedAt: context.dateOf(entry, [
			atomText(entry, 'published'),
			atomText(entry, 'updated'),
			atomText(entry, 'issued'),
			atomText(entry, 'modified'),
			atomText(entry, 'created'),
			childText(entry, 'dc:date'),
		]),
		categories: unique([
			...atomChildren(entry, 'category').map(category => category.attributes.label ?? category.attributes.term ?? textOf(category)),
			...childrenNamed(entry, 'dc:subject').map(subject => textOf(subject)),
		]),
		source: feed.source,
	};
}

const entryNames = new Set(['atom:entry', 'entry']);

/** The feed's own absolute address: its rel="self" link, else its rel="alternate" one. */
function feedAddress(root: XmlElement, documentUrl: string | undefined): string | undefined {
	const links = atomChildren(root, 'link');
	for (const relation of ['self', 'alternate']) {
		const link = links.find(candidate => (candidate.attributes.rel ?? 'alternate') === relation);
		const href = link?.attributes.href;
		const resolved = href === undefined ? undefined : resolveUrl(href, link?.baseUrl ?? documentUrl);
		if (resolved !== undefined) {
			return resolved;
		}
	}

	return undefined;
}

function atomDrafts(root: XmlElement, context: FeedContext, documentUrl: string | undefined): ArticleDraft[] {
	const isSingleEntry = root.name === 'atom:entry' || root.name === 'entry';
	const entries = isSingleEntry ? [root] : descendantsNamed(root, entryNames);
	const feed = isSingleEntry ? {authors: [], baseUrl: documentUrl} : {source: atomLine(atomChild(root, 'title')), authors: atomAuthors(root), baseUrl: root.baseUrl ?? feedAddress(root, documentUrl) ?? documentUrl};
	return entries.map(entry => atomDraft(entry, feed, context));
}

// --- The document ---

const rssRoots = new Set(['rss', 'rdf:rdf', 'channel', 'item']);
const atomRoots = new Set(['atom:feed', 'feed', 'atom:entry', 'entry']);
// Elements that hold fields: one of their fields left unclosed must not swallow the fields after it.
const containerNames = new Set([...rssRoots, ...atomRoots]);
// What a feed wrapped in something else (an XHTML page) may be found by.
const wrappedFeedRoots = new Set(['rss', 'rdf:rdf', 'atom:feed']);
// What a wrapped feed holds, to tell it from RDF metadata.
const feedContentNames = new Set(['channel', 'item', 'entry', 'atom:entry']);
// Root elements that show a web page (or a piece of one) was given instead of a feed.
const htmlRoots = new Set(['html', 'head', 'body', 'div', 'p', 'img', 'a', 'span', 'table', 'meta', 'link', 'script', 'style', 'br', 'h1', 'h2', 'h3', 'form', 'section', 'article']);

function isHtmlPage(root: XmlElement | undefined, doctype: string | undefined): boolean {
	const rootName = root?.qualifiedName.replace(/^.*:/u, '').toLowerCase();
	return doctype?.toLowerCase() === 'html' ? !rssRoots.has(root?.name ?? '') && !atomRoots.has(root?.name ?? '') : htmlRoots.has(rootName ?? '');
}

/** What {@link parseFeed} says of an HTML page, which parsers.ts then reads as an article page. */
export const htmlPageProblem = 'this is an HTML page, not a feed';

function failure(problem: string): ParseResult {
	return {articles: [], problems: [problem]};
}

/**
 * Parses an RSS (0.9x, 1.0/RDF, 2.0) or Atom (1.0, 0.3) feed. Ill-formed XML is recovered as far as it can be, with a
 * problem for each flaw (`line 12: unclosed <item> …`); when nothing can be recovered there are no articles and one
 * problem saying where and what is wrong. Entities declared in the document are expanded within a budget (a
 * "billion laughs" document is refused at once); external entities and DTDs are never loaded. Never throws.
 */
export const parseFeed: Parser = (text, source, options) => {
	try {
		return readFeed(text, source, options?.documentUrl);
	} catch (error) {
		// Nothing above is meant to throw; this keeps the promise if something does.
		return failure(`could not read the feed: ${error instanceof Error ? error.message : String(error)}`);
	}
};

function readFeed(text: string, source: string, documentUrl: string | undefined): ParseResult {
	const start = text.trimStart();
	if (start === '') {
		return failure('the document is empty');
	}

	if (start.startsWith('{') || start.startsWith('[')) {
		return failure('this is JSON, not an RSS or Atom feed');
	}

	const document = readXml(text, containerNames);
	const {problems} = document;
	if (document.isRefused) {
		return {articles: [], problems: problems.list()};
	}

	let root = document.root;
	const wrappedCandidate = root && !rssRoots.has(root.name) && !atomRoots.has(root.name) ? findElement(root, wrappedFeedRoots) : undefined;
	// Only one with a channel, items or entries: an HTML page's inline SVG carries RDF metadata (`<svg><metadata>
	// <rdf:RDF>`), which is no feed, and the page is an HTML page.
	const wrappedFeed = wrappedCandidate && findElement(wrappedCandidate, feedContentNames) ? wrappedCandidate : undefined;
	if (root && wrappedFeed) {
		problems.add(wrappedFeed.start, `the feed is wrapped in <${root.qualifiedName}>`);
		root = wrappedFeed;
	} else if (isHtmlPage(root, document.doctype)) {
		return failure(htmlPageProblem);
	}

	if (!root) {
		return failure(document.hasLooseText ? 'line 1: this is not XML: no element found' : 'no feed here: the document holds no elements');
	}

	const isRss = rssRoots.has(root.name);
	if (!isRss && !atomRoots.has(root.name)) {
		return failure(`line ${problems.lineOf(root.start)}: not a feed: the document is a <${root.qualifiedName}>, not <rss>, <rdf:RDF> or <feed>`);
	}

	const context = new FeedContext(problems);
	const drafts = isRss ? rssDrafts(root, context, documentUrl) : atomDrafts(root, context, documentUrl);
	context.finish();
	const articles = buildArticles(drafts, source);
	if (articles.length < drafts.length) {
		const emptyCount = drafts.length - articles.length;
		problems.add(undefined, `${emptyCount} of ${drafts.length} ${isRss ? 'items' : 'entries'} had no title and no text`);
	}

	const list = problems.list();
	// Nothing recovered: the first problem is where things went wrong.
	return {articles, problems: articles.length === 0 && list.length > 1 ? list.slice(0, 1) : list};
}
