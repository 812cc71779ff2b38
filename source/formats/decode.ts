import {isUtf8} from 'node:buffer';
import {gunzipSync} from 'node:zlib';
import chardet from 'chardet';

/** Why bytes could not be read as text. */
export type DecodeFailure =
	| {readonly reason: 'binary'}
	| {readonly reason: 'bad-compression'; readonly detail: string}
	| {readonly reason: 'too-large'; readonly byteCount: number};

/** Decoded text, and how it was found. */
export type DecodedText = {
	readonly text: string;
	/** The character encoding used, as a WHATWG label (`utf-8`, `windows-1252`, `koi8-r`, …). */
	readonly encoding: string;
	readonly wasCompressed: boolean;
};

/**
 * The most bytes of text Broadsheet reads: from a file, from stdin, or what a gzip file expands to. A JavaScript
 * string holds at most 2^29 - 24 characters (V8), so more cannot be decoded at all; it also bounds what a small gzip
 * file can make us allocate.
 */
export const maximumTextByteCount = 500 * 1024 ** 2;

/** How the limit reads in messages. */
export const maximumTextSizeLabel = `${maximumTextByteCount / 1024 ** 2} MiB`;

const sampleByteCount = 64 * 1024;

/** Whether `bytes` start with gzip's magic bytes. */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

// Control bytes other than tab, line feed, form feed, carriage return and ESC (which hostile text may carry).
const strayControlBytes = [
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18,
	0x19, 0x1A, 0x1C, 0x1D, 0x1E, 0x1F,
];

/** Whether `bytes` look like a binary file: a NUL byte, or many control bytes, in the first 64 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
	// A plain view, whose includes and indexOf are V8's own and search natively (a Buffer's own go through Node's
	// JavaScript): a loop over each byte runs in the interpreter at start-up, 0.28 ms for the sample's 6 KB and 2.4 ms
	// for 64 KiB, cold, against 0.08 and 0.47.
	const sample = new Uint8Array(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, sampleByteCount));
	if (sample.includes(0)) {
		return true;
	}

	const mostControlCount = sample.length / 100;
	let controlCount = 0;
	for (const value of strayControlBytes) {
		for (let index = sample.indexOf(value); index !== -1; index = sample.indexOf(value, index + 1)) {
			controlCount++;
			if (controlCount > mostControlCount) {
				return true;
			}
		}
	}

	return false;
}

/** UTF-16 without a byte-order mark shows as ASCII text with every other byte NUL. */
export function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
	if (sample.length < 4) {
		return undefined;
	}

	let evenNuls = 0;
	let oddNuls = 0;
	for (let index = 0; index < sample.length; index += 2) {
		if (sample[index] === 0) {
			evenNuls++;
		}

		if (sample[index + 1] === 0) {
			oddNuls++;
		}
	}

	const pairCount = sample.length / 2;
	if (oddNuls > pairCount * 0.9 && evenNuls === 0) {
		return 'utf-16le';
	}

	return evenNuls > pairCount * 0.9 && oddNuls === 0 ? 'utf-16be' : undefined;
}

/** The encoding an XML prolog declares (`<?xml version="1.0" encoding="KOI8-R"?>`), if Node knows it. */
export function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
	// Read as Latin-1, a character a byte, by V8's own fromCharCode (a Buffer's toString, through Node's JavaScript,
	// was 0.1 ms cold); and looked into only when it opens with a prolog, so that other text does not compile the
	// expression (0.04 ms cold): every text without a byte-order mark is asked.
	const head = String.fromCharCode(...bytes.subarray(0, 256));
	if (!head.trimStart().startsWith('<?xml')) {
		return undefined;
	}

	const label = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/u.exec(head)?.[1];
	return label && isKnownEncoding(label) ? label.toLowerCase() : undefined;
}

function isKnownEncoding(label: string): boolean {
	try {
		new TextDecoder(label);
		return true;
	} catch {
		return false;
	}
}

