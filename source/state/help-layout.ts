import {type Binding, helpSections, keyLabel, type Keymap} from '../input/keymap.js';
import {chromeText, type Glyphs} from '../text/glyphs.js';
import {displayWidth, padToWidth, wrapParagraph} from '../text/text-width.js';

/** One screen line of the help overlay: a section's title, or (part of) a binding, already laid out to its column's width. */
export type HelpLine = {readonly text: string; readonly isTitle: boolean};

/** How the help overlay lays its lines out: in columns side by side, scrolling when they overflow. */
export type HelpLayout = {
	/** Every line, in reading order: a section's title, then each binding, its description wrapped. */
	readonly lines: readonly HelpLine[];
	/** Lines of keys and section titles, in reading order. */
	readonly totalRowCount: number;
	/** Columns of lines side by side. */
	readonly helpColumnCount: number;
	/** Width of each of those columns, in character cells. */
	readonly helpColumnWidth: number;
	/** Lines in each column (the pane less the title row). */
	readonly bodyRowCount: number;
	/** Lines on screen at once: every column's. */
	readonly visibleRowCount: number;
	/** The furthest the lines can scroll. */
	readonly maximumScrollTop: number;
};

/** The narrowest a column gets while more than one stands side by side. */
const minimumHelpColumnWidth = 60;
/** Below this width a column puts each binding's keys on a line of their own, its description under them. */
const stackedColumnWidth = 40;
/** At most this share of a column goes to the keys: longer keys wrap. */
const keyColumnShare = 0.4;

/**
 * The lines of `keymap`'s help in a column of `columnWidth` cells (the last cell left blank, as a gutter): keys in a
 * column as wide as the widest keys need (wrapped past 40% of the column), descriptions wrapped beside them, so
 * that every description starts in the same column, whatever the keys before it.
 */
export function helpLines(keymap: Keymap, glyphs: Glyphs, columnWidth: number, extraSections: readonly HelpSection[] = []): HelpLine[] {
	return helpBlocks(keymap, glyphs, columnWidth, extraSections).flat();
}

/**
 * The lines of {@link helpLines} in blocks that a column break should not split: a binding's lines, a section's title
 * with its first binding.
 */
function helpBlocks(keymap: Keymap, glyphs: Glyphs, columnWidth: number, extraSections: readonly HelpSection[]): HelpLine[][] {
	const textWidth = Math.max(1, columnWidth - 1);
	const sections = [...helpSections(keymap), ...extraSections].map(section => ({
		title: chromeText(section.title, glyphs),
		bindings: section.bindings.map(binding => ({keys: binding.keys.map(key => keyLabel(key, glyphs)).join(' '), help: chromeText(binding.help, glyphs)})),
	}));
	const blocks: HelpLine[][] = [];
	let lines: HelpLine[] = [];
	const widestKeys = Math.max(...sections.flatMap(section => section.bindings.map(binding => displayWidth(binding.keys))));
	const isStacked = textWidth < stackedColumnWidth;
	// Two cells of indent, the keys, one cell of gap.
	const keyWidth = Math.max(1, Math.min(widestKeys, Math.floor(textWidth * keyColumnShare)));
	const descriptionStart = isStacked ? 4 : 2 + keyWidth + 1;
	const descriptionWidth = Math.max(1, textWidth - descriptionStart);
	for (const section of sections) {
		if (lines.length > 0) {
			blocks.push(lines);
			lines = [];
		}

		for (const titleLine of wrapParagraph(section.title, textWidth - 1)) {
			lines.push({text: padToWidth(' ' + titleLine, textWidth, glyphs.ellipsis), isTitle: true});
		}

		for (const binding of section.bindings) {
			// The title's block goes on with the section's first binding.
			if (lines.length > 0 && !lines.at(-1)!.isTitle) {
				blocks.push(lines);
				lines = [];
			}

			const keyLines = wrapParagraph(binding.keys, isStacked ? textWidth - 2 : keyWidth);
			const descriptionLines = wrapParagraph(binding.help, descriptionWidth);
			if (isStacked) {
				for (const keyLine of keyLines) {
					lines.push({text: padToWidth('  ' + keyLine, textWidth, glyphs.ellipsis), isTitle: false});
				}

				for (const descriptionLine of descriptionLines) {
					lines.push({text: padToWidth(' '.repeat(descriptionStart) + descriptionLine, textWidth, glyphs.ellipsis), isTitle: false});
				}

				continue;
			}

			const lineCount = Math.max(keyLines.length, descriptionLines.length);
			for (let index = 0; index < lineCount; index++) {
				const keyPart = padToWidth('  ' + (keyLines[index] ?? ''), descriptionStart, glyphs.ellipsis);
				lines.push({text: padToWidth(keyPart + (descriptionLines[index] ?? ''), textWidth, glyphs.ellipsis), isTitle: false});
			}
		}
	}

	if (lines.length > 0) {
		blocks.push(lines);
	}

	return blocks;
}

