import {isAscii} from 'node:buffer';

/**
 * The text of UTF-8 `bytes` from `start` to `end`. Text that is all ASCII, as most news is, is read as Latin-1, which
 * gives the same characters: Node 20 decodes UTF-8 at about 300 MB/s, where a megabyte of ASCII read as Latin-1 is
 * copied out whole (a tenth of the time a big file's first load took went to decoding).
 */
export function utf8Text(bytes: Buffer, start: number, end: number): string {
	return bytes.toString(isAscii(bytes.subarray(start, end)) ? 'latin1' : 'utf8', start, end);
}
