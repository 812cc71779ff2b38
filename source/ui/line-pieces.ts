import type {ArticleLine} from '../state/article-lines.js';
import type {LineHighlight} from '../state/article-search.js';

/** A run of an article line drawn one way: plain, a search match or the current match, inside a link or not. */
export type LinePiece = {
	readonly text: string;
	readonly highlight: 'match' | 'current-match' | undefined;
	/** The address this run links to, when it is part of one. */
	readonly url: string | undefined;
};

/**
 * Cuts `line` into runs at the edges of its search highlights and of its address, so that the pane can draw each
 * in its style and wrap the address's runs in a hyperlink.
 */
export function linePieces(line: ArticleLine, highlights: readonly LineHighlight[] = []): LinePiece[] {
	const {text, link} = line;
	const edges = new Set([0, text.length]);
	if (link) {
		edges.add(Math.min(link.start, text.length));
	}

	for (const {start, end} of highlights) {
		edges.add(Math.max(0, Math.min(start, text.length)));
		edges.add(Math.max(0, Math.min(end, text.length)));
	}

	const sorted = [...edges].sort((left, right) => left - right);
	const pieces: LinePiece[] = [];
	for (const [index, start] of sorted.entries()) {
		const end = sorted[index + 1];
		if (end === undefined || end === start) {
			continue;
		}

		const covering = highlights.filter(highlight => highlight.start <= start && end <= highlight.end);
		const highlight = covering.length === 0 ? undefined : covering.some(({isCurrent}) => isCurrent) ? 'current-match' : 'match';
		pieces.push({text: text.slice(start, end), highlight, url: link && start >= link.start ? link.url : undefined});
	}

	return pieces;
}
