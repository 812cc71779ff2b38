import {describe, expect, it} from 'vitest';
import {layoutOf, tooSmallMessage} from '../../source/state/layout.js';
import {createState} from '../../source/state/initial-state.js';

const layoutAt = (columnCount: number, rowCount: number) => layoutOf(createState([], {viewport: {columnCount, rowCount}}));

describe('a terminal too small to draw in', () => {
	it('draws at 20x6 and 20x5, and not below', () => {
		expect(layoutAt(20, 6).isTooSmall).toBe(false);
		expect(layoutAt(20, 5).isTooSmall).toBe(false);
		expect(layoutAt(19, 5).isTooSmall).toBe(true);
		expect(layoutAt(20, 4).isTooSmall).toBe(true);
	});

	it.each([
		[80, 4, 'Need 20x5, have 80x4. q quits.'],
		[20, 4, 'Need 20x5, have 20x4'],
		[19, 5, 'Need 20x5'],
		[10, 3, 'Need 20x5'],
		[5, 2, '20x5'],
		[1, 1, ''],
	])('at %ix%i says the longest message that fits whole: %j', (columnCount, rowCount, message) => {
		expect(tooSmallMessage(columnCount, rowCount)).toBe(message);
		expect(tooSmallMessage(columnCount, rowCount).length).toBeLessThanOrEqual(columnCount);
	});
});
