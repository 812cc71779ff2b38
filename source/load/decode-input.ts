import {isAscii, isUtf8} from 'node:buffer';
import {exitCodes, UserFacingError} from '../exit-codes.js';
import {declaredXmlEncoding, decodeBytes, isGzip, looksBinary, maximumTextByteCount, maximumTextSizeLabel} from '../formats/decode.js';
import {hasSeparators} from '../formats/plain-text.js';

/** The text of one input, and how many bytes it came from. */
export type InputText = {readonly text: string; readonly byteCount: number};

/**
 * Decodes the bytes of one input (see formats/decode.ts), failing with a clear line when they are not text. The
 * bytes are not needed after this: callers let go of them before parsing, so that a big file's bytes and its
 * articles are not both held at the peak. `charset` is what an HTTP answer declared.
 */
export function decodeInput(bytes: Uint8Array, path: string, charset?: string): InputText {
	const ascii = charset === undefined ? asciiText(bytes) : undefined;
	if (ascii !== undefined) {
		return {text: ascii, byteCount: bytes.length};
	}

	const decoded = decodeBytes(bytes, charset);
	if ('reason' in decoded) {
		switch (decoded.reason) {
			case 'binary': {
				throw new UserFacingError(`${path} is not a text file (it looks binary)`, exitCodes.binary);
			}

			case 'bad-compression': {
				throw new UserFacingError(`${path} looks gzip-compressed but cannot be decompressed (${decoded.detail})`, exitCodes.malformed);
			}

			case 'too-large': {
				const what = isGzip(bytes) ? 'decompresses to more than' : 'is larger than';
				throw new UserFacingError(`${path} ${what} ${maximumTextSizeLabel}, the most Broadsheet reads`, exitCodes.tooLarge);
			}
		}
	}

	return {text: decoded.text, byteCount: bytes.length};
}


/**
 * The text of bytes that are all ASCII (as most news is) and that decodeBytes would read as UTF-8: read as Latin-1,
 * which gives the same characters about ten times as fast as Node 20 decodes UTF-8 (58 ms of a 20 MB file's first
 * frame went to decoding). Undefined for any other bytes, which decodeBytes reads: with a NUL (binary, or UTF-16
 * without a byte-order mark), or declaring an encoding in an XML prolog.
 */
function asciiText(bytes: Uint8Array): string | undefined {
	if (bytes.length > maximumTextByteCount || !isAscii(bytes) || bytes.includes(0) || looksBinary(bytes)) {
		return undefined;
	}

	const declared = declaredXmlEncoding(bytes);
	return declared === undefined || declared === 'utf-8' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1') : undefined;
}

/**
 * How much of a file is decoded before its first articles are parsed, when the rest can wait (see
 * {@link decodeHeadFirst}): enough for the first screen's 500 articles of 8 KB each.
 */
const headByteCount = 4 * 1024 * 1024;

/** The text of a file after its head, to be decoded once the first articles are shown. */
export type RestOfText = {
	/** The whole text, which starts with the head: decoded only now, as {@link decodeInput} decodes it. */
	readonly wholeText: () => string;
	/**
	 * Whether the whole text has separator lines (or form feeds) anywhere, as plain text's layout asks (see
	 * formats/plain-text.ts); undefined when that cannot be told without decoding it all (it is not UTF-8 throughout).
	 */
	readonly hasSeparators: () => boolean | undefined;
};

/**
 * The first 4 MiB of a file's text, cut at a line end, and the rest to come: when the file is bigger than twice that
 * and its head is ASCII that every way decodeInput may read the whole file reads the same (no NUL, no escape, nothing
 * binary, no other encoding declared). The first articles are then parsed and shown before the whole file is checked
 * and decoded (about 100 ms of a 20 MB file's first frame); undefined otherwise, and the file is decoded whole.
 */
export function decodeHeadFirst(bytes: Buffer, path: string): {readonly text: string; readonly rest: RestOfText} | undefined {
	if (bytes.length < 2 * headByteCount) {
		return undefined;
	}

	const headEnd = bytes.lastIndexOf(0x0A, headByteCount - 1) + 1;
	const head = bytes.subarray(0, headEnd);
	if (headEnd === 0 || !isAscii(head) || head.includes(0) || head.includes(0x1B) || looksBinary(head)) {
		return undefined;
	}

	const declared = declaredXmlEncoding(head);
	if (declared !== undefined && declared !== 'utf-8') {
		return undefined;
	}

	const text = head.toString('latin1');
	// Let go of once decoded: the input, which holds the rest, lasts as long as its articles.
	let kept: Buffer | undefined = bytes;
	return {
		text,
		rest: {
			wholeText() {
				const whole = decodeInput(kept!, path).text;
				kept = undefined;
				return whole;
			},
			// Separators in the head are separators in the whole, however it decodes: the rest is looked at only without.
			hasSeparators: () => hasSeparators(text) || (isUtf8(kept!) ? hasSeparatorBytes(kept!) : undefined),
		},
	};
}

/** Whether UTF-8 `bytes` hold a form feed or a separator line, as {@link hasSeparators} tells of their text. */
function hasSeparatorBytes(bytes: Buffer): boolean {
	if (bytes.includes(0x0C)) {
		return true;
	}

	for (let dashes = bytes.indexOf('---'); dashes !== -1;) {
		const lineStart = dashes === 0 ? 0 : bytes.lastIndexOf(0x0A, dashes - 1) + 1;
		const lineEnd = bytes.indexOf(0x0A, dashes);
		if (hasSeparators(bytes.toString('utf8', lineStart, lineEnd === -1 ? bytes.length : lineEnd))) {
			return true;
		}

		dashes = lineEnd === -1 ? -1 : bytes.indexOf('---', lineEnd);
	}

	return false;
}
