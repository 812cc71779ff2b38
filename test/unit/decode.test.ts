import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {decodeBytes} from '../../source/formats/decode.js';

const text = 'Café in Zürich — 習近平';
const decoded = (bytes: Uint8Array) => {
	const result = decodeBytes(bytes);
	if ('reason' in result) {
		throw new Error(`expected text, got ${result.reason}`);
	}

	return result;
};

describe('decoding bytes', () => {
	it('reads UTF-8 with and without a byte-order mark', () => {
		expect(decoded(Buffer.from(text)).text).toBe(text);
		expect(decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
	});

	it('reads UTF-16 with a byte-order mark, and recognises it without one', () => {
		const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		expect(decoded(littleEndian).text).toBe(text);
		const bigEndian = Buffer.from(Buffer.from('\uFEFF' + text, 'utf16le')).swap16();
		expect(decoded(bigEndian).text).toBe(text);
		expect(decoded(Buffer.from('<rss version="2.0"><channel></channel></rss>', 'utf16le')).encoding).toBe('utf-16le');
	});

	it('honours an XML prolog’s encoding', () => {
		const koi8 = Buffer.from([...Buffer.from('<?xml version="1.0" encoding="KOI8-R"?><title>'), 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, ...Buffer.from('</title>')]);
		const result = decoded(koi8);
		expect(result.encoding).toBe('koi8-r');
		expect(result.text).toContain('<title>Привет</title>');
	});

	it('trusts valid UTF-8 over a prolog that claims a single-byte encoding', () => {
		const lying = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><title>Zürich</title>');
		expect(decoded(lying).text).toContain('Zürich');
	});

	it('falls back to what the bytes reveal when they are not UTF-8', () => {
		const latin1 = Buffer.from('Les élèves ont déjà lu « Le Monde » à l\'école, où la météo était très mauvaise.', 'latin1');
		expect(decoded(latin1).text).toContain('élèves');
	});

	it('decompresses gzip by its magic bytes', () => {
		const result = decoded(gzipSync(Buffer.from(text)));
		expect(result.text).toBe(text);
		expect(result.wasCompressed).toBe(true);
	});

	it('rejects binary data and corrupt gzip', () => {
		expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({reason: 'binary'});
		expect(decodeBytes(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]))).toMatchObject({reason: 'bad-compression'});
	});

	it('replaces invalid UTF-8 in an otherwise UTF-8 file rather than failing', () => {
		const result = decodeBytes(Buffer.from([...Buffer.from('ok '), 0xc3, 0x28, ...Buffer.from(' ok')]));
		expect('text' in result).toBe(true);
	});

	it('keeps the good characters of mostly-UTF-8 text, a bad byte becoming U+FFFD', () => {
		// Windows-1252 used to be guessed for the whole file, turning every ï into Ã¯.
		const bytes = Buffer.concat([Buffer.from('Café and naïve '), Buffer.from([0xff]), Buffer.from(' text, cut mid-character '), Buffer.from('習').subarray(0, 2)]);
		expect(decoded(bytes)).toMatchObject({encoding: 'utf-8', text: 'Café and naïve \uFFFD text, cut mid-character \uFFFD'});
	});
});
