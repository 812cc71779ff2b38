import {describe, expect, it} from 'vitest';
import {patternOnFirstUse} from '../../source/text/pattern-on-first-use.js';
import {letterPattern, letterPatternFor} from '../../source/formats/ascii-letters.js';

describe('an expression made on first use', () => {
	it('is made when first asked for, once, and is then the same object', () => {
		let madeCount = 0;
		const pattern = patternOnFirstUse(() => {
			madeCount++;
			return /\p{Lu}/gu;
		});
		expect(madeCount).toBe(0);
		const first = pattern();
		expect(pattern()).toBe(first);
		expect(madeCount).toBe(1);
	});

	it('keeps a global expression\'s place between calls, as a module constant does', () => {
		const pattern = patternOnFirstUse(() => /\p{Lu}/gu);
		expect(pattern().exec('aBcD')?.index).toBe(1);
		expect(pattern().exec('aBcD')?.index).toBe(3);
	});

	it('leaves a letter pattern\'s Unicode form unmade while the text is ASCII', () => {
		let madeCount = 0;
		const capital = letterPattern({
			ascii: /^[A-Z]/u,
			unicode() {
				madeCount++;
				return /^\p{Lu}/u;
			},
		});
		expect(letterPatternFor(capital, 'Minister').test('Minister')).toBe(true);
		expect(madeCount).toBe(0);
		expect(letterPatternFor(capital, 'Élysée').test('Élysée')).toBe(true);
		expect(letterPatternFor(capital, 'Ωmega').source).toBe('^\\p{Lu}');
		expect(madeCount).toBe(1);
	});
});
