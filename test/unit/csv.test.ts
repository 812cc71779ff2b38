import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {looksLikeCsv, parseCsv, parseTsv} from '../../source/formats/csv.js';
import {controlCharacter, dataFixture, stringsOf} from '../helpers/articles.js';

describe('parseCsv', () => {
	it('reads AG News style `label,title,description`: title the headline, description the body, label a category', () => {
		const {articles, problems} = parseCsv(dataFixture('ag-style.csv'), 'ag-style.csv');
		expect(problems).toEqual([]);
		expect(articles.map(article => [article.headline, article.paragraphs, article.categories, article.source])).toEqual([
			['Keston Rovers sign a goalkeeper from the coast', ['Keston Rovers have signed the goalkeeper Adu Mensah, 24, on a two-year deal.'], ['2'], 'ag-style.csv'],
			['Tolland bank lifts savings rates', ['Tolland Savings Bank will pay more on fixed-term accounts from next month.'], ['3'], 'ag-style.csv'],
			['Ministers meet to discuss river levels', ['Ministers met in Aldbury to discuss the "unusually low" river levels.'], ['1'], 'ag-style.csv'],
		]);
	});

	it('reads quoted fields holding commas, line breaks and doubled quotes, after a BOM, with CRLF lines', () => {
		const {articles, problems} = parseCsv(dataFixture('quoted.csv'), 'quoted.csv');
		expect(problems).toEqual([]);
		expect(articles).toHaveLength(2);
		expect(articles[0]).toMatchObject({
			id: 'q-1',
			headline: 'Market stalls return, with music',
			paragraphs: ['Stalls returned to the square on Saturday.', 'A brass band played "Spring Song", and the mayor cut a ribbon.'],
			author: 'Ada Brennan',
			publishedAt: Date.UTC(2024, 4, 1, 8),
			url: 'https://town.example.org/market',
			categories: ['markets', 'music'],
		});
		expect(articles[1]).toMatchObject({id: 'q-2', headline: 'Roadworks, again', categories: ['roads']});
	});

	it('reports ragged rows by line and still reads them; skips empty rows', () => {
		const {articles, problems} = parseCsv(dataFixture('ragged.csv'), 'ragged.csv');
		expect(articles.map(article => [article.headline, article.author])).toEqual([
			['Full row', 'Kim'],
			['Short row', undefined],
			['Long row', 'Lee'],
			['Last row', 'Noor'],
		]);
		expect(problems).toEqual([
			'line 3: 2 fields where the header has 3; read as far as they go',
			'line 4: 4 fields where the header has 3; read as far as they go',
		]);
	});

	it('counts lines, not rows, where quoted fields hold line breaks', () => {
		const text = 'title,body\n"One","First\nsecond\nthird line"\nTwo,Body,extra\n';
		expect(parseCsv(text, 'x.csv').problems).toEqual(['line 5: 3 fields where the header has 2; read as far as they go']);
	});

	it('reports an unterminated quote by line', () => {
		const {articles, problems} = parseCsv('title,body\nFine,Row one.\nBad,"never closed\nLost,Row.\n', 'x.csv');
		expect(articles[0]?.headline).toBe('Fine');
		expect(problems).toContainEqual(expect.stringMatching(/^line 3: Quoted field unterminated/u));
	});

	it('reads semicolon-separated CSV, with --fields naming its columns', () => {
		const text = dataFixture('semicolon.csv');
		expect(parseCsv(text, 'nl.csv').problems).toEqual([
			'no column holds a headline or text (columns: titel, tekst, datum); name them with --fields headline=COLUMN,body=COLUMN',
		]);
		const {articles, problems} = parseCsv(text, 'nl.csv', {fieldMap: {headline: 'titel', body: 'tekst', date: 'datum'}});
		expect(problems).toEqual([]);
		expect(articles.map(article => [article.headline, article.paragraphs[0], article.publishedAt])).toEqual([
			['Nieuwe brug geopend', 'De brug over de Vaart is open, na twee jaar bouwen.', Date.UTC(2024, 3, 2)],
			['Markt verhuist', 'De zaterdagmarkt staat voortaan op het Plein.', Date.UTC(2024, 3, 3)],
		]);
	});

	it('reports a --fields column the header lacks', () => {
		const {problems} = parseCsv(dataFixture('ag-style.csv'), 'ag.csv', {fieldMap: {author: 'writer'}});
		expect(problems).toEqual(['--fields author=writer: no such field (fields: label, title, description)']);
	});

	it('reports a file whose columns hold no text, once', () => {
		expect(parseCsv(dataFixture('no-text-columns.csv'), 'x.csv')).toEqual({
			articles: [],
			problems: ['no column holds a headline or text (columns: alpha, beta, gamma); name them with --fields headline=COLUMN,body=COLUMN'],
		});
	});

	it('skips a row whose text cells are empty, with a problem', () => {
		const {articles, problems} = parseCsv('title,body,author\nKept,Text.,A\n,,B\n', 'x.csv');
		expect(articles).toHaveLength(1);
		expect(problems).toEqual(['line 3: no headline or text, skipped']);
	});

	it('gives nothing for empty input or a header alone', () => {
		expect(parseCsv('', 'x.csv')).toEqual({articles: [], problems: []});
		expect(parseCsv('title,body\n', 'x.csv')).toEqual({articles: [], problems: []});
	});

	it('never puts control characters in the model', () => {
		const {articles} = parseCsv('title,body\n"Bad\u001B]0;owned\u0007 title",Body\u0000 text.\n', 'x.csv');
		expect(articles[0]?.headline).toBe('Bad title');
		expect(articles[0]?.paragraphs).toEqual(['Body text.']);
	});
});

