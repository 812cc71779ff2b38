import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {markedParagraph} from '../../source/article.js';
import {looksLikeMarkdown, maximumBlockLineCount, maximumEmphasisRunCount, maximumIndentation, maximumInlineMarkupLength, maximumQuoteDepth, parseMarkdown} from '../../source/formats/markdown.js';
import {controlCharacter, dataFixture, stringsOf} from '../helpers/articles.js';

describe('parseMarkdown', () => {
	it('reads a digest: its lone top heading is the title, each `##` heading an article', () => {
		const {articles, problems} = parseMarkdown(dataFixture('digest.md'), 'digest.md');
		expect(problems).toEqual([]);
		expect(articles.map(article => article.headline)).toEqual([
			'Choir takes first prize at county festival',
			'Allotments get a new water supply',
			'Bakery on Mill Lane changes hands',
		]);
		expect(articles.every(article => article.source === 'The Eastbrook Weekly' && article.headlineSource === 'title')).toBe(true);
	});

	it('reduces inline markup to text: emphasis dropped, links and images numbered, entities decoded', () => {
		const [choir, allotments, bakery] = parseMarkdown(dataFixture('digest.md'), 'digest.md').articles;
		expect(choir?.paragraphs).toEqual([
			'The Eastbrook choir won first prize at the county festival on Saturday, its first win in eleven years.',
			'[image: The choir on stage] [1]',
			'Read the festival results [2] and the conductor\'s interview [3].',
		]);
		expect(choir?.links).toEqual(['https://img.example.org/choir.jpg', 'https://festival.example.org/results', 'https://weekly.example.org/interviews/duarte']);
		expect(bakery?.paragraphs).toEqual(['The bakery on Mill Lane has been sold to its longest-serving baker & her brother.']);
		expect(allotments?.paragraphs).toEqual([
			'Plot holders will no longer carry cans from the brook. The council paid for:',
			'• a mains pipe along the top path',
			'• six taps, one per row',
			'• a rainwater tank by the gate',
			markedParagraph('heading', 'What plot holders said'),
			'> "It will save my back," said one grower, who asked for her name not to be used. See https://weekly.example.org/allotments for more.',
		]);
		// A bare address is its own text, not a reference.
		expect(allotments?.links).toBeUndefined();
	});

	it('applies front matter to a post, whose `##` headings are its sections', () => {
		const {articles, problems} = parseMarkdown(dataFixture('post-with-front-matter.md'), 'post.md');
		expect(problems).toEqual([]);
		expect(articles).toHaveLength(1);
		expect(articles[0]).toMatchObject({
			headline: 'Why the river runs low this spring',
			headlineSource: 'title',
			deck: 'Three dry months, and a weir that needs mending.',
			author: 'Joan Featherstone',
			publishedAt: Date.UTC(2024, 3, 18, 9, 30),
			url: 'https://blog.example.org/river-low',
			categories: ['environment', 'river'],
			source: 'post.md',
			paragraphs: [
				'The river through Aldbury is at its lowest April level since records began.',
				markedParagraph('heading', 'Three dry months'),
				'January, February and March brought half the usual rain.',
				markedParagraph('heading', 'The old weir'),
				'The weir at Crane Mill leaks, so water that should be held back runs away.',
			],
		});
	});

	it('applies front matter to every article of a file of several, under each article\'s own fields', () => {
		const text = [
			'---',
			'title: Harbour news, week 48',
			'description: The week on the quay.',
			'author: Ines Carvalho',
			'date: 2026-11-27T08:00:00Z',
			'tags: [harbour, council]',
			'url: https://news.example.org/week-48',
			'source: The Quay Gazette',
			'---',
			'',
			'# Ferry timetable changes from June',
			'',
			'Ferries will leave every forty minutes.',
			'',
			'# Slipway to be repaired before summer',
			'',
			'The council voted the money on Thursday.',
			'',
			'# Lighthouse open days announced',
			'',
			'Visitors can climb Gull Point lighthouse.',
			'',
		].join('\n');
		const {articles, problems} = parseMarkdown(text, 'week-48.md');
		expect(problems).toEqual([]);
		expect(articles.map(article => article.headline)).toEqual(['Ferry timetable changes from June', 'Slipway to be repaired before summer', 'Lighthouse open days announced']);
		for (const article of articles) {
			expect(article).toMatchObject({
				author: 'Ines Carvalho',
				publishedAt: Date.UTC(2026, 10, 27, 8),
				categories: ['harbour', 'council'],
				source: 'The Quay Gazette',
			});
		}

		// The address and the description name the file's first article only: an address is an article's id.
		expect(articles[0]).toMatchObject({url: 'https://news.example.org/week-48', deck: 'The week on the quay.'});
		expect(articles.slice(1).map(article => [article.url, article.deck])).toEqual([[undefined, undefined], [undefined, undefined]]);
		expect(new Set(articles.map(article => article.id)).size).toBe(3);
		// Each article's own text stays its own.
		expect(articles[1]?.paragraphs).toEqual(['The council voted the money on Thursday.']);
	});

	it('lets a digest\'s stories share its front matter too, the lone top heading still its title', () => {
		const text = '---\nauthor: Pat Oduya\ndate: 2024-02-11\n---\n# Eastbrook notes\n\n## Choir wins\n\nFirst prize.\n\n## Bakery sold\n\nTo its baker.\n';
		const {articles} = parseMarkdown(text, 'notes.md');
		expect(articles.map(article => [article.headline, article.author, article.publishedAt, article.source])).toEqual([
			['Choir wins', 'Pat Oduya', Date.UTC(2024, 1, 11), 'Eastbrook notes'],
			['Bakery sold', 'Pat Oduya', Date.UTC(2024, 1, 11), 'Eastbrook notes'],
		]);
	});

	it('uses the shallowest heading level for articles; deeper headings, lists and tables become paragraphs', () => {
		const {articles} = parseMarkdown(dataFixture('sections.md'), 'sections.md');
		expect(articles.map(article => [article.headline, article.headlineSource])).toEqual([
			['Some notes before the first heading, with a link to the archive.', 'first-sentence'],  // A headline made from the text loses its link markers (issue 13).
			['Ferry timetable changes from June', 'title'],
			['Lighthouse open days announced', 'title'],
		]);
		expect(articles[0]?.links).toEqual(['https://archive.example.org/']);
		expect(articles[1]?.paragraphs).toEqual([
			'Ferries will leave every forty minutes instead of every half hour.',
			markedParagraph('heading', 'Why the change'),
			'The operator says it is short of crew.',
		]);
		expect(articles[2]?.paragraphs).toEqual([
			'Visitors can climb the Gull Point lighthouse on the first Sunday of each month.',
			'1. Book online',
			'2. Bring sturdy shoes',
			markedParagraph('row', 'Month | Date'),
			markedParagraph('row', 'July | 7'),
			markedParagraph('row', 'August | 4'),
		]);
	});

	it('reads a file without headings as one article, front matter giving its headline', () => {
		const {articles} = parseMarkdown(dataFixture('no-headings.md'), 'notes.md');
		expect(articles).toHaveLength(1);
		expect(articles[0]).toMatchObject({
			headline: 'Notes from the harbour meeting',
			author: 'Pat Oduya',
			publishedAt: Date.UTC(2024, 1, 11),
			paragraphs: [
				'About forty people came to the harbour meeting on Thursday evening.',
				'Most wanted the slipway repaired before the summer, and several asked for more bins on the quay.',
			],
		});
	});

	it('reports bad front matter and still reads the rest', () => {
		const {articles, problems} = parseMarkdown(dataFixture('bad-front-matter.md'), 'bad.md');
		expect(articles.map(article => article.headline)).toEqual(['Market day moves to Friday']);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^front matter, line \d+: \S/u);
	});

	it('reads setext headings', () => {
		expect(parseMarkdown(dataFixture('setext.md'), 'setext.md').articles.map(article => article.headline)).toEqual([
			'Bus fares frozen for a year',
			'School run gets a new route',
		]);
	});

	it('takes a `---` block that is not a mapping as Markdown, not front matter', () => {
		// A rule, then a line underlined with dashes: a setext heading.
		const {articles, problems} = parseMarkdown('---\nJust a line under a rule\n---\n\nMore text.\n', 'rules.md');
		expect(problems).toEqual([]);
		expect(articles.map(article => [article.headline, article.paragraphs])).toEqual([['Just a line under a rule', ['More text.']]]);
	});

	it('keeps headings with no text under them, and numbers a repeated link once', () => {
		const {articles} = parseMarkdown('# Empty\n\n# Linked\n\nSee [a](https://a.example/) and [again](https://a.example/) and [b](https://b.example/).\n', 'x.md');
		expect(articles[0]).toMatchObject({headline: 'Empty', paragraphs: []});
		expect(articles[1]?.paragraphs).toEqual(['See a [1] and again [1] and b [2].']);
		expect(articles[1]?.links).toEqual(['https://a.example/', 'https://b.example/']);
	});

	it('drops raw HTML tags and comments, keeping their text, its links numbered with the article\'s', () => {
		const text = '# T\n\nSee [one](https://one.example/).\n\n<div class="note">Held <b>over</b>: <a href="https://two.example/">two</a></div>\n\n<!-- hidden -->\n\nText with <span>inline</span> tags.\n';
		const [article] = parseMarkdown(text, 'x.md').articles;
		expect(article?.paragraphs).toEqual(['See one [1].', 'Held over: two [2]', 'Text with inline tags.']);
		expect(article?.links).toEqual(['https://one.example/', 'https://two.example/']);
	});

	it('never puts control characters in the model', () => {
		const {articles} = parseMarkdown('# Bad\u001B[31m title\n\nBody\u0007 text.\n', 'x.md');
		expect(articles[0]?.headline).toBe('Bad title');
		expect(articles[0]?.paragraphs).toEqual(['Body text.']);
	});

	it('gives nothing for empty input', () => {
		expect(parseMarkdown('', 'empty.md')).toEqual({articles: [], problems: []});
	});
});

