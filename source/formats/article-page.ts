import {Readability} from '@mozilla/readability';
import {Parser as HtmlParser} from 'htmlparser2';
import {parseHTML} from 'linkedom';
import type {ParseResult} from '../article.js';
import {type ArticleDraft, buildArticles} from './build-articles.js';
import {parseDate} from './dates.js';
import type {Parser} from './format.js';
import {htmlToLine, htmlToText, isLeadOf, resolveUrl} from './html-text.js';

/*
An HTML page read as one article (a newspaper's story page):
- the body: the page's main content as Mozilla's Readability finds it (not the navigation, share bars, cookie banners or
  related-story boxes), read by the HTML reader (html-text.ts), so that links become [1], [2]… and code, headings and
  tables keep their kinds;
- headline, by-line, date, address and site name: the page's JSON-LD (`NewsArticle`, `Article`, … also inside an
  `@graph`), then its `og:` and `article:` meta, then what Readability found;
- a page with no article (a front page, an error page) gives no article and one problem.
Readability and linkedom are loaded when the first page is read (see lazyPackages in scripts/build.js), so that
start-up for other inputs does not pay for them.
*/

/** Less text than this in the main content (in characters) is no article: an error page, a bare front page. */
const shortestArticleLength = 200;
/** Main content more than this share of whose text is link text is a list of links (a front page), not a story. */
const mostLinkTextShare = 0.5;

const advertisementLabel = /^(?:advertisement|advert|ad|sponsored|anzeige|publicité)$/iu;

/** The problem a page with no article gives. */
export const noArticleProblem = 'no article on this page (a front page or an error page?)';

/** The parts of the DOM that linkedom gives and this module uses. */
type DomElement = {
	readonly textContent: string | null;
	readonly innerHTML: string;
	getAttribute(name: string): string | null;
	querySelectorAll(selector: string): ArrayLike<DomElement>;
	querySelector(selector: string): DomElement | null;
};

type DomDocument = DomElement & {readonly title: string; readonly documentElement: DomTreeElement | null; createTextNode(text: string): unknown};

/** An element as {@link withinNestingBound} walks and flattens it. */
type DomTreeElement = {
	readonly children: ArrayLike<DomTreeElement>;
	readonly textContent: string | null;
	replaceWith(node: unknown): void;
};

/**
 * `document` with every element deeper than {@link deepestPageNesting} replaced by its text, in one walk. The markup's
 * own bound (withBoundedNesting) sees tags as a careful page writes them; a parser also opens an element for tag-like
 * garbage such as `<h<!DOCTYPE html>`, repeated thousands of times in a hostile page, and Readability's time grows
 * with the square of the nesting (7,600 such tags took 6.5 s; 68 KB of them 1.8 s).
 */
function withinNestingBound(document: DomDocument): void {
	const tooDeep: DomTreeElement[] = [];
	const stack: Array<{element: DomTreeElement; depth: number}> = document.documentElement ? [{element: document.documentElement, depth: 0}] : [];
	while (stack.length > 0) {
		const {element, depth} = stack.pop()!;
		if (depth >= deepestPageNesting) {
			tooDeep.push(element);
			continue;
		}

		// Asked once: linkedom makes the list anew each time, a walk of the element's nodes (asked for each child, a head
		// of 5,000 `<meta>` tags took 2.5 s).
		const {children} = element;
		for (let index = 0; index < children.length; index++) {
			stack.push({element: children[index]!, depth: depth + 1});
		}
	}

	for (const element of tooDeep) {
		element.replaceWith(document.createTextNode(element.textContent ?? ''));
	}
}

/** What the page says about its article, wherever it says it. */
type PageFacts = {
	headline?: string;
	author?: string;
	date?: string;
	url?: string;
	siteName?: string;
	description?: string;
	section?: string;
	/** Whether JSON-LD or og:type says the page is an article. */
	isArticle: boolean;
};

const articleTypes = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting)$/u;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(object: JsonObject): string[] {
	const type = object['@type'];
	return (Array.isArray(type) ? type : [type]).filter((name): name is string => typeof name === 'string').map(name => name.replace(/^.*[/:]/u, ''));
}

/** Every object in a JSON-LD value: arrays flattened, `@graph`s opened (not deeper than a few levels). */
function jsonLdObjects(value: unknown, depth = 0): JsonObject[] {
	if (depth > 4) {
		return [];
	}

	if (Array.isArray(value)) {
		return value.flatMap(item => jsonLdObjects(item, depth + 1));
	}

	if (!isObject(value)) {
		return [];
	}

	return [value, ...jsonLdObjects(value['@graph'], depth + 1)];
}

