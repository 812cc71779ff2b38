import {isUtf8} from 'node:buffer';
import {closeSync, fstat, open, read, readSync} from 'node:fs';
import {stat as statPath} from './file-promises.js';
import {promisify} from 'node:util';
import {declaredXmlEncoding, isGzip, looksBinary, maximumTextByteCount, utf16WithoutMark} from '../formats/decode.js';
import {hasSeparators} from '../formats/plain-text.js';
import {parseCacheKey, type ParseCacheKey} from './parse-cache.js';
import {utf8Text} from './utf8-text.js';

/*
A big file is not read into memory whole. Its text is read a chunk at a time as it is parsed, and what the articles
keep of it is only where their text lies in the file (see stored-articles.ts): the bodies are read again when they are
wanted. This needs byte offsets that match the text exactly, so it is done only for files that are valid UTF-8 from
end to end; any other file is read whole, as formats/decode.ts says.
*/

/**
 * Files at least this big keep their articles' bodies in the file rather than in memory. Smaller ones are read whole:
 * their text costs less memory than reading bodies again costs time (a second parse to build the search index).
 */
export const storedBodiesFromByteCount = 32 * 1024 * 1024;

/**
 * How much is read at once while parsing: with the text not parsed yet that is read again with it, less than 128 KiB,
 * the most V8 allocates as an ordinary young object. A longer string goes to the large object space, fresh pages each
 * time: decoding a 200 MB file a megabyte at a time cost 600 ms, a tenth of that in 96 KiB.
 */
const defaultChunkByteCount = 96 * 1024;

/** Which files are read a chunk at a time, and how big a chunk is: the defaults but in tests. */
export type FileTextLimits = {readonly minimumByteCount?: number; readonly chunkByteCount?: number};

/** How much is read at once when checking the whole file. */
const scanChunkByteCount = 4 * 1024 * 1024;
/** How much is decoded at the start, for telling the format and how to cut it into parts. */
const headByteCount = 1024 * 1024;

const lineFeed = 0x0a;
const formFeed = 0x0c;

const openFile = promisify(open);
const statFile = promisify(fstat);
const readAt = promisify(read);

/** The file descriptors of files whose text nothing needs any more are closed. */
const openFiles = new FinalizationRegistry<number>(descriptor => {
	try {
		closeSync(descriptor);
	} catch {}
});

/**
 * A file of UTF-8 text (see {@link FileText.isUtf8Throughout}), open for reading a chunk at a time and for reading
 * stretches of it again later. It keeps the file open, so that a file replaced by renaming a new one over it (as
 * editors save) still reads as it was.
 */
export class FileText {
	/**
	 * Where reads go, then to be decoded into strings: one buffer, reused, because buffers that are dropped take memory
	 * outside the JavaScript heap until the garbage collector comes round to them, and reading a unit at a time makes
	 * thousands.
	 */
	private readonly readBuffer: Buffer;

	private constructor(
		private readonly descriptor: number,
		/** How many bytes the file held when it was opened: what is read of it. */
		readonly byteCount: number,
		/** The first bytes' text, cut at a line end: enough to tell the format and how to cut the text into parts. */
		readonly head: string,
		/** Where the text starts: after a byte-order mark, if there is one. */
		readonly textStart: number,
		/** How much is read at once while parsing. */
		readonly chunkByteCount: number,
	) {
		// Room for a chunk and the text read again with it (see textFrom), so that the buffer is not replaced each time.
		this.readBuffer = Buffer.allocUnsafe(Math.max(chunkByteCount * 2, 32 * 1024));
		openFiles.register(this, descriptor, this);
	}

	/**
	 * Opens `path` if it is a file big enough to be worth reading a chunk at a time, whose first megabyte could be UTF-8
	 * text (not compressed, not UTF-16, not binary, declaring no other encoding, holding a line end); undefined
	 * otherwise, and when it cannot be opened (the whole read then says why). Whether all of it is UTF-8 is for
	 * {@link isUtf8Throughout} to tell.
	 */
	static async open(path: string, {minimumByteCount = storedBodiesFromByteCount, chunkByteCount = defaultChunkByteCount}: FileTextLimits = {}): Promise<FileText | undefined> {
		let descriptor: number;
		try {
			// Only a file is opened: opening a named pipe waits for a writer (see read-input.ts's readNamedPipe).
			// Nor is a file opened here that is to be read whole: stat costs less than open, fstat and close.
			const info = await statPath(path);
			if (!info.isFile() || info.size < minimumByteCount || info.size > maximumTextByteCount) {
				return undefined;
			}

			descriptor = await openFile(path, 'r');
		} catch {
			return undefined;
		}

		try {
			const info = await statFile(descriptor);
			if (!info.isFile() || info.size < minimumByteCount || info.size > maximumTextByteCount) {
				closeSync(descriptor);
				return undefined;
			}

			const head = Buffer.allocUnsafe(Math.min(headByteCount, info.size));
			const {bytesRead} = await readAt(descriptor, head, 0, head.length, 0);
			const headBytes = head.subarray(0, bytesRead);
			const headEnd = headBytes.lastIndexOf(lineFeed) + 1;
			if (headEnd === 0 || isGzip(headBytes) || utf16WithoutMark(headBytes) || looksBinary(headBytes) || declaredXmlEncoding(headBytes)) {
				closeSync(descriptor);
				return undefined;
			}

			// A byte-order mark is not text: TextDecoder drops it, and the offsets start after it.
			const textStart = headBytes[0] === 0xef && headBytes[1] === 0xbb && headBytes[2] === 0xbf ? 3 : 0;
			return new FileText(descriptor, info.size, new TextDecoder('utf-8').decode(headBytes.subarray(0, headEnd)), textStart, chunkByteCount);
		} catch {
			closeSync(descriptor);
			return undefined;
		}
	}

