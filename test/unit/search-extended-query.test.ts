import {describe, expect, it} from 'vitest';
import {parseExtendedQuery} from '../../source/search/extended-query.js';

describe('reading a query as fuse.js extended search does', () => {
	it.each([
		['mujica', [[{kind: 'fuzzy', pattern: 'mujica'}]]],
		['MuJiCa', [[{kind: 'fuzzy', pattern: 'mujica'}]]],
		["'tirana", [[{kind: 'include', pattern: 'tirana'}]]],
		['!albania', [[{kind: 'inverse-include', pattern: 'albania'}]]],
		['^myanmar', [[{kind: 'prefix', pattern: 'myanmar'}]]],
		['!^the', [[{kind: 'inverse-prefix', pattern: 'the'}]]],
		['said$', [[{kind: 'suffix', pattern: 'said'}]]],
		['!said$', [[{kind: 'inverse-suffix', pattern: 'said'}]]],
		['=cancer:', [[{kind: 'exact', pattern: 'cancer:'}]]],
		// Space is AND, bar is OR.
		[
			'oil  prices',
			[
				[
					{kind: 'fuzzy', pattern: 'oil'},
					{kind: 'fuzzy', pattern: 'prices'},
				],
			],
		],
		['oil | gold', [[{kind: 'fuzzy', pattern: 'oil'}], [{kind: 'fuzzy', pattern: 'gold'}]]],
		['a\\|b', [[{kind: 'fuzzy', pattern: 'a|b'}]]],
		// Quotes keep spaces inside one term.
		['"new york"', [[{kind: 'fuzzy', pattern: 'new york'}]]],
		["'\"new york\"", [[{kind: 'include', pattern: 'new york'}]]],
		['^"new york" trade', [[{kind: 'prefix', pattern: 'new york'}, {kind: 'fuzzy', pattern: 'trade'}]]],
		// A lone operator is a fuzzy term for itself, as in fuse.js.
		["'", [[{kind: 'fuzzy', pattern: "'"}]]],
		['!', [[{kind: 'fuzzy', pattern: '!'}]]],
		['$', [[{kind: 'fuzzy', pattern: '$'}]]],
		// Groups without terms match nothing and are left out.
		['| oil |', [[{kind: 'fuzzy', pattern: 'oil'}]]],
		['   ', []],
	])('%j', (query, expected) => {
		expect(parseExtendedQuery(query)).toEqual(expected);
	});
});
