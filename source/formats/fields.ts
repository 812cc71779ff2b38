import type {ArticleDraft} from './build-articles.js';
import {parseDate} from './dates.js';
import type {MappableField, ParseOptions} from './format.js';
import {type HtmlText, htmlToLine, isLeadOf, looksLikeHtml} from './html-text.js';
import {bodyFromText, decodeEntities} from './text-body.js';

/*
Field inference, shared by JSON, NDJSON, CSV/TSV and Markdown front matter. A record's keys are compared without
case, `_`, `-`, spaces or other punctuation, so `published_at`, `publishedAt` and `Published At` are one name. For
each article field the first name in its list below that the record holds with a non-empty value wins, and a key
feeds one field only: `description` is the body when there is no `body`, and the deck when there is; `section` is
the kicker when there is no `kicker`, and a category when there is. `--fields headline=col,…`
(ParseOptions.fieldMap) names the key outright and always wins; the key it names feeds no other field.
*/

/** The names each article field is read from, best first, as normalised by `normalizeKey`. */
const candidateNames: Readonly<Record<MappableField, readonly string[]>> = {
	headline: ['title', 'headline', 'heading', 'webtitle', 'name'],
	body: [
		'body', 'content', 'text', 'articlebody', 'bodytext', 'bodyhtml', 'contenthtml', 'contenttext', 'contentencoded',
		'fulltext', 'selftext', 'leadparagraph', 'description', 'summary', 'article', 'story', 'abstract', 'excerpt', 'snippet',
	],
	deck: [
		'summary', 'description', 'abstract', 'standfirst', 'subtitle', 'subheadline', 'subhead', 'dek', 'deck', 'excerpt',
		'teaser', 'trailtext', 'snippet',
	],
	url: ['url', 'link', 'href', 'permalink', 'weburl', 'canonicalurl', 'articleurl', 'shareurl', 'uri'],
	author: ['author', 'authors', 'byline', 'creator', 'creators', 'dccreator', 'by', 'writer', 'authorname', 'reporter'],
	date: [
		'published', 'publishedat', 'publishedon', 'publisheddate', 'publishdate', 'publicationdate', 'datepublished',
		'pubdate', 'dategmt', 'date', 'isodate', 'datetime', 'created', 'createdat', 'createdutc', 'datecreated', 'timestamp', 'time',
		'updated', 'updatedat', 'modified', 'datemodified', 'lastmodified',
	],
	source: ['source', 'sourcename', 'publisher', 'publication', 'site', 'sitename', 'feed', 'feedtitle', 'outlet'],
	kicker: ['kicker', 'overline', 'eyebrow', 'rubric', 'section', 'sectionname'],
	categories: ['categories', 'category', 'tags', 'tag', 'topics', 'topic', 'keywords', 'subjects', 'labels', 'label', 'section', 'sectionname'],
	id: ['id', 'guid', 'uuid', 'docid', 'articleid', 'storyid', 'itemid', 'newsid'],
};

/** The order fields claim keys in: a key taken by an earlier field is not offered to a later one. */
const fieldOrder: readonly MappableField[] = ['headline', 'body', 'deck', 'url', 'author', 'date', 'source', 'kicker', 'categories', 'id'];

/** Fields whose value is read as text (`headline`, `body`, `deck`): a record needs one of them. */
const textFields: readonly MappableField[] = ['headline', 'body', 'deck'];

/**
 * Keys that may wrap the article itself: Reddit's `data`, Elasticsearch's `_source`, GraphQL's `node`, JSON:API's
 * `attributes`, the Guardian's `fields`. Compared as written, not normalised (`source` is a field of its own).
 */
const wrapperKeys: readonly string[] = ['data', '_source', 'node', 'attributes', 'fields', 'item', 'article', 'story', 'post', 'entry'];

const normalizedKeys = new Map<string, string>();

/** A key as field inference compares it: lower case, letters and digits only (`published_at` → `publishedat`). */
export function normalizeKey(key: string): string {
	let normalized = normalizedKeys.get(key);
	if (normalized === undefined) {
		normalized = key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
		if (normalizedKeys.size < 10_000) {
			normalizedKeys.set(key, normalized);
		}
	}

	return normalized;
}

/** For each article field, the keys to read it from, best first. */
export type FieldPlan = {
	readonly candidates: Readonly<Record<MappableField, readonly string[]>>;
	/** When the keys lack a headline or a body: the key that may wrap the article (`data`, `_source`, …), if any. */
	readonly wrapperKey?: string;
	/** `--fields` entries that name a key the record does not have. */
	readonly missingMapped: readonly MappableField[];
};