/**
 * `blocks` flowed into columns of `bodyRowCount` lines: a block that would cross into the next column starts it
 * instead, after blank lines (unless it is longer than a column). Columns break at whole multiples of the body's rows.
 */
function flowedLines(blocks: readonly HelpLine[][], bodyRowCount: number, textWidth: number): HelpLine[] {
	const blank: HelpLine = {text: ' '.repeat(textWidth), isTitle: false};
	const lines: HelpLine[] = [];
	for (const block of blocks) {
		const used = lines.length % bodyRowCount;
		if (used !== 0 && used + block.length > bodyRowCount && block.length <= bodyRowCount) {
			lines.push(...Array.from({length: bodyRowCount - used}, () => blank));
		}

		lines.push(...block);
	}

	return lines;
}

/** A section the keymap does not hold (the config file's named views), shown after the keymap's. */
export type HelpSection = {readonly title: string; readonly bindings: readonly Binding[]};

const layouts = new WeakMap<Keymap, Map<string, HelpLayout>>();

/**
 * The layout of `keymap`'s help in a pane of `rowCount` rows and `columnCount` columns: the fewest columns (each at
 * least 60 wide) that show every line, else as many as fit, scrolling.
 */
export function helpLayout(keymap: Keymap, glyphs: Glyphs, rowCount: number, columnCount: number, extraSections: readonly HelpSection[] = []): HelpLayout {
	const byKeymap = layouts.get(keymap) ?? new Map<string, HelpLayout>();
	layouts.set(keymap, byKeymap);
	const extraKey = extraSections.map(section => `${section.title}:${section.bindings.map(binding => `${binding.keys.join(' ')} ${binding.help}`).join(';')}`).join('|');
	const cacheKey = `${rowCount}x${columnCount}${glyphs.isAscii ? 'a' : 'u'}${extraKey}`;
	const cached = byKeymap.get(cacheKey);
	if (cached) {
		return cached;
	}

	const bodyRowCount = Math.max(1, rowCount - 1);
	const mostColumns = Math.max(1, Math.floor(columnCount / minimumHelpColumnWidth));
	let layout: HelpLayout | undefined;
	for (let helpColumnCount = 1; helpColumnCount <= mostColumns; helpColumnCount++) {
		const helpColumnWidth = Math.max(1, Math.floor(columnCount / helpColumnCount));
		const blocks = helpBlocks(keymap, glyphs, helpColumnWidth, extraSections);
		const lines = helpColumnCount === 1 ? blocks.flat() : flowedLines(blocks, bodyRowCount, Math.max(1, helpColumnWidth - 1));
		const visibleRowCount = helpColumnCount * bodyRowCount;
		layout = {
			lines,
			totalRowCount: lines.length,
			helpColumnCount,
			helpColumnWidth,
			bodyRowCount,
			visibleRowCount,
			maximumScrollTop: Math.max(0, lines.length - visibleRowCount),
		};
		if (lines.length <= visibleRowCount) {
			break;
		}
	}

	// A handful of sizes at most (a resize makes a new one): the oldest go.
	if (byKeymap.size >= 8) {
		byKeymap.clear();
	}

	byKeymap.set(cacheKey, layout!);
	return layout!;
}
