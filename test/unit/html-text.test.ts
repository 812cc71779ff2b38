import fc from 'fast-check';
import {markedParagraph} from '../../source/article.js';
import {describe, expect, it} from 'vitest';
import {htmlToLine, htmlToText, isLeadOf, maximumHtmlDepth, resolveUrl, textToParagraphs} from '../../source/formats/html-text.js';

const paragraphsOf = (html: string, baseUrl?: string) => htmlToText(html, baseUrl).paragraphs;

describe('htmlToText: blocks', () => {
	it.each([
		['paragraphs', '<p>One.</p><p>Two.</p>', ['One.', 'Two.']],
		['divs and text around them', 'Intro<div>Inside</div>Outro', ['Intro', 'Inside', 'Outro']],
		['line breaks', 'First line<br>Second line<br/><br />Third', ['First line', 'Second line', 'Third']],
		['headings as heading paragraphs', '<h2>Results</h2>The home side won.', [markedParagraph('heading', 'Results'), 'The home side won.']],
		['bulleted lists', '<ul><li>Bread</li><li>Milk</li></ul>', ['• Bread', '• Milk']],
		['numbered lists', '<ol><li>Mix</li><li>Bake</li></ol>', ['1. Mix', '2. Bake']],
		['numbered lists with a start', '<ol start="4"><li>Cool</li></ol>', ['4. Cool']],
		['nested lists', '<ul><li>Fruit<ul><li>Apples</li></ul></li></ul>', ['• Fruit', '• Apples']],
		['block quotes', '<p>She said:</p><blockquote><p>We will rebuild.</p><p>Soon.</p></blockquote>', ['She said:', '> We will rebuild.', '> Soon.']],
		['nested block quotes', '<blockquote>Outer<blockquote>Inner</blockquote></blockquote>', ['> Outer', '> > Inner']],
		['table rows, cells apart', '<table><tr><td>Team</td><td>Points</td></tr><tr><td>Rovers</td><td>12</td></tr></table>', [markedParagraph('row', 'Team | Points'), markedParagraph('row', 'Rovers | 12')]],
		['inline markup joined', '<p>A <b>bold</b> <i>claim</i>, <span>un</span>checked.</p>', ['A bold claim, unchecked.']],
	])('%s', (_name, html, expected) => {
		expect(paragraphsOf(html)).toEqual(expected);
	});

	it('keeps the lines of preformatted text', () => {
		expect(paragraphsOf('<p>Code:</p><pre>\nif (ready) {\n  go();\n}\n</pre>')).toEqual(['Code:', markedParagraph('preformatted', 'if (ready) {\n  go();\n}')]);
	});

	it('collapses whitespace and drops empty markup', () => {
		expect(paragraphsOf('<p>  Spaced \n\t out  </p><p> </p><p>&nbsp;</p><div><span></span></div><p>End</p>')).toEqual(['Spaced out', 'End']);
	});
});

describe('htmlToText: what is dropped', () => {
	it('drops scripts, styles and embedded objects', () => {
		const html = '<style>p {color: red}</style><p>Kept</p><script>alert("x")</script><noscript>Enable JS</noscript>'
			+ '<iframe src="https://ads.example/"></iframe><object data="x.swf">Flash</object><svg><text>Logo</text></svg><p>Also kept</p>';
		expect(paragraphsOf(html)).toEqual(['Kept', 'Also kept']);
	});

	it('drops tracking pixels, and shows other images as [image: ALT] citing their address (issue 13)', () => {
		expect(htmlToText('<p>Text<img src="https://t.example/p.gif" width="1" height="1"></p><p><img src="https://t.example/a.jpg" alt="A  photo"></p><p>An <img src="/b.png"> inline.</p>', 'https://t.example/')).toEqual({
			paragraphs: ['Text', '[image: A photo] [1]', 'An [image] [2] inline.'],
			links: ['https://t.example/a.jpg', 'https://t.example/b.png'],
		});
	});

	it('shows MathML as its alttext, or its text (issue 13)', () => {
		expect(paragraphsOf('<p>Request <math><mi>n</mi></math> bytes.</p>')).toEqual(['Request n bytes.']);
		expect(paragraphsOf('<p>So <math alttext="x^2"><msup><mi>x</mi><mn>2</mn></msup></math> grows.</p>')).toEqual(['So x^2 grows.']);
		expect(paragraphsOf('<table><tr><td><math><mn>1</mn></math></td><td><math><mn>2</mn><annotation encoding="TeX">2</annotation></math></td></tr></table>')).toEqual([markedParagraph('row', '1 | 2')]);
	});
});