/**
 * Which of `keys` (a record's keys or a header row) feed which article field. `fieldMap` (from `--fields`) wins:
 * its key is matched exactly, then without case and punctuation, and a dotted name (`fields.body`) reaches into
 * nested objects.
 */
export function planFields(keys: readonly string[], fieldMap: ParseOptions['fieldMap'] = {}): FieldPlan {
	const keyByName = new Map<string, string>();
	for (const key of keys) {
		const name = normalizeKey(key);
		if (!keyByName.has(name)) {
			keyByName.set(name, key);
		}
	}

	const mappedKeys = new Set<string>();
	const mapped: Partial<Record<MappableField, string>> = {};
	const missingMapped: MappableField[] = [];
	for (const field of fieldOrder) {
		const wanted = fieldMap[field];
		if (wanted === undefined) {
			continue;
		}

		const key = keys.includes(wanted) ? wanted : (keyByName.get(normalizeKey(wanted)) ?? (wanted.includes('.') ? wanted : undefined));
		if (key === undefined) {
			missingMapped.push(field);
		} else {
			mapped[field] = key;
			mappedKeys.add(key);
		}
	}

	const candidates = {} as Record<MappableField, readonly string[]>;
	for (const field of fieldOrder) {
		const mappedKey = mapped[field];
		if (mappedKey !== undefined) {
			candidates[field] = [mappedKey];
		} else if (fieldMap[field] === undefined) {
			candidates[field] = candidateNames[field].map(name => keyByName.get(name)).filter((key): key is string => key !== undefined && !mappedKeys.has(key));
		} else {
			// The user named a key this input lacks: infer nothing in its place.
			candidates[field] = [];
		}
	}

	const hasText = candidates.headline.length > 0 && candidates.body.length > 0;
	const wrapperKey = hasText ? undefined : wrapperKeys.find(key => keys.includes(key));
	return {candidates, ...(wrapperKey === undefined ? {} : {wrapperKey}), missingMapped};
}

type Writable<T> = {-readonly [Key in keyof T]: T[Key]};

/** A record: a JSON object, a CSV row by column name, or front matter. */
export type FieldRecord = Readonly<Record<string, unknown>>;

function valueAt(record: FieldRecord, key: string): unknown {
	const value = record[key];
	if (value !== undefined || !key.includes('.')) {
		return value;
	}

	let current: unknown = record;
	for (const part of key.split('.')) {
		current = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as FieldRecord)[part] : undefined;
	}

	return current;
}

// The keys that hold the text of an object value, best first: WordPress `{rendered}`, `{main}` and `{original}` for
// headlines and bylines in news APIs, `{name}` for people and publishers, XML-to-JSON `#text` and `_`.
const textKeys = ['rendered', 'main', 'name', 'displayname', 'fullname', 'original', 'title', 'text', 'value', 'content', '#text', '_', '$t', 'html', 'label', 'term'];
const urlKeys = ['href', 'url', 'link', 'uri', 'value', '#text', '_'];

/** The text a value holds: a string, a number, an object's text-like key, or a list of them joined by `, `. */
function textOf(value: unknown, keys: readonly string[] = textKeys, depth = 0): string | undefined {
	if (typeof value === 'string') {
		return value.trim() === '' ? undefined : value;
	}

	if (typeof value === 'number') {
		return Number.isFinite(value) ? String(value) : undefined;
	}

	if (value === null || typeof value !== 'object' || depth > 3) {
		return undefined;
	}

	if (Array.isArray(value)) {
		const parts = value.map(item => textOf(item, keys, depth + 1)).filter(part => part !== undefined);
		return parts.length > 0 ? parts.join(', ') : undefined;
	}

	const entries = Object.entries(value);
	for (const wanted of keys) {
		for (const [key, inner] of entries) {
			if (key.toLowerCase() === wanted) {
				const text = textOf(inner, keys, depth + 1);
				if (text !== undefined) {
					return text;
				}
			}
		}
	}

	return undefined;
}

function urlOf(value: unknown): string | undefined {
	if (Array.isArray(value)) {
		// Atom-style link lists: the `alternate` one is the article's page.
		const alternate = value.find(link => link !== null && typeof link === 'object' && (link as FieldRecord)['rel'] === 'alternate');
		return textOf(alternate ?? value[0], urlKeys);
	}

	return textOf(value, urlKeys);
}