/** The bytes as UTF-8, or undefined when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
	// Checking first and decoding without `fatal` is about four times as fast: Node's fatal UTF-8 decoder goes
	// through ICU, its plain one does not.
	return isUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : undefined;
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some(byte => byte >= 0x80);

/**
 * Whether bytes that are not valid UTF-8 are still mostly UTF-8 (a file with a few bad bytes, or cut mid-character):
 * they hold well-formed multi-byte sequences, at least as many as stray bytes, in the first 64 KiB.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, sampleByteCount);
	let sequenceCount = 0;
	let strayCount = 0;
	for (let index = 0; index < sample.length; index++) {
		const byte = sample[index]!;
		if (byte < 0x80) {
			continue;
		}

		const continuationCount = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : 0;
		let isSequence = continuationCount > 0;
		for (let offset = 1; isSequence && offset <= continuationCount; offset++) {
			const next = sample[index + offset];
			isSequence = next !== undefined && next >= 0x80 && next <= 0xbf;
		}

		if (isSequence) {
			sequenceCount++;
			index += continuationCount;
		} else {
			// A broken sequence counts once, with the continuation bytes that follow it.
			strayCount++;
			while (index + 1 < sample.length && sample[index + 1]! >= 0x80 && sample[index + 1]! <= 0xbf) {
				index++;
			}
		}
	}

	return sequenceCount > 0 && sequenceCount >= strayCount;
}

/** The encoding the bytes suggest when they are not UTF-8 and declare nothing. */
function guessedEncoding(bytes: Uint8Array): string {
	const guess = chardet.detect(bytes.subarray(0, sampleByteCount));
	return guess && guess !== 'UTF-8' && isKnownEncoding(guess) ? guess.toLowerCase() : 'windows-1252';
}

/**
 * What windows-1252 maps the bytes 0x80–0x9F to, in the WHATWG index (bytes it leaves undefined map to the C1 code
 * point of the same number). Node 20's TextDecoder decodes these bytes as C1 controls, as ISO-8859-1 does: then
 * curly quotes, dashes, € and … vanish with the other control characters, and ›, ˜ and ž (0x9B, 0x98, 0x9E) would
 * open escape sequences. The WHATWG labels `iso-8859-1`, `latin1` and `us-ascii` decode as windows-1252 too.
 */
const windows1252High = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F'
	+ '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Text decoded as ISO-8859-1 where windows-1252 was meant, with the bytes 0x80–0x9F as windows-1252 maps them. */
function withWindows1252High(text: string): string {
	return text.replaceAll(/[\u0080-\u009F]/gu, character => windows1252High[character.charCodeAt(0) - 0x80]!);
}

function decodeWith(encoding: string, bytes: Uint8Array, wasCompressed: boolean): DecodedText {
	// TextDecoder strips a byte-order mark that matches its encoding.
	const decoder = new TextDecoder(encoding);
	const text = decoder.decode(bytes);
	return {text: decoder.encoding === 'windows-1252' ? withWindows1252High(text) : text, encoding, wasCompressed};
}

/**
 * Decodes an input's bytes to text. Gzip is recognised by its magic bytes and decompressed first. Then the
 * encoding is, in order: a byte-order mark (UTF-8 or UTF-16), UTF-16 recognised without one, an XML prolog's
 * declaration, UTF-8 when the bytes are valid UTF-8 (or mostly: bad bytes become U+FFFD), else what the bytes reveal
 * (chardet), windows-1252 failing all. `charset`, what an HTTP `Content-Type` declared, comes before the prolog (as
 * RFC 7303 says), and is ignored as the prolog is when it lies.
 * Pure apart from CPU: never throws.
 */
export function decodeBytes(input: Uint8Array, charset?: string): DecodedText | DecodeFailure {
	let bytes = input;
	const wasCompressed = isGzip(input);
	if (wasCompressed) {
		try {
			bytes = gunzipSync(input, {maxOutputLength: maximumTextByteCount});
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			return code === 'ERR_BUFFER_TOO_LARGE'
				? {reason: 'too-large', byteCount: maximumTextByteCount}
				: {reason: 'bad-compression', detail: (error as Error).message};
		}
	}

	if (bytes.length > maximumTextByteCount) {
		return {reason: 'too-large', byteCount: maximumTextByteCount};
	}

	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return decodeWith('utf-8', bytes, wasCompressed);
	}

	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return decodeWith('utf-16le', bytes, wasCompressed);
	}

	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return decodeWith('utf-16be', bytes, wasCompressed);
	}

	const utf16 = utf16WithoutMark(bytes);
	if (utf16) {
		return decodeWith(utf16, bytes, wasCompressed);
	}

	if (looksBinary(bytes)) {
		return {reason: 'binary'};
	}

	const utf8 = strictUtf8(bytes);
	const declared = (charset !== undefined && isKnownEncoding(charset) ? charset.toLowerCase() : undefined) ?? declaredXmlEncoding(bytes);
	// A prolog that declares a single-byte encoding over bytes that are valid, non-ASCII UTF-8 is lying: feeds do.
	if (declared && declared !== 'utf-8' && !(utf8 !== undefined && hasNonAscii(bytes))) {
		return decodeWith(declared, bytes, wasCompressed);
	}

	if (utf8 !== undefined) {
		return {text: utf8, encoding: 'utf-8', wasCompressed};
	}

	// Mostly UTF-8 with some bad bytes: each bad byte becomes U+FFFD, and the rest reads as written.
	return decodeWith(isMostlyUtf8(bytes) ? 'utf-8' : guessedEncoding(bytes), bytes, wasCompressed);
}
