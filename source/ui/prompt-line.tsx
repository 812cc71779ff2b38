import {Text} from 'ink';
import type {PromptPurpose} from '../mode.js';
import {promptLabels, typedLineLayout} from '../state/typed-lines.js';
import type {Theme} from './theme.js';

type PromptLineProps = {
	readonly purpose: PromptPurpose;
	readonly draft: string;
	readonly columnCount: number;
	readonly theme: Theme;
};

/** The line a command (`|`) or a path (`w`) is typed on, with a cursor at its end. */
export function PromptLine({purpose, draft, columnCount, theme}: PromptLineProps) {
	const label = promptLabels[purpose];
	const line = typedLineLayout({prefix: label, draft, summary: '', columnCount, hasCaret: true, ellipsis: theme.glyphs.ellipsis});
	return (
		<Text wrap="truncate">
			<Text bold>{label}</Text>
			{line.shownDraft}
			<Text inverse> </Text>
		</Text>
	);
}
