import {Text} from 'ink';
import type {PromptPurpose} from '../mode.js';
import {displayWidth, truncateToWidth} from '../text/text-width.js';
import type {Theme} from './theme.js';

type PromptLineProps = {
	readonly purpose: PromptPurpose;
	readonly draft: string;
	readonly columnCount: number;
	readonly theme: Theme;
};

const labels: Readonly<Record<PromptPurpose, string>> = {pipe: 'pipe to: ', save: 'save to: '};

/** The line a command (`|`) or a path (`w`) is typed on, with a cursor at its end. */
export function PromptLine({purpose, draft, columnCount, theme}: PromptLineProps) {
	const {glyphs} = theme;
	const label = labels[purpose];
	const draftColumnCount = Math.max(1, columnCount - displayWidth(label) - 2);
	// Show the end of a long line, where the typing happens.
	const shown = displayWidth(draft) <= draftColumnCount ? draft : glyphs.ellipsis + [...draft].slice(-Math.max(1, draftColumnCount - 1)).join('');
	return (
		<Text wrap="truncate">
			<Text bold>{label}</Text>
			{truncateToWidth(shown, draftColumnCount, glyphs.ellipsis)}
			<Text inverse> </Text>
		</Text>
	);
}
