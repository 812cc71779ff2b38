import {decodeHTML} from 'entities';
import {type HtmlText, htmlToText, looksLikeHtml} from './html-text.js';

/*
The body of an article from text: HTML read as HTML, plain text split at blank lines, and hard-wrapped lines joined
into paragraphs. Shared by the record readers (a JSON, CSV or front-matter text field, via fields.ts) and plain-text
files (plain-text.ts), which read wrapped text by one rule.
*/

const htmlEntity = /&(?:[a-z][a-z\d]{1,31}|#\d{1,7}|#x[\da-f]{1,6});/iu;

/** Plain text with its entities decoded, if it holds any (APIs escape `&` in text that is not HTML). */
export function decodeEntities(text: string): string {
	return text.includes('&') && htmlEntity.test(text) ? decodeHTML(text) : text;
}

// Closing quotes and brackets that may follow a sentence's final mark.
const closers = new Set(['"', "'", '”', '’', ')', ']']);
const sentenceMarks = new Set(['.', '!', '?', '…']);

/** Whether a line ends like a finished sentence; sentences.ts's endsWithSentencePunctuation, without a regular expression. */
export function endsLikeSentence(line: string): boolean {
	let index = line.length - 1;
	while (index >= 0 && (line[index] === ' ' || line[index] === '\t')) {
		index--;
	}

	while (index >= 0 && closers.has(line[index]!)) {
		index--;
	}

	return index >= 0 && sentenceMarks.has(line[index]!);
}

/**
 * Lines of one block. Hard-wrapped text (more than two lines, all short, most stopping mid-sentence) is joined into
 * paragraphs, breaking at indented lines, as the Reuters wire does; otherwise each line is a paragraph. A paragraph
 * opens at a line indented by a tab or by `paragraphIndent` spaces: 1 in a record's text field (the wire's sign-off
 * ` Reuter` has one space), 2 in a plain-text file, where a single leading space is more often a slip.
 */
function joinWrappedLines(lines: readonly string[], paragraphs: string[], paragraphIndent: 1 | 2): void {
	let openEndedCount = 0;
	let isShort = true;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		isShort &&= line.length <= 100;
		if (index < lines.length - 1 && !endsLikeSentence(line)) {
			openEndedCount++;
		}
	}

	if (lines.length <= 2 || !isShort || openEndedCount * 2 < lines.length - 1) {
		for (const line of lines) {
			paragraphs.push(line.trim());
		}

		return;
	}

	// Lines are gathered and joined once: repeated `+=` builds a rope that every later regular expression must flatten.
	let current: string[] = [];
	for (const line of lines) {
		const isIndented = isParagraphIndent(line, paragraphIndent);
		if (isIndented && current.length > 0) {
			paragraphs.push(current.join(' '));
			current = [];
		}

		current.push(line.trim());
	}

	if (current.length > 0) {
		paragraphs.push(current.join(' '));
	}
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || (code > 127 && /\s/u.test(String.fromCharCode(code)));
}

/** Whether a line opens a paragraph in hard-wrapped text: a tab, or `paragraphIndent` spaces, before its text. */
function isParagraphIndent(line: string, paragraphIndent: 1 | 2): boolean {
	const first = line.charCodeAt(0);
	return first === 9 || (isSpace(first) && (paragraphIndent === 1 || isSpace(line.charCodeAt(1))));
}

/** Whether a line holds only white space (as `trim` counts it). */
function isBlankLine(line: string): boolean {
	for (let index = 0; index < line.length; index++) {
		if (!isSpace(line.charCodeAt(index))) {
			return false;
		}
	}

	return true;
}

/** Paragraphs of lines (a plain-text file's, a story's): blank lines separate blocks, and each block's hard-wrapped lines are joined. */
export function paragraphsOfLines(lines: readonly string[], paragraphIndent: 1 | 2 = 2): string[] {
	const paragraphs: string[] = [];
	let block: string[] = [];
	for (const line of lines) {
		if (isBlankLine(line)) {
			if (block.length > 0) {
				joinWrappedLines(block, paragraphs, paragraphIndent);
				block = [];
			}
		} else {
			block.push(line);
		}
	}

	if (block.length > 0) {
		joinWrappedLines(block, paragraphs, paragraphIndent);
	}

	return paragraphs;
}

/**
 * The body a text field holds: HTML is read as HTML (html-text.ts), its links numbered; plain text splits at blank
 * lines, and hard-wrapped lines are joined (breaking at indented lines).
 */
export function bodyFromText(text: string): HtmlText {
	if (looksLikeHtml(text)) {
		return htmlToText(text);
	}

	const normalized = decodeEntities(text.includes('\r') ? text.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : text);
	const paragraphs: string[] = [];
	let block: string[] = [];
	let start = 0;
	while (start <= normalized.length) {
		let end = normalized.indexOf('\n', start);
		if (end === -1) {
			end = normalized.length;
		}

		const line = normalized.slice(start, end);
		start = end + 1;
		if (isBlankLine(line)) {
			if (block.length > 0) {
				joinWrappedLines(block, paragraphs, 1);
				block = [];
			}
		} else {
			block.push(line);
		}
	}

	if (block.length > 0) {
		joinWrappedLines(block, paragraphs, 1);
	}

	return {paragraphs, links: []};
}
