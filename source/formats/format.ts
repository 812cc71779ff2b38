import type {ParseResult} from '../article.js';

/** The formats Broadsheet reads, by the name `--format` takes. */
export type FormatName = 'rss' | 'atom' | 'json-feed' | 'json' | 'ndjson' | 'csv' | 'tsv' | 'markdown' | 'text';

/** Options a format may use: `--fields headline=col,body=col,…` maps the user's column names to article fields. */
export type ParseOptions = {
	/** Article field → the input's field (column or key) name, from `--fields`. */
	readonly fieldMap?: Readonly<Partial<Record<MappableField, string>>>;
};

/** The article fields `--fields` can map. */
export type MappableField = 'headline' | 'kicker' | 'deck' | 'body' | 'author' | 'date' | 'url' | 'source' | 'categories' | 'id';

/**
 * A parser: decoded text in, articles and problems out. Pure and total: it never throws, and returns what it could
 * recover with a problem for each thing it could not (`line 12: …`, `item 3: …`).
 * `source` is the input's name (a file name or `stdin`), which articles keep unless the input names itself.
 */
export type Parser = (text: string, source: string, options?: ParseOptions) => ParseResult;
