import {describe, expect, it} from 'vitest';
import {type Article, bodyText, markedParagraph, paragraphKind, paragraphText} from '../../source/article.js';
import {buildArticles} from '../../source/formats/build-articles.js';
import {parseFeed} from '../../source/formats/feed.js';
import {htmlToLine, htmlToText} from '../../source/formats/html-text.js';
import {parseMarkdown} from '../../source/formats/markdown.js';
import {articleRecord, printedArticles} from '../../source/output.js';
import {type ArticleLine, articleLines} from '../../source/state/article-lines.js';
import {expandTabs} from '../../source/text/text-width.js';
import {controlCharacter} from '../helpers/articles.js';

/*
Issue 13, point 5: pre-formatted text, lists, headings, tables, images and math in article bodies. Each kind is read
from HTML (as feeds carry it) and from Markdown, and shown in the article pane's lines.
*/

/** The article an RSS item with `html` as its content makes. */
function articleFromHtml(html: string): Article {
	const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Dev notes</title><item><title>Notes</title>`
		+ `<link>https://notes.example/1</link><description><![CDATA[${html}]]></description></item></channel></rss>`;
	const [article] = parseFeed(feed, 'notes.xml').articles;
	expect(article).toBeDefined();
	return article!;
}

/** The only article of a Markdown file holding `body` under a `#` heading. */
function articleFromMarkdown(body: string): Article {
	const [article] = parseMarkdown(`# Notes\n\n${body}\n`, 'notes.md').articles;
	expect(article).toBeDefined();
	return article!;
}

/** The lines of the article's text: after the headline, by-line, address and the blank line under them. */
function textLines(article: Article, columnCount = 40): ArticleLine[] {
	const lines = articleLines(article, columnCount);
	const first = lines.findIndex(line => line.style === 'blank');
	const linksStart = lines.findLastIndex((line, index) => line.style === 'blank' && lines[index + 1]?.text.startsWith('[1] '));
	return lines.slice(first + 1, linksStart === -1 ? undefined : linksStart);
}

const textsOf = (lines: readonly ArticleLine[]) => lines.map(line => line.text);

describe('preformatted text (issue 13.5)', () => {
	it('keeps the lines of a <pre> instead of running them together', () => {
		const article = articleFromHtml('<p>Then run:</p><pre>make\nmake install\nsudo reboot</pre><p>Done.</p>');
		expect(textLines(article)).toEqual([
			{text: 'Then run:', style: 'body'},
			{text: '', style: 'blank'},
			{text: 'make', style: 'code'},
			{text: 'make install', style: 'code'},
			{text: 'sudo reboot', style: 'code'},
			{text: '', style: 'blank'},
			{text: 'Done.', style: 'body'},
		]);
	});

	it('keeps indentation, expands tabs, and never re-wraps a line wider than the pane', () => {
		const code = 'function total(items) {\n\treturn items.reduce((sum, item) => sum + item.price * item.count, 0);\n}';
		const article = articleFromHtml(`<pre><code>${code}</code></pre>`);
		expect(textsOf(textLines(article, 30))).toEqual([
			'function total(items) {',
			'        return items.reduce((sum, item) => sum + item.price * item.count, 0);',
			'}',
		]);
		expect(textLines(article, 30).every(line => line.style === 'code')).toBe(true);
	});

	it('reads a <code> that spans lines as a block, and one inside a sentence as words', () => {
		const article = articleFromHtml('<p>Call <code>reload()</code> first.</p><p><code>if (stale) {\n  reload();\n}</code></p>');
		expect(textsOf(textLines(article))).toEqual(['Call reload() first.', '', 'if (stale) {', '  reload();', '}']);
		expect(textLines(article)[2]?.style).toBe('code');
	});

	it('reads <br> inside <pre> as a line break, quotes each line of a quoted block, and keeps a link\'s number', () => {
		const article = articleFromHtml('<blockquote><pre>one<br>  two <a href="https://docs.example/two">docs</a></pre></blockquote>');
		expect(textsOf(textLines(article))).toEqual(['> one', '>   two docs [1]']);
		expect(article.links).toEqual(['https://docs.example/two']);
	});

	it('keeps the lines of Markdown code fences and indented code', () => {
		const article = articleFromMarkdown('Build it:\n\n```sh\n./configure --prefix=/opt\n  make -j4\n```\n\nOr:\n\n    cc -o tool tool.c\n    ./tool');
		expect(textLines(article)).toEqual([
			{text: 'Build it:', style: 'body'},
			{text: '', style: 'blank'},
			{text: './configure --prefix=/opt', style: 'code'},
			{text: '  make -j4', style: 'code'},
			{text: '', style: 'blank'},
			{text: 'Or:', style: 'body'},
			{text: '', style: 'blank'},
			{text: 'cc -o tool tool.c', style: 'code'},
			{text: './tool', style: 'code'},
		]);
	});

	it('quotes each line of a code fence in a Markdown quote, and keeps a <pre> in raw HTML', () => {
		expect(textsOf(textLines(articleFromMarkdown('> ```\n> a = 1\n>   b = 2\n> ```')))).toEqual(['> a = 1', '>   b = 2']);
		expect(textsOf(textLines(articleFromMarkdown('<pre>\nx := 1\n  y := 2\n</pre>')))).toEqual(['x := 1', '  y := 2']);
	});

	it('lets no control character through, and makes a CR a line break', () => {
		const article = articleFromHtml('<pre>echo \u001B[31mred\u001B[0m\r\nls\u0007 -l\u009B2J</pre>');
		const lines = textsOf(textLines(article));
		expect(lines).toEqual(['echo red', 'ls -l']);
		expect(lines.join('\n')).not.toMatch(controlCharacter);
	});

	it('prints code blocks verbatim with --print, and --json gives their lines without any mark', () => {
		const longLine = '    curl --fail --silent --show-error --location https://downloads.example/tool.tar.gz | tar -xz';
		const article = articleFromMarkdown(`Install:\n\n\`\`\`\n${longLine}\n\`\`\``);
		expect(printedArticles([article], 40)).toContain(`Install:\n\n${longLine}\n`);
		const record = articleRecord(article);
		expect(record.paragraphs).toEqual(['Install:', longLine]);
		expect(record.body).toBe(`Install:\n\n${longLine}`);
		expect(bodyText(article)).toBe(record.body);
	});

	it('makes a one-line headline from a body that opens with code, and still shows the code whole', () => {
		const [article] = buildArticles([{paragraphs: [markedParagraph('preformatted', 'git pull\ngit push')]}], 'x.txt');
		expect(article?.headline).toBe('git pull git push');
		expect(textsOf(textLines(article!))).toEqual(['git pull', 'git push']);
	});

	it('expands a tab to the next stop of eight columns', () => {
		expect(expandTabs('a\tb')).toBe('a       b');
		expect(expandTabs('\tx\ty')).toBe('        x       y');
		expect(expandTabs('漢字\tz')).toBe('漢字    z');
	});
});

