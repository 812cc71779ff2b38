import {describe, expect, it} from 'vitest';
import {groupedNumber} from '../../source/text/numbers.js';

describe('groupedNumber', () => {
	it('groups thousands with commas, as en-US does', () => {
		for (const value of [0, 7, 42, 999, 1000, 21_578, 100_000, 999_999, 1_234_567, 9_007_199_254_740_991, -1, -1234, -1_000_000]) {
			expect(groupedNumber(value)).toBe(value.toLocaleString('en-US'));
		}
	});

	it('leaves a number that is not a safe whole number as JavaScript writes it', () => {
		expect(groupedNumber(1.5)).toBe('1.5');
		expect(groupedNumber(Number.NaN)).toBe('NaN');
		expect(groupedNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
	});
});