describe('looksLikeMarkdown', () => {
	it.each<[string, string, boolean]>([
		['a digest', dataFixture('digest.md'), true],
		['front matter', dataFixture('no-headings.md'), true],
		['headings and lists', dataFixture('sections.md'), true],
		['one heading on the first line', '# Title\n\nText.', true],
		['setext headings with links', dataFixture('setext.md') + '\n[more](https://a.example/)\n', true],
		['plain text', 'Japan and the US agreed in talks yesterday.\n\nThe talks ended early.\n', false],
		['a hashtag', 'Great match today #football\nMore later.\n', false],
		['CSV', dataFixture('ag-style.csv'), false],
		['JSON Lines', dataFixture('wire.jsonl'), false],
	])('%s → %s', (_name, text, expected) => {
		expect(looksLikeMarkdown(text)).toBe(expected);
	});
});

describe('the Markdown parser on arbitrary input', () => {
	const markdown = fc
		.array(
			fc.oneof(
				fc.constantFrom('# ', '## ', '---\n', 'title: x\n', '- ', '1. ', '> ', '**', '_', '`', '[a](https://a.example/)', '![i](x.png)', '<b>', '</div>', '| a | b |\n|---|---|\n', '```\n'),
				fc.constantFrom('\n', '\n\n', ' ', 'word', 'Sentence.'),
				fc.string({maxLength: 10}),
			),
			{maxLength: 60},
		)
		.map(parts => parts.join(''));

	it('never throws, and keeps control characters out of the model', () => {
		fc.assert(
			fc.property(fc.oneof(markdown, fc.string({maxLength: 300}), fc.string({unit: 'binary', maxLength: 200})), input => {
				const {articles} = parseMarkdown(input, 'fuzz.md');
				for (const article of articles) {
					expect(stringsOf(article).some(text => controlCharacter.test(text))).toBe(false);
				}

				looksLikeMarkdown(input);
			}),
		);
	});
});

