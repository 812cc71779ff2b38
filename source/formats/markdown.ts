import {decodeHTML} from 'entities';
import {Lexer, type Token, type Tokens} from 'marked';
import {parseDocument} from 'yaml';
import {markedParagraph, type ParagraphKind, type ParseResult, paragraphKind, paragraphMarkPattern, paragraphText} from '../article.js';
import {type ArticleDraft, buildArticles} from './build-articles.js';
import {type FieldRecord, draftFromRecord, planFields} from './fields.js';
import {isRecord, type ParseOptions} from './format.js';
import {htmlToText} from './html-text.js';
import {lineBreakCount} from '../text/line-breaks.js';

/*
The Markdown rules:
- Headings start articles. The level used is the shallowest present; deeper headings become paragraphs inside.
  A lone top heading that opens the file and is followed straight away by two or more headings of the next level is
  the document's title (a digest: `# Monday's briefing` then `## Story`, `## Story`); it becomes the articles' source.
- YAML front matter at the top (`---` … `---`) describes the file: its date, author, tags, kicker and source apply to
  every article (a digest's stories share them), unless an article sets its own; its url and description (deck) are
  the first article's alone (an address names one article, and stands for its id), as is its title, the first
  article's headline when it has no heading of its own. A file with front matter holding a title and no `#` heading is one
  article (a blog post whose `##` headings are its sections). Without headings the file is one article.
- Paragraphs are separated by blank lines. Inline markup is reduced to its text: links become `text [1]` with the
  address in the article's links, images `[image: ALT] [2]` (a link around one cites the link instead), list items
  keep a `•` or their number, quoted paragraphs start with `> ` (as html-text.ts writes HTML). Code blocks are
  preformatted paragraphs, deeper headings heading paragraphs and table rows row paragraphs (see paragraphMarks in
  article.ts); raw HTML is read as html-text.ts reads it, inline `<img>` and `<math>` included.
*/

/**
 * A paragraph longer than this is read as plain text, its inline markup as written: marked's emphasis matching takes
 * time that grows with the square of a paragraph's length (200,000 `*a` took 22 s).
 */
export const maximumInlineMarkupLength = 20_000;
/**
 * A paragraph with more runs of emphasis marks (`*`, `_`, `~`) than this is read as plain text too: the time grows with
 * the square of their number, not only of the length (3,174 runs of `__` in 19,000 characters took 1.1 s), and no
 * paragraph a person wrote stresses so many words.
 */
export const maximumEmphasisRunCount = 500;
const emphasisRun = /[*_~]+/g;

/** How many emphasis marks a paragraph may hold in all: a single run of thousands is as slow as thousands of runs. */
export const maximumEmphasisMarkCount = 4 * maximumEmphasisRunCount;

/**
 * Whether `source` holds more than {@link maximumEmphasisRunCount} runs of emphasis marks, or more than
 * {@link maximumEmphasisMarkCount} marks.
 */
function hasTooManyEmphasisRuns(source: string): boolean {
	emphasisRun.lastIndex = 0;
	let runCount = 0;
	let markCount = 0;
	for (let run = emphasisRun.exec(source); run !== null; run = emphasisRun.exec(source)) {
		markCount += run[0].length;
		if (++runCount > maximumEmphasisRunCount || markCount > maximumEmphasisMarkCount) {
			return true;
		}
	}

	return false;
}
/**
 * Indentation past this many characters is cut to it, so lists nest at most this deep: marked's time grows faster
 * than the square of the depth (3,000 nested levels took 4 GB and never ended).
 */
export const maximumIndentation = 64;
const deepIndentation = new RegExp(`^([ \\t]{${maximumIndentation}})[ \\t]+`, 'gmu');
/**
 * Quotes nested deeper than this (`> > > …`) are read at this depth: marked's time grows with the square of the depth
 * (a line of 1,000 nested quotes over 8,000 quoted lines took 1.9 s).
 */
export const maximumQuoteDepth = 16;
const deepQuote = new RegExp(`^((?: {0,3}>[ \\t]?){${maximumQuoteDepth}})(?: {0,3}>[ \\t]?)+`, 'gmu');

/**
 * A run of more lines than this without a blank one is cut by one: marked's time for a list item grows with the square
 * of the lines it runs on for (22,000 lines of a list item took 2.6 s), and no block a person wrote is so long.
 */
export const maximumBlockLineCount = 500;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/u;

/**
 * `text` with a blank line after every {@link maximumBlockLineCount} lines of a run without one, outside fenced code;
 * `text` itself when it has no such run.
 */
