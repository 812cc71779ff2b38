import {describe, expect, it} from 'vitest';
import {
	type ArticleMark,
	articleKey,
	foldedMarks,
	isMarked,
	markLimits,
	mergeMarks,
	noReadMarks,
	parseStateFile,
	prunedMarks,
	stateFileText,
	withFlag,
} from '../../source/read-state/marks.js';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 28);
const on = (changedAt: number) => ({isOn: true, changedAt});
const off = (changedAt: number) => ({isOn: false, changedAt});

describe('the key an article is saved under', () => {
	it('is the GUID or address itself when it names a scheme, the same in every source', () => {
		expect(articleKey({id: 'https://example.com/a', source: 'Feed'})).toBe('https://example.com/a');
		expect(articleKey({id: 'urn:uuid:1225c695', source: 'Feed'})).toBe('urn:uuid:1225c695');
	});

	it('is the source and the id for ids that only mean something within their source', () => {
		expect(articleKey({id: '17', source: 'news.json'})).toBe('news.json/17');
		expect(articleKey({id: '1x2y3z', source: 'news.txt'})).toBe('news.txt/1x2y3z');
	});
});

describe('changing marks', () => {
	it('sets a flag for the given keys, and leaves the rest', () => {
		const marks = withFlag(noReadMarks, ['a', 'b'], 'read', true, now);
		expect(isMarked(marks, 'a', 'read')).toBe(true);
		expect(isMarked(marks, 'b', 'read')).toBe(true);
		expect(isMarked(marks, 'c', 'read')).toBe(false);
		expect(isMarked(marks, 'a', 'starred')).toBe(false);
		expect(marks.changed.get('a')).toEqual({read: on(now)});
	});

	it('returns the same marks when nothing changes', () => {
		const marks = withFlag(noReadMarks, ['a'], 'read', true, now);
		expect(withFlag(marks, ['a'], 'read', true, now + 1)).toBe(marks);
		expect(withFlag(noReadMarks, ['a'], 'read', false, now)).toBe(noReadMarks);
	});

	it('lets the session change win over the saved mark, and keeps the other flag', () => {
		const marks = {saved: new Map([['a', {read: on(now - day), starred: on(now - day)}]]), changed: new Map()};
		const unread = withFlag(marks, ['a'], 'read', false, now);
		expect(isMarked(unread, 'a', 'read')).toBe(false);
		expect(isMarked(unread, 'a', 'starred')).toBe(true);
		expect(unread.saved).toBe(marks.saved);
	});
});

describe('folding saved changes', () => {
	it('moves the changes into the saved marks, the change winning flag by flag', () => {
		const marks = {
			saved: new Map<string, ArticleMark>([['a', {read: on(1), starred: on(1)}]]),
			changed: new Map<string, ArticleMark>([
				['a', {read: off(5)}],
				['b', {starred: on(6)}],
			]),
		};
		const folded = foldedMarks(marks);
		expect(folded.changed.size).toBe(0);
		expect(folded.saved).toEqual(
			new Map([
				['a', {read: off(5), starred: on(1)}],
				['b', {starred: on(6)}],
			]),
		);
		for (const key of ['a', 'b', 'c']) {
			for (const name of ['read', 'starred'] as const) {
				expect(isMarked(folded, key, name)).toBe(isMarked(marks, key, name));
			}
		}

		expect(foldedMarks(folded)).toBe(folded);
	});
});

describe('merging', () => {
	const left = new Map<string, ArticleMark>([
		['a', {read: on(10)}],
		['b', {read: on(10), starred: on(20)}],
	]);
	const right = new Map<string, ArticleMark>([
		['a', {read: off(30)}],
		['b', {starred: off(15)}],
		['c', {starred: on(5)}],
	]);

	it('keeps the latest change of each flag of each article', () => {
		expect(mergeMarks(left, right)).toEqual(
			new Map([
				['a', {read: off(30)}],
				['b', {read: on(10), starred: on(20)}],
				['c', {starred: on(5)}],
			]),
		);
	});

	it('gives the same result in any order, and again when repeated', () => {
		expect(mergeMarks(right, left)).toEqual(mergeMarks(left, right));
		expect(mergeMarks(left, right, left, right)).toEqual(mergeMarks(left, right));
		const tie = mergeMarks(new Map([['a', {read: off(7)}]]), new Map([['a', {read: on(7)}]]));
		expect(tie).toEqual(mergeMarks(new Map([['a', {read: on(7)}]]), new Map([['a', {read: off(7)}]])));
	});
});

describe('keeping the file bounded', () => {
	it('forgets undone marks after the limit, and keeps marks that are on however old', () => {
		const old = now - (markLimits.undoneMarkDays + 1) * day;
		const map = new Map<string, ArticleMark>([
			['old-unread', {read: off(old)}],
			['new-unread', {read: off(now - day)}],
			['old-read', {read: on(old)}],
			['mixed', {read: on(old), starred: off(old)}],
		]);
		expect(prunedMarks(map, now)).toEqual(
			new Map([
				['new-unread', {read: off(now - day)}],
				['old-read', {read: on(old)}],
				['mixed', {read: on(old)}],
			]),
		);
	});

	it('keeps at most the article limit: starred first, then the marks changed last', () => {
		const count = markLimits.maximumArticleCount + 10;
		const map = new Map<string, ArticleMark>(Array.from({length: count}, (_, index) => [`read-${index}`, {read: on(now - count + index)}]));
		map.set('starred-long-ago', {starred: on(1)});
		const pruned = prunedMarks(map, now);
		expect(pruned.size).toBe(markLimits.maximumArticleCount);
		expect(pruned.has('starred-long-ago')).toBe(true);
		expect(pruned.has('read-0')).toBe(false);
		expect(pruned.has(`read-${count - 1}`)).toBe(true);
	});
});

describe('the file', () => {
	it('round-trips marks, one article a line', () => {
		const map = new Map<string, ArticleMark>([
			['https://example.com/"quoted"', {read: on(1), starred: off(2)}],
			['news.txt/abc', {read: off(3), starred: on(4)}],
		]);
		const text = stateFileText(map);
		expect(text.split('\n')).toHaveLength(5);
		expect(text).toContain('"news.txt/abc":{"unread":3,"starred":4}');
		expect(parseStateFile(text)).toEqual({kind: 'marks', marks: map});
	});

	it('says what is wrong with a file that is not one', () => {
		expect(parseStateFile('{"version":1,')).toMatchObject({kind: 'corrupt'});
		expect(parseStateFile('null')).toEqual({kind: 'corrupt', reason: 'not a Broadsheet read-state file'});
		expect(parseStateFile('{"version":1,"articles":[]}')).toMatchObject({kind: 'corrupt'});
		expect(parseStateFile('{"version":2,"articles":{}}')).toEqual({kind: 'newer', version: 2});
	});

	it('skips entries that make no sense and keeps the rest', () => {
		const parsed = parseStateFile('{"version":1,"articles":{"a":{"read":5},"b":7,"c":{"read":"yes"},"d":{"unread":2,"read":1}}}');
		expect(parsed).toEqual({
			kind: 'marks',
			marks: new Map([
				['a', {read: on(5)}],
				['d', {read: off(2)}],
			]),
		});
	});
});
