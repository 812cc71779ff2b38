import {Text} from 'ink';
import {displayWidth, padToWidth} from '../terminal/text-width.js';
import {theme} from './theme.js';

type Hint = {readonly keys: string; readonly hint: string};

type StatusLineProps = {
	readonly fileName: string;
	readonly articleCount: number;
	/** Warnings from reading the inputs, printed on exit; the count shows here. */
	readonly warningCount: number;
	readonly hints: readonly Hint[];
	readonly columnCount: number;
	/** A one-line message that takes the hints' place until the next key. */
	readonly notice?: string;
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

/** The bottom line: file name, article count, and the keys that matter in this mode. */
export function StatusLine({fileName, articleCount, warningCount, hints, columnCount, notice}: StatusLineProps) {
	const count = articleCount === 1 ? '1 article' : `${articleCount} articles`;
	const warnings = warningCount === 0 ? '' : warningCount === 1 ? ' · 1 warning' : ` · ${warningCount} warnings`;
	const lead = ` ${fileName} · ${count}${warnings}   `;
	if (notice !== undefined) {
		return (
			<Text wrap="truncate" {...theme.statusBar}>
				{padToWidth(lead, Math.min(displayWidth(lead), Math.floor(columnCount / 3)))}
				<Text {...theme.statusNotice}>{padToWidth(notice, columnCount - Math.min(displayWidth(lead), Math.floor(columnCount / 3)))}</Text>
			</Text>
		);
	}

	const text = lead + hintText(fittingHints(hints, columnCount - displayWidth(lead) - 1));
	return (
		<Text wrap="truncate" {...theme.statusBar}>
			{padToWidth(text, columnCount)}
		</Text>
	);
}