describe('htmlToText: entities', () => {
	it('decodes named and numeric entities', () => {
		expect(paragraphsOf('<p>Caf&eacute; &amp; bar &#8212; &#x2019;s &lt;open&gt; &copy;&nbsp;2024</p>')).toEqual(['Café & bar — ’s <open> © 2024']);
	});
});

describe('htmlToText: links', () => {
	it('numbers links after their text and lists their addresses', () => {
		const text = htmlToText('<p>See <a href="https://a.example/one">the report</a> and <a href="https://b.example/">the reply</a>.</p>');
		expect(text.paragraphs).toEqual(['See the report [1] and the reply [2].']);
		expect(text.links).toEqual(['https://a.example/one', 'https://b.example/']);
	});

	it('gives an address cited twice the same number', () => {
		const text = htmlToText('<p><a href="https://a.example/x">First</a></p><p><a href="https://a.example/x">again</a> and <a href="https://c.example/">other</a></p>');
		expect(text.paragraphs).toEqual(['First [1]', 'again [1] and other [2]']);
		expect(text.links).toEqual(['https://a.example/x', 'https://c.example/']);
	});

	it('resolves relative addresses against the base, and against <base href>', () => {
		expect(htmlToText('<a href="../maps/ridge">map</a>', 'https://trails.example/news/today').links).toEqual(['https://trails.example/maps/ridge']);
		expect(htmlToText('<base href="https://docs.example/guide/"><a href="intro">intro</a>').links).toEqual(['https://docs.example/guide/intro']);
	});

	it('keeps http(s) and mailto links, and a relative link without a base as written; skips anchors and other schemes', () => {
		const text = htmlToText('<a href="javascript:alert(1)">script</a> <a href="#top">top</a> <a href="data:text/html,x">data</a> '
			+ '<a href="relative/page">relative</a> <a href="mailto:desk@news.example">write</a> <a>bare</a>');
		expect(text.paragraphs).toEqual(['script top data relative [1] write [2] bare']);
		expect(text.links).toEqual(['relative/page', 'mailto:desk@news.example']);
	});

	it('keeps the number of a link that wraps only an image, and cites none for text that is its own address', () => {
		const text = htmlToText('<a href="https://x.example/"><img src="x.png" alt="Logo"></a> <a href="https://x.example/page">x.example/page</a>');
		expect(text.paragraphs).toEqual(['[image: Logo] [1] x.example/page']);
		expect(text.links).toEqual(['https://x.example/']);
	});

	it('cites a link left open into a list after its own text, not in a paragraph of its own', () => {
		// Found by the property tests: the citation used to make a paragraph ' [1]'.
		const text = htmlToText('<a href="/x">Read more<ul><li>', 'https://example.com/a/');
		expect(text.paragraphs).toEqual(['Read more [1]']);
		expect(text.links).toEqual(['https://example.com/x']);
	});
});

