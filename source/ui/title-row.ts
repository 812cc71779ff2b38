import {displayWidth, padToWidth, truncateToWidth} from '../text/text-width.js';

/** The fewest columns a title keeps beside an indicator before the indicator takes a shorter form. */
const minimumTitleColumnCount = 8;

/**
 * A pane's title row, `columnCount` cells wide: a title at the left and an indicator (a scroll position, `j/k scroll
 * 1–20/90 `) at the right, never touching: at least one blank cell stands between them. Each comes as candidates,
 * longest first: the indicator takes the longest form that leaves the title room (8 columns, or all of its shortest
 * form), the title the longest form that fits, else its shortest cut with `ellipsis`.
 */
export function titleRow(titles: readonly string[], indicators: readonly string[], columnCount: number, ellipsis: string): string {
	const shortestTitle = titles.at(-1) ?? '';
	const wanted = Math.min(minimumTitleColumnCount, displayWidth(shortestTitle));
	const roomBeside = (indicator: string) => columnCount - displayWidth(indicator) - (indicator === '' ? 0 : 1);
	const indicator = indicators.find(candidate => roomBeside(candidate) >= wanted) ?? indicators.at(-1) ?? '';
	const room = Math.max(0, roomBeside(indicator));
	const title = titles.find(candidate => displayWidth(candidate) <= room) ?? (room >= 2 ? truncateToWidth(shortestTitle, room, ellipsis) : '');
	if (displayWidth(indicator) > columnCount) {
		return truncateToWidth(indicator, columnCount, ellipsis);
	}

	return padToWidth(title, columnCount - displayWidth(indicator), ellipsis) + indicator;
}
