import type {Article} from '../article.js';
import type {DateYears} from '../state/date-labels.js';

/**
 * The orders the list can take (`S` cycles them, `--sort NAME` starts with one): the inputs' own order, newest or
 * oldest first (undated articles last, in file order), grouped by source (sources in the order they first appear,
 * newest first within each when dated), grouped by the groups of a subscription list (see {@link groupLabel}), or by
 * headline from A to Z.
 */
export type ListOrder = 'file' | 'newest' | 'oldest' | 'source' | 'group' | 'headline';

/** The orders in the order `S` cycles them. */
export const listOrders: readonly ListOrder[] = ['file', 'newest', 'oldest', 'source', 'group', 'headline'];

/** What the list pane's title calls each order, and `relevance`, the order of a filter's matches. */
export const orderLabels: Readonly<Record<ListOrder | 'relevance', string>> = {
	file: 'file order',
	newest: 'newest',
	oldest: 'oldest',
	source: 'by source',
	group: 'by group',
	headline: 'A–Z',
	relevance: 'best match',
};

/** Whether `name` names an order (for `--sort NAME`). */
export function isListOrder(name: string): name is ListOrder {
	return (listOrders as readonly string[]).includes(name);
}

const datedArticleLists = new WeakMap<readonly Article[], boolean>();

/**
 * Whether any article has a date: the default order is then newest first, and the list gives dates a column. Kept for
 * each list of articles, since every frame asks.
 */
export function hasDates(articles: readonly Article[]): boolean {
	let isDated = datedArticleLists.get(articles);
	if (isDated === undefined) {
		isDated = articles.some(article => article.publishedAt !== undefined);
		datedArticleLists.set(articles, isDated);
	}

	return isDated;
}

const datedYearsOfLists = new WeakMap<readonly Article[], DateYears | undefined>();

/** The local calendar years the articles' dates span, or undefined when none has a date; kept per list of articles. */
export function datedYears(articles: readonly Article[]): DateYears | undefined {
	if (datedYearsOfLists.has(articles)) {
		return datedYearsOfLists.get(articles);
	}

	// The earliest and latest moments, then their years: a year is never earlier than that of an earlier moment, and a
	// date made for each of 100,000 articles cost a big list's first frame several milliseconds.
	let earliest = Number.POSITIVE_INFINITY;
	let latest = Number.NEGATIVE_INFINITY;
	for (const {publishedAt} of articles) {
		if (publishedAt !== undefined) {
			if (publishedAt < earliest) {
				earliest = publishedAt;
			}

			if (publishedAt > latest) {
				latest = publishedAt;
			}
		}
	}

	const years = Number.isFinite(earliest) ? {earliest: new Date(earliest).getFullYear(), latest: new Date(latest).getFullYear()} : undefined;
	datedYearsOfLists.set(articles, years);
	return years;
}

/** Whether the articles come from more than one source (several files, or a feed naming several). */
export function hasSeveralSources(articles: readonly Article[]): boolean {
	const first = articles[0]?.source;
	return articles.some(article => article.source !== first);
}

/** What the `group` order's header calls articles whose feed is in no group. */
export const noGroupLabel = 'no group';

/**
 * The group an article is listed under in the `group` order, and what the list shows beside it: its subscription
 * list's groups joined by ` / ` (an OPML folder path, `News / World`; newsboat tags, `news / tech`), or undefined.
 */
export function groupLabel(article: Article): string | undefined {
	const groups = article.groups;
	return groups && groups.length > 0 ? groups.join(' / ') : undefined;
}

const groupedArticleLists = new WeakMap<readonly Article[], boolean>();

/** Whether any article is in a group of a subscription list, so that the list can be ordered by group. Kept per list. */
export function hasGroups(articles: readonly Article[]): boolean {
	let isGrouped = groupedArticleLists.get(articles);
	if (isGrouped === undefined) {
		isGrouped = articles.some(article => article.groups !== undefined && article.groups.length > 0);
		groupedArticleLists.set(articles, isGrouped);
	}

	return isGrouped;
}

