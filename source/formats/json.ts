import type {ParseResult} from '../article.js';
import {isJsonFeedValue, jsonFeedFromValue} from './json-feed.js';
import {salvagedJson} from './json-salvage.js';
import {jsonErrorOffset, jsonLineSyntaxProblem, jsonSyntaxProblem} from './json-errors.js';
import {type ArticleDraft, buildArticles} from './build-articles.js';
import {type FieldPlan, type FieldRecord, draftFromRecord, missingFieldProblems, noTextProblem, normalizeKey, planFields, planHasText, unwrapRecord} from './fields.js';
import {type FieldSightings, type ProblemLog, createFieldSightings, createProblemLog, isRecord, withoutBom} from './format.js';
import type {MappableField, ParseOptions} from './format.js';

/*
JSON: an array of article objects, or an object holding one under a usual name (`articles`, `items`, `data`, …,
perhaps nested: `response.docs`, `hits.hits`, `data.children`), or a single article object.
NDJSON / JSON Lines: one object a line; a bad line is reported and the others still read.
Both infer article fields from the keys (fields.ts).
*/

/** Names of keys that hold the list of articles, best first, as normalised by `normalizeKey`. */
const containerNames = [
	'articles', 'items', 'data', 'results', 'posts', 'entries', 'entry', 'stories', 'news', 'docs', 'documents', 'hits',
	'children', 'edges', 'records', 'rows', 'response', 'rss', 'feed', 'channel', 'item', 'value', 'list', 'collection', 'content',
];

/**
 * Containers looked into even when they have a title of their own: RSS written as JSON
 * (`{"rss": {"channel": {"title": …, "item": […]}}}`) holds its items under a channel that is titled itself.
 */
const feedContainerNames = new Set(['rss', 'channel', 'feed']);

/** Whether `record`'s keys are `keys`, in that order (the order of Object.keys, which `for…in` follows on records). */
function hasKeys(record: FieldRecord, keys: readonly string[]): boolean {
	let index = 0;
	for (const key in record) {
		if (key !== keys[index]) {
			return false;
		}

		index++;
	}

	return index === keys.length;
}

/** Reads records into drafts, planning fields once for each distinct set of keys. */
class RecordReader {
	readonly drafts: ArticleDraft[] = [];
	readonly problems: ProblemLog;
	private readonly plans = new Map<string, FieldPlan>();
	private readonly options: ParseOptions;
	private readonly sightings: FieldSightings;
	private lastKeys: readonly string[] = [];
	private lastPlan: FieldPlan | undefined;

	constructor(options: ParseOptions) {
		this.options = options;
		this.problems = options.problemLog ?? createProblemLog();
		this.sightings = options.fieldSightings ?? createFieldSightings();
	}

	/** Adds the article `value` holds; `where` names it in a problem (`line 3`, `item 2`). */
	read(value: unknown, where: string): void {
		if (!isRecord(value)) {
			this.problems.add(`${where}: ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not an article object; skipped`);
			return;
		}

		let record = value;
		let plan = this.planFor(record);
		const unwrapped = unwrapRecord(record, plan);
		if (unwrapped !== undefined) {
			record = unwrapped;
			plan = this.planFor(record);
		}

		const draft = draftFromRecord(record, plan);
		if (draft === undefined) {
			this.problems.add(noTextProblem(where, Object.keys(record)));
		} else {
			this.drafts.push(draft);
		}
	}

	/** The result: articles from the drafts, and problems, with a problem for each `--fields` key never found. */
	result(source: string, leadingProblems: readonly string[] = []): ParseResult {
		const fieldMap = this.options.fieldMap ?? {};
		const mappedFields = Object.keys(fieldMap) as MappableField[];
		const {hasRecords, mappedFound, keysSeen} = this.sightings;
		const missing = hasRecords ? mappedFields.filter(field => !mappedFound.has(field)) : [];
		return {
			articles: buildArticles(this.drafts, source, this.options.identityCounts),
			problems: [...leadingProblems, ...missingFieldProblems(missing, fieldMap, [...keysSeen]), ...this.problems.list()],
		};
	}

	private planFor(record: FieldRecord): FieldPlan {
		// Most files repeat one key set line after line: compare with the last before listing the keys or building a
		// signature, without making either.
		const {lastKeys, lastPlan} = this;
		if (lastPlan !== undefined && hasKeys(record, lastKeys)) {
			return lastPlan;
		}

		const keys = Object.keys(record);

		const signature = keys.join('\u0000');
		let plan = this.plans.get(signature);
		this.lastKeys = keys;
		if (plan === undefined) {
			plan = planFields(keys, this.options.fieldMap);
			// Records of one file nearly always share a few key sets; a file of all-different keys must not grow this forever.
			if (this.plans.size > 1000) {
				this.plans.clear();
			}

			this.plans.set(signature, plan);
			const {sightings} = this;
			sightings.hasRecords = true;
			for (const key of keys) {
				if (sightings.keysSeen.size < 100) {
					sightings.keysSeen.add(key);
				}
			}

			for (const field of Object.keys(this.options.fieldMap ?? {}) as MappableField[]) {
				if (!plan.missingMapped.includes(field)) {
					sightings.mappedFound.add(field);
				}
			}
		}

		this.lastPlan = plan;
		return plan;
	}
}

