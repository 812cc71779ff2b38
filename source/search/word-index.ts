import type {Article} from '../article.js';
import {absentField, bylineOf, deckOf} from './search-document.js';

/**
 * An inverted index of the words of every searched field, built once per set of articles.
 *
 * A word is what fuse.js counts as one (a run of characters other than tab, line breaks, space and no-break
 * space), lower-cased as fuse.js compares text. A pattern without such characters occurs in a field exactly when
 * it occurs in one of the field's words, which is what lets the index stand in for fuse.js's scan of every field.
 *
 * Fields are numbered by {@link fieldNames} order; field `field` of article `article` is the *slot*
 * `article * 4 + field`, and the index answers in sets of slots.
 */
export type WordIndex = {
	readonly articleCount: number;
	readonly wordCount: number;
	/** Every distinct word, each between line feeds (`\nword\nword\n`): one string to search with indexOf. */
	readonly vocabulary: string;
	/** Where word `id` starts in {@link vocabulary}; one more entry, for the end. */
	readonly wordStarts: Int32Array;
	/** The postings, a run of articles at a time. */
	readonly segments: readonly Segment[];
	/** How many words each slot holds (0 for a blank field, which fuse.js skips); fuse.js's field norm comes from it. */
	readonly wordCounts: Uint32Array;
	/** The first word of each slot, by id (-1 when blank). */
	readonly firstWords: Int32Array;
	/** The last word of each slot, by id (-1 when blank). */
	readonly lastWords: Int32Array;
	/**
	 * Which of the letters a to z each slot holds: bit 0 for `a`, … bit 25 for `z`. A filter of one letter matches
	 * every field that holds it (nearly all of them), which the postings would answer only by merging most of the index.
	 */
	readonly letterMasks: Uint32Array;
};

/** The bit of {@link WordIndex.letterMasks} for the character `code`, or 0 when it is not one of a to z. */
export function letterBit(code: number): number {
	return code >= 0x61 && code <= 0x7A ? 1 << (code - 0x61) : 0;
}

/**
 * Postings for `articleCount` articles from `firstArticle` on. `words` lists the ids of the words the segment's
 * articles hold, ascending; the slots (relative to the segment's first slot) that hold `words[position]` are
 * `slots[offsets[position]]` up to `slots[offsets[position + 1]]`, ascending.
 */
export type Segment = {
	readonly firstArticle: number;
	readonly articleCount: number;
	readonly words: Int32Array;
	readonly offsets: Uint32Array;
	readonly slots: Uint16Array;
};

/** Articles a segment: their slots must fit a Uint16Array. */
const segmentArticleCount = 4096;
/** Articles between checks of the clock while building. */
const articlesPerStep = 64;

/** The characters fuse.js's field norm counts as word separators (its isWordSeparator). */
const isSeparator = new Uint8Array(0x1_00_00);
// With the marks of paragraph kinds (see paragraphMarks in article.ts), which lead a paragraph's first word.
for (const code of [9, 10, 11, 12, 13, 32, 160, 0xff_f9, 0xff_fa, 0xff_fb]) {
	isSeparator[code] = 1;
}

/** Whether `text` contains a character that separates words, so that it cannot lie inside one word. */
export function hasSeparator(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		if (isSeparator[text.charCodeAt(index)] === 1) {
			return true;
		}
	}

	return false;
}

/** A copy of `array` twice as long, the new half filled with `fill`. */
function grown<T extends Int32Array | Uint16Array | Uint32Array>(array: T, fill: number): T {
	const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
	larger.set(array);
	larger.fill(fill, array.length);
	return larger;
}

/**
 * Whether `word` stands in `text` at `start`: a loop the compiler inlines, quicker on words of a few letters than
 * a call of startsWith.
 */
function isAt(text: string, start: number, word: string): boolean {
	for (let index = 0; index < word.length; index++) {
		if (text.charCodeAt(start + index) !== word.charCodeAt(index)) {
			return false;
		}
	}

	return true;
}

/** Each ASCII character lower-cased, as toLowerCase does it. */
const asciiLowerCase = Uint8Array.from({length: 0x80}, (_, code) => (code >= 0x41 && code <= 0x5A ? code + 0x20 : code));

/** Whether the lower-cased `word` stands in `text` at `start`, which holds ASCII there, lower-cased or not. */
function isAtLowerCased(text: string, start: number, word: string): boolean {
	for (let index = 0; index < word.length; index++) {
		if (asciiLowerCase[text.charCodeAt(start + index)] !== word.charCodeAt(index)) {
			return false;
		}
	}

	return true;
}