function listOf(value: unknown, canSplit: boolean): string[] {
	if (Array.isArray(value)) {
		// Numbers in a list are references to categories kept elsewhere (WordPress), not names.
		return value.map(item => (typeof item === 'number' ? undefined : textOf(item))).filter(item => item !== undefined);
	}

	const text = textOf(value);
	if (text === undefined) {
		return [];
	}

	// `tags: "politics; europe"` in a CSV cell: a plural name holds a list.
	return canSplit ? text.split(/\s*[;,|]\s*/u).filter(item => item !== '') : [text];
}

/** One line of text from a value that may hold markup or entities (WordPress titles hold `&#8217;`). */
function lineOf(value: unknown): string | undefined {
	const text = textOf(value);
	if (text === undefined) {
		return undefined;
	}

	return looksLikeHtml(text) ? htmlToLine(text) : decodeEntities(text);
}

/** The body a value holds: a text, a list of texts (a paragraph or more each), or an object holding one. */
function bodyOf(value: unknown): HtmlText {
	const texts = Array.isArray(value) ? value.map(item => textOf(item)) : [textOf(value)];
	if (texts.length === 1) {
		const [text] = texts;
		return text === undefined ? {paragraphs: [], links: []} : bodyFromText(text);
	}

	// Each part numbers its own links from 1; the body cites them in one sequence.
	const body: HtmlText = {paragraphs: [], links: []};
	for (const text of texts) {
		if (text === undefined) {
			continue;
		}

		const part = bodyFromText(text);
		const offset = body.links.length;
		body.links.push(...part.links);
		body.paragraphs.push(...(offset === 0 ? part.paragraphs : part.paragraphs.map(paragraph => paragraph.replace(/ \[(\d+)\]/gu, (_, number: string) => ` [${Number(number) + offset}]`))));
	}

	return body;
}

// Epoch numbers below this are seconds (it is 5138 AD in seconds, 1973 in milliseconds).
const largestEpochSeconds = 1e11;

/**
 * A date value as milliseconds since the epoch: epoch seconds or milliseconds (numbers or digit strings), `Date`
 * objects (YAML), and date strings as dates.ts reads them (RFC 822, ISO 8601 and their usual slips).
 */
export function dateFromValue(value: unknown): number | undefined {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	}

	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) {
			return undefined;
		}

		return value < largestEpochSeconds ? value * 1000 : value;
	}

	const text = textOf(value)?.trim();
	if (text === undefined) {
		return undefined;
	}

	if (/^\d{9,13}(?:\.\d+)?$/u.test(text)) {
		return dateFromValue(Number(text));
	}

	// An ISO date and time without a zone is taken as UTC (`Date.parse` would take local time): the same everywhere.
	return parseDate(text);
}

function isPresent(value: unknown): boolean {
	if (value === undefined || value === null) {
		return false;
	}

	if (typeof value === 'string') {
		return value.trim() !== '';
	}

	return !Array.isArray(value) || value.length > 0;
}

/**
 * A cheap first test for `isLeadOf`, which compares letters and digits over the body's first 2,000 characters: a deck
 * that repeats the body's opening has its first word (letters and digits, up to the first space, punctuation or
 * quote) somewhere in the body's opening. Link markers, quotes, dashes and spacing are left to `isLeadOf`.
 */
function mayLeadBody(deck: string, paragraphs: readonly string[]): boolean {
	const probe = /[\p{L}\p{N}]+/u.exec(deck.slice(0, 200).toLowerCase())?.[0].slice(0, 24);
	if (probe === undefined) {
		return true;
	}

	let head = '';
	for (const paragraph of paragraphs) {
		head += head === '' ? paragraph : ` ${paragraph}`;
		if (head.length >= 2500) {
			break;
		}
	}

	return head.slice(0, 2500).toLowerCase().includes(probe);
}

/** The value of the first of `keys` that `record` holds and no other field has taken; the key is noted as taken. */
function pickValue(record: FieldRecord, keys: readonly string[], usedKeys: string[]): unknown {
	for (const key of keys) {
		if (usedKeys.length > 0 && usedKeys.includes(key)) {
			continue;
		}

		const value = valueAt(record, key);
		if (isPresent(value)) {
			usedKeys.push(key);
			return value;
		}
	}

	return undefined;
}

