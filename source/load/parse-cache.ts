import {closeSync, fstatSync, openSync, read, readdirSync, readSync, statSync, unlinkSync, utimesSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {FileHandle} from 'node:fs/promises';
import {mkdir, open, rename, unlink} from './file-promises.js';
import {promisify} from 'node:util';
import {crc32} from 'node:zlib';
import type {Article} from '../article.js';
import type {FormatName, ParseOptions} from '../formats/format.js';
import type {PartPlan} from '../formats/parts.js';
import type {WordIndex} from '../search/word-index.js';
import {broadsheetDirectory} from '../xdg-directories.js';
import {utf8Text} from './utf8-text.js';

/*
What parsing a big file found, kept for the next time the same file is opened: its articles (all but their bodies,
which stay in the file), where each part of the file lies, its problems, and the search's word index. Opening the
file again then costs reading this, not parsing 200 MB and indexing every word. An entry is used only when it was
made by this build, for the same options, from the same file: the same size, modification time and inode, and the
same bytes at 20 places spread over it (hashing all of a big file would cost most of what the entry saves). Anything
else (no entry, a stale or damaged one, one from another build, one that others could have written, a cache that
cannot be written) costs only speed.
*/

/** Set by scripts/build.js: a hash of the sources, so that another build, which may parse otherwise, starts afresh. */
declare const broadsheetBuildId: string | undefined;

const magic = 'BSPARSE1';
/** Bumped when what an entry holds changes. */
const entryVersion = 4;
/** How much room the entries may take together; the least recently used go first. */
export const parseCacheByteLimit = 512 * 1024 * 1024;
/** How many stretches of the file its fingerprint samples, and how long each is. */
const sampleCount = 20;
const sampleByteCount = 4096;

/** `$XDG_CACHE_HOME/broadsheet/parses`, else `~/.cache/broadsheet/parses` (a relative XDG path is ignored). */
export function parseCacheDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	return join(broadsheetDirectory('cache', environment), 'parses');
}

/** What an entry is for: the file as it is now, and how it is read. */
export type ParseCacheKey = {
	readonly file: string;
	readonly size: number;
	readonly modifiedMs: number;
	readonly inode: number;
	/** CRC-32s of stretches spread over the file. */
	readonly samples: readonly number[];
	/** What else decides the articles: a --format, --fields, and the source name they carry. */
	readonly options: {readonly format?: FormatName; readonly fieldMap?: ParseOptions['fieldMap']; readonly source: string};
};

/** A part of the file that parses on its own (see stored-articles.ts): where it lies, and how many articles it holds. */
export type CachedUnit = {readonly byteStart: number; readonly byteLength: number; readonly isFirst: boolean; readonly articleCount: number};

/** An article without its body, and which unit holds it. */
export type CachedArticle = Omit<Article, 'paragraphs'> & {readonly unit: number; readonly index: number};

/** What parsing the file found. */
export type CachedParse = {
	readonly format: FormatName;
	readonly plan: PartPlan;
	readonly problems: readonly string[];
	readonly units: readonly CachedUnit[];
	readonly articles: readonly CachedArticle[];
	readonly wordIndex: WordIndex;
};

/**
 * What an entry gives back: the parse, its articles to be made one by one, and its word index on its way (see
 * {@link readParseCache}).
 */
export type KeptParse = Omit<CachedParse, 'wordIndex' | 'articles'> & {
	readonly articleCount: number;
	/**
	 * Calls `visit` with each kept article in turn: one object, its fields changed from one article to the next, so that
	 * 100,000 articles do not make 100,000 objects that are copied at once (`visit` copies what it keeps).
	 */
	readonly forEachArticle: (visit: (article: CachedArticle) => void) => void;
	readonly wordIndex: Promise<WordIndex>;
};

