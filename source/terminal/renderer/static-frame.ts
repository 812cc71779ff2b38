/**
 * The frame Ink would draw for a tree of React elements, drawn without Ink: no reconciler, no Yoga, no component
 * state. It takes the kinds of tree Broadsheet's screen is made of (ui/app-screen.tsx): Boxes in columns and rows of
 * known sizes, and Texts of styled lines that fit their box or are cut to it. For anything else it gives no frame
 * (undefined), and the caller leaves the frame to Ink.
 *
 * It exists for the first frame: Ink, React's reconciler and Yoga take about a fifth of a start to load and lay out
 * (bench/README.md), and the screen does not need them to be seen. Each step is Ink's own (node_modules/ink/build:
 * Text.js for the styles, squash-text-nodes.js, render-node-to-output.js, wrap-text.js), so that the frame is the one
 * Ink then draws, cell for cell; test/unit/static-frame.test.tsx holds the two side by side. Pure.
 */
import {createElement, isValidElement, type ReactElement, type ReactNode} from 'react';
import {Box, Text} from 'ink';
import chalk from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import {composedFrame, type OutputOperation} from './frame-composer.js';

/** A terminal's size in cells. */
export type FrameSize = {readonly columnCount: number; readonly rowCount: number};

/** What the frame writer is handed: the frame, and its height in rows (Ink's output height). */
export type StaticFrame = {readonly frame: string; readonly rowCount: number};

const fragmentType = Symbol.for('react.fragment');
const memoType = Symbol.for('react.memo');

type Write = Extract<OutputOperation, {type: 'write'}>;

/** The props of Ink's Box that this lays out; a Box with any other (padding, borders, flex factors) is left to Ink. */
const boxProps = new Set(['children', 'flexDirection', 'width', 'height', 'display']);
/** The props of Ink's Text that this draws. */
const textProps = new Set(['children', 'color', 'dimColor', 'bold', 'italic', 'underline', 'strikethrough', 'inverse', 'wrap']);

type TextStyle = {
	readonly color?: string;
	readonly dimColor?: boolean;
	readonly bold?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly strikethrough?: boolean;
	readonly inverse?: boolean;
};

/** Text.js's transform: Ink's order of styles, with chalk. Only named colours (all a theme holds). */
function textTransform(style: TextStyle): ((text: string) => string) | undefined {
	const {color, dimColor, bold, italic, underline, strikethrough, inverse} = style;
	if (color !== undefined && !(color in chalk)) {
		return undefined;
	}

	return (text: string) => {
		let styled = text;
		if (dimColor) {
			styled = chalk.dim(styled);
		}

		if (color) {
			styled = (chalk[color as 'red'])(styled);
		}

		if (bold) {
			styled = chalk.bold(styled);
		}

		if (italic) {
			styled = chalk.italic(styled);
		}

		if (underline) {
			styled = chalk.underline(styled);
		}

		if (strikethrough) {
			styled = chalk.strikethrough(styled);
		}

		if (inverse) {
			styled = chalk.inverse(styled);
		}

		return styled;
	};
}

/** Whether every prop named is one of `known`. */
function hasOnly(props: Record<string, unknown>, known: ReadonlySet<string>): boolean {
	return Object.keys(props).every(name => known.has(name));
}

/**
 * The host elements (Ink's Box and Text) that `node` renders to, in order: function components are called, memo and
 * fragments unwrapped, arrays flattened, and nothing, true and false dropped. Undefined when `node` holds anything else
 * (a string outside a Text, a component of another kind).
 */
function hostElements(node: ReactNode): ReactElement[] | undefined {
	if (node === null || node === undefined || typeof node === 'boolean') {
		return [];
	}

	if (Array.isArray(node)) {
		const elements: ReactElement[] = [];
		for (const child of node as ReactNode[]) {
			const childElements = hostElements(child);
			if (childElements === undefined) {
				return undefined;
			}

			elements.push(...childElements);
		}

		return elements;
	}

	if (!isValidElement(node)) {
		return undefined;
	}

	const {type} = node;
	const props = node.props as Record<string, unknown> & {children?: ReactNode};
	if (type === Box || type === Text) {
		return [node];
	}

	if ((type as unknown) === fragmentType) {
		return hostElements(props.children);
	}

	if (typeof type === 'object' && type !== null && (type as {$$typeof?: symbol}).$$typeof === memoType) {
		const inner = (type as {type?: unknown}).type;
		return typeof inner === 'function' ? hostElements((inner as (props: unknown) => ReactNode)(props)) : undefined;
	}

	// A function component: those of the screen only render their props (a hook would throw here).
	if (typeof type === 'function' && !(type.prototype as {isReactComponent?: unknown} | undefined)?.isReactComponent) {
		return hostElements((type as (props: unknown) => ReactNode)(props));
	}

	return undefined;
}

/**
 * squash-text-nodes.js: a Text's children as one string, each nested Text styled by its own transform; undefined for a
 * child Ink would not take (a Box in a Text). Text holding an escape sequence Ink drops (sanitize-ansi.js) needs no
 * check here: the frame composer declines any sequence but styles and links, and then there is no frame.
 */
