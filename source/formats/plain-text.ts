import {type Article, type ParseResult, hashText} from '../article.js';
import {sanitizeText} from '../text/sanitize-text.js';
import {letterPattern, letterPatternFor} from './ascii-letters.js';
import {splitDeck} from './deck.js';
import {type PartOptions, type PlainTextLayout, uniqueId} from './format.js';
import {endsWithSentencePunctuation, firstSentence, firstSentenceEnd} from './sentences.js';
import {paragraphsOfLines} from './text-body.js';

/*
The plain-text rules (readme.md, "The plain-text format", says the same for users):
- A line of three or more dashes, or a form feed, separates articles; blank lines inside are paragraph breaks.
- Without separator lines, blank lines separate blocks. When the text reads as stories (it opens with a headline block,
  a short line with no closing period, and has paragraph blocks after it), a story runs from each headline block that
  is followed by a paragraph block to the next such headline: one file saved from a news page is one article. Else
  each block is an article.
- Without either, each line is a paragraph, and consecutive paragraph lines form one article, except that a line led by
  an upper-case kicker, or a long line cut off mid-sentence (a teaser), is an article of its own.
- A short first line without a closing period is the headline; otherwise the first sentence serves as one.
*/

/**
 * An upper-case label ending in ':' or '?', perhaps quoted: `CANCER:`, `EUROPEAN FUTURE?`, `‘STRONG GENERATION’:`.
 * Its classes are tried on the first letter and on the run of capitals, digits and punctuation after it, which ends
 * at the first other character: most lines are settled by their first two. (Both forms: see ascii-letters.ts.)
 */