/** The order the list starts in: newest first when any article has a date, else the inputs' own order. */
export function defaultOrderFor(articles: readonly Article[]): ListOrder {
	return hasDates(articles) ? 'newest' : 'file';
}

let headlineCollator: Intl.Collator | undefined;

/** The collator for the A–Z order, made when first needed: making one loads ICU's collation data, tens of milliseconds at start-up. */
function headlineCollatorOnce(): Intl.Collator {
	headlineCollator ??= new Intl.Collator(undefined, {sensitivity: 'base', numeric: true});
	return headlineCollator;
}

type Indexed = {readonly article: Article; readonly index: number};

/** Newest first, undated ones after in file order. */
const byNewest = (left: Indexed, right: Indexed) =>
	(right.article.publishedAt ?? -Infinity) - (left.article.publishedAt ?? -Infinity) || left.index - right.index;

/** Oldest first, undated ones after in file order. */
const byOldest = (left: Indexed, right: Indexed) =>
	(left.article.publishedAt ?? Infinity) - (right.article.publishedAt ?? Infinity) || left.index - right.index;

function sortedBy(articles: readonly Article[], compare: (left: Indexed, right: Indexed) => number): Article[] {
	return articles
		.map((article, index) => ({article, index}))
		.sort(compare)
		.map(({article}) => article);
}

/**
 * Keys in the order they first appear (a `lastKey` after all others), each key's articles together, newest first
 * within it when dated.
 */
function byKey(articles: readonly Article[], keyOf: (article: Article) => string, lastKey?: string): Article[] {
	const groups = new Map<string, Article[]>();
	for (const article of articles) {
		const key = keyOf(article);
		const group = groups.get(key);
		if (group) {
			group.push(article);
		} else {
			groups.set(key, [article]);
		}
	}

	const last = lastKey === undefined ? undefined : groups.get(lastKey);
	if (last) {
		groups.delete(lastKey!);
		groups.set(lastKey!, last);
	}

	return [...groups.values()].flatMap(group => (hasDates(group) ? sortedBy(group, byNewest) : group));
}

/** The key of the `group` order: the group label, or {@link noGroupLabel}. */
export function groupKey(article: Article): string {
	return groupLabel(article) ?? noGroupLabel;
}

/** `articles` (in the inputs' order) in `order`. Pure; answers `articles` itself for `file`. */
export function orderArticles(articles: readonly Article[], order: ListOrder): readonly Article[] {
	switch (order) {
		case 'file': {
			return articles;
		}

		case 'newest': {
			return hasDates(articles) ? sortedBy(articles, byNewest) : articles;
		}

		case 'oldest': {
			return hasDates(articles) ? sortedBy(articles, byOldest) : articles;
		}

		case 'source': {
			return byKey(articles, article => article.source);
		}

		case 'group': {
			// Articles in no group come last, under their own header.
			return byKey(articles, groupKey, noGroupLabel);
		}

		case 'headline': {
			const collator = headlineCollatorOnce();
			return sortedBy(articles, (left, right) => collator.compare(left.article.headline, right.article.headline) || left.index - right.index);
		}
	}
}

/** A run of the list that shares a source (or a group), for the header above it (`── Reuters (12) ──`). */
export type SourceGroup = {
	/** What the header names: the source, or in the `group` order the group. */
	readonly source: string;
	/** Position of the group's first article in the list. */
	readonly start: number;
	readonly articleCount: number;
};

/** The runs of `items` (list entries) whose articles share a source (or what `keyOf` gives), in list order. */
export function sourceGroups<Item>(items: readonly Item[], articleOf: (item: Item) => Article, keyOf: (article: Article) => string = article => article.source): SourceGroup[] {
	const groups: SourceGroup[] = [];
	let start = 0;
	for (let index = 1; index <= items.length; index++) {
		const source = keyOf(articleOf(items[start]!));
		if (index === items.length || keyOf(articleOf(items[index]!)) !== source) {
			groups.push({source, start, articleCount: index - start});
			start = index;
		}
	}

	return groups;
}
