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
 * Appends to `texts` the texts of `article`'s searched fields, as the index reads them: headline, kicker, deck (each
 * {@link absentField} when the article has none), then the texts of the body: the by-line and the paragraphs (the body
 * is searched as these joined by blank lines, see searchDocumentOf: the same words as the parts one by one), or
 * {@link absentField} alone when the body and the by-line are empty. Answers how many texts the body has.
 */
export function pushIndexedTexts(article: IndexedArticle, texts: string[]): number {
	const {headline, kicker, paragraphs} = article;
	texts.push(headline, kicker ?? absentField, deckOf(article) ?? absentField);
	const byline = bylineOf(article);
	if (paragraphs.length === 0 || (paragraphs.length === 1 && paragraphs[0] === '')) {
		texts.push(byline === '' ? absentField : byline);
		return 1;
	}

	if (byline !== '') {
		texts.push(byline);
	}

	for (const paragraph of paragraphs) {
		texts.push(paragraph);
	}

	return paragraphs.length + (byline === '' ? 0 : 1);
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
	/** For each word, how many of the current segment's slots hold it. */
	private segmentPairCounts = new Uint32Array(1024);
	/** For each word, while a segment is closed, where its next slot goes. */
	private slotCursors = new Int32Array(1024).fill(-1);
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
	add(article: IndexedArticle): void {
		const texts: string[] = [];
		this.addTexts(texts, 0, pushIndexedTexts(article, texts));
	}

	/**
	 * Adds the next article of the list by its texts (see {@link pushIndexedTexts}), from `texts[first]` on, its body's
	 * being `bodyTextCount`; `isLowerCase` says they are lower-cased already (as the word index worker gets them), which
	 * spares looking them over again.
	 */
	addTexts(texts: readonly string[], first: number, bodyTextCount: number, isLowerCase = false): void {
		if (this.index) {
			throw new Error('the word index is finished');
		}

		const article = this.articleCount++;
		const slot = article * 4;
		if (slot + 4 > this.wordCounts.length) {
			this.wordCounts = grown(this.wordCounts, 0);
			this.firstWords = grown(this.firstWords, -1);
			this.lastWords = grown(this.lastWords, -1);
			this.letterMasks = grown(this.letterMasks, 0);
		}

		const segmentSlot = (article % segmentArticleCount) * 4;
		for (let field = 0; field < 3 + bodyTextCount; field++) {
			const fieldSlot = Math.min(field, 3);
			const text = texts[first + field]!;
			this.addText(isLowerCase ? text : text.toLowerCase(), slot + fieldSlot, segmentSlot + fieldSlot);
		}

		if (article % segmentArticleCount === segmentArticleCount - 1) {
			this.closeSegment(article + 1);
		}
	}

	/** The index of the articles added; none can be added after. */
	finish(): WordIndex {
		this.index ??= this.finished();
		return this.index;
	}

	/** Adds the words of `lowerCase`, a lower-cased text, to slot `slot` (`segmentSlot` in its segment). */
	private addText(lowerCase: string, slot: number, segmentSlot: number) {
		const {length} = lowerCase;
		const {vocabulary} = this;
		let wordCount = this.wordCounts[slot]!;
		let letters = this.letterMasks[slot]!;
		let lastWord = -1;
		let index = 0;
		while (index < length) {
			let code = lowerCase.charCodeAt(index);
			if (isSeparator[code] === 1) {
				index++;
				continue;
			}

			const start = index;
			// FNV-1a over the UTF-16 code units.
			let hash = 0x81_1c_9d_c5;
			do {
				hash = Math.imul(hash ^ code, 0x01_00_01_93);
				index++;
			} while (index < length && isSeparator[(code = lowerCase.charCodeAt(index))] !== 1);

			const wordCountBefore = vocabulary.words.length;
			const id = vocabulary.idOf(lowerCase, start, index, hash);
			if (id === wordCountBefore) {
				this.addWord(id, lowerCase, start, index);
			}

			if (wordCount === 0) {
				this.firstWords[slot] = id;
			}

			lastWord = id;
			wordCount++;
			// A word already in the slot adds nothing to it but its count.
			if (this.lastSlots[id] !== slot) {
				this.lastSlots[id] = slot;
				this.addPair(id, segmentSlot);
				letters |= this.wordLetters[id]!;
			}
		}

		if (lastWord !== -1) {
			this.lastWords[slot] = lastWord;
		}

		this.wordCounts[slot] = wordCount;
		this.letterMasks[slot] = letters;
	}

	/** Makes room for the new word `id`, `text[start, end)`, and keeps its letters. */
	private addWord(id: number, text: string, start: number, end: number) {
		if (id >= this.wordLetters.length) {
			this.wordLetters = grown(this.wordLetters, 0);
			this.lastSlots = grown(this.lastSlots, -1);
			this.slotCursors = grown(this.slotCursors, -1);
			this.segmentPairCounts = grown(this.segmentPairCounts, 0);
		}

		let letters = 0;
		for (let position = start; position < end; position++) {
			letters |= letterBit(text.charCodeAt(position));
		}

		this.wordLetters[id] = letters;
	}

	/** Records that the segment's slot `segmentSlot` holds word `id`. */
	private addPair(id: number, segmentSlot: number) {
		const count = this.segmentPairCounts[id]!;
		this.segmentPairCounts[id] = count + 1;
		if (count === 0) {
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
		const counts = this.segmentPairCounts;
		// Each word's slots go from offsets[position]; from now on, `cursors` (by word id) is where its next slot goes.
		const offsets = new Uint32Array(words.length + 1);
		const cursors = this.slotCursors;
		for (let position = 0; position < words.length; position++) {
			const id = words[position]!;
			cursors[id] = offsets[position]!;
			offsets[position + 1] = offsets[position]! + counts[id]!;
			// No word has been seen in the segments to come.
			counts[id] = 0;
		}

		const slots = new Uint16Array(this.pairCount);
		const {pairWords, pairSlots} = this;
		for (let pair = 0; pair < this.pairCount; pair++) {
			slots[cursors[pairWords[pair]!]!++] = pairSlots[pair]!;
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
		this.slotCursors = new Int32Array(0);
		this.segmentPairCounts = new Uint32Array(0);
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
