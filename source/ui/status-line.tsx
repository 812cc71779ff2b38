import React from 'react';
import {Text} from 'ink';
import {padToWidth} from '../terminal/text-width.js';
import {theme} from './theme.js';

type StatusLineProps = {
	readonly fileName: string;
	readonly articleCount: number;
	readonly hints: ReadonlyArray<{readonly keys: string; readonly hint: string}>;
	readonly columnCount: number;
};

/** The bottom line: file name, article count, and the keys that matter in this mode. */
export function StatusLine({fileName, articleCount, hints, columnCount}: StatusLineProps) {
	const count = articleCount === 1 ? '1 article' : `${articleCount} articles`;
	const text = ` ${fileName} · ${count}   ${hints.map(({keys, hint}) => `${keys} ${hint}`).join('  ')}`;
	return (
		<Text wrap="truncate" {...theme.statusBar}>
			{padToWidth(text, columnCount)}
		</Text>
	);
}