describe('lists (issue 13.5)', () => {
	it('puts an HTML list\'s items on consecutive lines, apart from the paragraphs around it', () => {
		const article = articleFromHtml('<p>Bring:</p><ul><li>a torch</li><li><p>spare batteries</p></li></ul><p>Then:</p><ol><li>Pack</li><li>Go</li></ol><p>See you.</p>');
		expect(textsOf(textLines(article))).toEqual(['Bring:', '', '• a torch', '• spare batteries', '', 'Then:', '', '1. Pack', '2. Go', '', 'See you.']);
	});

	it('puts a Markdown list\'s items on consecutive lines, loose or tight', () => {
		expect(textsOf(textLines(articleFromMarkdown('Steps:\n\n- one\n- two\n\nThen:\n\n1. three\n\n2. four')))).toEqual(['Steps:', '', '• one', '• two', '', 'Then:', '', '1. three', '2. four']);
	});
});

describe('headings (issue 13.5)', () => {
	it('shows HTML headings, h1 to h6, in the heading style', () => {
		const article = articleFromHtml('<p>Intro.</p><h2>Results</h2><p>We won.</p><h6>Small print</h6>');
		expect(textLines(article)).toEqual([
			{text: 'Intro.', style: 'body'},
			{text: '', style: 'blank'},
			{text: 'Results', style: 'heading'},
			{text: '', style: 'blank'},
			{text: 'We won.', style: 'body'},
			{text: '', style: 'blank'},
			{text: 'Small print', style: 'heading'},
		]);
	});

	it('shows Markdown headings deeper than the article\'s in the heading style', () => {
		const article = articleFromMarkdown('Intro.\n\n## Background\n\nText.\n\nSetext\n------');
		expect(textLines(article).filter(line => line.style === 'heading').map(line => line.text)).toEqual(['Background', 'Setext']);
	});

	it('keeps a heading\'s text plain in --json and search text, and the headline made from it', () => {
		const article = articleFromHtml('<h3>Budget passes</h3><p>By a vote of 30 to 12.</p>');
		expect(articleRecord(article).paragraphs).toEqual(['Budget passes', 'By a vote of 30 to 12.']);
		expect(htmlToLine('<h1>Big <em>news</em></h1><p>today</p>')).toBe('Big news today');
		const [untitled] = buildArticles([{paragraphs: [markedParagraph('heading', 'Budget passes'), 'By a vote of 30 to 12.']}], 'x.txt');
		expect(untitled?.headline).toBe('Budget passes');
		expect(textsOf(textLines(untitled!))).toEqual(['By a vote of 30 to 12.']);
	});
});