/** A JSON-LD text value: a string, or the first string of an array, or an object's `name`. */
function jsonText(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const line = htmlToLine(value);
		return line === '' ? undefined : line;
	}

	if (Array.isArray(value)) {
		return jsonText(value[0]);
	}

	return isObject(value) ? jsonText(value.name ?? value['@id']) : undefined;
}

/** Authors as JSON-LD gives them: a name, a Person, or a list of either; joined with commas. */
function jsonAuthors(value: unknown): string | undefined {
	const names = (Array.isArray(value) ? value : [value])
		.map(author => (typeof author === 'string' ? htmlToLine(author) : isObject(author) ? jsonText(author.name) : undefined))
		.filter((name): name is string => name !== undefined && name !== '' && !/^https?:/iu.test(name));
	return names.length === 0 ? undefined : [...new Set(names)].join(', ');
}

function jsonUrl(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return value;
	}

	return isObject(value) ? jsonUrl(value['@id'] ?? value.url) : undefined;
}

/** The article the page's JSON-LD describes, if any. */
function jsonLdArticle(document: DomDocument): JsonObject | undefined {
	for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
		let value: unknown;
		try {
			value = JSON.parse(script.textContent ?? '');
		} catch {
			continue;
		}

		const article = jsonLdObjects(value).find(object => typesOf(object).some(type => articleTypes.test(type)));
		if (article) {
			return article;
		}
	}

	return undefined;
}

/** The page's meta tags, `property` or `name` (lower-cased) → content, the first of each; read in one pass. */
function metaTags(document: DomDocument): Map<string, string> {
	const tags = new Map<string, string>();
	for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
		const name = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))?.toLowerCase();
		const content = element.getAttribute('content')?.replace(/\s+/gu, ' ').trim();
		if (name && content && !tags.has(name)) {
			tags.set(name, content);
		}
	}

	return tags;
}

/** What the page's JSON-LD and meta say, read before Readability changes the document. */
function pageFacts(document: DomDocument): PageFacts {
	const article = jsonLdArticle(document);
	const tags = metaTags(document);
	const metaContent = (...names: string[]) => names.map(name => tags.get(name)).find(content => content !== undefined);
	const metaAuthor = metaContent('author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator');
	const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
	return {
		headline: jsonText(article?.headline) ?? jsonText(article?.name) ?? metaContent('og:title', 'twitter:title'),
		author: jsonAuthors(article?.author ?? article?.creator) ?? (metaAuthor && !/^https?:/iu.test(metaAuthor) ? metaAuthor : undefined),
		date: jsonText(article?.datePublished) ?? jsonText(article?.dateCreated) ?? metaContent('article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'date', 'dc.date', 'dc.date.issued') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
		url: jsonUrl(article?.url) ?? jsonUrl(article?.mainEntityOfPage) ?? metaContent('og:url') ?? canonical,
		siteName: metaContent('og:site_name') ?? jsonText(article?.publisher),
		description: jsonText(article?.description) ?? metaContent('og:description', 'description', 'twitter:description'),
		section: jsonText(article?.articleSection) ?? metaContent('article:section'),
		isArticle: article !== undefined || metaContent('og:type')?.toLowerCase() === 'article',
	};
}

/** `By Jo Smith`, as by-lines write it, names Jo Smith. */
function withoutBy(byline: string): string {
	return byline.replace(/^\s*(?:by|von|par|door|por)\s+/iu, '').replace(/\s+/gu, ' ').trim();
}

/** How much of the text of `html` (a fragment) is the text of its links, from 0 to 1. */
function linkTextShare(html: string, textLength: number): number {
	let linkLength = 0;
	for (const [, inner] of html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/giu)) {
		linkLength += htmlToLine(inner!).replace(/\s+/gu, '').length;
	}

	return textLength === 0 ? 1 : linkLength / textLength;
}

/**
 * Markup no story is read from, left out before the page becomes a DOM, which is most of the time reading a page takes:
 * scripts (but JSON-LD), styles, inline SVG icons, comments, and the page's navigation, asides (related stories, most
 * read) and footers. Readability would drop them all; an element nested in one of its own kind leaves its tail behind,
 * which Readability then weighs like any other markup.
 */
const ignoredMarkup = /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<(style|svg|nav|aside|footer|noscript|template|iframe|select|button)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/giu;

