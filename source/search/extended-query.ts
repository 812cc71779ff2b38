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
export function splitTerms(group: string): string[] {
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

/**
 * The length from which a plain word of the filter may hold a typo. Shorter words match exactly, anywhere in a word
 * (as `'word` does): a typo in a word of five letters or fewer finds more wrong words than right ones (`coffe` would
 * find "offering" and "officials", `s` nothing but doubled letters).
 */
export const typoFromLength = 6;

/**
 * The lengths at which a plain word allows one more typo than a letter less did: from {@link typoFromLength}
 * characters one typo, then fuse.js's rule of one per five characters (two from 10, three from 15, …), up to the 32
 * characters fuse.js's Bitap search takes in one piece. Typing on past one of these lengths is the only way a longer
 * query finds what a shorter one did not.
 */
export const typoStepLengths: readonly number[] = [typoFromLength, 10, 15, 20, 25, 30];

/**
 * `query` as Broadsheet means it, in fuse.js's extended search: every plain (fuzzy) word shorter than
 * {@link typoFromLength} becomes an include term (`'word`), which matches the word exactly, anywhere in a word of the
 * text, and never fuzzily. Longer words, and terms with an operator, are left as they are. The filter, its index and
 * the highlights all read the query so.
 */
export function withShortWordsExact(query: string): string {
	const groups = query.split(/(?<!\\)\|/u);
	const rewritten = groups.map(group =>
		splitTerms(group.trim())
			.filter(text => text.trim() !== '')
			.map(text => {
				const term = termOf(text.replaceAll('\\|', '|').toLowerCase());
				return term?.kind === 'fuzzy' && term.pattern.length < typoFromLength ? `'${text}` : text;
			})
			.join(' '),
	);
	return rewritten.join(' | ');
}