/** A growable hash table from word to id that looks words up in place, without cutting them out of the text. */
class Vocabulary {
	readonly words: string[] = [];
	private hashes = new Int32Array(1024);
	private table = new Int32Array(2048).fill(-1);

	/** The id of the word `text[start, end)`, adding it when new. */
	idOf(text: string, start: number, end: number, hash: number): number {
		const mask = this.table.length - 1;
		const length = end - start;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const id = this.table[slot]!;
			if (id === -1) {
				// A copy: a slice would keep the whole lower-cased text it was cut from alive.
				return this.add((' ' + text.slice(start, end)).slice(1), hash, slot);
			}

			if (this.hashes[id] === hash) {
				const word = this.words[id]!;
				if (word.length === length && isAt(text, start, word)) {
					return id;
				}
			}
		}
	}

	/**
	 * The id of the word `text[start, end)`, all ASCII, lower-cased, adding it when new; `hash` is the hash of it
	 * lower-cased. The text itself need not be lower-cased: most words are found without making a string.
	 */
	idOfAscii(text: string, start: number, end: number, hash: number): number {
		const mask = this.table.length - 1;
		const length = end - start;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const id = this.table[slot]!;
			if (id === -1) {
				// A copy: a slice would keep the whole text it was cut from alive.
				return this.add((' ' + text.slice(start, end).toLowerCase()).slice(1), hash, slot);
			}

			if (this.hashes[id] === hash) {
				const word = this.words[id]!;
				if (word.length === length && isAtLowerCased(text, start, word)) {
					return id;
				}
			}
		}
	}

	private add(word: string, hash: number, slot: number): number {
		const id = this.words.length;
		this.words.push(word);
		if (id === this.hashes.length) {
			const hashes = new Int32Array(id * 2);
			hashes.set(this.hashes);
			this.hashes = hashes;
		}

		this.hashes[id] = hash;
		this.table[slot] = id;
		if (this.words.length * 2 > this.table.length) {
			this.grow();
		}

		return id;
	}

	private grow() {
		const table = new Int32Array(this.table.length * 2).fill(-1);
		const mask = table.length - 1;
		for (let id = 0; id < this.words.length; id++) {
			let slot = this.hashes[id]! & mask;
			while (table[slot] !== -1) {
				slot = (slot + 1) & mask;
			}

			table[slot] = id;
		}

		this.table = table;
	}
}

/** What the word index reads of an article: its searched fields. */
export type IndexedArticle = Pick<Article, 'headline' | 'kicker' | 'deck' | 'paragraphs' | 'author' | 'source'>;

/**
 * The text of an article's four searched fields, as {@link WordIndexer.addSlotTexts} takes them: headline, kicker,
 * deck, and the body (the by-line and the paragraphs, a line each: the same words as fuse.js's body, where blank lines
 * join them). A field the article lacks is undefined: fuse.js reads {@link absentField} there, which is not ASCII, and
 * would make a string of many fields take two bytes a character.
 */
export function slotTextsOf({headline, kicker, deck, paragraphs, author, source}: IndexedArticle): [string, string | undefined, string | undefined, string | undefined] {
	const byline = bylineOf({author, source});
	const isBodyEmpty = paragraphs.length === 0 || (paragraphs.length === 1 && paragraphs[0] === '');
	const body = isBodyEmpty ? byline || undefined : byline === '' ? paragraphs.join('\n') : `${byline}\n${paragraphs.join('\n')}`;
	return [headline, kicker, deckOf({headline, deck}), body];
}

/**
 * Builds a {@link WordIndex} an article at a time, in the order of the list it will search: as a file is parsed,
 * while each article's paragraphs are still in memory, or over a list already made (see {@link WordIndexBuilder}).
 */