/** The page's own address, when it names an absolute one, to resolve its links against. */
function baseUrlOf(document: DomDocument, facts: PageFacts): string | undefined {
	const base = document.querySelector('base[href]')?.getAttribute('href') ?? undefined;
	for (const candidate of [base, facts.url]) {
		const url = candidate === undefined ? undefined : resolveUrl(candidate);
		if (url !== undefined && /^https?:/iu.test(url)) {
			return url;
		}
	}

	return undefined;
}

/**
 * How deep elements may nest before their tags are dropped (their text stays). Readability's time grows with the square
 * of the nesting and more (2,000 nested <div>s took 25 s): news pages nest 20 to 60 deep.
 */
export const deepestPageNesting = 100;

// Elements that hold no content, and those whose end tag pages leave out (the next one closes them), which do not nest.
const unnestedElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

const headingTag = /^h[1-6]$/u;

/**
 * `html` with the tags nested deeper than {@link deepestPageNesting} left out, in one pass; and a heading opened right
 * inside another heading closes that one first, as the HTML standard's parser does ("a start tag whose tag name is one
 * of h1 … h6"), where linkedom's would nest them. Readability weighs each heading against the page's title with all
 * the text it holds: a page of thousands of `<h1>` left open took it 3 s.
 */
function withBoundedNesting(html: string): string {
	/** The names of the open elements (lower case), innermost last: {@link deepestPageNesting} deep at most. */
	const openNames: string[] = [];
	let depth = 0;
	return html.replace(/<(\/?)([a-z][\w:-]*)\b[^<>]*?(\/?)>/giu, (tag, closing: string, name: string, selfClosing: string) => {
		const lowerName = name.toLowerCase();
		if (selfClosing !== '' || unnestedElements.has(lowerName)) {
			return tag;
		}

		if (closing === '') {
			const innermost = depth === openNames.length ? openNames.at(-1) : undefined;
			if (innermost !== undefined && headingTag.test(innermost) && headingTag.test(lowerName)) {
				// The new heading takes the old one's place.
				openNames[openNames.length - 1] = lowerName;
				return `</${innermost}>${tag}`;
			}

			depth++;
			if (depth > deepestPageNesting) {
				return '';
			}

			openNames.push(lowerName);
			return tag;
		}

		depth = Math.max(0, depth - 1);
		if (depth >= deepestPageNesting) {
			return '';
		}

		openNames.length = Math.min(openNames.length, depth);
		return tag;
	});
}

// Readability's own rules for its first pass (Readability.js 0.6: REGEXPS.unlikelyCandidates, okMaybeItsACandidate,
// byline, UNLIKELY_ROLES), which drops the elements they name before it scores the rest.
const unlikelyCandidate = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/iu;
const maybeCandidate = /and|article|body|column|content|main|shadow/iu;
const bylineName = /byline|author|dateline|writtenby|p-author/iu;
const unlikelyRoles = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
/** Elements never left out here: the page's frame, links and headings (Readability keeps or weighs them apart). */
const keptElements = new Set(['html', 'head', 'body', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'meta', 'link', 'script', 'template']);

/** Whether Readability's first pass would drop an element with these attributes (but not one that may be a by-line). */
function isUnlikelyCandidate(attributes: Readonly<Record<string, string>>): boolean {
	const matchString = `${attributes.class ?? ''} ${attributes.id ?? ''}`;
	if (attributes.rel === 'author' || attributes.itemprop?.includes('author') || bylineName.test(matchString)) {
		return false;
	}

	return (unlikelyCandidate.test(matchString) && !maybeCandidate.test(matchString)) || unlikelyRoles.has(attributes.role ?? '');
}

/**
 * `html` without the elements Readability's first pass would drop (related-story boxes, comments, sidebars, menus, by
 * their class, id or role), found by the same parser linkedom uses, so that the DOM is not built for them: on a news
 * page they are most of the markup, and building the DOM is most of the time reading a page takes. An element whose end
 * the page leaves out, or that sits in a table or code, stays for Readability to judge. Undefined when nothing is left out.
 */
