import type {Article} from '../article.js';
import {splitTerms} from './extended-query.js';

/**
 * Field terms of the filter: `source:reuters`, `author:okafor`, `kicker:sport`, `group:tech`, `is:unread`,
 * `is:read`, `is:starred`, `since:2d`, `before:2024-01-01`, each negated by a leading `!`. They stand beside the free
 * words, which fuse.js searches (see search.ts); an article must match every field term and the free words.
 */

/** The fields a term can name. */
export const fieldTermNames = ['source', 'author', 'kicker', 'group', 'is', 'since', 'before'] as const;

export type FieldTermName = (typeof fieldTermNames)[number];

/** One field term, checked. Times are milliseconds since the epoch, resolved against the clock when read. */
export type FieldTerm = {readonly isNegated: boolean} & (
	| {readonly field: 'source' | 'author' | 'kicker' | 'group'; readonly text: string}
	| {readonly field: 'is'; readonly flag: 'read' | 'unread' | 'starred'}
	| {readonly field: 'since' | 'before'; readonly time: number}
);

/** A query split into its free words (for fuse.js) and its field terms; `error` says what is wrong with a term. */
export type FieldQuery = {
	/** The rest of the query, as typed: the free words and the extended operators, groups and all. */
	readonly text: string;
	readonly terms: readonly FieldTerm[];
	/** The first term that cannot be read (`since:2x: …`); the query then matches nothing. */
	readonly error?: string;
};

/** What matching a field term needs beyond the article: its marks, and the time relative dates count back from. */
export type FieldContext = {
	readonly now: number;
	isRead(article: Article): boolean;
	isStarred(article: Article): boolean;
};

const termPattern = /^(!?)(source|author|kicker|group|is|since|before):(.*)$/iu;

const hourMs = 3_600_000;
/** The lengths of the units of `since:` and `before:`: hours, days, weeks and months (of 30 days). */
const unitMs: Readonly<Record<string, number>> = {h: hourMs, d: 24 * hourMs, w: 7 * 24 * hourMs, m: 30 * 24 * hourMs};

/** `2d` as a time `now` less two days, `2024-01-01` as local midnight of that day, or an ISO date and time. */
export function parseTime(value: string, now: number): number | undefined {
	const relative = /^(\d{1,6})([hdwm])$/iu.exec(value);
	if (relative) {
		return now - Number(relative[1]) * unitMs[relative[2]!.toLowerCase()]!;
	}

	const day = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
	if (day) {
		const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
		const time = new Date(year, month - 1, date).getTime();
		return month >= 1 && month <= 12 && date >= 1 && date <= 31 ? time : undefined;
	}

	if (/^\d{4}-\d{2}-\d{2}T/u.test(value)) {
		const time = Date.parse(value);
		return Number.isNaN(time) ? undefined : time;
	}

	return undefined;
}