export const kickerPattern = letterPattern({
	ascii: /^(["'“‘]?[A-Z0-9][A-Z0-9 &'’.,/-]*["'”’]?[:?])\s+(?=\S)/u,
	unicode: () => /^(["'“‘]?[\p{Lu}\p{N}][\p{Lu}\p{N} &'’.,/-]*["'”’]?[:?])\s+(?=\S)/u,
	otherLetterInReach: /^["'“‘]?(?:[A-Z0-9][A-Z0-9 &'’.,/-]*)?[^\t-\u007F\u2000-\u206F]/u,
});
/** Each capital letter, to count a kicker's. */
export const capitalLetter = letterPattern({ascii: /[A-Z]/gu, unicode: () => /\p{Lu}/gu});
const separatorLine = /^[ \t]*(?:-{3,}|\f+)[ \t]*$/u;
const longestTitleLength = 160;
const shortestTeaserLength = 300;

/** The kicker that leads `line`, if any, as written (with its closing ':' or '?'). */
export function kickerOf(line: string): string | undefined {
	const match = letterPatternFor(kickerPattern, line).exec(line);
	const kicker = match?.[1];
	// At least two capitals, so that "I: …" or a lone initial is not a kicker.
	if (!kicker || (kicker.match(letterPatternFor(capitalLetter, kicker))?.length ?? 0) < 2 || kicker.length > 48) {
		return undefined;
	}

	return kicker;
}

function isTitleLine(line: string): boolean {
	return line.length <= longestTitleLength && !endsWithSentencePunctuation(line);
}

function isTeaserLine(line: string): boolean {
	return line.length >= shortestTeaserLength && !endsWithSentencePunctuation(line);
}

type ArticleText = Omit<Article, 'id' | 'source'>;

/** One line that holds a whole article: kicker, deck and body run together. */
function articleFromLine(line: string, paragraphsAfter: readonly string[]): ArticleText {
	const kicker = kickerOf(line);
	const text = kicker ? line.slice(kicker.length).trim() : line.trim();
	const split = kicker ? splitDeck(text, firstSentenceEnd(text)) : undefined;
	if (split) {
		return {kicker, headline: split.deck, headlineSource: 'deck', deck: split.deck, paragraphs: [split.body, ...paragraphsAfter]};
	}

	return {
		...(kicker ? {kicker} : {}),
		headline: firstSentence(text),
		headlineSource: 'first-sentence',
		paragraphs: [text, ...paragraphsAfter],
	};
}

/** An article from its paragraphs: a title line if there is one, else a kicker line or the first sentence. */
function articleFromParagraphs(paragraphs: readonly string[]): ArticleText {
	const [first = '', ...rest] = paragraphs;
	const kicker = kickerOf(first);
	const firstWithoutKicker = kicker ? first.slice(kicker.length).trim() : first;
	if (rest.length > 0 && isTitleLine(firstWithoutKicker)) {
		return {...(kicker ? {kicker} : {}), headline: firstWithoutKicker, headlineSource: 'title', paragraphs: rest};
	}

	return articleFromLine(first, rest);
}

/** An article from a block of raw lines: its first line may be the title; the rest are joined into paragraphs. */
function articleFromBlock(lines: readonly string[]): ArticleText | undefined {
	const firstIndex = lines.findIndex(line => line.trim() !== '');
	if (firstIndex === -1) {
		return undefined;
	}

	const first = lines[firstIndex]!.trim();
	// A headline over a blank line, then paragraphs: a story (its headline may end in ? or !).
	if (lines[firstIndex + 1]?.trim() === '' && isHeadlineBlock([first])) {
		return articleFromStory(splitOnBlankLines(lines.slice(firstIndex)));
	}

	const rest = paragraphsOfLines(lines.slice(firstIndex + 1));
	const firstWithoutKicker = first.slice(kickerOf(first)?.length ?? 0).trim();
	return isTitleLine(firstWithoutKicker) && rest.length > 0
		? articleFromParagraphs([first, ...rest])
		: articleFromParagraphs(paragraphsOfLines(lines.slice(firstIndex)));
}

function splitOnSeparators(lines: readonly string[]): string[][] {
	const sections: string[][] = [[]];
	for (const line of lines) {
		if (separatorLine.test(line)) {
			sections.push([]);
		} else {
			sections.at(-1)!.push(line);
		}
	}

	return sections;
}

function splitOnBlankLines(lines: readonly string[]): string[][] {
	const blocks: string[][] = [[]];
	for (const line of lines) {
		if (line.trim() === '') {
			if (blocks.at(-1)!.length > 0) {
				blocks.push([]);
			}
		} else {
			blocks.at(-1)!.push(line);
		}
	}

	return blocks.filter(block => block.length > 0);
}

/** The longest line a headline block may hold: longer ones are paragraphs, whatever they end with. */
const longestHeadlineBlockLength = 160;

/**
 * A headline's first character: a capital or a digit, perhaps after an opening quote or bracket. (Both forms: see
 * ascii-letters.ts.)
 */
export const headlineStart = letterPattern({
	ascii: /^["'“‘([]?[A-Z0-9]/u,
	unicode: () => /^["'“‘([]?[\p{Lu}\p{Lt}\p{N}]/u,
	otherLetterInReach: /^["'“‘([]?[^\t-\u007F\u2000-\u206F]/u,
});

/**
 * Whether a block (the lines between blank lines) looks like a headline: one line, short, with no closing period or
 * comma, opening with a capital, a digit or a quote. A question mark, an exclamation mark or closing quotes may end
 * it, and a comma or a colon may stand inside it.
 */
function isHeadlineBlock(block: readonly string[]): boolean {
	if (block.length !== 1) {
		return false;
	}

	const line = block[0]!.trim();
	return line.length <= longestHeadlineBlockLength
		&& letterPatternFor(headlineStart, line).test(line)
		&& !/[.,;…]["'”’)\]]*$/u.test(line);
}

/**
 * Whether blank-line blocks read as stories (see the rules above), judged over all of them: they open with a headline
 * block, and paragraph blocks outnumber headline blocks.
 */
function readsAsStories(blocks: ReadonlyArray<readonly string[]>): boolean {
	if (blocks.length < 2 || !isHeadlineBlock(blocks[0]!)) {
		return false;
	}

	const headlineCount = blocks.filter(block => isHeadlineBlock(block)).length;
	return blocks.length - headlineCount >= headlineCount;
}

/** Whether block `index` starts a story: a headline block with a paragraph block after it (or the first block). */
function startsStory(blocks: ReadonlyArray<readonly string[]>, index: number): boolean {
	return index === 0 || (isHeadlineBlock(blocks[index]!) && index + 1 < blocks.length && !isHeadlineBlock(blocks[index + 1]!));
}

/** Blank-line blocks gathered into stories, each from a block that starts one to the next. */
function storiesOf(blocks: ReadonlyArray<readonly string[]>): Array<Array<readonly string[]>> {
	const stories: Array<Array<readonly string[]>> = [];
	for (const [index, block] of blocks.entries()) {
		if (startsStory(blocks, index)) {
			stories.push([block]);
		} else {
			stories.at(-1)!.push(block);
		}
	}

	return stories;
}

/**
 * Where in `text` (plain text read as stories) a part may end at or after `from`: before a blank line that is
 * followed by a headline block and then a paragraph block. The length of `text` when no such place comes.
 */
export function storyBoundaryAfter(text: string, from: number): number {
	const blankLine = /\n[ \t]*\r?\n/gu;
	blankLine.lastIndex = from;
	for (let match = blankLine.exec(text); match !== null; match = blankLine.exec(text)) {
		const end = match.index + match[0].length;
		const following = splitOnBlankLines(text.slice(end, end + 2 * longestHeadlineBlockLength + 8192).split('\n')).slice(0, 2);
		if (following.length === 2 && isHeadlineBlock(following[0]!) && !isHeadlineBlock(following[1]!)) {
			return end;
		}
	}

	return text.length;
}

/** A story: its headline block (perhaps led by a kicker), then its paragraph blocks (hard-wrapped lines joined). */
function articleFromStory(blocks: ReadonlyArray<readonly string[]>): ArticleText {
	const [headlineBlock = [], ...rest] = blocks;
	const paragraphs = rest.flatMap(block => paragraphsOfLines(block));
	const line = headlineBlock.join(' ').trim();
	if (paragraphs.length === 0 || !isHeadlineBlock([line])) {
		return articleFromParagraphs([line, ...paragraphs]);
	}

	const kicker = kickerOf(line);
	const headline = kicker ? line.slice(kicker.length).trim() : line;
	return {...(kicker ? {kicker} : {}), headline, headlineSource: 'title', paragraphs};
}

/** The seed's layout: a paragraph a line; kicker lines and cut-off teaser lines stand alone. */
function articlesFromLines(lines: readonly string[]): ArticleText[] {
	const articles: ArticleText[] = [];
	let paragraphs: string[] = [];
	const flush = () => {
		if (paragraphs.length > 0) {
			articles.push(articleFromParagraphs(paragraphs));
			paragraphs = [];
		}
	};

	for (const line of lines.map(line => line.trim()).filter(line => line !== '')) {
		if (kickerOf(line) !== undefined || isTeaserLine(line)) {
			flush();
			articles.push(articleFromLine(line, []));
		} else {
			paragraphs.push(line);
		}
	}

	flush();
	return articles;
}

/**
 * Gives each article its id and its source. The id is a hash of the kicker and headline, made unique by a count
 * among articles that share them: it survives edits to the body and to other articles, and moving articles around.
 * `articles` must be this parse's own, made for it alone (see below): each is given its id in place.
 */
function withIdentity(articles: readonly ArticleText[], rawSource: string, seen = new Map<string, number>()): Article[] {
	const source = sanitizeText(rawSource);
	return articles.map(article => {
		// Each article was made for this parse alone: it takes its id and source itself, rather than a copy of it with
		// them (the copies of a 100k-article file took 100 ms, its articles' shapes being many).
		const identified = article as ArticleText & {id?: string; source?: string};
		identified.id = uniqueId(hashText(`${article.kicker ?? ''}\n${article.headline}`), seen);
		identified.source = source;
		return identified as Article;
	});
}

/** The layout of plain text's lines (sanitised, form feeds made separator lines): see the rules above. */
function layoutOf(lines: readonly string[]): PlainTextLayout {
	if (lines.some(line => separatorLine.test(line))) {
		return 'separators';
	}

	return blankLineLayoutOf(splitOnBlankLines(lines)) ?? 'lines';
}

/** The layout of text in more than one blank-line block: stories, or an article a block. */
function blankLineLayoutOf(blocks: ReadonlyArray<readonly string[]>): PlainTextLayout | undefined {
	if (blocks.length < 2) {
		return undefined;
	}

	return readsAsStories(blocks) ? 'stories' : 'blank-lines';
}

/**
 * The layout of a whole plain-text input, when a quick look can tell: separator lines anywhere, else blank lines
 * between the blocks of `head` (a part of it cut at a blank line). Undefined when only reading all of it could tell;
 * such text is parsed whole.
 */
export function plainTextLayoutFromHead(head: string, hasSeparators: boolean): PlainTextLayout | undefined {
	if (hasSeparators) {
		return 'separators';
	}

	return blankLineLayoutOf(splitOnBlankLines(sanitizeText(head).split('\n')));
}

/** Whether plain text separates articles with separator lines (or form feeds) anywhere: then that is its layout. */
export function hasSeparators(text: string): boolean {
	return text.includes('\f') || hasSeparatorLine(text);
}

/**
 * Whether a line of `text` is a separator of dashes, once sanitised as the parser reads it (a lone carriage return
 * ends a line, escape sequences go); looks only where dashes are.
 */
function hasSeparatorLine(text: string): boolean {
	for (let index = text.indexOf('---'); index !== -1; index = text.indexOf('---', index + 3)) {
		const lineStart = text.lastIndexOf('\n', index) + 1;
		let lineEnd = text.indexOf('\n', index);
		lineEnd = lineEnd === -1 ? text.length : lineEnd;
		if (sanitizeText(text.slice(lineStart, lineEnd)).split('\n').some(line => separatorLine.test(line))) {
			return true;
		}

		index = lineEnd;
	}

	return false;
}

function articlesOf(lines: readonly string[], layout: PlainTextLayout): Array<ArticleText | undefined> {
	switch (layout) {
		case 'separators': {
			return splitOnSeparators(lines).map(block => articleFromBlock(block));
		}

		case 'blank-lines': {
			return splitOnBlankLines(lines).map(block => articleFromBlock(block));
		}

		case 'stories': {
			return storiesOf(splitOnBlankLines(lines)).map(story => articleFromStory(story));
		}

		case 'lines': {
			return articlesFromLines(lines);
		}
	}
}

/**
 * Parses the plain-text news format (see the rules above). Never throws. A part of a bigger input is parsed in the
 * whole input's layout (`options.plainTextLayout`), with its identities counted on from the parts before it.
 */
export function parsePlainText(text: string, source: string, options: PartOptions = {}): ParseResult {
	const lines = sanitizeText(text.replaceAll('\f', '\n---\n')).split('\n');
	const layout = options.plainTextLayout ?? layoutOf(lines);
	const articles = articlesOf(lines, layout);
	return {articles: withIdentity(articles.filter(article => article !== undefined), source, options.identityCounts), problems: []};
}
