import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {looksLikeMarkdown} from '../../source/formats/markdown.js';

/** looksLikeMarkdown as it was written before it skipped expressions that cannot match: every one, every time. */
function looksLikeMarkdownBefore(text: string): boolean {
	const head = (text.charCodeAt(0) === 0xfe_ff ? text.slice(1, 8193) : text.slice(0, 8192)).replaceAll('\r\n', '\n');
	const frontMatter = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.exec(head);
	if (frontMatter && /^[\w-]+[ \t]*:/mu.test(frontMatter[1] ?? '')) {
		return true;
	}

	const headingCount = head.match(/^#{1,6}[ \t]+\S/gmu)?.length ?? 0;
	const setextCount = head.match(/^[^\s#].*\n(?:=+|-+)[ \t]*$/gmu)?.length ?? 0;
	if (headingCount >= 2) {
		return true;
	}

	const hasInlineMarkup = /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`/u.test(head) || /^(?:[-*+]|\d+\.)[ \t]+\S/mu.test(head);
	return (headingCount + setextCount >= 1 && hasInlineMarkup) || (headingCount === 1 && /^\s*#{1,6}[ \t]+\S/u.test(head));
}

// Lines of Markdown's marks and of prose, with every line break and the byte-order mark.
const markdownish = fc
	.tuple(
		fc.constantFrom('', '\uFEFF', ' '),
		fc.array(
			fc.oneof(
				fc.constantFrom('---', '--- ', '---\t', '...', 'title: News', 'not yaml', '# Heading', '## Two', '#NoSpace', '  # Indented', 'Setext', '===', '---', '- item', '* item', '1. item', '**bold**', '__under__', '`code`', '[link](https://a.b)', 'Plain prose, with a comma.', '#', '='),
				fc.string({unit: fc.constantFrom('#', '=', '-', ' ', '\t', 'a', '*', '_', '`', '[', ']', '(', ')', '.', '1', ':'), maxLength: 8}),
			),
			{maxLength: 12},
		),
		fc.array(fc.constantFrom('\n', '\r\n', '\r', '\u2028', '\n\n'), {minLength: 12, maxLength: 12}),
	)
	.map(([start, lines, breaks]) => start + lines.map((line, index) => line + breaks[index]!).join(''));

describe('looksLikeMarkdown', () => {
	it('tells Markdown as it did when it ran every expression', () => {
		fc.assert(fc.property(markdownish, text => {
			expect(looksLikeMarkdown(text)).toBe(looksLikeMarkdownBefore(text));
		}), {numRuns: 5000});
	});

	it('tells Markdown and prose apart', () => {
		expect(looksLikeMarkdown('Title\n=====\n\nSome **bold** prose.\n')).toBe(true);
		expect(looksLikeMarkdown('Title\n-----\n\nPlain prose.\n')).toBe(false);
		expect(looksLikeMarkdown('---\ntitle: News\n---\nBody\n')).toBe(true);
		expect(looksLikeMarkdown('# One heading\n\nA [link](https://example.org).\n')).toBe(true);
		expect(looksLikeMarkdown('Plain prose, with a comma.\nAnd more.\n')).toBe(false);
	});
});