export function withoutUnlikelyCandidates(html: string): string | undefined {
	const ranges: Array<[number, number]> = [];
	/** The open elements: their names, and whether one is in a table or code. */
	const open: Array<{readonly name: string; readonly isInTableOrCode: boolean}> = [];
	/** The element being left out, while it is open: its depth and where its start tag begins. */
	let leftOut: {readonly depth: number; readonly start: number} | undefined;
	const parser: {startIndex: number; endIndex: number; write(text: string): void; end(): void} = new HtmlParser({
		onopentag(name, attributes) {
			const isInTableOrCode = (open.at(-1)?.isInTableOrCode ?? false) || name === 'table' || name === 'code' || name === 'pre';
			if (leftOut === undefined && !isInTableOrCode && !keptElements.has(name) && isUnlikelyCandidate(attributes)) {
				leftOut = {depth: open.length, start: parser.startIndex};
			}

			open.push({name, isInTableOrCode});
		},
		onclosetag(_name, isImplied) {
			open.pop();
			if (leftOut !== undefined && open.length === leftOut.depth) {
				if (!isImplied) {
					ranges.push([leftOut.start, parser.endIndex + 1]);
				}

				leftOut = undefined;
			}
		},
	}, {decodeEntities: true});
	parser.write(html);
	parser.end();
	if (ranges.length === 0) {
		return undefined;
	}

	let kept = '';
	let from = 0;
	for (const [start, end] of ranges) {
		kept += html.slice(from, start);
		from = end;
	}

	return kept + html.slice(from);
}

/** What Readability found on a page, with the page's facts; `isFirstPass` when its first pass found enough text. */
function readPage(html: string): {document: DomDocument; facts: PageFacts; found: ReturnType<Readability['parse']>; isFirstPass: boolean} {
	const {document} = parseHTML(withBoundedNesting(html)) as unknown as {document: DomDocument};
	withinNestingBound(document);
	const facts = pageFacts(document);
	const reader = new Readability(document as never, {charThreshold: 300});
	const found = reader.parse();
	// Readability notes each pass that found too little text before it tries again with looser rules.
	const attempts = (reader as unknown as {_attempts?: readonly unknown[]})._attempts;
	return {document, facts, found, isFirstPass: attempts !== undefined && attempts.length === 0};
}

/** The article draft an HTML page holds, or the problem it has. */
export function articlePageDraft(html: string): ArticleDraft | {readonly problem: string} {
	const page = html.replace(ignoredMarkup, '');
	const shorterPage = withoutUnlikelyCandidates(page);
	let read = readPage(shorterPage ?? page);
	// Without the elements its first pass drops, Readability's later passes (which keep them) would not see the page it
	// would have: when the first pass is not enough, the whole page is read again.
	if (shorterPage !== undefined && !read.isFirstPass) {
		read = readPage(page);
	}

	const {document, facts, found} = read;
	const baseUrl = baseUrlOf(document, facts);
	if (!found?.content) {
		return {problem: noArticleProblem};
	}

	const textLength = (found.textContent ?? '').replace(/\s+/gu, '').length;
	if (textLength < shortestArticleLength || (!facts.isArticle && linkTextShare(found.content, textLength) > mostLinkTextShare)) {
		return {problem: noArticleProblem};
	}

	const text = htmlToText(found.content, baseUrl);
	const headline = facts.headline ?? (found.title ? htmlToLine(found.title) : undefined);
	// Readability keeps a heading that repeats the headline when it is not the first thing in the content.
	// Advertisement labels left where an advertisement was.
	const paragraphs = text.paragraphs.filter((paragraph, index) => !advertisementLabel.test(paragraph) && (index > 2 || headline === undefined || paragraph.replace(/^\uFFF9/u, '') !== headline));
	const deck = facts.description ?? (found.excerpt ? htmlToLine(found.excerpt) : undefined);
	const dateText = facts.date ?? found.publishedTime ?? undefined;
	return {
		headline,
		deck: deck && !isLeadOf(deck, paragraphs) ? deck : undefined,
		paragraphs,
		links: text.links,
		author: facts.author ?? (found.byline ? withoutBy(htmlToLine(found.byline)) || undefined : undefined),
		publishedAt: dateText === undefined ? undefined : parseDate(dateText),
		url: baseUrl,
		categories: facts.section === undefined ? undefined : [facts.section],
		source: facts.siteName ?? (found.siteName ? htmlToLine(found.siteName) : undefined),
	};
}

/**
 * Reads an HTML page as one article: its main content, headline, by-line and date (see above). A page with no article
 * gives no articles and {@link noArticleProblem}. Never throws.
 */
export const parseArticlePage: Parser = (text, source): ParseResult => {
	try {
		const draft = articlePageDraft(text);
		if ('problem' in draft) {
			return {articles: [], problems: [draft.problem]};
		}

		const articles = buildArticles([draft], source);
		return articles.length === 0 ? {articles: [], problems: [noArticleProblem]} : {articles, problems: []};
	} catch (error) {
		return {articles: [], problems: [`could not read the page: ${error instanceof Error ? error.message : String(error)}`]};
	}
};
