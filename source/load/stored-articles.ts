import type {Article} from '../article.js';
import {bodyChecksum} from '../article.js';
import type {FileText} from './file-text.js';

/*
The articles of a big file keep their bodies in the file (see file-text.ts). Each part the file is parsed in is a
body unit: a few kilobytes that parse on their own, as they did the first time. An article's paragraphs are found by
reading its unit again and parsing it, when the article is shown, searched or printed; the last few units parsed are
kept. Everything else an article holds is kept in memory, copied out of the parsed text so that the text itself can go.
*/

/** A part of a file, which parses on its own into a run of its articles: where their bodies are read again from. */
export type BodyUnit = {
	readonly bodies: StoredBodies;
	readonly byteStart: number;
	readonly byteLength: number;
	/** Whether the unit starts the text (for CSV, it holds the header row, which the others are parsed after). */
	readonly isFirst: boolean;
	/** How many articles it holds. */
	readonly articleCount: number;
};

/**
 * How many parsed units are kept: enough for going through the articles in order (the search index is built so) while
 * the article being read stays parsed; search hits, in no order, each parse theirs (16 KB, a fraction of a millisecond).
 */
const keptUnitCount = 4;

/** What an article shows when its unit no longer parses as it did: the file was changed where it lay. */
export const changedOnDiskParagraphs: readonly string[] = [
	'This article’s text cannot be shown: the file has changed since Broadsheet read it. Reload it (R) to read it as it is now.',
];

/** The bodies of one file's articles, read again from the file when they are wanted. */
export class StoredBodies {
	private readonly parsedUnits = new Map<BodyUnit, readonly Article[]>();
	private readonly sources = new Map<string, string>();

	constructor(
		private readonly fileText: FileText,
		/** Parses a unit's text as the file's parts are parsed; for units after the first, without the CSV header row. */
		private readonly parseUnit: (text: string, isFirst: boolean) => readonly Article[],
	) {}

	/**
	 * The paragraphs of the article at `index` in `unit`, whose headline is `headline`: a unit whose article there has
	 * another headline now was changed in the file.
	 */
	paragraphsOf(unit: BodyUnit, index: number, headline: string): readonly string[] {
		let articles = this.parsedUnits.get(unit);
		if (articles) {
			// Most recently used last.
			this.parsedUnits.delete(unit);
		} else {
			const text = this.fileText.textAt(unit.byteStart, unit.byteLength);
			articles = text === undefined ? [] : this.parseUnit(text, unit.isFirst);
		}

		this.parsedUnits.set(unit, articles);
		if (this.parsedUnits.size > keptUnitCount) {
			this.parsedUnits.delete(this.parsedUnits.keys().next().value!);
		}

		const article = articles[index];
		return article?.headline === headline ? article.paragraphs : changedOnDiskParagraphs;
	}

	/** `source` detached from the text it came from, one copy for each source name (they repeat). */
	sourceName(source: string): string {
		let kept = this.sources.get(source);
		if (kept === undefined) {
			kept = detached(source);
			this.sources.set(kept, kept);
		}

		return kept;
	}
}

/** A copy of `text` that holds none of the string it was cut from (V8 keeps a slice's whole parent alive). */
function detached<Text extends string | undefined>(text: Text): Text {
	// Concatenating makes a new string that V8 flattens into fresh memory before slicing it.
	return (text === undefined ? text : (' ' + text).slice(1)) as Text;
}

/**
 * An article whose body stays in the file until it is wanted: the same as any other article to whoever reads it,
 * `paragraphs` included.
 */
export class ArticleWithStoredBody implements Article {
	readonly id: string;
	readonly headline: string;
	readonly headlineSource: Article['headlineSource'];
	readonly kicker?: string;
	readonly deck?: string;
	readonly source: string;
	readonly author?: string;
	readonly publishedAt?: number;
	readonly url?: string;
	readonly categories?: readonly string[];
	readonly links?: readonly string[];
	readonly bodyChecksum: number;

