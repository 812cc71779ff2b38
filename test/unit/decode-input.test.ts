import {describe, expect, it} from 'vitest';
import {decodeInput} from '../../source/load/decode-input.js';
import {utf8Text} from '../../source/load/utf8-text.js';

describe('decoding an input that is all ASCII (read as Latin-1, the quick way)', () => {
	it('gives the text as it is', () => {
		const text = 'Harbour wall\n\nWork starts today.\r\n---\n~ Tilde & {braces} \u007F\n';
		expect(decodeInput(Buffer.from(text, 'latin1'), 'news.txt')).toEqual({text, byteCount: text.length});
	});

	it('still tells binary bytes and UTF-16 without a byte-order mark, which hold NUL bytes', () => {
		expect(() => decodeInput(Buffer.from('ab\u0000cd\u0001\u0002\u0003', 'latin1'), 'blob.bin')).toThrow('not a text file');
		expect(decodeInput(Buffer.from('Harbour wall\n\nWork starts.\n', 'utf16le'), 'wide.txt').text).toBe('Harbour wall\n\nWork starts.\n');
	});

	it('reads an XML prolog\'s encoding, which may give ASCII bytes other characters', () => {
		const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-2022-JP"?><title>\u001B$BF|K\\\u001B(B</title>', 'latin1');
		expect(decodeInput(bytes, 'feed.xml').text).toContain('<title>日本</title>');
	});

	it('reads a stretch of UTF-8 bytes the same, ASCII or not', () => {
		const bytes = Buffer.from('plain ASCII, then café and 日本', 'utf8');
		expect(utf8Text(bytes, 0, 11)).toBe('plain ASCII');
		expect(utf8Text(bytes, 0, bytes.length)).toBe('plain ASCII, then café and 日本');
	});
});
