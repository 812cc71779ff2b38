import type {ParseResult} from '../article.js';

/** The formats Broadsheet reads, by the name `--format` takes. */
export type FormatName = 'rss' | 'atom' | 'json-feed' | 'json' | 'ndjson' | 'csv' | 'tsv' | 'sfeed' | 'markdown' | 'text' | 'html' | 'subscriptions';

/** Options a format may use: `--fields headline=col,body=col,…` maps the user's column names to article fields. */
export type ParseOptions = {
	/** Article field → the input's field (column or key) name, from `--fields`. */
	readonly fieldMap?: Readonly<Partial<Record<MappableField, string>>>;
	/** The address the input was fetched from: relative links resolve against it when the input says no better base. */
	readonly documentUrl?: string;
} & PartOptions;

/**
 * How a big input is parsed a part at a time (see formats/parts.ts), so that its first articles show while the rest
 * is read: what the parts before this one leave to it, for articles identical to those of one parse of the whole.
 */
export type PartOptions = {
	/** How many articles of each identity (GUID, URL or hash) the earlier parts had; the parser counts on from them. */
	readonly identityCounts?: Map<string, number>;
	/** The number of the part's first line in the whole input, for problems that name lines (1 by default). */
	readonly firstLineNumber?: number;
	/** Where the problems of the whole input are kept; a part's result lists those of the parts before it too. */
	readonly problemLog?: ProblemLog;
	/** What the records of the whole input showed of their keys, for `--fields` keys that none had. */
	readonly fieldSightings?: FieldSightings;
	/** The plain-text layout of the whole input, which one part cannot tell (see formats/plain-text.ts). */
	readonly plainTextLayout?: PlainTextLayout;
};

/**
 * How plain text separates its articles: by separator lines, by blank lines, by blank lines before headline blocks
 * (stories), or a paragraph a line (see plain-text.ts).
 */
export type PlainTextLayout = 'separators' | 'blank-lines' | 'stories' | 'lines';

/** The article fields `--fields` can map. */
export type MappableField = 'headline' | 'kicker' | 'deck' | 'body' | 'author' | 'date' | 'url' | 'source' | 'categories' | 'id';

/**
 * A parser: decoded text in, articles and problems out. Pure and total: it never throws, and returns what it could
 * recover with a problem for each thing it could not (`line 12: …`, `item 3: …`).
 * `source` is the input's name (a file name or `stdin`), which articles keep unless the input names itself.
 */
export type Parser = (text: string, source: string, options?: ParseOptions) => ParseResult;

/**
 * What the records of one input showed of their keys, for a problem for each `--fields` key that none had (see
 * {@link missingFieldProblems}). The parts of an input parsed a part at a time share one, as they share a problem log.
 */
export type FieldSightings = {
	/** Whether any record was an object (whose keys were looked at). */
	hasRecords: boolean;
	/** The `--fields` fields that some record had. */
	readonly mappedFound: Set<MappableField>;
	/** Keys the records had (the first 100), to name in the problem. */
	readonly keysSeen: Set<string>;
};

/** Sightings of no record yet. */
export function createFieldSightings(): FieldSightings {
	return {hasRecords: false, mappedFound: new Set(), keysSeen: new Set()};
}

/** Collects problems, keeping the first `limit` and counting the rest. */
export type ProblemLog = {
	add(problem: string): void;
	/** The problems kept, and `and N more problems` when some were not. */
	list(): string[];
};

/** A problem log that keeps the first `limit` problems (20 by default). */
export function createProblemLog(limit = 20): ProblemLog {
	const kept: string[] = [];
	let extraCount = 0;
	return {
		add(problem) {
			if (kept.length < limit) {
				kept.push(problem);
			} else {
				extraCount++;
			}
		},
		list() {
			return extraCount === 0 ? [...kept] : [...kept, moreProblems(extraCount)];
		},
	};
}

/** The last line of a problem list that kept only its first problems: `and 12 more problems`. */
export function moreProblems(count: number): string {
	return `and ${count} more ${count === 1 ? 'problem' : 'problems'}`;
}

/** The shortest slice of a string that V8 makes a view of its parent rather than a copy. */
const slicedStringLength = 13;

/**
 * `key` made unique among the articles of one input: the second article with a key gets `key#2`, the third `key#3`.
 * Every format names duplicates this way (plain text once said `key-2`).
 */
export function uniqueId(key: string, seen: Map<string, number>): string {
	const count = (seen.get(key) ?? 0) + 1;
	// A copy as the key: `seen` outlives the part when an input is parsed in parts, and a key sliced from the part's
	// text (a CSV field) would keep all of that text alive (V8 keeps a slice's whole parent), which a big file's
	// articles must not (see stored-articles.ts). V8 copies a slice shorter than 13 characters already (its
	// SlicedString::kMinLength): such keys, ids such as `1234`, are kept as they are.
	seen.set(count === 1 && key.length >= slicedStringLength ? (' ' + key).slice(1) : key, count);
	return count === 1 ? key : `${key}#${count}`;
}

/** `text` without the byte-order mark it may start with (TextDecoder keeps one that reached it as text). */
export function withoutBom(text: string): string {
	return text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text;
}

/** Whether `value` is a JSON object (not null, not an array): a record of fields to read. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