function withBoundedBlocks(text: string): string {
	const pieces: string[] = [];
	let pieceStart = 0;
	let runLength = 0;
	let fence: string | undefined;
	for (let lineStart = 0; lineStart < text.length;) {
		const newline = text.indexOf('\n', lineStart);
		const lineEnd = newline === -1 ? text.length : newline;
		const line = text.slice(lineStart, lineEnd);
		const fenceMark = fenceLine.exec(line)?.[1]?.[0];
		if (fenceMark !== undefined && (fence === undefined || fence === fenceMark)) {
			fence = fence === undefined ? fenceMark : undefined;
		}

		if (line.trim() === '') {
			runLength = 0;
		} else if (++runLength > maximumBlockLineCount && fence === undefined) {
			pieces.push(text.slice(pieceStart, lineStart), '\n');
			pieceStart = lineStart;
			runLength = 1;
		}

		lineStart = lineEnd + 1;
	}

	return pieces.length === 0 ? text : pieces.join('') + text.slice(pieceStart);
}

/**
 * marked's lexer, bounded as the limits above say. Its method is wrapped on the instance, not overridden in a
 * subclass: the bundle's Lexer is a stand-in that loads marked on first use (scripts/marked-lazy.js).
 */
function boundedLexer(): Lexer {
	const lexer = new Lexer({gfm: true});
	const inlineTokens = lexer.inlineTokens.bind(lexer);
	lexer.inlineTokens = (source: string, tokens: Token[] = []) => {
		if (source.length > maximumInlineMarkupLength || hasTooManyEmphasisRuns(source)) {
			tokens.push({type: 'text', raw: source, text: source} satisfies Tokens.Text);
			return tokens;
		}

		return inlineTokens(source, tokens);
	};

	return lexer;
}

type FrontMatter = {readonly record?: FieldRecord; readonly body: string; readonly problem?: string};

const frontMatterPattern = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

/** Splits off YAML front matter. A `---` block that is not a YAML mapping is no front matter (it is a rule). */
function readFrontMatter(text: string): FrontMatter {
	const match = frontMatterPattern.exec(text);
	if (match === null) {
		return {body: text};
	}

	const body = text.slice(match[0].length);
	try {
		// `silent`: yaml would otherwise hand its warnings to process.emitWarning, and Node print them, source line and
		// all, on stderr. They come back here as one line of Broadsheet's own.
		// Not `prettyErrors`: yaml would quote the source around each of its errors, and a block of thousands of broken
		// quotes took seconds; the one line said of the first is made here (yamlProblemText).
		const yamlSource = match[1] ?? '';
		const document = parseDocument(yamlSource, {logLevel: 'silent', prettyErrors: false});
		const [error] = document.errors;
		if (error !== undefined) {
			return {body, problem: `front matter, ${yamlProblemText(error, yamlSource)}`};
		}

		const value: unknown = document.toJS();
		const warnings = document.warnings.map(warning => `front matter, ${yamlProblemText(warning, yamlSource)}`);
		const record = isRecord(value) ? {record: value, body} : {body: text};
		return warnings.length > 0 ? {...record, problem: warnings.join('; ')} : record;
	} catch (error) {
		// The block opens the file and closes like front matter: report it rather than show YAML as text.
		return {body, problem: `front matter, ${yamlProblemText(error, match[1] ?? '')}`};
	}
}

/**
 * A YAML error or warning in `source`, the front matter's text, in one line: the file's line it is on (the front
 * matter starts on line 2, after `---`), and what it is.
 */
function yamlProblemText(problem: unknown, source: string): string {
	const offset = (problem as {pos?: readonly number[]} | undefined)?.pos?.[0];
	let position = '';
	if (offset !== undefined) {
		position = `line ${2 + lineBreakCount(source, '\n', offset)}: `;
	}

	const message = (problem instanceof Error ? problem.message : String(problem)).split('\n')[0] ?? '';
	return `${position}${message.replace(/ at line \d+, column \d+:?$/u, '')}`;
}

/** An article's text as it is read: paragraphs, and the links they cite by number. */
class ArticleText {
	readonly paragraphs: string[] = [];
	readonly links: string[] = [];
	/** How deep inside link labels the inline text being read is: an image there is cited by the link. */
	private linkDepth = 0;

	/** The reference number of `href`, added to the links if new. */
	reference(href: string): number {
		const index = this.links.indexOf(href);
		if (index !== -1) {
			return index + 1;
		}

		this.links.push(href);
		return this.links.length;
	}

