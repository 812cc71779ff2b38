import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {articleLines, type ArticleLine} from '../../source/state/article-lines.js';
import {findMatches, firstMatchFrom, highlightsByLine, isCaseSensitive, stepMatch} from '../../source/state/article-search.js';

const article: Article = {
	id: 'harbour',
	headline: 'Harbour reopens',
	headlineSource: 'title',
	paragraphs: [
		'The harbour of the northern town reopened on Monday after a storm closed it for a week.',
		'Fishing boats returned to the harbour at dawn. The HARBOUR master said the storm was the worst in years.',
	],
	source: 'news.txt',
	url: 'https://example.com/harbour',
};

/** The text of each range of each match, as the pane would highlight it. */
const shown = (lines: readonly ArticleLine[], query: string) =>
	findMatches(lines, query).map(match => match.ranges.map(({lineIndex, start, end}) => lines[lineIndex]!.text.slice(start, end)));

describe('finding matches in an article', () => {
	const lines = articleLines(article, 30);

	it('ignores case unless the query holds a capital (smartcase)', () => {
		expect(isCaseSensitive('harbour')).toBe(false);
		expect(isCaseSensitive('Harbour')).toBe(true);
		expect(findMatches(lines, 'harbour')).toHaveLength(5);
		expect(shown(lines, 'HARBOUR')).toEqual([['HARBOUR']]);
		expect(shown(lines, 'Harbour')).toEqual([['Harbour']]);
	});

	it('finds every match on the wrapped lines, top to bottom, with its line and offsets', () => {
		const matches = findMatches(lines, 'storm');
		expect(matches).toHaveLength(2);
		for (const match of matches) {
			for (const {lineIndex, start, end} of match.ranges) {
				expect(lines[lineIndex]!.text.slice(start, end).toLowerCase()).toBe('storm');
			}
		}

		expect(matches[0]!.ranges[0]!.lineIndex).toBeLessThan(matches[1]!.ranges[0]!.lineIndex);
	});

	it('finds a phrase that a wrapped line break splits, with a range on each line', () => {
		// At 30 columns, "town reopened on Monday after" ends a line and "a storm closed it…" starts the next.
		const breakIndex = lines.findIndex(line => line.text.endsWith('Monday after'));
		expect(lines[breakIndex + 1]!.text.startsWith('a storm')).toBe(true);
		const [match] = findMatches(lines, 'after a storm');
		expect(match?.ranges).toEqual([
			{lineIndex: breakIndex, start: lines[breakIndex]!.text.length - 'after'.length, end: lines[breakIndex]!.text.length},
			{lineIndex: breakIndex + 1, start: 0, end: 'a storm'.length},
		]);
		expect(shown(lines, 'AFTER A')).toEqual([]);
	});

	it('never runs a match from one paragraph into the next, nor from the headline into the address', () => {
		expect(findMatches(lines, 'week. Fishing')).toEqual([]);
		expect(findMatches(lines, 'reopens https')).toEqual([]);
	});

	it('finds nothing, without failing, in a word broken across lines, for an empty query, or in no lines', () => {
		const long: Article = {...article, paragraphs: ['Supercalifragilisticexpialidocious'], url: undefined};
		const brokenLines = articleLines(long, 20);
		expect(brokenLines.map(line => line.text)).toContain('Supercalifragilistic');
		expect(findMatches(brokenLines, 'listicexpi')).toEqual([]);
		expect(shown(brokenLines, 'fragil')).toEqual([['fragil']]);
		expect(findMatches(lines, '')).toEqual([]);
		expect(findMatches([], 'storm')).toEqual([]);
	});

	it('keeps offsets right when lower-casing would lengthen a character', () => {
		const turkish: Article = {...article, headline: 'İzmir harbour', paragraphs: ['İİİ harbour']};
		const turkishLines = articleLines(turkish, 40);
		expect(shown(turkishLines, 'harbour')).toEqual([['harbour'], ['harbour'], ['harbour']]);
		expect(shown(turkishLines, 'İİİ h')).toEqual([['İİİ h']]);
	});

	it('searches the addresses too', () => {
		expect(shown(lines, 'example.com')).toEqual([['example.com']]);
	});
});

describe('moving between matches', () => {
	const lines = articleLines(article, 30);
	const matches = findMatches(lines, 'harbour');
	const lineOf = (index: number) => matches[index]!.ranges[0]!.lineIndex;
	const everything = {top: 0, rowCount: 100};

	it('goes to the next and previous match, wrapping around at the ends', () => {
		expect(stepMatch(matches, 0, 1, everything)).toEqual({index: 1, hasWrapped: false});
		expect(stepMatch(matches, 4, 1, everything)).toEqual({index: 0, hasWrapped: true});
		expect(stepMatch(matches, 0, -1, everything)).toEqual({index: 4, hasWrapped: true});
		expect(stepMatch(matches, 3, -1, everything)).toEqual({index: 2, hasWrapped: false});
		expect(stepMatch([], 0, 1, everything)).toBeUndefined();
	});

	it('searches from the screen once the current match has been scrolled away, as less does', () => {
		// Matches 3 and 4 share a line (`harbour at dawn. The HARBOUR`).
		expect(lineOf(3)).toBe(lineOf(4));
		const view = {top: lineOf(3), rowCount: 1};
		expect(stepMatch(matches, 0, 1, view)).toEqual({index: 3, hasWrapped: false});
		expect(stepMatch(matches, 0, -1, view)).toEqual({index: 4, hasWrapped: false});
		expect(stepMatch(matches, 1, -1, {top: lineOf(2) + 1, rowCount: 1})).toEqual({index: 2, hasWrapped: false});
		const belowAll = {top: lineOf(4) + 1, rowCount: 2};
		expect(stepMatch(matches, 0, 1, belowAll)).toEqual({index: 0, hasWrapped: true});
	});

	it('starts a new search at the first match on or below the top of the screen', () => {
		expect(firstMatchFrom(matches, 0)).toBe(0);
		expect(firstMatchFrom(matches, lineOf(2))).toBe(2);
		expect(firstMatchFrom(matches, lines.length)).toBe(0);
	});

	it('marks the current match among the highlights of each line', () => {
		const highlights = highlightsByLine(matches, 1);
		const current = [...highlights.values()].flat().filter(highlight => highlight.isCurrent);
		expect(current).toHaveLength(1);
		expect(highlights.get(lineOf(1))?.some(highlight => highlight.isCurrent)).toBe(true);
	});
});