export class WordIndexer {
	private readonly vocabulary = new Vocabulary();
	private readonly segments: Segment[] = [];
	private wordCounts = new Uint32Array(1024);
	private firstWords = new Int32Array(1024).fill(-1);
	private lastWords = new Int32Array(1024).fill(-1);
	private letterMasks = new Uint32Array(1024);
	/** For each word, by id, the letters it holds (see WordIndex.letterMasks). */
	private wordLetters = new Uint32Array(1024);
	/** For each word, the last slot that listed it, so that a slot lists a word once. */
	private lastSlots = new Int32Array(1024).fill(-1);
	/** For each word, the last segment that held it, and then its position among the segment's words. */
	private lastSegments = new Int32Array(1024).fill(-1);
	/** The current segment's words, in the order first seen. */
	private segmentWords = new Int32Array(1024);
	private segmentWordCount = 0;
	/** The current segment's (word, slot) pairs, in slot order. */
	private pairWords = new Int32Array(1 << 16);
	private pairSlots = new Uint16Array(1 << 16);
	private pairCount = 0;
	private articleCount = 0;
	private index: WordIndex | undefined;

	/** How many articles are indexed so far. */
	get indexedCount(): number {
		return this.articleCount;
	}

	/** Adds the next article of the list. */
	add({headline, kicker, deck, paragraphs, author, source}: IndexedArticle): void {
		const {slot, segmentSlot} = this.nextArticle();
		this.addText(headline, slot, segmentSlot);
		this.addText(kicker ?? absentField, slot + 1, segmentSlot + 1);
		this.addText(deckOf({headline, deck}) ?? absentField, slot + 2, segmentSlot + 2);
		// The body is searched as the by-line and its paragraphs joined by blank lines (see searchDocumentOf): the same
		// words as the parts one by one.
		const byline = bylineOf({author, source});
		const isBodyEmpty = paragraphs.length === 0 || (paragraphs.length === 1 && paragraphs[0] === '');
		if (byline !== '') {
			this.addText(byline, slot + 3, segmentSlot + 3);
		}

		for (const paragraph of isBodyEmpty ? (byline === '' ? [absentField] : []) : paragraphs) {
			this.addText(paragraph, slot + 3, segmentSlot + 3);
		}

		this.endArticle();
	}

	/**
	 * Adds the next article of the list as its fields' text (see {@link slotTextsOf}): `text` holds them one after
	 * another, each after a line feed but the first, from `start` on; `lengths` says how long each is (-1: the field is
	 * absent, and holds nothing in `text`), and the article takes the four from `first` on.
	 */
	addSlotTexts(text: string, lengths: ArrayLike<number>, first: number, start: number): void {
		const {slot, segmentSlot} = this.nextArticle();
		let fieldStart = start;
		for (let field = 0; field < 4; field++) {
			const length = lengths[first + field]!;
			if (length < 0) {
				this.addText(absentField, slot + field, segmentSlot + field);
			} else {
				this.addWords(text, fieldStart, fieldStart + length, slot + field, segmentSlot + field);
			}

			fieldStart += Math.max(0, length) + 1;
		}

		this.endArticle();
	}

	private nextArticle(): {slot: number; segmentSlot: number} {
		if (this.index) {
			throw new Error('the word index is finished');
		}

		const article = this.articleCount;
		const slot = article * 4;
		if (slot + 4 > this.wordCounts.length) {
			this.wordCounts = grown(this.wordCounts, 0);
			this.firstWords = grown(this.firstWords, -1);
			this.lastWords = grown(this.lastWords, -1);
			this.letterMasks = grown(this.letterMasks, 0);
		}

		return {slot, segmentSlot: (article % segmentArticleCount) * 4};
	}

	private endArticle() {
		const article = this.articleCount++;
		if (article % segmentArticleCount === segmentArticleCount - 1) {
			this.closeSegment(article + 1);
		}
	}

	/** The index of the articles added; none can be added after. */
	finish(): WordIndex {
		this.index ??= this.finished();
		return this.index;
	}

	/** Adds the words of `text` to slot `slot` (`segmentSlot` in its segment). */
	private addText(text: string, slot: number, segmentSlot: number) {
		this.addWords(text, 0, text.length, slot, segmentSlot);
	}