describe('parseMarkdown: limits that keep it linear (issue 17)', () => {
	it('reads a paragraph longer than the inline limit as plain text, markup as written', () => {
		const paragraph = '*a'.repeat(200_000);
		const {articles} = parseMarkdown(`# Title\n\n${paragraph}\n`, 'x.md');
		expect(articles[0]!.paragraphs.join('')).toBe(paragraph);
	}, 10_000);

	it('reads a paragraph with more runs of emphasis marks than the limit as plain text, markup as written', () => {
		// Well under the length limit: marked's time grows with the square of the runs (3,174 unclosed ones took a second).
		const stressed = (count: number) => Array.from({length: count}, (_, index) => `*word${index}*`).join(' ');
		const manyRuns = stressed(maximumEmphasisRunCount);
		expect(manyRuns.length).toBeLessThan(maximumInlineMarkupLength);
		expect(parseMarkdown(`# Title\n\n${manyRuns}\n`, 'x.md').articles[0]!.paragraphs).toEqual([manyRuns]);
		expect(parseMarkdown(`# Title\n\n${stressed(40)}\n`, 'x.md').articles[0]!.paragraphs[0]).toBe(stressed(40).replaceAll('*', ''));
	}, 10_000);

	it('cuts a run of more lines than the block limit with a blank line, keeping every line, but never inside fenced code', () => {
		// A list item that runs on for 3,000 lines: marked's time grows with the square of them (22,000 took 2.6 s).
		const lines = Array.from({length: 3000}, (_, index) => `line${index}`);
		const {articles} = parseMarkdown(`# Title\n\n- item\n${lines.join('\n')}\n`, 'x.md');
		const text = articles[0]!.paragraphs.join('\n');
		expect(articles[0]!.paragraphs.length).toBeGreaterThan(3000 / maximumBlockLineCount);
		for (const line of ['line0', 'line499', 'line500', 'line2999']) {
			expect(text).toContain(line);
		}

		const code = parseMarkdown(`# Title\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`, 'x.md').articles[0]!.paragraphs;
		expect(code).toHaveLength(1);
		expect(code[0]!.split('\n')).toHaveLength(3000);
	}, 10_000);

	it('reads quotes nested deeper than the limit at the limit, keeping their text', () => {
		// 1,000 nested quotes over thousands of quoted lines took marked 1.9 s: its time grows with the square of the depth.
		const {articles} = parseMarkdown(`# Title\n\n${'> '.repeat(1000)}deep words\n${'> more\n'.repeat(2000)}`, 'x.md');
		const [first] = articles[0]!.paragraphs;
		expect(first).toContain('deep words');
		expect(first!.startsWith('> '.repeat(maximumQuoteDepth))).toBe(true);
		expect(first!.startsWith('> '.repeat(maximumQuoteDepth + 1))).toBe(false);
		expect(parseMarkdown('# Title\n\n> > > quoted thrice\n', 'x.md').articles[0]!.paragraphs).toEqual(['> > > quoted thrice']);
	}, 10_000);

	it('still reads the markup of a paragraph below the limit', () => {
		const {articles} = parseMarkdown('# Title\n\nSome *stressed* and **strong** words.\n', 'x.md');
		expect(articles[0]!.paragraphs).toEqual(['Some stressed and strong words.']);
	});

	it('flattens lists nested deeper than the indentation limit, keeping every item', () => {
		const items = Array.from({length: 3000}, (_, index) => `${'  '.repeat(index)}- item ${index + 1}`);
		const {articles} = parseMarkdown(`# Title\n\n${items.join('\n')}\n`, 'x.md');
		const text = articles[0]!.paragraphs.join('\n');
		expect(text).toContain('item 1');
		expect(text).toContain('item 3000');
		expect(maximumIndentation).toBeLessThan(3000);
	}, 10_000);
});
