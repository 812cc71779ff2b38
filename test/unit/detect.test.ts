import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {detectFormat, formatFromFileName} from '../../source/formats/detect.js';
import {parseText} from '../../source/formats/parsers.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

describe('detecting the format from the content', () => {
	it.each([
		['feeds/rss2.xml', 'rss'],
		['feeds/rss1-rdf.xml', 'rss'],
		['feeds/atom.xml', 'atom'],
		['feeds/json-feed-1.1.json', 'json-feed'],
		['data/articles-array.json', 'json'],
		['data/wire.jsonl', 'ndjson'],
		['data/ag-style.csv', 'csv'],
		['data/stories.tsv', 'tsv'],
		['data/sections.md', 'markdown'],
	])('reads %s as %s', (path, format) => {
		expect(detectFormat(fixture(path))).toBe(format);
	});

	it('reads the seed as plain text', () => {
		expect(detectFormat(readFileSync(new URL('../../samples/taipei-times.txt', import.meta.url), 'utf8'))).toBe('text');
	});

	it('decides by content, not by a misleading extension', () => {
		expect(detectFormat(fixture('feeds/rss2.xml'), 'news.txt.json')).toBe('rss');
		expect(detectFormat(fixture('data/wire.jsonl'), 'export.csv')).toBe('ndjson');
	});

	it('reads an RSS or Atom file by its content whatever its name ends in', () => {
		for (const fileName of ['feed.txt', 'feed.md', 'feed', 'feed.txt.gz']) {
			expect(detectFormat(fixture('feeds/rss2.xml'), fileName), fileName).toBe('rss');
			expect(detectFormat(fixture('feeds/rss1-rdf.xml'), fileName), fileName).toBe('rss');
			expect(detectFormat(fixture('feeds/atom.xml'), fileName), fileName).toBe('atom');
			expect(detectFormat('<?xml version="1.0"?>\n<!-- no feed root yet -->\n<document/>', fileName), fileName).toBe('rss');
		}

		const result = parseText(fixture('feeds/rss2.xml'), 'feed.txt', {fileName: 'feed.txt'});
		expect(result.articles.length).toBeGreaterThan(1);
	});

	it('lets the extension break ties', () => {
		expect(detectFormat('Just a line of prose.\nAnother one.', 'notes.md')).toBe('markdown');
		expect(detectFormat('<b>bold</b> claims in a text file', 'notes.txt')).toBe('text');
		expect(formatFromFileName('wire.jsonl.gz')).toBe('ndjson');
		expect(formatFromFileName('README')).toBeUndefined();
	});

	it('gives an HTML page to the feed parser, which finds no feed, then reads it as an article page', () => {
		const result = parseText(fixture('feeds/not-a-feed.html'), 'page.html');
		expect(result.format).toBe('html');
		expect(result.articles).toEqual([]);
		expect(result.problems[0]).toMatch(/no article on this page/u);
	});

	it('opens every fixture with articles or a clear problem, never an exception', () => {
		for (const directory of ['feeds', 'data']) {
			for (const name of readdirSync(new URL(`../fixtures/${directory}/`, import.meta.url))) {
				const result = parseText(fixture(`${directory}/${name}`), name, {fileName: name});
				expect(result.articles.length > 0 || result.problems.length > 0, name).toBe(true);
			}
		}
	});
});