/** The key of `file`, open as `descriptor`, read with `options`; undefined when it cannot be read. */
export function parseCacheKey(file: string, descriptor: number, options: ParseCacheKey['options']): ParseCacheKey | undefined {
	try {
		const info = fstatSync(descriptor);
		const samples: number[] = [];
		const buffer = Buffer.allocUnsafe(sampleByteCount);
		for (let sample = 0; sample < sampleCount; sample++) {
			// The first and the last stretch, and the others evenly between.
			const start = Math.max(0, Math.round(((info.size - sampleByteCount) * sample) / (sampleCount - 1)));
			const read = readSync(descriptor, buffer, 0, buffer.length, start);
			samples.push(crc32(buffer.subarray(0, read)));
		}

		return {file: resolve(file), size: info.size, modifiedMs: info.mtimeMs, inode: info.ino, samples, options};
	} catch {
		return undefined;
	}
}

/**
 * The build an entry must come from, and the Node.js it ran on: another Node.js may lower-case (its ICU) and so index
 * the same words otherwise.
 */
function buildId(): string {
	return `${entryVersion}:${typeof broadsheetBuildId === 'string' ? broadsheetBuildId : 'sources'}:${process.version}:${process.arch}`;
}

/** The name of the entry for `file` (its path's CRC-32 and length: the entry itself holds the whole key). */
function entryName(file: string): string {
	return `${crc32(file).toString(16).padStart(8, '0')}-${file.length}.parse`;
}

/*
An entry: `BSPARSE1`, the CRC-32 and the length of its head, the head (JSON: the key, the build, the parse but for its
articles' fields and the word index's arrays), then sections, each at a multiple of 8 bytes: the articles' text
fields as columns (UTF-8, a field a line, in article order), their numbers as typed arrays, and the word index's
arrays, read back as views of the file's bytes without copying. Only the head is checksummed (checksumming 60 MB would
cost most of what the entry saves); the sections are checked for shape instead (lengths, counts, ranges), so that a
damaged entry can at worst mislead a search, never crash one.
*/

/** Whether two keys name the same file as it was, read the same way. */
function isSameKey(left: ParseCacheKey, right: ParseCacheKey): boolean {
	return JSON.stringify(left) === JSON.stringify(right);
}

const textColumns = ['id', 'headline', 'kicker', 'deck', 'author', 'url'] as const;
const headlineSources = ['title', 'deck', 'first-sentence'] as const;
/** Separates a text column's fields: sanitised text never holds it. */
const fieldSeparator = '\u0000';

type SectionType = 'text' | 'Int32Array' | 'Uint32Array' | 'Uint16Array' | 'Float64Array' | 'Uint8Array';
const arrayTypes = {Int32Array, Uint32Array, Uint16Array, Float64Array, Uint8Array} as const;
type StoredArray = Int32Array | Uint32Array | Uint16Array | Float64Array | Uint8Array;

/** An entry's head. */
type EntryHead = {
	readonly build: string;
	readonly key: ParseCacheKey;
	readonly format: FormatName;
	readonly plan: PartPlan;
	readonly problems: readonly string[];
	readonly units: ReadonlyArray<readonly [number, number, number, number]>;
	readonly articleCount: number;
	/** Categories and links, which few articles have: by article number. */
	readonly lists: Readonly<Record<string, {readonly categories?: readonly string[]; readonly links?: readonly string[]}>>;
	/**
	 * The articles' source names, each once (a file's articles mostly share one): a section numbers each article's.
	 * 100,000 copies of a name, split into as many strings, took longer to read than the rest of a column.
	 */
	readonly sources: readonly string[];
	readonly wordIndex: {readonly wordCount: number; readonly segments: ReadonlyArray<readonly [number, number]>};
	/** The sections that follow, in order: their type and byte length. */
	readonly sections: ReadonlyArray<readonly [SectionType, number]>;
};

const align = (offset: number) => Math.ceil(offset / 8) * 8;

