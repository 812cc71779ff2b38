import {wrapParagraph} from '../text/text-width.js';
import type {State} from './state.js';

import type {Message} from './message.js';

export type {Message} from './message.js';

/** How many messages are kept: the oldest go first. */
export const maximumMessageCount = 200;

/** `messages` with `text` after them, at most {@link maximumMessageCount}; a repeat of the last one counts it. */
export function withMessage(messages: readonly Message[], text: string, kind: Message['kind']): readonly Message[] {
	const last = messages.at(-1);
	if (last?.text === text && last.kind === kind) {
		return [...messages.slice(0, -1), {...last, count: last.count + 1}];
	}

	return [...messages.slice(Math.max(0, messages.length + 1 - maximumMessageCount)), {text, kind, count: 1}];
}

/**
 * `after` with the notice and warnings that `before` did not have added to its messages: the same state when there
 * are none. The digits of a count (`5: a count for j…`) are a prompt, not a message, and are not kept.
 */
export function withMessagesRecorded(before: State, after: State): State {
	let {messages} = after;
	for (const warning of after.warnings.slice(before.warnings.length)) {
		messages = withMessage(messages, warning, 'warning');
	}

	if (after.notice !== undefined && after.notice !== before.notice && after.pendingNumber === undefined) {
		messages = withMessage(messages, after.notice, 'notice');
	}

	return messages === after.messages ? after : {...after, messages};
}

/** `state` with `warnings` (of reading the inputs, counted apart from the state's own) after its messages. */
export function withNewWarningMessages(state: State, warnings: readonly string[]): State {
	return warnings.length === 0 ? state : {...state, messages: warnings.reduce((messages, warning) => withMessage(messages, warning, 'warning'), state.messages)};
}

/** The messages as the overlay shows them, oldest first, each wrapped to `columnCount` columns under a one-space margin. */
export function messageLines(messages: readonly Message[], columnCount: number): string[] {
	if (messages.length === 0) {
		return [' No messages yet: notices and warnings stay here once the status line has moved on.'];
	}

	return messages.flatMap(message => {
		const text = (message.kind === 'warning' ? 'warning: ' : '') + message.text + (message.count > 1 ? ` (${message.count} times)` : '');
		return wrapParagraph(text, Math.max(1, columnCount - 4)).map((line, index) => (index === 0 ? ' ' : '   ') + line);
	});
}

/** The furthest the messages overlay scrolls in a pane of `rowCount` rows (a title row, then the lines). */
export function maximumMessagesScrollTop(messages: readonly Message[], rowCount: number, columnCount: number): number {
	return Math.max(0, messageLines(messages, columnCount).length - Math.max(1, rowCount - 1));
}