	/** What an entry of the parse cache for this file, as `file`, read with `options`, must be for. */
	parseCacheKey(file: string, options: ParseCacheKey['options']): ParseCacheKey | undefined {
		return parseCacheKey(file, this.descriptor, options);
	}

	/**
	 * Whether the file's bytes are valid UTF-8 from end to end, read a chunk at a time (`onProgress` hears how many
	 * bytes are checked): only then do the text's characters match the file's bytes one for one, as reading bodies
	 * again needs. Other files are read whole, as formats/decode.ts says.
	 */
	async isUtf8Throughout(onProgress?: (byteCount: number, totalByteCount: number) => void): Promise<boolean> {
		const bytes = Buffer.allocUnsafe(scanChunkByteCount);
		for (let start = 0; start < this.byteCount;) {
			// eslint-disable-next-line no-await-in-loop
			const {bytesRead} = await readAt(this.descriptor, bytes, 0, Math.min(bytes.length, this.byteCount - start), start);
			if (bytesRead === 0) {
				return false;
			}

			// Up to the start of the last character, which may go on in the next chunk.
			const end = start + bytesRead < this.byteCount ? lastCharacterStart(bytes, bytesRead) : bytesRead;

			if (end === 0 || !isUtf8(bytes.subarray(0, end))) {
				return false;
			}

			start += end;
			onProgress?.(start, this.byteCount);
		}

		return true;
	}

	/**
	 * Whether the text has separator lines (or form feeds) anywhere, as plain text's layout asks (see
	 * formats/plain-text.ts); undefined when a line is too long to look at (over 4 MiB).
	 */
	async hasSeparators(): Promise<boolean | undefined> {
		return hasSeparators(this.head) || this.findSeparators();
	}

	/**
	 * The text from `byteStart` on, as much as `byteCount` bytes hold up to their last whole character (all of the rest,
	 * near the end), and the byte it ends before; undefined at the end. The text is a string of its own, read afresh:
	 * V8 searches a string made by joining two far more slowly, every time, than one read whole.
	 */
	textFrom(byteStart: number, byteCount: number): {readonly text: string; readonly byteEnd: number} | undefined {
		if (byteStart >= this.byteCount) {
			return undefined;
		}

		const wanted = Math.min(byteCount, this.byteCount - byteStart);
		const bytes = wanted <= this.readBuffer.length ? this.readBuffer : Buffer.allocUnsafe(wanted);
		const readCount = readSync(this.descriptor, bytes, 0, wanted, byteStart);
		if (readCount === 0) {
			// The file was cut short since it was opened: it ends here.
			return undefined;
		}

		// Up to the start of the last character, which may go on past what was read.
		const end = byteStart + readCount < this.byteCount ? lastCharacterStart(bytes, readCount) : readCount;

		return {text: utf8Text(bytes, 0, end), byteEnd: byteStart + end};
	}

	/** The text of `byteLength` bytes from `byteStart`, read again; undefined when the file no longer holds them. */
	textAt(byteStart: number, byteLength: number): string | undefined {
		try {
			const bytes = byteLength <= this.readBuffer.length ? this.readBuffer : Buffer.allocUnsafe(byteLength);
			const byteCount = readSync(this.descriptor, bytes, 0, byteLength, byteStart);
			return byteCount === byteLength ? utf8Text(bytes, 0, byteLength) : undefined;
		} catch {
			return undefined;
		}
	}

	/** Closes the file now rather than when nothing needs it any more. */
	close(): void {
		openFiles.unregister(this);
		try {
			closeSync(this.descriptor);
		} catch {}
	}

	private async findSeparators(): Promise<boolean | undefined> {
		const bytes = Buffer.allocUnsafe(scanChunkByteCount);
		for (let start = 0; start < this.byteCount;) {
			// eslint-disable-next-line no-await-in-loop
			const {bytesRead: byteCount} = await readAt(this.descriptor, bytes, 0, Math.min(bytes.length, this.byteCount - start), start);
			const isLast = start + byteCount >= this.byteCount;
			// Whole lines only: the rest is read again with the next chunk.
			const end = isLast ? byteCount : bytes.subarray(0, byteCount).lastIndexOf(lineFeed) + 1;
			if (end === 0) {
				return undefined;
			}

			const lines = bytes.subarray(0, end);
			if (lines.includes(formFeed)) {
				return true;
			}

			for (let dashes = lines.indexOf('---'); dashes !== -1; dashes = lines.indexOf('---', dashes + 3)) {
				const lineStart = lines.lastIndexOf(lineFeed, dashes) + 1;
				const lineEnd = lines.indexOf(lineFeed, dashes);
				if (hasSeparators(lines.toString('utf8', lineStart, lineEnd === -1 ? end : lineEnd))) {
					return true;
				}

				dashes = lineEnd === -1 ? end : lineEnd;
			}

			start += end;
		}

		return false;
	}
}

/** Where the last UTF-8 character of `bytes`' first `length` starts: the bytes before it hold whole characters only. */
function lastCharacterStart(bytes: Uint8Array, length: number): number {
	let start = length - 1;
	while (start > 0 && (bytes[start]! & 0xc0) === 0x80) {
		start--;
	}

	return start;
}
