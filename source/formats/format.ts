import type {ParseResult} from '../article.js';
import type {FieldSightings, ProblemLog} from './fields.js';

/** The formats Broadsheet reads, by the name `--format` takes. */
export type FormatName = 'rss' | 'atom' | 'json-feed' | 'json' | 'ndjson' | 'csv' | 'tsv' | 'markdown' | 'text';

/** Options a format may use: `--fields headline=col,body=col,…` maps the user's column names to article fields. */
export type ParseOptions = {
	/** Article field → the input's field (column or key) name, from `--fields`. */
	readonly fieldMap?: Readonly<Partial<Record<MappableField, string>>>;
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

/** How plain text separates its articles: by separator lines, by blank lines, or a paragraph a line (see plain-text.ts). */
export type PlainTextLayout = 'separators' | 'blank-lines' | 'lines';

/** The article fields `--fields` can map. */
export type MappableField = 'headline' | 'kicker' | 'deck' | 'body' | 'author' | 'date' | 'url' | 'source' | 'categories' | 'id';

/**
 * A parser: decoded text in, articles and problems out. Pure and total: it never throws, and returns what it could
 * recover with a problem for each thing it could not (`line 12: …`, `item 3: …`).
 * `source` is the input's name (a file name or `stdin`), which articles keep unless the input names itself.
 */
export type Parser = (text: string, source: string, options?: ParseOptions) => ParseResult;
