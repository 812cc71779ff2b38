import {exitCodes, UserFacingError} from '../exit-codes.js';
import {decodeBytes, isGzip, maximumTextSizeLabel} from '../formats/decode.js';

/** The text of one input, and how many bytes it came from. */
export type InputText = {readonly text: string; readonly byteCount: number};

/**
 * Decodes the bytes of one input (see formats/decode.ts), failing with a clear line when they are not text. The
 * bytes are not needed after this: callers let go of them before parsing, so that a big file's bytes and its
 * articles are not both held at the peak. `charset` is what an HTTP answer declared.
 */
export function decodeInput(bytes: Uint8Array, path: string, charset?: string): InputText {
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