describe('htmlToText: plain text and bad markup', () => {
	it('passes plain text through, blank lines separating paragraphs', () => {
		expect(paragraphsOf('First paragraph,\nwrapped.\n\nSecond paragraph.\n  \n\nThird.')).toEqual(['First paragraph, wrapped.', 'Second paragraph.', 'Third.']);
	});

	it('reads unclosed and stray tags as a browser would', () => {
		expect(paragraphsOf('<p>One<p>Two</div></span><li>Three')).toEqual(['One', 'Two', '• Three']);
	});

	it('never throws, and leaves no markup behind', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('<p>', '</p>', '<a href="https://x.example/">', '</a>', '<ul>', '<li>', '<br>', '<pre>', '</pre>', '<script>', '&amp;', '&bogus;', 'word', ' ', '\n\n', '<', '>', '"'), {maxLength: 40}), parts => {
				const {paragraphs, links} = htmlToText(parts.join(''));
				return paragraphs.every(paragraph => paragraph.trim() !== '' && !paragraph.includes('<p>')) && links.every(link => link.startsWith('https://'));
			}),
		);
	});
});

describe('htmlToLine', () => {
	it('gives one line without link numbers', () => {
		expect(htmlToLine('<p>Comet <em>Vesna</em> <a href="https://x.example/">seen</a></p><p>again</p>')).toBe('Comet Vesna seen again');
	});
});

describe('textToParagraphs', () => {
	it('splits on blank lines and folds the rest', () => {
		expect(textToParagraphs('a\nb\n\n\nc  d\n \n')).toEqual(['a b', 'c d']);
	});
});

describe('resolveUrl', () => {
	it.each([
		['https://a.example/x', undefined, 'https://a.example/x'],
		['/y', 'https://a.example/x/', 'https://a.example/y'],
		['  https://a.example/z  ', undefined, 'https://a.example/z'],
		['ftp://a.example/', undefined, undefined],
		['relative', undefined, undefined],
		['#anchor', 'https://a.example/', undefined],
		['javascript:void(0)', 'https://a.example/', undefined],
	])('%j against %j is %j', (href, base, expected) => {
		expect(resolveUrl(href, base)).toBe(expected);
	});
});

describe('isLeadOf', () => {
	const body = ['The harbour board has published a new ferry timetable that takes effect on Monday.', 'More text.'];
	it('recognises an excerpt of the body', () => {
		expect(isLeadOf('The harbour board has published a new ferry timetable that takes […]', body)).toBe(true);
	});

	it('tells a real summary apart', () => {
		expect(isLeadOf('Two early sailings are cut.', body)).toBe(false);
	});

	it('recognises the opening despite [n] link markers, curly or straight quotes, dashes, spacing and case', () => {
		const linked = ['The harbour board [1] has published a “new” ferry timetable — it\u2019s out [2] on Monday.', 'More text.'];
		expect(isLeadOf('The harbour board has published a "new" ferry timetable - it\'s out on Monday.', linked)).toBe(true);
		expect(isLeadOf('THE HARBOUR  BOARD has\npublished a “new” ferry…', linked)).toBe(true);
		expect(isLeadOf('The harbour board has published a timetable for buses.', linked)).toBe(false);
	});
});

describe('htmlToText: nesting past the limit (issue 17)', () => {
	const nested = (depth: number, inner: string) => `${'<ul><li>'.repeat(depth)}${inner}${'</li></ul>'.repeat(depth)}`;

	it('keeps the text of elements nested past the limit, flattened', () => {
		const {paragraphs} = htmlToText(`<p>Before the list.</p>${nested(maximumHtmlDepth, 'deep <b>inside</b> &amp; on')}<p>After &mdash; the list.</p>`);
		const text = paragraphs.join('\n');
		expect(text).toContain('Before the list.');
		expect(text).toContain('deep inside & on');
		expect(text).toContain('After — the list.');
	});

	it('reads 200,000 nested lists in linear time (htmlparser2 alone takes a minute)', () => {
		const {paragraphs} = htmlToText(nested(200_000, 'the innermost item'));
		expect(paragraphs.join(' ')).toContain('the innermost item');
	}, 10_000);

	it('nests as before below the limit', () => {
		expect(htmlToText(nested(3, 'item')).paragraphs).toEqual(htmlToText('<ul><li><ul><li><ul><li>item</li></ul></li></ul></li></ul>').paragraphs);
	});
});