/** Whether `array` rises (strictly, or not) and stays below `limit`. */
function isAscending(array: ArrayLike<number>, limit: number, isStrict: boolean): boolean {
	let previous = -1;
	for (let index = 0; index < array.length; index++) {
		const value = array[index]!;
		if (value >= limit || value < previous || (isStrict && value === previous)) {
			return false;
		}

		previous = value;
	}

	return true;
}

/**
 * Whether every value of `array` lies in [minimum, limit). One function for each type of array: a loop that meets one
 * type only is compiled for it, and runs ten times quicker over the 15 million slots of a big index.
 */
const isWithin = {
	Int32Array(array: Int32Array, minimum: number, limit: number): boolean {
		for (let index = 0; index < array.length; index++) {
			const value = array[index]!;
			if (value < minimum || value >= limit) {
				return false;
			}
		}

		return true;
	},
	Uint32Array(array: Uint32Array, minimum: number, limit: number): boolean {
		for (let index = 0; index < array.length; index++) {
			const value = array[index]!;
			if (value < minimum || value >= limit) {
				return false;
			}
		}

		return true;
	},
	Uint8Array(array: Uint8Array, minimum: number, limit: number): boolean {
		for (let index = 0; index < array.length; index++) {
			const value = array[index]!;
			if (value < minimum || value >= limit) {
				return false;
			}
		}

		return true;
	},
};

/**
 * Whether `index` is shaped as the search expects, so that no search can read past an array or loop for long. The
 * slots themselves are not checked: a search only sets their bits in a set of its own (candidates.ts), where a slot
 * out of its segment marks another field at worst, and one past the end none. Checking the 22 million slots of a big
 * index was its first reading, about 100 ms of the second open on the interface's thread, for memory that the search
 * otherwise reads only where a query's words are.
 */
function isWellShaped(index: WordIndex): boolean {
	const {articleCount, wordCount, vocabulary, wordStarts, wordCounts, firstWords, lastWords, letterMasks, segments} = index;
	const slotCount = articleCount * 4;
	if (wordStarts.length !== wordCount + 1 || wordStarts[wordCount] !== vocabulary.length || !isAscending(wordStarts, vocabulary.length + 1, true)) {
		return false;
	}

	if (wordCounts.length !== slotCount || firstWords.length !== slotCount || lastWords.length !== slotCount || letterMasks.length !== slotCount || !isWithin.Int32Array(firstWords, -1, wordCount) || !isWithin.Int32Array(lastWords, -1, wordCount)) {
		return false;
	}

	let nextArticle = 0;
	for (const segment of segments) {
		if (segment.firstArticle !== nextArticle || segment.articleCount * 4 > 0x1_00_00 || segment.offsets.length !== segment.words.length + 1) {
			return false;
		}

		nextArticle += segment.articleCount;
		if (!isAscending(segment.words, wordCount, true) || !isAscending(segment.offsets, segment.slots.length + 1, false) || segment.offsets[segment.words.length] !== segment.slots.length) {
			return false;
		}
	}

	return nextArticle === articleCount;
}

/** Reads `length` bytes at `position` of `descriptor` into a buffer of their own (at offset 0), or throws. */
function readBytes(descriptor: number, position: number, length: number): Buffer {
	// Its own ArrayBuffer, not a slice of the pool: the typed arrays below are views of it at their offsets.
	const bytes = Buffer.from(new ArrayBuffer(length));
	for (let read = 0; read < length;) {
		const count = readSync(descriptor, bytes, read, length - read, position + read);
		if (count === 0) {
			throw new RangeError('the entry is cut short');
		}

		read += count;
	}

	return bytes;
}