	/**
	 * Inline tokens as text: emphasis and code reduced to their text, links numbered, images as `[image: ALT]`, tags
	 * dropped but for `<img>` and `<math>`, which read as html-text.ts reads them.
	 */
	inline(tokens: readonly Token[] | undefined): string {
		let text = '';
		const list = tokens ?? [];
		for (let index = 0; index < list.length; index++) {
			const token = list[index]!;
			if (token.type === 'html' && /^<math[\s>/]/iu.test(token.raw)) {
				// MathML arrives a tag at a time: read from <math> to its </math> as one piece of HTML.
				let end = index;
				while (end < list.length - 1 && !(list[end]!.type === 'html' && /^<\/math\s*>/iu.test(list[end]!.raw))) {
					end++;
				}

				text += this.htmlInline(list.slice(index, end + 1).map(part => part.raw).join(''));
				index = end;
			} else {
				text += this.inlineToken(token);
			}
		}

		return text;
	}

	/** Inline HTML as text, its links (an image's address) numbered in this article's sequence. */
	private htmlInline(html: string): string {
		const {paragraphs} = this.renumbered(htmlToText(html));
		const text = paragraphs.map(paragraph => paragraphText(paragraph)).join(' ');
		// An image inside a link is cited by the link.
		return this.linkDepth > 0 ? text.replaceAll(/ \[\d+\]/gu, '') : text;
	}

	/** HTML's text, its link numbers (which start from 1) moved into this article's sequence. */
	renumbered({paragraphs, links}: {readonly paragraphs: readonly string[]; readonly links: readonly string[]}): {paragraphs: string[]} {
		const numbers = links.map(link => this.reference(link));
		return {
			paragraphs: paragraphs.map(paragraph => paragraph.replace(/ \[(\d+)\]/gu, (reference, number: string) => {
				const renumbered = numbers[Number(number) - 1];
				return renumbered === undefined ? reference : ` [${renumbered}]`;
			})),
		};
	}

	/** Adds the paragraphs of a block token. `prefix` leads the first (a list item's bullet or number). */
	block(token: Token, prefix = ''): void {
		// A paragraph of `kind` (its text unmarked); a preformatted one keeps its lines, the prefix leading the first.
		const add = (text: string, kind: ParagraphKind = 'text') => {
			const paragraph = kind === 'preformatted' ? (prefix + text).replace(/^\n+|\s+$/gu, '') : `${prefix}${text}`.trim();
			if (paragraph.trim() !== '' && paragraph !== prefix.trim()) {
				this.paragraphs.push(markedParagraph(kind, paragraph));
			}

			prefix = '';
		};

		switch (token.type) {
			case 'paragraph': {
				add(this.inline(token.tokens));
				break;
			}

			case 'heading': {
				add(this.inline(token.tokens), 'heading');
				break;
			}

			case 'text': {
				add(token.tokens ? this.inline(token.tokens) : decodeHTML(token.text));
				break;
			}

			case 'code': {
				add(token.text, 'preformatted');
				break;
			}

			case 'blockquote': {
				// Quoted paragraphs start with `> `, as html-text.ts writes a <blockquote>.
				const firstQuoted = this.paragraphs.length;
				for (const inner of (token as Tokens.Blockquote).tokens) {
					this.block(inner);
				}

				for (let index = firstQuoted; index < this.paragraphs.length; index++) {
					const paragraph = this.paragraphs[index]!;
					const kind = paragraphKind(paragraph);
					// Every line of a quoted code block is quoted.
					const quoted = kind === 'preformatted' ? paragraphText(paragraph).replaceAll(/^/gmu, '> ') : `> ${paragraphText(paragraph)}`;
					this.paragraphs[index] = markedParagraph(kind, `${index === firstQuoted ? prefix : ''}${quoted}`);
				}

				break;
			}

			case 'list': {
				const list = token as Tokens.List;
				const start = typeof list.start === 'number' ? list.start : 1;
				for (const [index, item] of list.items.entries()) {
					let itemPrefix = list.ordered ? `${start + index}. ` : '• ';
					for (const inner of item.tokens) {
						if (inner.type !== 'space' && inner.type !== 'checkbox') {
							this.block(inner, itemPrefix);
							itemPrefix = '';
						}
					}
				}

				break;
			}

			case 'table': {
				const table = token as Tokens.Table;
				for (const row of [table.header, ...table.rows]) {
					add(row.map(cell => this.inline(cell.tokens).trim()).join(' | '), row.length > 1 ? 'row' : 'text');
				}

				break;
			}

			case 'html': {
				// Raw HTML numbers its links from 1: renumber them into this article's sequence.
				for (const paragraph of this.renumbered(htmlToText(token.text)).paragraphs) {
					add(paragraphText(paragraph), paragraphKind(paragraph));
				}

				break;
			}

			default: {
				// Rules, spacing and link definitions hold no text of their own.
				break;
			}
		}
	}

