import {readFile, stat} from 'node:fs/promises';
import type {ParseResult} from './article.js';
import {exitCodes, UserFacingError} from './exit-codes.js';
import {decodeText} from './formats/decode.js';
import {parsePlainText} from './formats/plain-text.js';

/** Reads all of a stream (stdin) into one buffer. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) {
		chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	}

	return Buffer.concat(chunks);
}

/** Reads a file's bytes, turning each way it can fail into one clear line. */
export async function readFileBytes(path: string): Promise<Buffer> {
	try {
		const info = await stat(path);
		if (info.isDirectory()) {
			throw new UserFacingError(`${path} is a directory, not a file of articles`, exitCodes.isDirectory);
		}

		return await readFile(path);
	} catch (error) {
		if (error instanceof UserFacingError) {
			throw error;
		}

		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			throw new UserFacingError(`${path}: no such file`, exitCodes.notFound);
		}

		if (code === 'EACCES' || code === 'EPERM') {
			throw new UserFacingError(`${path}: permission denied`, exitCodes.permissionDenied);
		}

		if (code === 'EISDIR') {
			throw new UserFacingError(`${path} is a directory, not a file of articles`, exitCodes.isDirectory);
		}

		throw new UserFacingError(`${path}: cannot read it (${code ?? (error as Error).message})`, exitCodes.readError);
	}
}

/**
 * Parses the bytes of one input; fails with a clear line when there is nothing to show.
 * `source` names the articles' origin in the interface; `path` is the input as the user gave it, for errors.
 */
export function parseInput(bytes: Uint8Array, {source, path}: {source: string; path: string}): ParseResult {
	const decoded = decodeText(bytes);
	if ('failure' in decoded) {
		throw new UserFacingError(`${path} is not a text file (it looks binary)`, exitCodes.binary);
	}

	const result = parsePlainText(decoded.text, source);
	if (result.articles.length === 0) {
		const reason = bytes.length === 0 ? 'it is empty' : 'it holds no text';
		throw new UserFacingError(`${path} has no articles (${reason})`, exitCodes.noArticles);
	}

	return result;
}