describe('parseTsv', () => {
	it('reads tab-separated values: summary the deck beside a body', () => {
		const {articles, problems} = parseTsv(dataFixture('stories.tsv'), 'stories.tsv');
		expect(problems).toEqual([]);
		expect(articles[0]).toMatchObject({
			headline: 'Tram line reaches the hospital',
			deck: 'The new tram stop opens on Monday.',
			paragraphs: ['Trams will run every ten minutes between the station and the hospital.'],
			publishedAt: Date.UTC(2024, 5, 3),
		});
		expect(articles).toHaveLength(2);
	});

	it('is what parseCsv reads when the header holds tabs', () => {
		expect(parseCsv(dataFixture('stories.tsv'), 'stories.csv').articles).toHaveLength(2);
	});
});

describe('looksLikeCsv', () => {
	it.each<[string, string, 'csv' | 'tsv' | undefined]>([
		['AG News style', dataFixture('ag-style.csv'), 'csv'],
		['quoted, with BOM and CRLF', dataFixture('quoted.csv'), 'csv'],
		['TSV', dataFixture('stories.tsv'), 'tsv'],
		['semicolons', dataFixture('semicolon.csv'), 'csv'],
		['ragged but mostly regular', dataFixture('ragged.csv'), 'csv'],
		['JSON Lines', dataFixture('wire.jsonl'), undefined],
		['Markdown', dataFixture('digest.md'), undefined],
		['prose with commas', 'Japan and the US agreed, in talks yesterday, to step up work.\nThe talks, held in Tokyo, ended early.\nOfficials said little, if anything, about costs, trade or tariffs, or aid.\n', undefined],
		['one line', 'title,body', undefined],
		['a quoted header name across lines', '"head\nline";body;date\n"Ferry runs less often";"From Monday.";2026-12-05\n"Lighthouse reopens";"After repairs.";2026-12-04\n', 'csv'],
		['tab-separated after a first line with commas', 'title\tbody, in short\tdate\nFerry, harbour\tLess often\t2026-12-05\nLighthouse\tReopens\t2026-12-04\n', 'tsv'],
	])('%s → %s', (_name, text, expected) => {
		expect(looksLikeCsv(text)).toBe(expected);
	});
});

describe('the CSV parsers on arbitrary input', () => {
	const cell = fc.oneof(fc.string({maxLength: 20}), fc.constantFrom('"', '""', ',', '\t', '\n', '\r\n', '"a,b"', '"x\ny"'));
	const csv = fc.array(fc.array(cell, {maxLength: 5}), {maxLength: 12}).map(rows => ['title,body,date', ...rows.map(row => row.join(','))].join('\n'));

	it('never throw, and keep control characters out of the model', () => {
		fc.assert(
			fc.property(fc.oneof(csv, fc.string({maxLength: 300}), fc.string({unit: 'binary', maxLength: 200})), input => {
				for (const parse of [parseCsv, parseTsv]) {
					const {articles, problems} = parse(input, 'fuzz');
					expect(problems.length).toBeLessThanOrEqual(22);
					for (const article of articles) {
						expect(stringsOf(article).some(text => controlCharacter.test(text))).toBe(false);
					}
				}

				looksLikeCsv(input);
			}),
		);
	});
});
