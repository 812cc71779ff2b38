/** Why bytes could not be read as text. */
export type DecodeFailure = 'binary';

const sampleByteCount = 64 * 1024;

/** Whether `bytes` look like a binary file: a NUL byte, or many control bytes, in the first 64 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, sampleByteCount);
	let controlCount = 0;
	for (const byte of sample) {
		if (byte === 0) {
			return true;
		}

		// Controls other than tab, line feed, form feed and carriage return (and ESC, which hostile text may carry).
		if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) {
			controlCount++;
		}
	}

	return controlCount > sample.length / 100;
}

/**
 * Decodes a file's bytes: UTF-16 when a byte-order mark says so, else UTF-8 (with or without a BOM; invalid
 * sequences become U+FFFD rather than failing).
 */
export function decodeText(bytes: Uint8Array): {text: string} | {failure: DecodeFailure} {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return {text: new TextDecoder('utf-16le').decode(bytes)};
	}

	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return {text: new TextDecoder('utf-16be').decode(bytes)};
	}

	if (looksBinary(bytes)) {
		return {failure: 'binary'};
	}

	return {text: new TextDecoder('utf-8').decode(bytes)};
}
