import {decodeHTMLStrict} from 'entities';
import {replaceCodePoint} from 'entities/decode';
import {QuoteType, Tokenizer} from 'htmlparser2';
import {resolveUrl} from '../html-text.js';
import {type Doctype, type EntityDeclaration, entityName, predefinedEntities, readDoctype, RefusedDocument} from './doctype.js';
import {ProblemList} from './problem-list.js';
import type {XmlDocument, XmlElement} from './xml-nodes.js';

/*
A forgiving XML reader for feeds. htmlparser2's tokenizer (in XML mode) finds the tags; this module builds the tree,
resolves namespaces, decodes entities, and reports what is not well-formed, recovering the way a reader expects:
an unclosed element ends where its parent does, a stray end tag is skipped, a truncated document keeps what came
before the cut.

Security: nothing is ever fetched. External entities and DTDs are not loaded; entities declared in the document are
expanded within a budget, so that a "billion laughs" document fails at once instead of filling the memory.
*/

// Namespaces feeds use, by URI (lower-cased, without a trailing `/` or `#`, http for https) → the alias names carry.
// RSS 0.9x, 1.0 and 2.0's own namespaces all read as none, so `item` is `item` in every RSS.
const namespaceAliases = new Map<string, string>([
	['', ''],
	['http://purl.org/rss/1.0', ''],
	['http://my.netscape.com/rdf/simple/0.9', ''],
	['http://backend.userland.com/rss2', ''],
	['http://blogs.law.harvard.edu/tech/rss', ''],
	['http://www.w3.org/2005/atom', 'atom'],
	['http://purl.org/atom/ns', 'atom'],
	['http://purl.org/rss/1.0/modules/content', 'content'],
	['http://purl.org/dc/elements/1.1', 'dc'],
	['http://purl.org/dc/terms', 'dcterms'],
	['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
	['http://search.yahoo.com/mrss', 'media'],
	['http://www.w3.org/1999/02/22-rdf-syntax-ns', 'rdf'],
	['http://www.w3.org/1999/xhtml', 'xhtml'],
	['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
	['http://www.w3.org/xml/1998/namespace', 'xml'],
]);

// Prefixes as feeds conventionally write them: what an undeclared prefix most likely means.
const conventionalPrefixes: ReadonlyMap<string, string> = new Map([
	['atom', 'http://www.w3.org/2005/Atom'],
	['content', 'http://purl.org/rss/1.0/modules/content/'],
	['dc', 'http://purl.org/dc/elements/1.1/'],
	['dcterms', 'http://purl.org/dc/terms/'],
	['itunes', 'http://www.itunes.com/dtds/podcast-1.0.dtd'],
	['media', 'http://search.yahoo.com/mrss/'],
	['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
	['feedburner', 'http://rssnamespace.org/feedburner/ext/1.0'],
	['xhtml', 'http://www.w3.org/1999/xhtml'],
]);

/** The most characters one declared entity may expand to. */
const maximumEntityLength = 100_000;
/** The most characters all entity references together may add beyond the document's own length. */
const maximumExpansionLength = 1_000_000;
/** Elements nested deeper than this are read as text: the tree stays shallow enough to walk recursively. */
const maximumDepth = 500;

type Scope = Record<string, string | undefined>;

const rootScope: Scope = Object.assign(Object.create(null) as Scope, {xml: 'http://www.w3.org/XML/1998/namespace'});

const aliasCache = new Map<string, string>();

function aliasOf(uri: string): string {
	let alias = aliasCache.get(uri);
	if (alias === undefined) {
		const key = uri.trim().toLowerCase().replace(/^https:/u, 'http:').replace(/[/#]$/u, '');
		alias = namespaceAliases.get(key) ?? `{${uri}}`;
		if (aliasCache.size < 1000) {
			aliasCache.set(uri, alias);
		}
	}

	return alias;
}

/**
 * Recovers from an unclosed field (`<title>Bell tower closed` followed by `<description>`): the elements it swallowed,
 * and what follows them, go back to its parent, after it.
 */
function hoistElements(unclosed: XmlElement, parent: XmlElement) {
	const firstElement = unclosed.children.findIndex(child => typeof child !== 'string');
	if (firstElement === -1) {
		return;
	}

	const swallowed = unclosed.children.splice(firstElement);
	const position = parent.children.lastIndexOf(unclosed);
	parent.children.splice(position === -1 ? parent.children.length : position + 1, 0, ...swallowed);
}

/** Builds the tree from the tokenizer's callbacks. */
class TreeBuilder {
	root: XmlElement | undefined;
	hasLooseText = false;
	private readonly stack: Array<{element: XmlElement; scope: Scope}> = [];
	private readonly expansions = new Map<string, string>();
	private expandedLength = 0;
	private tagName = '';
	private tagStart = 0;
	private attributes: Record<string, string> = {};
	private attributeName = '';
	private attributeValue = '';
	private hasMarkupBefore = false;
	private ignoredTagCount = 0;

	constructor(
		private readonly source: string,
		/** Where `source` starts in the whole text (after the DOCTYPE). */
		private readonly offset: number,
		private readonly entities: ReadonlyMap<string, EntityDeclaration>,
		private readonly problems: ProblemList,
		private readonly containers: ReadonlySet<string>,
	) {
		this.checkEntities();
	}

	callbacks(): ConstructorParameters<typeof Tokenizer>[1] {
		return {
			onattribdata: (start, end) => {
				this.attributeValue += this.source.slice(start, end);
			},
			onattribentity() {},
			onattribend: (quote: QuoteType) => {
				if (!(this.attributeName in this.attributes)) {
					this.attributes[this.attributeName] = quote === QuoteType.NoValue ? '' : this.decode(this.attributeValue, this.tagStart);
				}
			},
			onattribname: (start, end) => {
				this.attributeName = this.source.slice(start, end);
				this.attributeValue = '';
			},
			oncdata: (start, end, endOffset) => {
				if (endOffset === 0) {
					this.problems.add(this.offset + start, 'unterminated CDATA section', 'cdata');
				}

				this.addText(this.source.slice(start, end - endOffset), start);
			},
			onclosetag: (start, end) => {
				this.closeElement(this.source.slice(start, end), start);
			},
			oncomment: (start, end, endOffset) => {
				this.hasMarkupBefore = true;
				if (endOffset === 0 && end === this.source.length) {
					this.problems.add(this.offset + start - 4, 'unterminated comment', 'comment');
				}
			},
			ondeclaration() {},
			onend: () => {
				this.finish();
			},
			onopentagend: () => {
				this.openElement(false);
			},
			onopentagname: (start, end) => {
				this.tagName = this.source.slice(start, end);
				this.tagStart = this.offset + start - 1;
				this.attributes = Object.create(null) as Record<string, string>;
			},
			onprocessinginstruction: (start, end) => {
				if (this.hasMarkupBefore && /^\?xml\s/iu.test(this.source.slice(start, end))) {
					this.problems.add(this.offset + start, 'the XML declaration is not at the start of the document', 'declaration');
				}
			},
			onselfclosingtag: () => {
				this.openElement(true);
			},
			ontext: (start, end) => {
				const raw = this.source.slice(start, end);
				// The tokenizer hands back markup cut off by the end of the document (`<![CD`, `<?xml`) as text after `<!` or `<?`.
				if (end === this.source.length && start >= 2 && this.source[start - 2] === '<' && '!?'.includes(this.source[start - 1]!)) {
					this.problems.add(this.offset + start - 2, `the document ends inside "${this.source.slice(start - 2, start + 10).split(/\s/u)[0]!}…"`, 'truncated-markup');
					return;
				}

				this.addText(this.decode(raw, this.offset + start), start);
			},
			ontextentity() {},
		};
	}

	private addText(text: string, start: number) {
		const parent = this.stack.at(-1);
		if (parent) {
			parent.element.children.push(text);
		} else if (/\S/u.test(text)) {
			this.hasLooseText = true;
			if (this.root) {
				this.problems.add(this.offset + start, `text after the end of <${this.root.qualifiedName}>`, 'after-root');
			}
		}
	}

	private openElement(isSelfClosing: boolean) {
		this.hasMarkupBefore = true;
		const parent = this.stack.at(-1);
		if (!parent && this.root) {
			this.problems.add(this.tagStart, `<${this.tagName}> after the end of <${this.root.qualifiedName}>`, 'after-root');
			return;
		}

		if (this.stack.length >= maximumDepth) {
			this.problems.add(this.tagStart, `elements nested more than ${maximumDepth} deep are read as text`, 'depth');
			this.ignoredTagCount += isSelfClosing ? 0 : 1;
			return;
		}

		let scope = parent?.scope ?? rootScope;
		for (const [name, value] of Object.entries(this.attributes)) {
			if (name === 'xmlns' || name.startsWith('xmlns:')) {
				if (scope === (parent?.scope ?? rootScope)) {
					scope = Object.create(scope) as Scope;
				}

				scope[name === 'xmlns' ? '' : name.slice(6)] = value;
			}
		}

		const declaredBase = this.attributes['xml:base'];
		const parentBase = parent?.element.baseUrl;
		const element: XmlElement = {
			name: this.resolveName(this.tagName, scope, this.tagStart),
			qualifiedName: this.tagName,
			attributes: this.attributes,
			children: [],
			baseUrl: declaredBase === undefined ? parentBase : (resolveUrl(declaredBase, parentBase) ?? parentBase),
			start: this.tagStart,
		};
		if (parent) {
			parent.element.children.push(element);
		} else {
			this.root = element;
		}

		if (!isSelfClosing) {
			this.stack.push({element, scope});
		}
	}

	private resolveName(qualifiedName: string, scope: Scope, offset: number): string {
		const colon = qualifiedName.indexOf(':');
		const prefix = colon === -1 ? '' : qualifiedName.slice(0, colon);
		const localName = (colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1)).toLowerCase();
		let uri = scope[prefix];
		if (uri === undefined && prefix !== '') {
			this.problems.add(offset, `undeclared namespace prefix "${prefix}:"`, `prefix ${prefix}`);
			uri = conventionalPrefixes.get(prefix);
			if (uri === undefined) {
				return `${prefix}:${localName}`;
			}
		}

		const alias = aliasOf(uri ?? '');
		return alias === '' ? localName : `${alias}:${localName}`;
	}

	private closeElement(name: string, start: number) {
		const offset = this.offset + start - 2;
		let depth = this.stack.length - 1;
		while (depth >= 0 && this.stack[depth]!.element.qualifiedName !== name) {
			depth--;
		}

		if (depth === -1) {
			if (this.ignoredTagCount > 0) {
				this.ignoredTagCount--;
			} else {
				this.problems.add(offset, `</${name}> closes no open element`);
			}

			return;
		}

		// Elements left open inside end here, as their parent does.
		for (let index = this.stack.length - 1; index > depth; index--) {
			const unclosed = this.stack[index]!.element;
			this.problems.add(unclosed.start, `unclosed <${unclosed.qualifiedName}> (ended by </${name}> on line ${this.problems.lineOf(offset)})`);
			const parent = this.stack[index - 1]!.element;
			if (this.containers.has(parent.name) && !this.containers.has(unclosed.name)) {
				hoistElements(unclosed, parent);
			}
		}

		this.stack.length = depth;
	}

	private finish() {
		if (this.stack.length > 0) {
			const end = this.offset + this.source.length;
			const names = this.stack.map(({element}) => `<${element.qualifiedName}>`).reverse();
			const innermost = this.stack.at(-1)!.element;
			this.problems.add(end, `the document ends inside <${innermost.qualifiedName}> (line ${this.problems.lineOf(innermost.start)}): unclosed ${names.join(', ')}`);
			this.stack.length = 0;
		}
	}

	/** Decodes character and entity references in `raw`, found at `offset` in the text. */
	decode(raw: string, offset: number): string {
		let ampersand = raw.indexOf('&');
		if (ampersand === -1) {
			return raw;
		}

		let decoded = '';
		let copiedUpTo = 0;
		while (ampersand !== -1) {
			const semicolon = raw.indexOf(';', ampersand + 1);
			const name = semicolon === -1 || semicolon - ampersand > 64 ? undefined : raw.slice(ampersand + 1, semicolon);
			const replacement =
				name === undefined ? undefined : (predefinedEntities.get(name) ?? (entityName.test(name) ? this.entity(name, offset + ampersand) : undefined));
			if (replacement === undefined) {
				if (name === undefined || !entityName.test(name)) {
					this.problems.add(offset + ampersand, 'unescaped "&" (write &amp;)', 'ampersand');
				}

				ampersand = raw.indexOf('&', ampersand + 1);
				continue;
			}

			decoded += raw.slice(copiedUpTo, ampersand) + replacement;
			copiedUpTo = semicolon + 1;
			ampersand = raw.indexOf('&', copiedUpTo);
		}

		return decoded + raw.slice(copiedUpTo);
	}

	/** The text an entity or character reference stands for; undefined leaves it as written. */
	private entity(name: string, offset: number): string | undefined {
		if (name.startsWith('#')) {
			const codePoint = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
			// Numbers 128-159 are the Windows-1252 characters that feeds mean by them (as HTML reads them).
			return String.fromCodePoint(replaceCodePoint(codePoint));
		}

		const predefined = predefinedEntities.get(name);
		if (predefined !== undefined) {
			return predefined;
		}

		const declaration = this.entities.get(name);
		if (declaration?.kind === 'external') {
			this.problems.add(offset, `external entity &${name}; is not loaded`, `external ${name}`);
			return '';
		}

		if (declaration?.kind === 'internal') {
			const expansion = this.expand(name);
			this.expandedLength += expansion.length;
			if (this.expandedLength > maximumExpansionLength) {
				this.refuse(offset, `entity references expand to more than ${maximumExpansionLength} characters: not reading further (an entity expansion attack?)`);
			}

			return expansion;
		}

		// Feeds use HTML's named entities (&nbsp;, &eacute;) without declaring them: read them as HTML would.
		const html = decodeHTMLStrict(`&${name};`);
		if (html !== `&${name};`) {
			return html;
		}

		this.problems.add(offset, `unknown entity &${name};`, `entity ${name}`);
		return undefined;
	}

	private expand(name: string): string {
		let expansion = this.expansions.get(name);
		if (expansion === undefined) {
			const declaration = this.entities.get(name);
			// Mark it first: `checkEntities` has ruled out cycles, so this only guards the recursion below.
			this.expansions.set(name, '');
			expansion = declaration?.kind === 'internal' ? this.decode(declaration.value, declaration.offset) : '';
			this.expansions.set(name, expansion);
		}

		return expansion;
	}

	/** Refuses documents whose entities refer to themselves or would expand beyond `maximumEntityLength`. */
	private checkEntities() {
		const lengths = new Map<string, number>();
		const visiting = new Set<string>();
		const lengthOf = (name: string): number => {
			const known = lengths.get(name);
			if (known !== undefined) {
				return known;
			}

			const declaration = this.entities.get(name);
			if (declaration?.kind !== 'internal') {
				return 0;
			}

			if (visiting.has(name)) {
				this.refuse(declaration.offset, `entity &${name}; refers to itself`);
			}

			visiting.add(name);
			let length = 0;
			let copiedUpTo = 0;
			const {value} = declaration;
			for (let ampersand = value.indexOf('&'); ampersand !== -1 && length <= maximumEntityLength; ampersand = value.indexOf('&', copiedUpTo)) {
				const semicolon = value.indexOf(';', ampersand);
				if (semicolon === -1) {
					break;
				}

				const reference = value.slice(ampersand + 1, semicolon);
				length += ampersand - copiedUpTo + (this.entities.has(reference) ? lengthOf(reference) : 1);
				copiedUpTo = semicolon + 1;
			}

			length += value.length - copiedUpTo;
			visiting.delete(name);
			lengths.set(name, length);
			if (length > maximumEntityLength) {
				this.refuse(
					declaration.offset,
					`entity &${name}; expands to more than ${maximumEntityLength} characters: the document is refused (an entity expansion, or "billion laughs", attack)`,
				);
			}

			return length;
		};

		for (const name of this.entities.keys()) {
			lengthOf(name);
		}
	}

	private refuse(offset: number, message: string): never {
		this.problems.add(offset, message);
		throw new RefusedDocument(message);
	}
}

/**
 * Reads XML into a tree, recovering from what is not well-formed and listing it in `problems` (`line 12: unclosed
 * <item> …`). An element left unclosed inside one of `containers` (say an item) gives back the elements it swallowed.
 * Never fetches anything and never throws.
 */
export function readXml(text: string, containers: ReadonlySet<string> = new Set()): XmlDocument {
	const problems = new ProblemList(text);
	let doctype: Doctype | undefined;
	let builder: TreeBuilder | undefined;
	try {
		doctype = readDoctype(text, problems);
		const offset = doctype?.end ?? 0;
		builder = new TreeBuilder(text.slice(offset), offset, doctype?.entities ?? new Map(), problems, containers);
		const tokenizer = new Tokenizer({xmlMode: true, decodeEntities: false}, builder.callbacks());
		tokenizer.write(text.slice(offset));
		tokenizer.end();
	} catch (error) {
		if (!(error instanceof RefusedDocument)) {
			problems.add(undefined, `could not read the XML: ${error instanceof Error ? error.message : String(error)}`);
		}

		return {root: undefined, doctype: doctype?.name, hasLooseText: false, isRefused: true, problems};
	}

	return {root: builder.root, doctype: doctype?.name, hasLooseText: builder.hasLooseText, isRefused: false, problems};
}
