/**
 * How one term of a query matches a field, as fuse.js's extended search defines it: `word` fuzzy, `'word` includes,
 * `=text` equals the field, `^text` starts it, `text$` ends it, and `!word`, `!^text`, `!text$` their inverses.
 */
export type TermKind = 'fuzzy' | 'include' | 'exact' | 'prefix' | 'suffix' | 'inverse-include' | 'inverse-prefix' | 'inverse-suffix';

/** One term of a query, its pattern lower-cased as fuse.js compares it. */
export type QueryTerm = {readonly kind: TermKind; readonly pattern: string};

/**
 * A query as fuse.js's extended search reads it: groups separated by `|`, any of which may match; within a group,
 * terms separated by spaces, all of which must match the same field.
 */
export type ExtendedQuery = ReadonlyArray<readonly QueryTerm[]>;

/** fuse.js's matchers in the order it tries them, each with its quoted (`multi`) and bare (`single`) form. */
const matchers: ReadonlyArray<{readonly kind: TermKind; readonly multi: RegExp; readonly single: RegExp}> = [
	{kind: 'exact', multi: /^="(.*)"$/u, single: /^=(.*)$/u},
	{kind: 'include', multi: /^'"(.*)"$/u, single: /^'(.*)$/u},
	{kind: 'prefix', multi: /^\^"(.*)"$/u, single: /^\^(.*)$/u},
	{kind: 'inverse-prefix', multi: /^!\^"(.*)"$/u, single: /^!\^(.*)$/u},
	{kind: 'inverse-suffix', multi: /^!"(.*)"\$$/u, single: /^!(.*)\$$/u},
	{kind: 'suffix', multi: /^"(.*)"\$$/u, single: /^(.*)\$$/u},
	{kind: 'inverse-include', multi: /^!"(.*)"$/u, single: /^!(.*)$/u},
	{kind: 'fuzzy', multi: /^"(.*)"$/u, single: /^(.*)$/u},
];

/** Splits a group into its terms at spaces, keeping a quoted term (`"new york"`, `^"new york"`) whole. */
function splitTerms(group: string): string[] {
	const terms: string[] = [];
	let index = 0;
	while (index < group.length) {
		while (group[index] === ' ') {
			index++;
		}

		if (index >= group.length) {
			break;
		}

		let end = index;
		while (end < group.length && group[end] !== ' ' && group[end] !== '"') {
			end++;
		}

		if (group[end] === '"') {
			end++;
			while (end < group.length) {
				if (group[end] === '"') {
					const next = end + 1;
					if (next >= group.length || group[next] === ' ') {
						end++;
						break;
					}

					if (group[next] === '$' && (next + 1 >= group.length || group[next + 1] === ' ')) {
						end += 2;
						break;
					}
				}

				end++;
			}
		} else {
			while (end < group.length && group[end] !== ' ') {
				end++;
			}
		}

		terms.push(group.slice(index, end));
		index = end;
	}

	return terms;
}

function termOf(text: string): QueryTerm | undefined {
	// Like fuse.js, an empty capture (a lone `'` or `!`) does not count, and the text falls through to a later matcher.
	for (const form of ['multi', 'single'] as const) {
		for (const matcher of matchers) {
			const pattern = matcher[form].exec(text)?.[1];
			if (pattern) {
				return {kind: matcher.kind, pattern};
			}
		}
	}

	return undefined;
}

/**
 * Reads `query` the way fuse.js 7's extended search does (lower-cased, `\|` for a literal bar), so that a term
 * found here is a term fuse.js will look for. Groups without terms, which match nothing, are left out.
 */
export function parseExtendedQuery(query: string): ExtendedQuery {
	const escapedBar = '\u0000';
	return query
		.toLowerCase()
		.replaceAll('\\|', escapedBar)
		.split('|')
		.map(group =>
			splitTerms(group.replaceAll(escapedBar, '|').trim())
				.filter(text => text.trim() !== '')
				.map(text => termOf(text))
				.filter(term => term !== undefined),
		)
		.filter(group => group.length > 0);
}

/** Whether a term keeps the fields that lack its pattern. */
export function isInverse(term: QueryTerm): boolean {
	return term.kind.startsWith('inverse');
}

/**
 * A query of one group that has both kinds of terms (`korea !zzz`), split into its plain terms and its inverse ones,
 * each as query text. fuse.js reads such a group field by field, and rejects an article as soon as one field lacks
 * the plain terms, so that `korea !zzz` would match only articles with `korea` in every field: none. Broadsheet reads
 * the group as the user means it, as fuse.js reads each part alone: the plain terms' matches, less the articles that
 * any inverse term rules out. Undefined for every other query (those fuse.js reads as they are meant).
 */
export function withInverseTermsApart(query: string): {readonly plain: string; readonly inverse: string} | undefined {
	if (/(?<!\\)\|/u.test(query)) {
		return undefined;
	}

	const terms = splitTerms(query.trim()).filter(text => text.trim() !== '');
	const inverse = terms.filter(text => {
		const term = termOf(text.toLowerCase());
		return term !== undefined && isInverse(term);
	});
	const plain = terms.filter(text => !inverse.includes(text));
	return inverse.length > 0 && plain.length > 0 ? {plain: plain.join(' '), inverse: inverse.join(' ')} : undefined;
}