/** The sections of `head` from `first` to before `end`, cut out of `bytes`, which start at the file's `byteStart`. */
function sectionsOf(head: EntryHead & {readonly headLength: number}, bytes: Buffer, byteStart: number, first: number, end: number): Array<string | StoredArray> {
	let offset = sectionStart(head, first) - byteStart;
	return head.sections.slice(first, end).map(([type, byteLength]) => {
		const section = type === 'text'
			? utf8Text(bytes, offset, offset + byteLength)
			// A view of the bytes read, which are a buffer of their own, at offset 0, kept alive by these views.
			: new arrayTypes[type](bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, byteLength / arrayTypes[type].BYTES_PER_ELEMENT);
		offset = align(offset + byteLength);
		return section;
	});
}

/** Where section `position` starts in the file. */
function sectionStart(head: EntryHead & {readonly headLength: number}, position: number): number {
	let offset = align(16 + head.headLength);
	for (const [, byteLength] of head.sections.slice(0, position)) {
		offset = align(offset + byteLength);
	}

	return offset;
}

/** The fields of a text column of `count` articles; a column of blank fields (most kickers, decks, …) is not split. */
function fieldsOf(column: string, count: number): readonly string[] {
	return count > 0 && column.length === count - 1 && column === fieldSeparator.repeat(count - 1) ? new Array<string>(count).fill('') : column.split(fieldSeparator);
}

/** How many sections hold the articles: the word index's follow them. */
const articleSectionCount = textColumns.length + 6;

/**
 * The parse kept for `key` in `directory`, if an entry made by this build for this very file holds it, whole and
 * well shaped, and only this user could have written it (its articles go to the terminal as they are). A hit marks
 * the entry as recently used. The articles are read at once; the word index, most of the entry, is read in the
 * background (`wordIndex` settles with it), so that the first frame need not wait for it: a damaged index then only
 * means that the search builds its own.
 */