	/**
	 * `article` as parsed from `unit`, the article at `index` in it; or, with `bodyChecksum`, an article kept from an
	 * earlier parse (see parse-cache.ts), whose fields are its own already and whose body was not read.
	 */
	constructor(
		article: Omit<Article, 'paragraphs'> & {readonly paragraphs?: readonly string[]},
		/** Where the body is read again from. */
		readonly unit: BodyUnit,
		/** Which of the unit's articles this is. */
		readonly index: number,
	) {
		const isKept = article.paragraphs === undefined;
		this.id = isKept ? article.id : detached(article.id);
		this.headline = isKept ? article.headline : detached(article.headline);
		this.headlineSource = article.headlineSource;
		this.kicker = isKept ? article.kicker : detached(article.kicker);
		this.deck = isKept ? article.deck : detached(article.deck);
		this.source = unit.bodies.sourceName(article.source);
		this.author = isKept ? article.author : detached(article.author);
		this.publishedAt = article.publishedAt;
		this.url = isKept ? article.url : detached(article.url);
		this.categories = isKept ? article.categories : article.categories?.map(category => detached(category));
		this.links = isKept ? article.links : article.links?.map(link => detached(link));
		this.bodyChecksum = isKept ? article.bodyChecksum ?? 0 : bodyChecksum(article as Article);
	}

	get paragraphs(): readonly string[] {
		return this.unit.bodies.paragraphsOf(this.unit, this.index, this.headline);
	}
}

/** How much of a file's text a window of {@link withBodiesRead} covers: the first one, then the others. */
const firstWindowByteCount = 1024 * 1024;
const windowByteCount = 64 * 1024 * 1024;

/**
 * `articles`, in their order, each with its body. The bodies kept in a file are read a window of articles at a time,
 * each window's in the file's order: in an order of their own (newest first, A–Z, best match), articles would each
 * read and parse their unit again, which made printing a 60 MB CSV file ten times slower. A window in the file's order
 * already (or near it) is not read ahead, so that its bodies are never all in memory at once; the first window is
 * small, so that the first articles come at once (`| head -1`).
 */
export function * withBodiesRead(articles: Iterable<Article>): Generator<Article> {
	let window: Article[] = [];
	let byteCount = 0;
	let byteLimit = firstWindowByteCount;
	for (const article of articles) {
		window.push(article);
		if (article instanceof ArticleWithStoredBody) {
			byteCount += article.unit.byteLength / article.unit.articleCount;
		}

		if (byteCount >= byteLimit) {
			yield * withBodiesOf(window);
			window = [];
			byteCount = 0;
			byteLimit = windowByteCount;
		}
	}

	yield * withBodiesOf(window);
}

/** The articles of a window with their bodies, read in the files' order unless reading them in theirs is as quick. */
function withBodiesOf(window: readonly Article[]): readonly Article[] {
	const stored = window.filter(article => article instanceof ArticleWithStoredBody);
	if (unitParseCount(stored) < 2 * new Set(stored.map(article => article.unit)).size) {
		return window;
	}

	stored.sort((left, right) => left.unit.byteStart - right.unit.byteStart || left.index - right.index);
	const read = new Map<Article, Article>();
	for (const article of stored) {
		read.set(article, {...article, paragraphs: article.paragraphs});
	}

	return window.map(article => read.get(article) ?? article);
}

/** How many times reading the bodies of `articles` in their order parses a unit, keeping the last few as StoredBodies does. */
function unitParseCount(articles: readonly ArticleWithStoredBody[]): number {
	const kept: BodyUnit[] = [];
	let parseCount = 0;
	for (const {unit} of articles) {
		const keptIndex = kept.indexOf(unit);
		if (keptIndex === -1) {
			parseCount++;
			if (kept.length === keptUnitCount) {
				kept.shift();
			}
		} else {
			kept.splice(keptIndex, 1);
		}

		kept.push(unit);
	}

	return parseCount;
}
