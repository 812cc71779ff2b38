import {createRequire} from 'node:module';
import {dirname} from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {graphemesOf} from '../../source/text/graphemes.js';
import {createStringWidth, type StringWidth} from '../../source/text/string-width.js';

// The string-width the bundle falls back on: Ink's own copy, as scripts/build.js picks it.
const require = createRequire(import.meta.url);
const inkStringWidthPath = require.resolve('string-width', {paths: [dirname(require.resolve('ink'))]});
const stringWidth = ((await import(pathToFileURL(inkStringWidthPath).href)) as {default: StringWidth}).default;

describe('the fast string-width the bundle uses', () => {
	const fastWidth = createStringWidth(() => stringWidth);

	it('agrees with string-width on every code point it counts itself', () => {
		const disagreements: string[] = [];
		for (let codePoint = 0; codePoint <= 0xFFFF; codePoint++) {
			const text = `a${String.fromCharCode(codePoint)}b`;
			if (fastWidth(text) !== stringWidth(text)) {
				disagreements.push(codePoint.toString(16));
			}
		}

		expect(disagreements).toEqual([]);
	});

	it('agrees with string-width on styled, wide, combined and emoji text', () => {
		const samples = [
			'',
			'plain ASCII headline',
			'\u001B[1mbold\u001B[22m and \u001B[7minverse\u001B[27m',
			'Café “quoted” – dash … │ box ─ line',
			'Ελληνικά и кириллица',
			'台北時報 Taipei Times',
			'e\u0301 combining acute',
			'soft\u00ADhyphen',
			'zero\u200Bwidth',
			'emoji 👍🏽 and 👨‍👩‍👧 family',
			'keycap 1\u20E3 and ‼ and ↔',
			'한국어 and ﾊﾝｶｸ',
			'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007',
		];
		for (const text of samples) {
			expect(fastWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
			expect(fastWidth(text, {ambiguousIsNarrow: false}), JSON.stringify(text)).toBe(stringWidth(text, {ambiguousIsNarrow: false}));
		}
	});

	it('loads the full rules only for text that needs them', () => {
		const width = createStringWidth(() => {
			throw new Error('loaded the full rules');
		});
		expect(width('News “of the day” — Café │ ─ …')).toBe(30);
		expect(width('\u001B[7mselected\u001B[27m')).toBe(8);
	});
});

describe('graphemesOf', () => {
	const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	const segmentsBySegmenter = (text: string) => [...segmenter.segment(text)].map(({segment, index}) => ({segment, index}));

	it('splits text as Intl.Segmenter does, for every code unit between plain neighbours', () => {
		const disagreements: string[] = [];
		for (let code = 0; code <= 0xFFFF; code++) {
			const text = `a${String.fromCharCode(code)}b\u001B[7m`;
			if (JSON.stringify([...graphemesOf(text)].map(({segment, index}) => ({segment, index}))) !== JSON.stringify(segmentsBySegmenter(text))) {
				disagreements.push(code.toString(16));
			}
		}

		expect(disagreements).toEqual([]);
	});

	it('splits line ends, combining marks, emoji and CJK text as Intl.Segmenter does', () => {
		for (const text of ['line\r\nend', 'cafe\u0301', '👨‍👩‍👧 family', '習近平 met', 'ｶﾞ and ガ', 'plain “text” │ ─']) {
			expect([...graphemesOf(text)].map(({segment, index}) => ({segment, index})), JSON.stringify(text)).toEqual(segmentsBySegmenter(text));
		}
	});
});
