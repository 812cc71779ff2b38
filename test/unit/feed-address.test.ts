import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {isFeedAddress} from '../../source/formats/subscriptions.js';

// The one expression isFeedAddress replaced.
const feedAddress = /^https?:\/\/\S+$/iu;

// Schemes in every case, near misses, and the characters whose case variants are letters of the scheme (ſ is an s).
const starts = ['http://', 'https://', 'HTTPS://', 'hTtP://', 'httpſ://', 'httpſſ://', 'http:/', 'https:', 'htp://', 'ftp://', ' http://', ''];
const characters = ['a', 'Z', '/', ':', '.', '%', 'ſ', 'K', 'é', '習', '😀', ' ', '\t', '\n', '\u00A0', '\u2028', '\u3000', '\uFEFF', '\u180E', '\u200B', '\uD800'];

describe('isFeedAddress', () => {
	it('agrees with the single expression on every character after each start', () => {
		for (const start of starts) {
			for (let codePoint = 0; codePoint <= 0x10_FFFF; codePoint += codePoint < 0x3100 ? 1 : 0x61) {
				const text = `${start}${String.fromCodePoint(codePoint)}`;
				if (isFeedAddress(text) !== feedAddress.test(text)) {
					expect([text, isFeedAddress(text)]).toEqual([text, feedAddress.test(text)]);
				}
			}
		}
	});

	it('agrees with the single expression on generated addresses', () => {
		const text = fc
			.tuple(fc.constantFrom(...starts), fc.array(fc.oneof(fc.constantFrom(...characters), fc.string({maxLength: 3})), {maxLength: 8}))
			.map(([start, rest]) => start + rest.join(''));
		fc.assert(fc.property(text, text => {
			expect(isFeedAddress(text)).toBe(feedAddress.test(text));
		}), {numRuns: 3000});
	});

	it('takes schemes in any case, and nothing with a space', () => {
		expect(isFeedAddress('HTTPS://example.org/feed.xml')).toBe(true);
		expect(isFeedAddress('httpſ://example.org/')).toBe(true);
		expect(isFeedAddress('http://')).toBe(false);
		expect(isFeedAddress('http://example.org/a feed')).toBe(false);
		expect(isFeedAddress('http://example.org/\u00A0')).toBe(false);
	});
});