	private inlineToken(token: Token): string {
		switch (token.type) {
			case 'text': {
				const {tokens, text} = token as Tokens.Text;
				return tokens ? this.inline(tokens) : decodeHTML(text);
			}

			case 'escape': {
				return decodeHTML((token as Tokens.Escape).text);
			}

			case 'codespan': {
				return token.text;
			}

			case 'br': {
				return ' ';
			}

			case 'link': {
				const link = token as Tokens.Link;
				this.linkDepth++;
				const label = this.inline(link.tokens).trim();
				this.linkDepth--;
				// A bare address (`<https://…>`, or GFM's autolinks) is its own label; an in-page anchor is no reference.
				if (link.href === '' || link.href.startsWith('#') || label === link.text && link.text === link.href || (token as {autolink?: boolean}).autolink) {
					return label === '' ? link.href : label;
				}

				const reference = this.reference(link.href);
				return label === '' ? `[${reference}]` : `${label} [${reference}]`;
			}

			case 'image': {
				// `[image: ALT]`, citing its address unless a link around it is cited instead.
				const image = token as Tokens.Image;
				const alt = this.inline(image.tokens).replaceAll(/\s+/gu, ' ').trim();
				const text = alt === '' ? '[image]' : `[image: ${alt}]`;
				const href = image.href.trim();
				return this.linkDepth > 0 || href === '' || href.startsWith('#') ? text : `${text} [${this.reference(href)}]`;
			}

			case 'html': {
				// An <img> reads as an image; other tags are dropped, their text kept (see inline() for <math>).
				return /^<img[\s>/]/iu.test(token.raw) ? ` ${this.htmlInline(token.raw)} ` : '';
			}

			case 'checkbox': {
				return '';
			}

			default: {
				return 'tokens' in token && Array.isArray(token.tokens) ? this.inline(token.tokens as Token[]) : ('text' in token && typeof token.text === 'string' ? token.text : '');
			}
		}
	}
}

/** One article's tokens: its heading (none for text before the first heading) and the blocks under it. */
type Section = {heading?: Tokens.Heading; blocks: Token[]};

function isContent(token: Token): boolean {
	return token.type !== 'space' && token.type !== 'hr' && token.type !== 'def';
}

/** The tokens split into articles, and the document's title when a lone top heading is one. */
function sections(tokens: readonly Token[], hasFrontMatterTitle: boolean): {sections: Section[]; title?: string} {
	const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading');
	const depths = [...new Set(headings.map(heading => heading.depth))].sort((first, second) => first - second);
	let depth = depths[0];
	let title: string | undefined;
	if (depth !== undefined && hasFrontMatterTitle && depth > 1) {
		// A post with its title in front matter: `##` headings are its sections.
		depth = undefined;
	}

	const content = tokens.filter(token => isContent(token));
	const [first, second] = content;
	const nextDepth = depths[1];
	if (
		depth !== undefined
		&& nextDepth !== undefined
		&& headings.filter(heading => heading.depth === depth).length === 1
		&& first?.type === 'heading'
		&& second?.type === 'heading'
		&& second.depth === nextDepth
		&& headings.filter(heading => heading.depth === nextDepth).length >= 2
	) {
		title = new ArticleText().inline((first as Tokens.Heading).tokens);
		depth = nextDepth;
	}

	const result: Section[] = [{blocks: []}];
	for (const token of tokens) {
		if (token.type === 'heading' && (token as Tokens.Heading).depth === depth) {
			result.push({heading: token as Tokens.Heading, blocks: []});
		} else if (!(title !== undefined && token === first)) {
			result.at(-1)!.blocks.push(token);
		}
	}

	// Text before the first heading is an article only if it holds something.
	if (!result[0]!.blocks.some(token => isContent(token))) {
		result.shift();
	}

	return {sections: result, ...(title === undefined || title.trim() === '' ? {} : {title: title.trim()})};
}

/**
 * What front matter says of every article of the file, not of the first alone: not its title, description, address or
 * id, which name one article.
 */
