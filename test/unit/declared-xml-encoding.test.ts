import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {declaredXmlEncoding} from '../../source/formats/decode.js';

/** The label part of declaredXmlEncoding as it was written before: the first 256 bytes as Latin-1, then the expression. */
function declaredLabelBefore(bytes: Uint8Array): string | undefined {
	const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
	return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/u.exec(head)?.[1];
}

function isKnownEncoding(label: string): boolean {
	try {
		new TextDecoder(label);
		return true;
	} catch {
		return false;
	}
}

const before = (bytes: Uint8Array) => {
	const label = declaredLabelBefore(bytes);
	return label && isKnownEncoding(label) ? label.toLowerCase() : undefined;
};

// Prologs after every kind of space (Latin-1's no-break space 0xA0 is one; 0x85 is not), near misses, and bytes.
const prologish = fc
	.array(
		fc.oneof(
			fc.constantFrom('<?xml', '<?XML', '<?xm', ' version="1.0"', ' encoding="KOI8-R"', ' encoding=\'utf-8\'', ' encoding = "latin1"', 'encoding="nonsense"', '?>', '>', '<rss>', 'x'),
			fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\u0085', '\u00FF', '\u0000'),
		),
		{maxLength: 8},
	)
	.map(parts => Uint8Array.from(parts.join(''), character => character.charCodeAt(0)));

describe('declaredXmlEncoding', () => {
	it('finds the encodings it found when it read a Buffer as Latin-1 and always ran the expression', () => {
		fc.assert(fc.property(fc.oneof(prologish, fc.uint8Array({maxLength: 300})), bytes => {
			expect(declaredXmlEncoding(bytes)).toBe(before(bytes));
		}), {numRuns: 5000});
	});

	it('reads the first 256 bytes only, of a view anywhere in its buffer', () => {
		const prolog = '\u00A0<?xml version="1.0" encoding="KOI8-R"?>';
		const bytes = Buffer.from(`<?xml encoding="utf-16"?>${prolog}`, 'latin1').subarray(25);
		expect(declaredXmlEncoding(bytes)).toBe('koi8-r');
		// The declaration's closing quote as the 256th byte, and as the 257th.
		expect(declaredXmlEncoding(Buffer.from(`${' '.repeat(233)}<?xml encoding="koi8-r"?>`, 'latin1'))).toBe('koi8-r');
		expect(declaredXmlEncoding(Buffer.from(`${' '.repeat(234)}<?xml encoding="koi8-r"?>`, 'latin1'))).toBeUndefined();
	});
});