function squashedText(children: ReactNode): string | undefined {
	if (children === null || children === undefined || typeof children === 'boolean') {
		return '';
	}

	if (typeof children === 'string' || typeof children === 'number') {
		return String(children);
	}

	if (Array.isArray(children)) {
		let text = '';
		for (const child of children as ReactNode[]) {
			const childText = squashedText(child);
			if (childText === undefined) {
				return undefined;
			}

			text += childText;
		}

		return text;
	}

	const elements = hostElements(children);
	if (elements === undefined) {
		return undefined;
	}

	let text = '';
	for (const element of elements) {
		const props = element.props as Record<string, unknown> & TextStyle & {children?: ReactNode};
		if (element.type !== Text || !hasOnly(props, textProps)) {
			return undefined;
		}

		// Text.js renders nothing for no children.
		if (props.children === null || props.children === undefined) {
			continue;
		}

		const inner = squashedText(props.children);
		const transform = textTransform(props);
		if (inner === undefined || transform === undefined) {
			return undefined;
		}

		text += inner.length > 0 ? transform(inner) : '';
	}

	return text;
}

/** The widest line of `text`, in columns (widest-line). */
function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) {
		widest = Math.max(widest, stringWidth(line));
	}

	return widest;
}

/** A host element placed: its height, and what it writes. */
type Placement = {readonly height: number; readonly writes: readonly Write[]};

/**
 * `element` laid out at column `x`, row `y`, in a width of `width` (its own, or its parent's stretched across), as
 * Yoga and render-node-to-output.js would place it; undefined for what this does not lay out.
 */
function place(element: ReactElement, x: number, y: number, width: number): Placement | undefined {
	const props = element.props as Record<string, unknown> & {children?: ReactNode};
	if (element.type === Text) {
		return placeText(props, x, y, width);
	}

	if (!hasOnly(props, boxProps)) {
		return undefined;
	}

	const {flexDirection = 'row', height, display} = props;
	if (display === 'none') {
		return {height: 0, writes: []};
	}

	if ((display !== undefined && display !== 'flex') || (height !== undefined && !isCount(height))) {
		return undefined;
	}

	const children = hostElements(props.children);
	if (children === undefined) {
		return undefined;
	}

	const writes: Write[] = [];
	if (flexDirection === 'column') {
		let offset = 0;
		for (const child of children) {
			const childWidth = (child.props as {width?: unknown}).width ?? width;
			if (!isCount(childWidth) || childWidth > width) {
				return undefined;
			}

			const placed = place(child, x, y + offset, childWidth);
			if (placed === undefined) {
				return undefined;
			}

			writes.push(...placed.writes);
			offset += placed.height;
		}

		// Children taller than the box would be shrunk by Yoga.
		return height === undefined || offset <= height ? {height: height ?? offset, writes} : undefined;
	}

	if (flexDirection !== 'row') {
		return undefined;
	}

	let column = 0;
	let tallest = 0;
	for (const child of children) {
		// In a row, a Box of a set width, or a Text as wide as its widest line; a Text alone is shrunk to the row.
		const childWidth = child.type === Text ? textWidth(child.props as {children?: ReactNode}, children.length === 1 ? width : Infinity) : (child.props as {width?: unknown}).width;
		if (!isCount(childWidth)) {
			return undefined;
		}

		const placed = place(child, x + column, y, childWidth);
		if (placed === undefined) {
			return undefined;
		}

		writes.push(...placed.writes);
		column += childWidth;
		tallest = Math.max(tallest, placed.height);
	}

	// Children wider than the row would be shrunk by Yoga; a row stretches its children to its height.
	return column <= width ? {height: height ?? tallest, writes} : undefined;
}

/**
 * How wide a Text is in a row: its widest line, squashed (styles take no columns), or `room` when that is less;
 * undefined if it cannot be squashed.
 */
function textWidth(props: {children?: ReactNode}, room: number): number | undefined {
	const text = squashedText(props.children);
	return text === undefined ? undefined : Math.min(widestLine(text), room);
}

/** A Text as render-node-to-output.js writes it: squashed, cut to its width when it is wider, styled line by line. */
function placeText(props: Record<string, unknown> & TextStyle & {children?: ReactNode; wrap?: unknown}, x: number, y: number, width: number): Placement | undefined {
	if (!hasOnly(props, textProps)) {
		return undefined;
	}

	// Text.js renders nothing for no children; an empty text is a node of no height.
	if (props.children === null || props.children === undefined) {
		return {height: 0, writes: []};
	}

	const transform = textTransform(props);
	let text = squashedText(props.children);
	if (transform === undefined || text === undefined) {
		return undefined;
	}

	if (text.length === 0) {
		return {height: 0, writes: []};
	}

	if (widestLine(text) > width) {
		// wrap-text.js: Broadsheet's Texts are cut, never wrapped, by Ink.
		if (props.wrap !== 'truncate') {
			return undefined;
		}

		text = cliTruncate(text, width, {position: 'end'});
	}

	return {height: text.split('\n').length, writes: [{type: 'write', x, y, text, transformers: [transform]}]};
}

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * The frame Ink would draw for `node` at the root of a terminal of `size` (its output, as Ink's renderer gives it
 * to the frame writer before the newline Ink may add), and its height; undefined when the tree holds what this does
 * not draw as Ink does, or a component throws (one that uses a hook).
 */
export function staticFrame(node: ReactNode, size: FrameSize): StaticFrame | undefined {
	try {
		// Ink's root: a column as wide as the terminal, as tall as what it holds.
		const root = createElement(Box, {flexDirection: 'column', width: size.columnCount}, node);
		const placed = place(root, 0, 0, size.columnCount);
		if (placed === undefined) {
			return undefined;
		}

		const frame = composedFrame(placed.writes, {columnCount: size.columnCount, rowCount: placed.height});
		return frame === undefined ? undefined : {frame, rowCount: placed.height};
	} catch {
		return undefined;
	}
}