function sharedDraft(front: ArticleDraft | undefined): ArticleDraft {
	if (front === undefined) {
		return {};
	}

	const {headline: _headline, deck: _deck, url: _url, guid: _guid, paragraphs: _paragraphs, links: _links, ...shared} = front;
	return shared;
}

/** The draft front matter gives: its fields, its description as the deck. */
function frontMatterDraft(record: FieldRecord | undefined, options: ParseOptions): ArticleDraft | undefined {
	if (record === undefined) {
		return undefined;
	}

	const draft = draftFromRecord(record, planFields(Object.keys(record), options.fieldMap), {isTextRequired: false});
	if (draft === undefined) {
		return undefined;
	}

	// Front matter's `description` or `summary` is a deck, not the body.
	const {paragraphs = [], ...fields} = draft;
	const deck = draft.deck ?? (paragraphs.length > 0 ? paragraphs.map(paragraph => paragraphText(paragraph)).join(' ') : undefined);
	return {...fields, ...(deck === undefined ? {} : {deck})};
}

/**
 * Parses Markdown (see the rules above) with marked's lexer, and YAML front matter with yaml. Never throws: bad front
 * matter is reported and the rest still read.
 */
export function parseMarkdown(text: string, source: string, options: ParseOptions = {}): ParseResult {
	const problems: string[] = [];
	const clean = text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text;
	const frontMatter = readFrontMatter(clean);
	if (frontMatter.problem !== undefined) {
		problems.push(frontMatter.problem);
	}

	const front = frontMatterDraft(frontMatter.record, options);
	let tokens: Token[];
	try {
		// The marks of paragraph kinds are the reader's to make, never the input's.
		tokens = boundedLexer().lex(withBoundedBlocks(frontMatter.body.replace(deepIndentation, '$1').replace(deepQuote, '$1').replace(paragraphMarkPattern, '')));
	} catch (error) {
		// marked does not throw on any input we know of; a parser must not throw on any.
		return {articles: [], problems: [...problems, `cannot read this Markdown: ${error instanceof Error ? error.message : String(error)}`]};
	}

	const {sections: parts, title} = sections(tokens, front?.headline !== undefined);
	const shared = sharedDraft(front);
	const drafts: ArticleDraft[] = parts.map((section, index) => {
		const article = new ArticleText();
		const headline = section.heading ? article.inline(section.heading.tokens).trim() : undefined;
		for (const block of section.blocks) {
			article.block(block);
		}

		const draft: ArticleDraft = {
			...(headline ? {headline} : {}),
			paragraphs: article.paragraphs,
			...(article.links.length > 0 ? {links: article.links} : {}),
		};
		// Front matter describes the first article whole, and gives every other its shared fields, under the article's own.
		return index === 0 && front !== undefined ? {...front, ...draft, headline: headline || front.headline} : {...shared, ...draft};
	});
	if (drafts.length === 0 && front !== undefined && (front.headline !== undefined || front.deck !== undefined)) {
		drafts.push(front);
	}

	return {articles: buildArticles(drafts, title ?? source), problems};
}

/**
 * Whether `text` looks like Markdown, from its first 8 KB: front matter holding `key: value` lines, two or more `#`
 * headings, or one with links, emphasis or a list beside it.
 */
export function looksLikeMarkdown(text: string): boolean {
	const head = (text.charCodeAt(0) === 0xfe_ff ? text.slice(1, 8193) : text.slice(0, 8192)).replaceAll('\r\n', '\n');
	const frontMatter = head.startsWith('---') ? frontMatterPattern.exec(head) : null;
	if (frontMatter && /^[\w-]+[ \t]*:/mu.test(frontMatter[1] ?? '')) {
		return true;
	}

	// Each expression here runs only where what it needs is there (front matter's '---', a '#', a line starting with '='
	// or '-'), and the markup ones only beside a heading: each costs V8 a compile the first time it runs, at the start of
	// every text file.
	const headingCount = head.includes('#') ? (head.match(/^#{1,6}[ \t]+\S/gmu)?.length ?? 0) : 0;
	const setextCount = head.includes('\n=') || head.includes('\n-') ? (head.match(/^[^\s#].*\n(?:=+|-+)[ \t]*$/gmu)?.length ?? 0) : 0;
	if (headingCount >= 2) {
		return true;
	}

	if (headingCount + setextCount === 0) {
		return false;
	}

	const hasInlineMarkup = /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`/u.test(head) || /^(?:[-*+]|\d+\.)[ \t]+\S/mu.test(head);
	return hasInlineMarkup || (headingCount === 1 && /^\s*#{1,6}[ \t]+\S/u.test(head));
}
