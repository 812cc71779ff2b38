import {decodeHTMLStrict} from 'entities';
import type {ParseResult} from '../article.js';
import {type ArticleDraft, buildArticles} from './build-articles.js';
import {enclosureOf, withEnclosures} from './enclosures.js';
import {parseDate} from './dates.js';
import type {Parser} from './format.js';
import {jsonSyntaxProblem} from './json-errors.js';
import {salvagedJson} from './json-salvage.js';
import {htmlToLine, htmlToText, isLeadOf, looksLikeHtml, resolveUrl, textToParagraphs} from './html-text.js';

/*
JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/): title → headline, content_html (else content_text)
→ body, summary → deck when it is not just the opening words, url (else external_url), id → guid, date_published
(else date_modified), authors (1.1) or author (1.0), tags → categories, the feed's title → source.
*/

/** A summary longer than this is a body that was cut short, not a standfirst. */
const longestDeckLength = 500;

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return String(value);
	}

	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function authorNames(item: JsonObject, feed: JsonObject): string[] {
	const namesOf = (holder: JsonObject) => {
		const authors = Array.isArray(holder.authors) ? holder.authors : isObject(holder.author) ? [holder.author] : [];
		return authors.map(author => (isObject(author) ? stringOf(author.name) : stringOf(author))).filter(name => name !== undefined);
	};

	const names = namesOf(item);
	return names.length > 0 ? names : namesOf(feed);
}

/** A title as JSON feeds write it: plain text, perhaps with entities (`&#8216;Jokes&#8217;`), or HTML. */
function titleLine(text: string): string {
	if (looksLikeHtml(text)) {
		return htmlToLine(text);
	}

	return (text.includes('&') ? decodeHTMLStrict(text) : text).replace(/\s+/gu, ' ').trim();
}

function draftOf(item: JsonObject, feed: JsonObject, source: string | undefined, documentUrl: string | undefined): ArticleDraft {
	const feedUrl = stringOf(feed.home_page_url) ?? stringOf(feed.feed_url);
	const baseUrl = (feedUrl === undefined ? undefined : resolveUrl(feedUrl, documentUrl)) ?? documentUrl;
	const href = stringOf(item.url) ?? stringOf(item.external_url);
	const url = href === undefined ? undefined : resolveUrl(href, baseUrl);
	const html = stringOf(item.content_html);
	const text = stringOf(item.content_text);
	const attachments = Array.isArray(item.attachments) ? item.attachments.filter(attachment => isObject(attachment)) : [];
	const body = withEnclosures(
		html === undefined ? {paragraphs: text === undefined ? [] : textToParagraphs(text), links: [] as string[]} : htmlToText(html, url ?? baseUrl),
		attachments.map(attachment => enclosureOf(stringOf(attachment.url), stringOf(attachment.mime_type), typeof attachment.size_in_bytes === 'number' ? attachment.size_in_bytes : undefined, url ?? baseUrl)),
	);
	const summary = stringOf(item.summary)?.replace(/\s+/gu, ' ').trim();
	const deck = summary !== undefined && summary.length <= longestDeckLength && !isLeadOf(summary, body.paragraphs) ? summary : undefined;
	const title = stringOf(item.title);
	const tags = Array.isArray(item.tags) ? item.tags.map(tag => stringOf(tag)).filter(tag => tag !== undefined) : [];
	const date = stringOf(item.date_published) ?? stringOf(item.date_modified);
	const authors = authorNames(item, feed);
	return {
		headline: title === undefined ? undefined : titleLine(title),
		// With no body, the summary is the text.
		...(body.paragraphs.length === 0 && summary !== undefined ? {paragraphs: [summary]} : {paragraphs: body.paragraphs, deck}),
		links: body.links,
		url,
		guid: stringOf(item.id),
		author: authors.length > 0 ? authors.join(', ') : undefined,
		publishedAt: date === undefined ? undefined : parseDate(date),
		categories: tags,
		source,
	};
}

/**
 * Parses a JSON Feed (1.0 or 1.1). Items that are not objects, or hold no title and no text, are skipped with a
 * problem (`item 3: …`); text that is not JSON gives no articles and one problem saying where. Never throws.
 */
export const parseJsonFeed: Parser = (text, source, options) => {
	try {
		return readJsonFeed(text, source, options?.documentUrl);
	} catch (error) {
		// Nothing here is meant to throw; this keeps the promise if something does.
		return {articles: [], problems: [`could not read the JSON Feed: ${error instanceof Error ? error.message : String(error)}`]};
	}
};

function readJsonFeed(text: string, source: string, documentUrl: string | undefined): ParseResult {
	let feed: unknown;
	const clean = text.replace(/^\uFEFF/u, '');
	try {
		feed = JSON.parse(clean);
	} catch (error) {
		const problem = jsonSyntaxProblem(clean, error);
		// A file cut off in the middle keeps the items that came whole before the cut.
		const salvaged = salvagedJson(clean);
		if (salvaged === undefined) {
			return {articles: [], problems: [problem]};
		}

		const result = jsonFeedFromValue(salvaged, source, documentUrl);
		return {articles: result.articles, problems: [`the file ends early (${problem}): read the items before the cut`, ...result.problems]};
	}

	return jsonFeedFromValue(feed, source, documentUrl);
}

/** Whether a parsed JSON value is a JSON Feed: an object whose `version` names jsonfeed.org, with a list of items. */
export function isJsonFeedValue(value: unknown): boolean {
	return isObject(value) && Array.isArray(value.items) && typeof value.version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//u.test(value.version);
}

/** The articles of a parsed JSON Feed (see {@link parseJsonFeed}). */
export function jsonFeedFromValue(feed: unknown, source: string, documentUrl?: string): ParseResult {
	if (!isObject(feed) || !Array.isArray(feed.items)) {
		return {articles: [], problems: ['not a JSON Feed: no "items" list']};
	}

	const problems: string[] = [];
	const version = stringOf(feed.version);
	if (version === undefined || !/^https?:\/\/jsonfeed\.org\/version\/1(?:\.1)?\/?$/u.test(version)) {
		problems.push(`unknown JSON Feed version ${JSON.stringify(version ?? null)}: read as 1.1`);
	}

	const title = stringOf(feed.title);
	const feedSource = title === undefined ? undefined : htmlToLine(title);
	const drafts: ArticleDraft[] = [];
	for (const [index, item] of feed.items.entries()) {
		if (!isObject(item)) {
			problems.push(`item ${index + 1}: not an object`);
			continue;
		}

		const draft = draftOf(item, feed, feedSource, documentUrl);
		if (draft.headline === undefined && (draft.paragraphs ?? []).length === 0) {
			problems.push(`item ${index + 1}: no title and no text`);
			continue;
		}

		drafts.push(draft);
	}

	return {articles: buildArticles(drafts, source), problems};
}
