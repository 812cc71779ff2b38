import {Text} from 'ink';
import {displayWidth, padToWidth, truncateToWidth} from '../text/text-width.js';
import {groupedNumber} from '../text/numbers.js';
import {chromeText} from '../text/glyphs.js';
import type {Theme} from './theme.js';

type Hint = {readonly keys: string; readonly hint: string};

type StatusLineProps = {
	readonly fileName: string;
	readonly articleCount: number;
	/** How many articles the config's hide rules keep out of the list: `12 hidden` follows the count. */
	readonly hiddenCount?: number;
	/** While the inputs are still being parsed, how much of them is (0 to 1): `loading 35%` follows the count. */
	readonly loadingShare?: number;
	/** While feeds are fetched: `fetching 12/40` takes the place of `loading`. */
	readonly fetchCounts?: {readonly fetched: number; readonly total: number};
	/** Warnings from reading the inputs, printed on exit; the count shows here. */
	readonly warningCount: number;
	readonly hints: readonly Hint[];
	readonly columnCount: number;
	/** A one-line message that takes the hints' place until the next key. */
	readonly notice?: string;
	readonly theme: Theme;
};

const hintText = (hints: readonly Hint[]) => hints.map(({keys, hint}) => `${keys} ${hint}`).join('  ');

/**
 * The hints that fit in `columnCount`: whole hints only, dropped from the end, but the help hint stays as long as
 * anything does, since it leads to all the others.
 */
export function fittingHints(hints: readonly Hint[], columnCount: number): Hint[] {
	const kept = [...hints];
	while (kept.length > 0 && displayWidth(hintText(kept)) > columnCount) {
		const lastOther = kept.findLastIndex(hint => hint.hint !== 'help');
		kept.splice(lastOther === -1 ? kept.length - 1 : lastOther, 1);
	}

	return kept;
}

const shortestNameColumnCount = 8;
/** Between the facts and what follows them (the hints, a notice). */
const gap = '   ';

/** The bottom line: file name, article count, and the keys that matter in this mode. */
export function StatusLine({fileName, articleCount, hiddenCount = 0, loadingShare, fetchCounts, warningCount, hints, columnCount, notice, theme}: StatusLineProps) {
	const {styles, glyphs} = theme;
	const {partSeparator, ellipsis} = glyphs;
	const count = articleCount === 1 ? '1 article' : `${groupedNumber(articleCount)} articles`;
	const warnings = warningCount === 0 ? '' : warningCount === 1 ? `${partSeparator}1 warning` : `${partSeparator}${warningCount} warnings`;
	const loading = fetchCounts ? `${partSeparator}fetching ${fetchCounts.fetched}/${fetchCounts.total}` : loadingShare === undefined ? '' : `${partSeparator}loading ${Math.floor(loadingShare * 100)}%`;
	const hidden = hiddenCount === 0 ? '' : `${partSeparator}${groupedNumber(hiddenCount)} hidden`;
	const facts = `${partSeparator}${count}${hidden}${loading}${warnings}`;
	// On a narrow terminal the file name gives way first (down to a few letters that still tell it), so that the count,
	// how much is loaded and the warnings stay.
	const nameColumnCount = Math.max(shortestNameColumnCount, columnCount - displayWidth(facts) - 1);
	const lead = ` ${truncateToWidth(fileName, nameColumnCount, ellipsis)}${facts}`;
	if (notice !== undefined) {
		// The notice gets the room it needs, and the lead gives way for it down to a third of the line.
		const noticeText = chromeText(notice, glyphs);
		// While an input still loads, the lead keeps room for the facts (the count, how much is loaded, the warnings)
		// beside a shortened name, up to two thirds of the line: else the notice hides that loading goes on. The notice
		// gets the rest, and all it needs when there is more.
		const factsColumnCount = loading === '' ? 0 : Math.min(1 + shortestNameColumnCount + displayWidth(facts + gap), Math.floor((columnCount * 2) / 3));
		const leadColumnCount = Math.min(displayWidth(lead + gap), Math.max(Math.floor(columnCount / 3), factsColumnCount, columnCount - displayWidth(noticeText)));
		// Within the lead, while loading, the file name gives way first here too.
		const shortLead = loading === '' ? lead : ` ${truncateToWidth(fileName, Math.max(shortestNameColumnCount, leadColumnCount - displayWidth(facts + gap) - 1), ellipsis)}${facts}`;
		return (
			<Text wrap="truncate" {...styles.statusBar}>
				{padToWidth(shortLead + gap, leadColumnCount, ellipsis)}
				<Text {...styles.statusNotice}>{padToWidth(noticeText, columnCount - leadColumnCount, ellipsis)}</Text>
			</Text>
		);
	}

	const shownHints = fittingHints(hints, columnCount - displayWidth(lead + gap) - 1);
	const text = shownHints.length === 0 ? lead : lead + gap + hintText(shownHints);
	return (
		<Text wrap="truncate" {...theme.styles.statusBar}>
			{padToWidth(text, columnCount, ellipsis)}
		</Text>
	);
}
