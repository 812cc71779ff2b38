import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {looksBinary} from '../../source/formats/decode.js';

/** looksBinary as it was written before it searched natively: a loop over each byte of the first 64 KiB. */
function looksBinaryByLoop(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 64 * 1024);
	let controlCount = 0;
	for (const byte of sample) {
		if (byte === 0) {
			return true;
		}

		if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) {
			controlCount++;
		}
	}

	return controlCount > sample.length / 100;
}

// Text with a few control bytes or NULs among its letters, sometimes about as many as make it binary (one in a hundred).
const textBytes = (maxLength: number) => fc
	.tuple(
		fc.integer({min: 0, max: maxLength}),
		fc.array(fc.tuple(fc.nat(), fc.integer({min: 0, max: 0x20})), {maxLength: 40}),
		fc.integer({min: 0, max: 3}),
	)
	.map(([length, marks, spread]) => {
		const bytes = new Uint8Array(length).fill(0x61);
		for (const [position, value] of marks) {
			if (length > 0) {
				// Spread over the whole text, or crowded at its end (past 64 KiB, where nothing counts).
				bytes[spread === 0 ? length - 1 - (position % Math.min(length, 50)) : position % length] = value;
			}
		}

		return bytes;
	});

describe('looksBinary', () => {
	it('tells binary from text as the loop over each byte did', () => {
		fc.assert(fc.property(textBytes(3000), bytes => {
			expect(looksBinary(bytes)).toBe(looksBinaryByLoop(bytes));
		}), {numRuns: 3000});
	});

	it('looks at the first 64 KiB only, of a view anywhere in its buffer', () => {
		fc.assert(fc.property(textBytes(70_000), fc.nat(64), fc.constantFrom(0x00, 0x01, 0x1f, 0x0a), (bytes, offset, before) => {
			// A Buffer over a larger allocation, with other bytes before it.
			const whole = Buffer.alloc(offset + bytes.length, before);
			whole.set(bytes, offset);
			const view = whole.subarray(offset);
			expect(looksBinary(view)).toBe(looksBinaryByLoop(view));
		}), {numRuns: 300});
		const withNulAt = (position: number) => new Uint8Array(70_000).fill(0x61).fill(0, position, position + 1);
		expect(looksBinary(withNulAt(64 * 1024 - 1))).toBe(true);
		expect(looksBinary(withNulAt(64 * 1024))).toBe(false);
	});

	it('counts control bytes up to the limit', () => {
		const text = (controlCount: number, value: number) => {
			const bytes = new Uint8Array(1000).fill(0x61);
			bytes.fill(value, 0, controlCount);
			return bytes;
		};

		expect(looksBinary(text(10, 0x01))).toBe(false);
		expect(looksBinary(text(11, 0x01))).toBe(true);
		expect(looksBinary(text(11, 0x1f))).toBe(true);
		expect(looksBinary(text(1000, 0x09))).toBe(false);
		expect(looksBinary(text(1000, 0x1b))).toBe(false);
		expect(looksBinary(text(1, 0x00))).toBe(true);
		expect(looksBinary(new Uint8Array())).toBe(false);
	});
});