/** Removes the quotes of a quoted value (`author:"ana ruiz"`). */
function unquoted(value: string): string {
	return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** Reads one term written `name:value`, or says why it cannot. */
function fieldTermOf(isNegated: boolean, name: FieldTermName, written: string, now: number): FieldTerm | {error: string} {
	const value = unquoted(written);
	switch (name) {
		case 'is': {
			const flag = value.toLowerCase();
			return flag === 'read' || flag === 'unread' || flag === 'starred' ? {isNegated, field: 'is', flag} : {error: `is:${value}: use is:unread, is:read or is:starred`};
		}

		case 'since':
		case 'before': {
			const time = parseTime(value, now);
			return time === undefined ? {error: `${name}:${value}: use a number of hours, days, weeks or months (${name}:2d, 3h, 1w, 6m) or a date (${name}:2024-01-01)`} : {isNegated, field: name, time};
		}

		default: {
			return {isNegated, field: name, text: value.toLowerCase()};
		}
	}
}

/**
 * Splits `query` into its free words and its field terms, relative dates counted back from `now`. A term with no
 * value yet (`source:`, being typed) is left out; a name the filter does not know (`http:`, `10:30`) is a free word.
 */
export function parseFieldQuery(query: string, now: number): FieldQuery {
	const terms: FieldTerm[] = [];
	let error: string | undefined;
	const groups = query.split(/(?<!\\)\|/u).map(group =>
		splitTerms(group.trim())
			.filter(text => {
				const match = termPattern.exec(text);
				if (!match) {
					return true;
				}

				const value = match[3]!;
				if (unquoted(value) !== '') {
					const term = fieldTermOf(match[1] === '!', match[2]!.toLowerCase() as FieldTermName, value, now);
					if ('error' in term) {
						error ??= term.error;
					} else {
						terms.push(term);
					}
				}

				return false;
			})
			.join(' '),
	);
	const text = groups.filter(group => group.trim() !== '').join(' | ');
	return error === undefined ? {text, terms} : {text, terms, error};
}

/** Whether `article` meets `term`, before negation. */
function meets(article: Article, term: FieldTerm, context: FieldContext): boolean {
	switch (term.field) {
		case 'source': {
			return article.source.toLowerCase().includes(term.text);
		}

		case 'author': {
			return article.author?.toLowerCase().includes(term.text) ?? false;
		}

		case 'kicker': {
			return article.kicker?.toLowerCase().includes(term.text) ?? false;
		}

		case 'group': {
			// Read defensively: lists of groups come from subscription lists, and not every article has them.
			const groups: unknown = article.groups;
			return Array.isArray(groups) && groups.some(group => typeof group === 'string' && group.toLowerCase().includes(term.text));
		}

		case 'is': {
			return term.flag === 'starred' ? context.isStarred(article) : context.isRead(article) === (term.flag === 'read');
		}

		case 'since': {
			return article.publishedAt !== undefined && article.publishedAt >= term.time;
		}

		case 'before': {
			return article.publishedAt !== undefined && article.publishedAt < term.time;
		}
	}
}

/** Whether `article` meets every one of `terms`. */
export function meetsFieldTerms(article: Article, terms: readonly FieldTerm[], context: FieldContext): boolean {
	for (const term of terms) {
		if (meets(article, term, context) === term.isNegated) {
			return false;
		}
	}

	return true;
}

/** Whether a field term depends on the read and starred marks, so that its matches change as they do. */
export function dependsOnMarks(terms: readonly FieldTerm[]): boolean {
	return terms.some(term => term.field === 'is');
}

/**
 * A hide rule from the config file: articles that meet every field term and hold every word (exactly, ignoring case,
 * anywhere in the headline, kicker, deck, by-line or body) never show.
 */
export type HideRule = {readonly rule: string; readonly words: readonly string[]; readonly terms: readonly FieldTerm[]};

/** Reads a hide rule, relative dates counted back from `now`, or says why it cannot. */
export function parseHideRule(rule: string, now: number): HideRule | {error: string} {
	const {text, terms, error} = parseFieldQuery(rule, now);
	if (error !== undefined) {
		return {error};
	}

	const words = text.toLowerCase().split(/\s+/u).filter(word => word !== '');
	const operator = words.find(word => /^[!'^="|]|\$$/u.test(word));
	if (operator !== undefined) {
		return {error: `${operator}: a hide rule holds words and field terms (source:, author:, kicker:, group:, is:, since:, before:), no operators`};
	}

	if (words.length === 0 && terms.length === 0) {
		return {error: 'an empty rule would hide nothing; give words or field terms, as in "source:example.org"'};
	}

	return {rule, words, terms};
}

/** Whether `article` meets hide rule `rule`. */
export function meetsHideRule(article: Article, rule: HideRule, context: FieldContext, text: (article: Article) => string): boolean {
	if (!meetsFieldTerms(article, rule.terms, context)) {
		return false;
	}

	if (rule.words.length === 0) {
		return true;
	}

	const lowerCase = text(article).toLowerCase();
	return rule.words.every(word => lowerCase.includes(word));
}
