import type {HitList, SearchHit} from '../search/search.js';
import type {SourceGroup} from './list-order.js';

/** One row of the list pane: an article, or the header of a source's group, which the cursor skips. */
export type ListRow =
	| {readonly kind: 'article'; readonly hit: SearchHit; /** Position among the articles (not the rows). */ readonly articleIndex: number}
	| {readonly kind: 'group'; readonly source: string; readonly articleCount: number};

/**
 * The list as rows on screen. The selection and the `3/5` position count articles; the window (`listTop`) and
 * paging count rows, since a group header takes a row. Without groups, rows and articles are the same.
 */
export type ListRows = {
	readonly rowCount: number;
	readonly articleCount: number;
	/** The rows from `start` up to `end` (exclusive): only these are made, for the rows in view. */
	slice(start: number, end: number): readonly ListRow[];
	/** The row of the article at `articleIndex`. */
	rowOfArticle(articleIndex: number): number;
	/** The first row to show with the article: its group's header when it is the first of the group, else its own. */
	topRowOfArticle(articleIndex: number): number;
	/** The article on `row` (clamped); for a header row, the first article under it. */
	articleAtRow(row: number): number;
};

/** `value`, or the nearer of `minimum` and `maximum` when it lies outside them. */
export const clamp = (value: number, minimum: number, maximum: number) => Math.max(minimum, Math.min(maximum, value));

/** Rows that are just the hits. */
function plainRows(hits: HitList): ListRows {
	return {
		rowCount: hits.length,
		articleCount: hits.length,
		slice: (start, end) => hits.slice(start, end).map((hit, offset) => ({kind: 'article', hit, articleIndex: start + offset})),
		rowOfArticle: articleIndex => articleIndex,
		topRowOfArticle: articleIndex => articleIndex,
		articleAtRow: row => clamp(row, 0, hits.length - 1),
	};
}

/**
 * The rows of `hits` in `groups` (consecutive runs that cover the hits): a header row above each group.
 * Group `k`'s header is row `start + k`, and its articles follow it.
 */
export function listRows(hits: HitList, groups?: readonly SourceGroup[]): ListRows {
	if (!groups || groups.length === 0) {
		return plainRows(hits);
	}

	/** The group holding the article at `articleIndex`: the last whose start is at or before it. */
	const groupOfArticle = (articleIndex: number): number => {
		let low = 0;
		let high = groups.length - 1;
		while (low < high) {
			const middle = Math.ceil((low + high) / 2);
			if (groups[middle]!.start <= articleIndex) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}

		return low;
	};

	/** The group whose header or articles take `row`: the last whose header row is at or before it. */
	const groupOfRow = (row: number): number => {
		let low = 0;
		let high = groups.length - 1;
		while (low < high) {
			const middle = Math.ceil((low + high) / 2);
			if (groups[middle]!.start + middle <= row) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}

		return low;
	};

	const rowCount = hits.length + groups.length;
	const rowOfArticle = (articleIndex: number) => articleIndex + groupOfArticle(articleIndex) + 1;
	const articleAtRow = (row: number) => {
		const clamped = clamp(row, 0, rowCount - 1);
		const group = groupOfRow(clamped);
		const headerRow = groups[group]!.start + group;
		return clamped === headerRow ? groups[group]!.start : clamped - group - 1;
	};

	return {
		rowCount,
		articleCount: hits.length,
		slice(start, end) {
			const first = clamp(start, 0, rowCount);
			const last = clamp(end, first, rowCount);
			if (first === last) {
				return [];
			}

			// The articles in range, fetched at once so that the hit list makes their highlights together.
			const firstArticle = articleAtRow(first);
			const articleHits = hits.slice(firstArticle, articleAtRow(last - 1) + 1);
			const rows: ListRow[] = [];
			for (let row = first; row < last; row++) {
				const group = groupOfRow(row);
				const {source, start: groupStart, articleCount} = groups[group]!;
				if (row === groupStart + group) {
					rows.push({kind: 'group', source, articleCount});
				} else {
					const articleIndex = row - group - 1;
					rows.push({kind: 'article', hit: articleHits[articleIndex - firstArticle]!, articleIndex});
				}
			}

			return rows;
		},
		rowOfArticle,
		topRowOfArticle(articleIndex) {
			const row = rowOfArticle(articleIndex);
			return groups[groupOfArticle(articleIndex)]!.start === articleIndex ? row - 1 : row;
		},
		articleAtRow,
	};
}