export function readParseCache(key: ParseCacheKey, directory = parseCacheDirectory()): KeptParse | undefined {
	const path = join(directory, entryName(key.file));
	let descriptor: number | undefined;
	let isDescriptorKept = false;
	try {
		descriptor = openSync(path, 'r');
		const {uid, mode, size} = fstatSync(descriptor);
		if ((process.getuid !== undefined && uid !== process.getuid()) || (mode & 0o022) !== 0 || size < 16) {
			return undefined;
		}

		const prefix = readBytes(descriptor, 0, 16);
		const headLength = prefix.readUInt32LE(12);
		if (prefix.toString('latin1', 0, 8) !== magic || 16 + headLength > size) {
			return undefined;
		}

		const headBytes = readBytes(descriptor, 16, headLength);
		if (crc32(headBytes) !== prefix.readUInt32LE(8)) {
			return undefined;
		}

		const head = {...(JSON.parse(headBytes.toString('utf8')) as EntryHead), headLength};
		if (head.build !== buildId() || !isSameKey(head.key, key) || sectionStart(head, head.sections.length) > align(size)) {
			return undefined;
		}

		const articlesStart = sectionStart(head, 0);
		const articlesEnd = sectionStart(head, articleSectionCount);
		const articleBytes = readBytes(descriptor, articlesStart, articlesEnd - articlesStart);
		const sections = sectionsOf(head, articleBytes, articlesStart, 0, articleSectionCount);
		const {articleCount} = head;
		const columns = sections.slice(0, textColumns.length).map(section => fieldsOf(section as string, articleCount));
		const [headlineSourceNumbers, publishedAt, bodyChecksums, unitNumbers, indexes, sourceNumbers] = sections.slice(textColumns.length) as [Uint8Array, Float64Array, Uint32Array, Int32Array, Int32Array, Uint32Array];
		const isShaped = columns.every(column => column.length === articleCount)
			&& [headlineSourceNumbers, publishedAt, bodyChecksums, unitNumbers, indexes, sourceNumbers].every(array => array?.length === articleCount)
			&& Array.isArray(head.sources) && head.sources.every(source => typeof source === 'string')
			&& isWithin.Uint32Array(sourceNumbers, 0, head.sources.length)
			&& isWithin.Int32Array(unitNumbers, 0, head.units.length)
			&& isWithin.Uint8Array(headlineSourceNumbers, 0, headlineSources.length);
		if (!isShaped) {
			return undefined;
		}

		const [ids, headlines, kickers, decks, authors, urls] = columns as [string[], string[], string[], string[], string[], string[]];
		const {sources} = head;
		const optional = (text: string) => (text === '' ? undefined : text);
		const forEachArticle = (visit: (article: CachedArticle) => void) => {
			const noLists: EntryHead['lists'][string] = {};
			const article: {-readonly [Field in keyof CachedArticle]: CachedArticle[Field]} = {id: '', headline: '', headlineSource: 'title', source: '', bodyChecksum: 0, unit: 0, index: 0};
			for (let number = 0; number < articleCount; number++) {
				const date = publishedAt[number]!;
				const lists = head.lists[number] ?? noLists;
				article.id = ids[number]!;
				article.headline = headlines[number]!;
				article.headlineSource = headlineSources[headlineSourceNumbers[number]!]!;
				article.kicker = optional(kickers[number]!);
				article.deck = optional(decks[number]!);
				article.source = sources[sourceNumbers[number]!]!;
				article.author = optional(authors[number]!);
				article.publishedAt = Number.isNaN(date) ? undefined : date;
				article.url = optional(urls[number]!);
				article.categories = lists.categories;
				article.links = lists.links;
				article.bodyChecksum = bodyChecksums[number]!;
				article.unit = unitNumbers[number]!;
				article.index = indexes[number]!;
				visit(article);
			}
		};

		try {
			const now = new Date();
			utimesSync(path, now, now);
		} catch {}

		isDescriptorKept = true;
		const wordIndex = readWordIndex(descriptor, head, articleCount);
		// Whoever takes the index hears of a damaged one; when nobody does (the file was not opened after all), it is no error.
		wordIndex.catch(() => {});
		const units = head.units.map(([byteStart, byteLength, isFirst, unitArticleCount]) => ({byteStart, byteLength, isFirst: isFirst === 1, articleCount: unitArticleCount}));
		return {format: head.format, plan: head.plan, problems: head.problems, units, articleCount, forEachArticle, wordIndex};
	} catch {
		return undefined;
	} finally {
		if (descriptor !== undefined && !isDescriptorKept) {
			try {
				closeSync(descriptor);
			} catch {}
		}
	}
}

/** The word index of an entry, read in the background from `descriptor`, which it then closes; rejects when it is not whole and well shaped. */
async function readWordIndex(descriptor: number, head: EntryHead & {readonly headLength: number}, articleCount: number): Promise<WordIndex> {
	try {
		const start = sectionStart(head, articleSectionCount);
		const length = sectionStart(head, head.sections.length) - start;
		const bytes = Buffer.from(new ArrayBuffer(length));
		for (let read = 0; read < length;) {
			// eslint-disable-next-line no-await-in-loop
			const {bytesRead: count} = await readAsync(descriptor, bytes, read, length - read, start + read);
			if (count === 0) {
				throw new RangeError('the entry is cut short');
			}

			read += count;
		}

		const [vocabulary, wordStarts, wordCounts, firstWords, lastWords, letterMasks, ...segmentArrays] = sectionsOf(head, bytes, start, articleSectionCount, head.sections.length) as [string, Int32Array, Uint32Array, Int32Array, Int32Array, Uint32Array, ...StoredArray[]];
		if (segmentArrays.length !== head.wordIndex.segments.length * 3) {
			throw new RangeError('the entry\'s word index is damaged');
		}

		const wordIndex: WordIndex = {
			articleCount,
			wordCount: head.wordIndex.wordCount,
			vocabulary,
			wordStarts,
			wordCounts,
			firstWords,
			lastWords,
			letterMasks,
			segments: head.wordIndex.segments.map(([firstArticle, segmentArticleCount], position) => ({
				firstArticle,
				articleCount: segmentArticleCount,
				words: segmentArrays[position * 3] as Int32Array,
				offsets: segmentArrays[(position * 3) + 1] as Uint32Array,
				slots: segmentArrays[(position * 3) + 2] as Uint16Array,
			})),
		};
		if (!isWellShaped(wordIndex)) {
			throw new RangeError('the entry\'s word index is damaged');
		}

		return wordIndex;
	} finally {
		try {
			closeSync(descriptor);
		} catch {}
	}
}