describe('tables (issue 13.5)', () => {
	it('keeps an HTML table\'s rows as rows: one a line, cells apart', () => {
		const article = articleFromHtml('<p>Standings:</p><table><thead><tr><th>Team</th><th>Won</th><th>Lost</th></tr></thead>'
			+ '<tbody><tr><td>Rovers</td><td>12</td><td>3</td></tr><tr><td>United</td><td></td><td>5</td></tr></tbody></table><p>More soon.</p>');
		expect(textsOf(textLines(article))).toEqual(['Standings:', '', 'Team | Won | Lost', 'Rovers | 12 | 3', 'United | | 5', '', 'More soon.']);
	});

	it('keeps a Markdown table\'s rows as rows', () => {
		expect(textsOf(textLines(articleFromMarkdown('| Month | Date |\n|---|---|\n| July | 7 |\n| August | 4 |')))).toEqual(['Month | Date', 'July | 7', 'August | 4']);
	});

	it('reads a layout table (one cell, or cells holding paragraphs) as paragraphs', () => {
		expect(htmlToText('<table><tr><td><p>First.</p><p>Second.</p></td></tr></table>').paragraphs).toEqual(['First.', 'Second.']);
		expect(htmlToText('<table><tr><td><p>Left.</p></td><td><p>Right.</p></td></tr></table>').paragraphs).toEqual(['Left.', 'Right.']);
	});
});

describe('images (issue 13.5)', () => {
	it('shows an HTML image as [image: ALT] with its address among the numbered links; a link around one keeps its number', () => {
		const article = articleFromHtml('<p><img src="/img/map.png" alt="Route map"></p><p><a href="https://shop.example/"><img src="https://shop.example/logo.png" alt="Shop"></a></p>');
		expect(textsOf(textLines(article))).toEqual(['[image: Route map] [1]', '', '[image: Shop] [2]']);
		expect(article.links).toEqual(['https://notes.example/img/map.png', 'https://shop.example/']);
	});

	it('shows a Markdown image as [image: ALT] with its address among the numbered links; a link around one keeps its number', () => {
		const article = articleFromMarkdown('See ![the *route* map](https://maps.example/r.png) and [![Shop](https://shop.example/logo.png)](https://shop.example/), or ![](https://maps.example/s.png).');
		expect(article.paragraphs).toEqual(['See [image: the route map] [1] and [image: Shop] [2], or [image] [3].']);
		expect(article.links).toEqual(['https://maps.example/r.png', 'https://shop.example/', 'https://maps.example/s.png']);
	});

	it('reads an <img> in Markdown as an image, numbered with the article\'s links', () => {
		const article = articleFromMarkdown('A [link](https://a.example/) then <img src="https://a.example/pic.jpg" alt="A pic"> inline.');
		expect(article.paragraphs).toEqual(['A link [1] then [image: A pic] [2] inline.']);
		expect(article.links).toEqual(['https://a.example/', 'https://a.example/pic.jpg']);
	});
});

describe('math (issue 13.5)', () => {
	it('shows MathML\'s text, or its alttext, in HTML', () => {
		expect(textsOf(textLines(articleFromHtml('<p>Request <math><mi>n</mi></math> bytes, then <math alttext="2^n"><msup><mn>2</mn><mi>n</mi></msup></math>.</p>'))))
			.toEqual(['Request n bytes, then 2^n.']);
	});

	it('shows MathML\'s text, or its alttext, in Markdown', () => {
		const article = articleFromMarkdown('Request <math><mi>n</mi></math> bytes, then <math alttext="2^n"><msup><mn>2</mn><mi>n</mi></msup></math>.');
		expect(article.paragraphs).toEqual(['Request n bytes, then 2^n.']);
	});
});

describe('the marks of paragraph kinds', () => {
	it('are made by the readers only: the same characters in a file are dropped', () => {
		const forged = '\uFFFBnot code\nreally\uFFF9';
		expect(htmlToText(`<p>${forged}</p>`).paragraphs.map(paragraph => paragraphKind(paragraph))).toEqual(['text']);
		expect(articleFromMarkdown(`\uFFF9${forged}`).paragraphs.map(paragraph => paragraphKind(paragraph))).toEqual(['text']);
		expect(articleFromMarkdown(`\uFFF9${forged}`).paragraphs.map(paragraph => paragraphText(paragraph))).toEqual(['not code really']);
	});
});