/**
 * The draft a record gives, or `undefined` when it holds no headline or text (unless `isTextRequired` is false, as
 * for front matter, whose date and author apply to text found elsewhere).
 */
export function draftFromRecord(record: FieldRecord, plan: FieldPlan, {isTextRequired = true} = {}): ArticleDraft | undefined {
	const {candidates} = plan;
	// Keys already read for a field; a handful at most, so a list beats a set.
	const usedKeys: string[] = [];
	const headline = lineOf(pickValue(record, candidates.headline, usedKeys));
	const {paragraphs, links} = bodyOf(pickValue(record, candidates.body, usedKeys));
	let deck = lineOf(pickValue(record, candidates.deck, usedKeys));
	if (isTextRequired && headline === undefined && paragraphs.length === 0 && deck === undefined) {
		return undefined;
	}

	// A deck that only repeats the body's opening is no deck.
	if (deck !== undefined && paragraphs.length > 0 && mayLeadBody(deck, paragraphs) && isLeadOf(deck, paragraphs)) {
		deck = undefined;
	}

	const draft: Writable<ArticleDraft> = {paragraphs};
	if (links.length > 0) {
		draft.links = links;
	}

	if (headline !== undefined) {
		draft.headline = headline;
	}

	if (deck !== undefined) {
		draft.deck = deck;
	}

	if (candidates.url.length > 0) {
		draft.url = urlOf(pickValue(record, candidates.url, usedKeys));
	}

	if (candidates.author.length > 0) {
		// Bylines often say `By Jane Doe`; the article's author is Jane Doe.
		draft.author = lineOf(pickValue(record, candidates.author, usedKeys))?.replace(/^\s*by\s+/iu, '');
	}

	if (candidates.date.length > 0) {
		const dateValue = pickValue(record, candidates.date, usedKeys);
		draft.publishedAt = dateValue === undefined ? undefined : dateFromValue(dateValue);
	}

	if (candidates.source.length > 0) {
		draft.source = lineOf(pickValue(record, candidates.source, usedKeys));
	}

	if (candidates.kicker.length > 0) {
		draft.kicker = lineOf(pickValue(record, candidates.kicker, usedKeys));
	}

	if (candidates.categories.length > 0) {
		const categoryKey = candidates.categories.find(key => !usedKeys.includes(key) && isPresent(valueAt(record, key)));
		const categories = categoryKey === undefined ? [] : listOf(valueAt(record, categoryKey), normalizeKey(categoryKey).endsWith('s'));
		if (categories.length > 0) {
			draft.categories = categories;
		}
	}

	if (candidates.id.length > 0) {
		draft.guid = textOf(pickValue(record, candidates.id, usedKeys));
	}

	return draft;
}

/** Whether a plan finds any field that holds text: without one, no record can make an article. */
export function planHasText(plan: FieldPlan): boolean {
	return textFields.some(field => plan.candidates[field].length > 0);
}

/**
 * When `record` lacks a headline or a body but wraps an object (`{kind, data: {title, …}}`), the wrapped object's
 * fields with the record's own laid over them; otherwise `undefined`.
 */
export function unwrapRecord(record: FieldRecord, plan: FieldPlan): FieldRecord | undefined {
	const {wrapperKey} = plan;
	const inner = wrapperKey === undefined ? undefined : record[wrapperKey];
	if (wrapperKey === undefined || inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
		return undefined;
	}

	const merged: Record<string, unknown> = {...(inner as FieldRecord)};
	for (const [key, value] of Object.entries(record)) {
		if (key !== wrapperKey) {
			merged[key] = value;
		}
	}

	return merged;
}

/** A problem for each `--fields` entry that names a key the input does not have. */
export function missingFieldProblems(fields: readonly MappableField[], fieldMap: ParseOptions['fieldMap'], keys: readonly string[]): string[] {
	const known = keys.length > 0 ? ` (fields: ${keys.slice(0, 20).join(', ')}${keys.length > 20 ? ', …' : ''})` : '';
	return fields.map(field => `--fields ${field}=${fieldMap?.[field] ?? ''}: no such field${known}`);
}

/** Why a record gave no article, naming the fields it has so that the user can pick one with `--fields`. */
export function noTextProblem(where: string, keys: readonly string[]): string {
	const shown = keys.slice(0, 12).join(', ');
	return `${where}: no headline or text, skipped (fields: ${shown === '' ? 'none' : shown}${keys.length > 12 ? ', …' : ''}); name one with --fields body=FIELD`;
}