const readAsync = promisify(read);

/**
 * What to keep of a parse: its articles as they are (without their bodies: a body is never read here), the number of
 * each one's unit, and the word index.
 */
export type ParseToKeep = Omit<CachedParse, 'articles'> & {
	readonly articles: ReadonlyArray<Omit<Article, 'paragraphs'> & {readonly index: number}>;
	readonly unitNumbers: Int32Array;
};

/**
 * Keeps `parse` for `key` in `directory` (atomically: a temporary file renamed over the entry), then removes the least
 * recently used entries beyond {@link parseCacheByteLimit}. Written a section at a time, each made just before it is
 * written, so that it takes little memory and the interface's thread only a few milliseconds at a time. Resolves with
 * whether it was kept; never rejects: a cache that cannot be written is no cache.
 */
export async function writeParseCache(key: ParseCacheKey, parse: ParseToKeep, directory = parseCacheDirectory(), byteLimit = parseCacheByteLimit): Promise<boolean> {
	let temporaryPath: string | undefined;
	let file: FileHandle | undefined;
	try {
		const {articles, wordIndex, unitNumbers} = parse;
		const lists: Record<string, {categories?: readonly string[]; links?: readonly string[]}> = {};
		for (const [number, {categories, links}] of articles.entries()) {
			if (categories?.length || links?.length) {
				lists[number] = {...(categories?.length ? {categories} : {}), ...(links?.length ? {links} : {})};
			}
		}

		const sourceNumbers = new Map<string, number>();
		for (const {source} of articles) {
			if (!sourceNumbers.has(source)) {
				sourceNumbers.set(source, sourceNumbers.size);
			}
		}

		const column = (field: typeof textColumns[number]) => Buffer.from(articles.map(article => article[field] ?? '').join(fieldSeparator), 'utf8');
		const numbers = <Type extends StoredArray>(type: new (length: number) => Type, value: (article: ParseToKeep['articles'][number]) => number) => {
			const array = new type(articles.length);
			for (const [number, article] of articles.entries()) {
				array[number] = value(article);
			}

			return array;
		};

		const sections: Array<{readonly type: SectionType; readonly make: () => Uint8Array | StoredArray}> = [
			...textColumns.map(field => ({type: 'text' as const, make: () => column(field)})),
			{type: 'Uint8Array', make: () => numbers(Uint8Array, article => Math.max(0, headlineSources.indexOf(article.headlineSource)))},
			{type: 'Float64Array', make: () => numbers(Float64Array, article => article.publishedAt ?? Number.NaN)},
			{type: 'Uint32Array', make: () => numbers(Uint32Array, article => article.bodyChecksum ?? 0)},
			{type: 'Int32Array', make: () => unitNumbers},
			{type: 'Int32Array', make: () => numbers(Int32Array, article => article.index)},
			{type: 'Uint32Array', make: () => numbers(Uint32Array, article => sourceNumbers.get(article.source)!)},
			{type: 'text', make: () => Buffer.from(wordIndex.vocabulary, 'utf8')},
			{type: 'Int32Array', make: () => wordIndex.wordStarts},
			{type: 'Uint32Array', make: () => wordIndex.wordCounts},
			{type: 'Int32Array', make: () => wordIndex.firstWords},
			{type: 'Int32Array', make: () => wordIndex.lastWords},
			{type: 'Uint32Array', make: () => wordIndex.letterMasks},
			...wordIndex.segments.flatMap(segment => [
				{type: 'Int32Array' as const, make: () => segment.words},
				{type: 'Uint32Array' as const, make: () => segment.offsets},
				{type: 'Uint16Array' as const, make: () => segment.slots},
			]),
		];
		// The head names each section's length first: a text column's is its length in UTF-8, measured without keeping it.
		const byteLengthOf = (type: SectionType, make: () => Uint8Array | StoredArray) => {
			switch (type) {
				case 'text': {
					return make().byteLength;
				}

				case 'Uint8Array': {
					return articles.length;
				}

				case 'Float64Array': {
					return articles.length * 8;
				}

				default: {
					return make().byteLength;
				}
			}
		};

		const head: EntryHead = {
			build: buildId(),
			key,
			format: parse.format,
			plan: parse.plan,
			problems: parse.problems,
			units: parse.units.map(unit => [unit.byteStart, unit.byteLength, unit.isFirst ? 1 : 0, unit.articleCount]),
			articleCount: articles.length,
			lists,
			sources: [...sourceNumbers.keys()],
			wordIndex: {wordCount: wordIndex.wordCount, segments: wordIndex.segments.map(segment => [segment.firstArticle, segment.articleCount])},
			sections: sections.map(({type, make}) => [type, byteLengthOf(type, make)]),
		};
		const headBytes = Buffer.from(JSON.stringify(head), 'utf8');
		const prefix = Buffer.alloc(16);
		prefix.write(magic, 0, 'latin1');
		prefix.writeUInt32LE(crc32(headBytes), 8);
		prefix.writeUInt32LE(headBytes.length, 12);

		await mkdir(directory, {recursive: true, mode: 0o700});
		const name = entryName(key.file);
		temporaryPath = join(directory, `.${name}.${process.pid}.tmp`);
		// Never through a file or link that is already there.
		file = await open(temporaryPath, 'wx', 0o600);
		let position = 0;
		const write = async (data: Uint8Array) => {
			await file!.write(data, 0, data.length, position);
			position = align(position + data.length);
		};

		await write(Buffer.concat([prefix, headBytes]));
		for (const {make} of sections) {
			const section = make();
			// eslint-disable-next-line no-await-in-loop
			await write(section instanceof Uint8Array ? section : new Uint8Array(section.buffer, section.byteOffset, section.byteLength));
		}

		// The padding after the last section, so that the file holds every byte the head counts.
		await file.truncate(position);
		await file.close();
		file = undefined;
		await rename(temporaryPath, join(directory, name));
		temporaryPath = undefined;
		evictBeyond(directory, byteLimit, name);
		return true;
	} catch {
		return false;
	} finally {
		try {
			await file?.close();
			if (temporaryPath !== undefined) {
				await unlink(temporaryPath);
			}
		} catch {}
	}
}

/** Removes the least recently used entries (but `kept`) until all of them take at most `byteLimit`. */
function evictBeyond(directory: string, byteLimit: number, kept: string) {
	const names = readdirSync(directory);
	// A temporary file left by a session that ended while writing, an hour ago or more.
	for (const name of names.filter(name => name.endsWith('.tmp'))) {
		if (statSync(join(directory, name)).mtimeMs < Date.now() - (60 * 60 * 1000)) {
			unlinkSync(join(directory, name));
		}
	}

	const entries = names
		.filter(name => name.endsWith('.parse'))
		.map(name => {
			const info = statSync(join(directory, name));
			return {name, size: info.size, usedMs: info.mtimeMs};
		})
		.sort((left, right) => right.usedMs - left.usedMs);
	let total = 0;
	for (const entry of entries) {
		total += entry.size;
		if (total > byteLimit && entry.name !== kept) {
			unlinkSync(join(directory, entry.name));
			total -= entry.size;
		}
	}
}