/** Where `value` keeps its articles: itself if an array, else the list under a usual name, searched a few levels deep. */
function findRecords(value: unknown, options: ParseOptions, depth = 0): unknown[] | undefined {
	if (Array.isArray(value)) {
		return value;
	}

	if (!isRecord(value) || depth > 3) {
		return undefined;
	}

	const keyByName = new Map<string, string>();
	for (const key of Object.keys(value)) {
		keyByName.set(normalizeKey(key), key);
	}

	for (const name of containerNames) {
		const key = keyByName.get(name);
		const inner = key === undefined ? undefined : value[key];
		if (Array.isArray(inner) && inner.some(item => isRecord(item))) {
			return inner;
		}

		if (isRecord(inner) && (feedContainerNames.has(name) || !planHasText(planFields(Object.keys(inner), options.fieldMap)))) {
			const records = findRecords(inner, options, depth + 1);
			if (records !== undefined) {
				return records;
			}
		}
	}

	// Any other list of objects, the longest.
	let longest: unknown[] | undefined;
	for (const inner of Object.values(value)) {
		if (Array.isArray(inner) && inner.length > (longest?.length ?? 0) && inner.some(item => isRecord(item))) {
			longest = inner;
		}
	}

	return longest;
}

/**
 * Parses JSON: an array of articles, an object holding one, or one article. Invalid JSON gives no articles and a
 * problem naming the position, unless the text reads as JSON Lines. Never throws.
 */
export function parseJson(text: string, source: string, options: ParseOptions = {}): ParseResult {
	const clean = withoutBom(text);
	let value: unknown;
	let cutProblem: string | undefined;
	try {
		value = JSON.parse(clean);
	} catch (error) {
		// JSON Lines under a .json name, or detected as JSON.
		if (looksLikeNdjson(clean)) {
			return parseNdjson(clean, source, options);
		}

		// A file cut off in the middle keeps the records that came whole before the cut, as a truncated feed does.
		value = salvagedJson(clean);
		if (value === undefined) {
			return {articles: [], problems: [jsonSyntaxProblem(clean, error)]};
		}

		cutProblem = `the file ends early (${jsonSyntaxProblem(clean, error)}): read the records before the cut`;
	}

	// A JSON Feed whose version the first look missed (far into the file, or written with escaped slashes).
	if (isJsonFeedValue(value)) {
		const feed = jsonFeedFromValue(value, source, options.documentUrl);
		return cutProblem === undefined ? feed : {articles: feed.articles, problems: [cutProblem, ...feed.problems]};
	}

	const reader = new RecordReader(options);
	const records = findRecords(value, options);
	if (records === undefined) {
		reader.read(value, 'the document');
	} else {
		for (const [index, record] of records.entries()) {
			reader.read(record, `item ${index + 1}`);
		}
	}

	const result = reader.result(source, records?.length === 0 ? ['the list of articles is empty'] : []);
	return cutProblem === undefined ? result : {articles: result.articles, problems: [cutProblem, ...result.problems]};
}

/**
 * Parses NDJSON / JSON Lines: one JSON object a line, blank lines ignored. A bad line is reported as `line N: …` and
 * the rest still read. Text that is one JSON document spread over lines is read as JSON instead. Never throws.
 */
export function parseNdjson(text: string, source: string, options: ParseOptions = {}): ParseResult {
	const clean = withoutBom(text);
	const reader = new RecordReader(options);
	const firstLineNumber = options.firstLineNumber ?? 1;
	let lineNumber = firstLineNumber - 1;
	let badLineCount = 0;
	let start = 0;
	while (start < clean.length) {
		let end = clean.indexOf('\n', start);
		if (end === -1) {
			end = clean.length;
		}

		lineNumber++;
		const line = clean.slice(start, end);
		start = end + 1;
		// A blank line (white space as `trim` counts it, which `\s` matches) is skipped without a trimmed copy.
		if (!/\S/u.test(line)) {
			continue;
		}

		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (error) {
			// A pretty-printed JSON document is not JSON Lines: its first line alone is not valid.
			if (firstLineNumber === 1 && badLineCount === 0 && reader.drafts.length === 0 && jsonErrorOffset(clean) === undefined) {
				return parseJson(clean, source, options);
			}

			badLineCount++;
			reader.problems.add(jsonLineSyntaxProblem(lineNumber, line, error));
			continue;
		}

		reader.read(value, `line ${lineNumber}`);
	}

	return reader.result(source);
}

/**
 * Whether `text` looks like JSON Lines: its first non-blank line is a whole JSON object and the next non-blank line
 * starts another. Reads at most the first two lines.
 */
export function looksLikeNdjson(text: string): boolean {
	// The whole first line, however long: a first record of 64 KiB or more must not turn the file into bad JSON.
	const start = text.search(/[^\s\uFEFF]/u);
	const firstEnd = start === -1 ? -1 : text.indexOf('\n', start);
	if (firstEnd === -1 || text[start] !== '{') {
		return false;
	}

	const nextStart = text.slice(firstEnd + 1, firstEnd + 1 + 4096).search(/\S/u);
	if (nextStart === -1 || text[firstEnd + 1 + nextStart] !== '{') {
		return false;
	}

	const first = text.slice(start, firstEnd).trim();
	return first.endsWith('}') && jsonErrorOffset(first) === undefined;
}
