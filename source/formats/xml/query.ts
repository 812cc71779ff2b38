import type {XmlElement, XmlNode} from './xml-nodes.js';

/** The child elements named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
	const found: XmlElement[] = [];
	for (const child of element.children) {
		if (typeof child !== 'string' && child.name === name) {
			found.push(child);
		}
	}

	return found;
}

/**
 * The elements named as one of `names` below `element`, at any depth, in document order: items are found even when an
 * unclosed element (say `<itunes:category>`, or the item before) has swallowed them. Empty ones (`<item/>`) are left out.
 */
export function descendantsNamed(element: XmlElement, names: ReadonlySet<string>): XmlElement[] {
	const found: XmlElement[] = [];
	const visit = (parent: XmlElement) => {
		for (const child of parent.children) {
			if (typeof child === 'string') {
				continue;
			}

			if (names.has(child.name) && child.children.length > 0) {
				found.push(child);
			}

			visit(child);
		}
	};

	visit(element);
	return found;
}

/** The first element named as one of `names`: `element` itself or the first found below it, searching breadth-first. */
export function findElement(element: XmlElement, names: ReadonlySet<string>): XmlElement | undefined {
	const queue = [element];
	for (let index = 0; index < queue.length; index++) {
		const candidate = queue[index]!;
		if (names.has(candidate.name)) {
			return candidate;
		}

		for (const child of candidate.children) {
			if (typeof child !== 'string') {
				queue.push(child);
			}
		}
	}

	return undefined;
}

/** The first child element with the first of `names` that has one. */
export function childNamed(element: XmlElement, ...names: string[]): XmlElement | undefined {
	for (const name of names) {
		for (const child of element.children) {
			if (typeof child !== 'string' && child.name === name) {
				return child;
			}
		}
	}

	return undefined;
}

/** All the text inside an element, markup ignored. */
export function textOf(element: XmlElement): string {
	let text = '';
	for (const child of element.children) {
		text += typeof child === 'string' ? child : textOf(child);
	}

	return text;
}

/** The text of the first child named as given, trimmed, or undefined when it is missing or blank. */
export function childText(element: XmlElement, ...names: string[]): string | undefined {
	for (const name of names) {
		for (const child of element.children) {
			if (typeof child !== 'string' && child.name === name) {
				const text = textOf(child).trim();
				if (text !== '') {
					return text;
				}
			}
		}
	}

	return undefined;
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeMarkup(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Nodes written back as HTML (namespace prefixes dropped), for XHTML content and markup pasted unescaped into a feed. */
export function serializeNodes(nodes: readonly XmlNode[]): string {
	let html = '';
	for (const node of nodes) {
		if (typeof node === 'string') {
			html += escapeMarkup(node);
			continue;
		}

		const colon = node.qualifiedName.indexOf(':');
		const name = colon === -1 ? node.qualifiedName : node.qualifiedName.slice(colon + 1);
		let attributes = '';
		for (const [attribute, value] of Object.entries(node.attributes)) {
			attributes += ` ${attribute}="${escapeMarkup(value).replaceAll('"', '&quot;')}"`;
		}

		html += voidElements.has(name.toLowerCase()) ? `<${name}${attributes}>` : `<${name}${attributes}>${serializeNodes(node.children)}</${name}>`;
	}

	return html;
}

/**
 * An element's content as HTML: its text when it is escaped HTML or CDATA (the usual way), its child elements
 * written back as HTML when the markup was pasted in unescaped.
 */
export function markupOf(element: XmlElement): string {
	return element.children.every(child => typeof child === 'string') ? element.children.join('') : serializeNodes(element.children);
}