	/**
	 * Adds the words of `text` from `start` to `end` to slot `slot` (`segmentSlot` in its segment), each lower-cased.
	 * A word of ASCII (nearly every one) is lower-cased as it is read, a character at a time, and looked up where it
	 * stands; any other word is cut out and lower-cased whole. Lower-casing a word alone is lower-casing it in its text:
	 * the one letter whose lower case depends on its neighbours, Σ, looks no further than the word's end, a space.
	 */
	private addWords(text: string, start: number, end: number, slot: number, segmentSlot: number) {
		const {vocabulary} = this;
		// The arrays in locals, read once a text rather than once a word: they change only when a new word makes them grow.
		let {wordLetters, lastSlots} = this;
		let wordCount = this.wordCounts[slot]!;
		let letters = this.letterMasks[slot]!;
		let lastWord = this.lastWords[slot]!;
		let index = start;
		while (index < end) {
			let code = text.charCodeAt(index);
			if (isSeparator[code] === 1) {
				index++;
				continue;
			}

			const wordStart = index;
			// FNV-1a over the UTF-16 code units of the word lower-cased.
			let hash = 0x81_1c_9d_c5;
			let isAscii = true;
			do {
				if (code < 0x80) {
					hash = Math.imul(hash ^ asciiLowerCase[code]!, 0x01_00_01_93);
				} else {
					isAscii = false;
				}

				index++;
			} while (index < end && isSeparator[(code = text.charCodeAt(index))] !== 1);

			const wordCountBefore = vocabulary.words.length;
			let id: number;
			if (isAscii) {
				id = vocabulary.idOfAscii(text, wordStart, index, hash);
			} else {
				const word = text.slice(wordStart, index).toLowerCase();
				hash = 0x81_1c_9d_c5;
				for (let position = 0; position < word.length; position++) {
					hash = Math.imul(hash ^ word.charCodeAt(position), 0x01_00_01_93);
				}

				id = vocabulary.idOf(word, 0, word.length, hash);
			}

			if (id === wordCountBefore) {
				this.noteLetters(id, vocabulary.words[id]!);
				({wordLetters, lastSlots} = this);
			}

			if (wordCount === 0) {
				this.firstWords[slot] = id;
			}

			lastWord = id;
			wordCount++;
			// A slot lists a word once.
			if (lastSlots[id] !== slot) {
				lastSlots[id] = slot;
				this.addPair(id, segmentSlot);
			}

			letters |= wordLetters[id]!;
		}

		this.wordCounts[slot] = wordCount;
		this.letterMasks[slot] = letters;
		this.lastWords[slot] = lastWord;
	}

	/** Keeps the letters of the new word `id`, `word`, and makes room for its id in every array by word. */
	private noteLetters(id: number, word: string) {
		if (id >= this.wordLetters.length) {
			this.wordLetters = grown(this.wordLetters, 0);
		}

		if (id >= this.lastSlots.length) {
			this.lastSlots = grown(this.lastSlots, -1);
			this.lastSegments = grown(this.lastSegments, -1);
		}

		let letters = 0;
		for (let position = 0; position < word.length; position++) {
			letters |= letterBit(word.charCodeAt(position));
		}

		this.wordLetters[id] = letters;
	}

	/** Notes that the current segment's slot `segmentSlot` holds word `id` (once: see addText). */
	private addPair(id: number, segmentSlot: number) {
		if (this.lastSegments[id] !== this.segments.length) {
			this.lastSegments[id] = this.segments.length;
			if (this.segmentWordCount === this.segmentWords.length) {
				this.segmentWords = grown(this.segmentWords, 0);
			}

			this.segmentWords[this.segmentWordCount++] = id;
		}

		if (this.pairCount === this.pairWords.length) {
			this.pairWords = grown(this.pairWords, 0);
			this.pairSlots = grown(this.pairSlots, 0);
		}

		this.pairWords[this.pairCount] = id;
		this.pairSlots[this.pairCount] = segmentSlot;
		this.pairCount++;
	}

	/**
	 * Groups the segment's pairs by word, the words in ascending order (a counting sort, stable, so each word's slots
	 * stay ascending). Only the segment's own words take room, however large the vocabulary grows.
	 */
	private closeSegment(endArticle: number) {
		const firstArticle = this.segments.reduce((sum, segment) => sum + segment.articleCount, 0);
		const words = this.segmentWords.slice(0, this.segmentWordCount).sort();
		// In locals: the loops below go over every pair of the segment, a million of them.
		const {lastSegments, pairWords, pairSlots, pairCount} = this;
		// From now on, lastSegments holds each of the segment's words' position in `words`.
		for (let position = 0; position < words.length; position++) {
			lastSegments[words[position]!] = position;
		}

		const offsets = new Uint32Array(words.length + 1);
		for (let pair = 0; pair < pairCount; pair++) {
			offsets[lastSegments[pairWords[pair]!]! + 1]!++;
		}

		for (let position = 0; position < words.length; position++) {
			offsets[position + 1]! += offsets[position]!;
		}

		const cursors = offsets.slice(0, words.length);
		const slots = new Uint16Array(pairCount);
		for (let pair = 0; pair < pairCount; pair++) {
			slots[cursors[lastSegments[pairWords[pair]!]!]!++] = pairSlots[pair]!;
		}

		// No word has been seen in the segments to come.
		for (let position = 0; position < words.length; position++) {
			lastSegments[words[position]!] = -1;
		}

		this.segments.push({firstArticle, articleCount: endArticle - firstArticle, words, offsets, slots});
		this.pairCount = 0;
		this.segmentWordCount = 0;
	}

