import {describe, expect, it} from 'vitest';
import {filterSummary, typedLineLayout} from '../../source/state/typed-lines.js';
import {displayWidth} from '../../source/text/text-width.js';

describe('a line being typed on', () => {
	it('shows what is typed, its caret right after it, and fills the line to the summary', () => {
		const line = typedLineLayout({prefix: '/', draft: 'korea', summary: ' 1 match of 5 ', columnCount: 40, hasCaret: true, ellipsis: '…'});
		expect(line.shownDraft).toBe('korea');
		expect(line.caretColumn).toBe(6);
		expect(1 + 5 + 1 + line.gap.length + ' 1 match of 5 '.length).toBe(40);
	});

	it('shows the end of a draft too long for it, behind an ellipsis, the caret at the end of what shows', () => {
		const draft = 'a very long query that goes on and on past the edge of the line';
		const line = typedLineLayout({prefix: 'pipe to: ', draft, summary: '', columnCount: 30, hasCaret: true, ellipsis: '…'});
		expect(line.shownDraft.startsWith('…')).toBe(true);
		expect(draft.endsWith(line.shownDraft.slice(1))).toBe(true);
		expect(line.caretColumn).toBe(9 + displayWidth(line.shownDraft));
		expect(line.caretColumn).toBeLessThanOrEqual(29);
	});

	it('counts wide characters by the cells they take', () => {
		const line = typedLineLayout({prefix: '/', draft: '東京', summary: '', columnCount: 40, hasCaret: true, ellipsis: '…'});
		expect(line.caretColumn).toBe(5);
	});
});

describe('the filter line\'s summary', () => {
	it('counts matches, says how a slow search is doing, or why the query cannot be read', () => {
		const facts = {query: 'tram', matchCount: 1234, articleCount: 21_578};
		expect(filterSummary(facts, 100, {ellipsis: '…'})).toBe(' 1,234 matches of 21,578 ');
		expect(filterSummary({...facts, matchCount: 0}, 100, {ellipsis: '…'})).toBe(' no matches of 21,578 ');
		expect(filterSummary({...facts, slowSearch: {indexedShare: 0.42}}, 100, {ellipsis: '…'})).toBe(' indexing 42%… ');
		expect(filterSummary({...facts, error: 'is:foo: use is:unread or is:starred'}, 30, {ellipsis: '…'})).toBe(' is:foo: use is:unr…');
	});

	it('says how many articles were searched while only some were: the first frame\'s, while a big input loads', () => {
		const facts = {query: 'harbour', matchCount: 443, articleCount: 42_468};
		expect(filterSummary({...facts, searchedCount: 505}, 100, {ellipsis: '…'})).toBe(' 443 matches in the first 505 ');
		expect(filterSummary({...facts, searchedCount: 42_468}, 100, {ellipsis: '…'})).toBe(' 443 matches of 42,468 ');
	});
});