	private finished(): WordIndex {
		if (this.articleCount % segmentArticleCount !== 0) {
			this.closeSegment(this.articleCount);
		}

		const {words} = this.vocabulary;
		const wordStarts = new Int32Array(words.length + 1);
		let offset = 1;
		for (const [id, word] of words.entries()) {
			wordStarts[id] = offset;
			offset += word.length + 1;
		}

		wordStarts[words.length] = offset;
		const slotCount = this.articleCount * 4;
		const index: WordIndex = {
			articleCount: this.articleCount,
			wordCount: words.length,
			vocabulary: `\n${words.join('\n')}\n`,
			wordStarts,
			segments: this.segments,
			wordCounts: this.wordCounts.slice(0, slotCount),
			firstWords: this.firstWords.slice(0, slotCount),
			lastWords: this.lastWords.slice(0, slotCount),
			letterMasks: this.letterMasks.slice(0, slotCount),
		};
		// Only the index is needed from now on.
		this.wordCounts = new Uint32Array(0);
		this.firstWords = new Int32Array(0);
		this.lastWords = new Int32Array(0);
		this.letterMasks = new Uint32Array(0);
		this.wordLetters = new Uint32Array(0);
		this.pairWords = new Int32Array(0);
		this.pairSlots = new Uint16Array(0);
		this.lastSlots = new Int32Array(0);
		this.lastSegments = new Int32Array(0);
		this.segmentWords = new Int32Array(0);
		return index;
	}
}

/**
 * Builds a {@link WordIndex} of a list of articles a few at a time, so that the interface stays responsive meanwhile;
 * or waits for one being built elsewhere (in a worker, as the articles were parsed), and builds it itself only if that
 * fails.
 */
export class WordIndexBuilder {
	private readonly indexer = new WordIndexer();
	private index: WordIndex | undefined;
	/** The index being built elsewhere, until it comes or fails; with how far it has got. */
	private prepared: {readonly index: Promise<unknown>; readonly indexedCount: () => number} | undefined;

	constructor(
		private readonly articles: readonly Article[],
		prepared?: {readonly index: Promise<WordIndex>; readonly indexedCount: () => number},
	) {
		if (prepared) {
			const settled = prepared.index.then(
				index => {
					if (index.articleCount === articles.length) {
						this.index = index;
					}
				},
				() => {},
			);
			this.prepared = {
				index: settled.then(() => {
					this.prepared = undefined;
				}),
				indexedCount: prepared.indexedCount,
			};
		}
	}

	/** How many articles are indexed so far. */
	get indexedCount(): number {
		return this.index ? this.index.articleCount : this.prepared ? this.prepared.indexedCount() : this.indexer.indexedCount;
	}

	/** The index, once {@link step} has indexed every article (or the index built elsewhere has come). */
	get result(): WordIndex | undefined {
		return this.index;
	}

	/** While the index is being built elsewhere: settles when it has come, or failed and is to be built here. */
	get awaited(): Promise<unknown> | undefined {
		return this.index ? undefined : this.prepared?.index;
	}

	/**
	 * Indexes articles until `deadline` (a `performance.now()` time) passes or none are left; answers the index when
	 * done. Does nothing while the index is being built elsewhere (see {@link awaited}).
	 */
	step(deadline: number): WordIndex | undefined {
		while (!this.index && !this.prepared) {
			const end = Math.min(this.articles.length, this.indexer.indexedCount + articlesPerStep);
			for (let article = this.indexer.indexedCount; article < end; article++) {
				this.indexer.add(this.articles[article]!);
			}

			if (end === this.articles.length) {
				this.index = this.indexer.finish();
			} else if (performance.now() >= deadline) {
				break;
			}
		}

		return this.index;
	}
}

/** The index of `articles`, built at once. */
export function buildWordIndex(articles: readonly Article[]): WordIndex {
	return new WordIndexBuilder(articles).step(Number.POSITIVE_INFINITY)!;
}
