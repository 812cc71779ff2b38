import {monotonicMs} from './clock.js';
import type {Article} from '../article.js';
import {exitCodes, UserFacingError} from '../exit-codes.js';
import {createFieldSightings, createProblemLog, type ProblemLog} from '../formats/format.js';
import type {FormatName, ParseOptions, PartOptions} from '../formats/format.js';
import {FileText, type FileTextLimits} from './file-text.js';
import {ArticleWithStoredBody, type BodyUnit, StoredBodies} from './stored-articles.js';
import {parseText} from '../formats/parsers.js';
import {partEndOf, partPlanFor, type PartPlan} from '../formats/parts.js';
import {detectFormat} from '../formats/detect.js';
import {type KeptParse, type ParseCacheKey, type ParseToKeep, readParseCache} from './parse-cache.js';
import type {RestOfText} from './decode-input.js';
import {lineBreakCount} from '../text/line-breaks.js';

/** One input, read and decoded (or opened to be read a chunk at a time), to be parsed. */
export type DecodedInput = {
	/** The path the user gave (a directory's files share it), `-` for stdin. */
	readonly path: string;
	/** The file read, `-` for stdin. */
	readonly file: string;
	/** What messages call it: a printable file name, or `stdin`. */
	readonly name: string;
	/** What its articles name as their source. */
	readonly source: string;
	/** How many bytes the text came from (0: the input was empty). */
	readonly byteCount: number;
	/** The address a fetched input came from, after redirects: relative links resolve against it. */
	readonly documentUrl?: string;
} & (
	/** With `rest`, the text is a file's head, and the rest comes once the first parts are parsed (see decode-input.ts). */
	| {readonly text: string; readonly rest?: RestOfText}
	/**
	 * A big file, read as it is parsed, in `format`, cut as `plan` says; its articles keep their bodies in it (see
	 * stored-articles.ts and {@link openBigFile}).
	 */
	| BigFile
);

/**
 * A big file, open to be read as it is parsed; with `cached`, what an earlier parse of it found (see parse-cache.ts),
 * and with `cacheKey`, what to keep the parse under once it is done.
 */
export type BigFile = {
	readonly fileText: FileText;
	readonly format: FormatName;
	readonly plan: PartPlan;
	readonly cached?: KeptParse;
	readonly cacheKey?: ParseCacheKey;
};

/**
 * `file` opened to be read a chunk at a time as it is parsed, its articles keeping their bodies in it, when it is big
 * enough, valid UTF-8 throughout, and in a format that can be cut into parts (see file-text.ts and formats/parts.ts);
 * undefined otherwise, and it is to be read whole. `format` overrides detection; `onProgress` hears how much of the
 * file has been checked.
 */
export async function openBigFile(
	file: string,
	name: string,
	format: FormatName | undefined,
	limits?: FileTextLimits,
	onProgress?: (byteCount: number, totalByteCount: number) => void,
	cache?: {readonly options: ParseCacheKey['options']; readonly directory?: string},
): Promise<BigFile | undefined> {
	const fileText = await FileText.open(file, limits);
	if (!fileText) {
		return undefined;
	}

	const cacheKey = cache ? fileText.parseCacheKey(file, cache.options) : undefined;
	const cached = cacheKey ? readParseCache(cacheKey, cache?.directory) : undefined;
	if (cached) {
		// The same bytes as when they were checked and parsed: neither is done again.
		return {fileText, format: cached.format, plan: cached.plan, cached};
	}

	const chosenFormat = format ?? detectFormat(fileText.head, name);
	const hasSeparators = chosenFormat === 'text' ? await fileText.hasSeparators() : false;
	const plan = hasSeparators === undefined ? undefined : partPlanFor(fileText.head, chosenFormat, firstPartLength, hasSeparators);
	if (plan && (await fileText.isUtf8Throughout(onProgress))) {
		return {fileText, format: chosenFormat, plan, cacheKey};
	}

	fileText.close();
	return undefined;
}

/** An input's articles so far, and the path and file it came from. */
export type ParsedInput = {
	readonly path: string;
	readonly file: string;
	readonly articles: readonly Article[];
};

/** How to parse: a format that overrides detection, `--fields`, and for tests, a fixed part length. */
export type InputsParseOptions = ParseOptions & {
	readonly format?: FormatName;
	/** Characters a part holds at least (then up to the end of a record); by default it adapts to parse speed. */
	readonly partLength?: number;
	/**
	 * Hears each article as it is parsed, in the order of the inputs' articles, while its paragraphs are still in
	 * memory: the search's word index is built so, rather than from bodies read back from the file after loading.
	 */
	readonly wordIndexer?: {add(article: Article): void};
};

/**
 * How long parsing runs between chances for keys and frames, when the rest of an input is parsed after the first
 * frame (and when a reload parses a file again): short enough that a key pressed meanwhile is answered without a felt
 * delay.
 */
export const parseSliceMs = 12;

/** How long one part should take to parse: short enough that keys are answered between parts. */
const partTargetMs = 8;
const firstPartLength = 64 * 1024;
const smallestPartLength = 16 * 1024;
const largestPartLength = 16 * 1024 * 1024;

/**
 * The part length of a big file whose articles keep their bodies in it: each part is a body unit, parsed again to
 * show one of its articles, so it is kept short.
 */
const bodyUnitLength = 16 * 1024;

/** An input being parsed a part at a time (whole, when its format cannot be cut: see formats/parts.ts). */
class SingleInputParse {
	readonly articles: Article[] = [];
	problems: readonly string[] = [];
	failure: UserFacingError | undefined;
	/** The text not parsed yet, from `position` (with a big file's, what has been read of it). */
	private text: string;
	private readonly format: FormatName;
	private readonly plan: PartPlan | undefined;
	private position = 0;
	private lineNumber = 1;
	private partLength: number;
	private isFinished = false;
	private readonly identityCounts = new Map<string, number>();
	private readonly problemLog: ProblemLog = createProblemLog();
	private readonly fieldSightings = createFieldSightings();
	/** A big file read a chunk at a time, until all of it has been. */
	private fileText: FileText | undefined;
	/** The text after a file's head, until it is wanted. */
	private rest: RestOfText | undefined;
	private readonly bodies: StoredBodies | undefined;
	/** Where in the file the text not parsed yet starts, and where the text read so far ends. */
	private byteStart = 0;
	private textByteEnd = 0;
	/** How much text there is to parse: characters, or a big file's bytes. */
	readonly totalLength: number;

	constructor(
		readonly input: DecodedInput,
		private readonly options: InputsParseOptions,
	) {
		if ('text' in input) {
			this.text = input.text;
			this.format = options.format ?? detectFormat(input.text, input.name);
			// Plain text's layout depends on separators anywhere: the whole text is asked, and decoded when it cannot say.
			const hasSeparators = input.rest && this.format === 'text' ? input.rest.hasSeparators() : undefined;
			const plan = input.rest && (this.format !== 'text' || hasSeparators !== undefined) ? partPlanFor(input.text, this.format, firstPartLength, hasSeparators) : undefined;
			if (plan) {
				// A head whose first parts can be cut: the rest waits.
				this.plan = plan;
				this.rest = input.rest;
			} else {
				this.text = input.rest ? input.rest.wholeText() : input.text;
				this.plan = partPlanFor(this.text, this.format, firstPartLength);
			}
		} else {
			const {fileText, format, plan} = input;
			this.format = format;
			this.plan = plan;
			this.text = '';
			this.fileText = fileText;
			this.byteStart = fileText.textStart;
			this.textByteEnd = fileText.textStart;
			// Made of what the unit needs alone: the articles keep their bodies, and through them this parser, so a closure
			// over it would keep every article of the load, and its identities, as long as any one of them.
			const {source, name} = input;
			const unitOptions = {...options, format, fileName: name, plainTextLayout: plan.plainTextLayout};
			this.bodies = new StoredBodies(fileText, (text, isFirst) => parseText(isFirst || plan.partHeader === undefined ? text : plan.partHeader + text, source, unitOptions).articles);
			if (input.cached) {
				this.takeCached(input.cached);
			}
		}

		this.totalLength = this.fileText || this.rest ? input.byteCount : this.text.length;
		this.partLength = options.partLength ?? (this.fileText ? bodyUnitLength : firstPartLength);
	}

	/** The articles and problems an earlier parse of this very file found: nothing is left to parse. */
	private takeCached({units, forEachArticle, problems}: KeptParse) {
		const bodyUnits: BodyUnit[] = units.map(unit => ({...unit, bodies: this.bodies!}));
		forEachArticle(article => {
			this.articles.push(new ArticleWithStoredBody(article, bodyUnits[article.unit]!, article.index));
		});

		this.problems = problems;
		this.fileText = undefined;
		this.isFinished = true;
		this.failure = this.articles.length > 0 ? undefined : noArticlesFailure(this.input, problems, this.format);
	}

	/** What parsing found, to keep for the next time (see parse-cache.ts), once all is parsed; without the word index. */
	get parseToKeep(): Omit<ParseToKeep, 'wordIndex'> | undefined {
		if (!this.isFinished || !this.bodies || !this.plan || 'text' in this.input || this.input.cached) {
			return undefined;
		}

		const units = new Map<BodyUnit, number>();
		const unitNumbers = new Int32Array(this.articles.length);
		for (const [position, article] of this.articles.entries()) {
			const {unit} = article as ArticleWithStoredBody;
			let unitNumber = units.get(unit);
			if (unitNumber === undefined) {
				unitNumber = units.size;
				units.set(unit, unitNumber);
			}

			unitNumbers[position] = unitNumber;
		}

		return {
			format: this.format,
			plan: this.plan,
			problems: this.problems,
			units: [...units.keys()].map(({byteStart, byteLength, isFirst, articleCount}) => ({byteStart, byteLength, isFirst, articleCount})),
			articles: this.articles as ArticleWithStoredBody[],
			unitNumbers,
		};
	}

	/** Whether all of the input is parsed. */
	get isDone(): boolean {
		return this.isFinished;
	}

	/** How much is left to parse, in the units of {@link totalLength}. */
	get remainingLength(): number {
		return this.isFinished ? 0 : this.bodies ? this.totalLength - this.byteStart : Math.max(0, (this.rest ? this.totalLength : this.text.length) - this.position);
	}

	/** Parses the next part (all that is left when the format cannot be cut). */
	parseNextPart(): void {
		const started = monotonicMs();
		const end = this.partEnd();
		const part = this.text.slice(this.position, end);
		const isFirst = this.lineNumber === 1;
		const partText = !isFirst && this.plan?.partHeader !== undefined ? this.plan.partHeader + part : part;
		const result = this.parsePart(partText, {
			identityCounts: this.identityCounts,
			problemLog: this.problemLog,
			fieldSightings: this.fieldSightings,
			firstLineNumber: this.lineNumber,
		});
		const {wordIndexer} = this.options;
		if (wordIndexer) {
			for (const article of result.articles) {
				wordIndexer.add(article);
			}
		}

		if (this.bodies) {
			const unit: BodyUnit = {bodies: this.bodies, byteStart: this.byteStart, byteLength: Buffer.byteLength(part), isFirst, articleCount: result.articles.length};
			this.byteStart += unit.byteLength;
			for (const [index, article] of result.articles.entries()) {
				this.articles.push(new ArticleWithStoredBody(article, unit, index));
			}
		} else {
			for (const article of result.articles) {
				this.articles.push(article);
			}
		}

		this.problems = result.problems;
		this.lineNumber += lineBreakCount(part);
		this.position = end;
		if (!this.bodies) {
			const elapsedMs = monotonicMs() - started;
			this.partLength = this.options.partLength ?? Math.round(Math.min(largestPartLength, Math.max(smallestPartLength, (this.partLength * partTargetMs) / Math.max(elapsedMs, 0.5))));
		}

		if (this.position >= this.text.length && this.fileText === undefined && this.rest === undefined) {
			this.isFinished = true;
			// The articles keep what they need of the text.
			this.text = '';
			this.position = 0;
			this.failure = this.articles.length > 0 ? undefined : noArticlesFailure(this.input, this.problems, this.format);
		}
	}

	/** Where the next part ends; a big file is read on until it holds the part, or to its end. */
	private partEnd(): number {
		let end = this.plan ? partEndOf(this.text, this.position, this.partLength, this.plan) : this.text.length;
		if (end === this.text.length && this.rest) {
			// The head is parsed: the whole text, which starts with it, is parsed on from where the head's parts ended.
			this.text = this.rest.wholeText();
			this.rest = undefined;
			end = partEndOf(this.text, this.position, this.partLength, this.plan!);
		}

		while (end === this.text.length && this.fileText) {
			// The text not parsed yet, read again with the next chunk: at least as long again, so that a long record is
			// read in ever longer chunks, and at least a whole character more.
			const remainingByteCount = this.textByteEnd - this.byteStart;
			const read = this.fileText.textFrom(this.byteStart, remainingByteCount + Math.max(this.fileText.chunkByteCount, remainingByteCount, 4));
			if (read === undefined || read.byteEnd <= this.textByteEnd) {
				// All of it is read: the file stays open for the bodies.
				this.fileText = undefined;
				break;
			}

			this.text = read.text;
			this.textByteEnd = read.byteEnd;
			this.position = 0;
			end = partEndOf(this.text, this.position, this.partLength, this.plan!);
		}

		return end;
	}

	private parsePart(text: string, partOptions: PartOptions) {
		return parseText(text, this.input.source, {
			...this.options,
			...partOptions,
			format: this.format,
			fileName: this.input.name,
			plainTextLayout: this.plan?.plainTextLayout,
			documentUrl: this.input.documentUrl,
		});
	}
}

/** Why an input that gave no articles is of no use, as one line. */
function noArticlesFailure(input: Pick<DecodedInput, 'name' | 'byteCount'>, problems: readonly string[], format: FormatName): UserFacingError {
	if (problems[0] !== undefined) {
		return new UserFacingError(`${input.name}: ${problems[0]}`, format === 'subscriptions' ? exitCodes.subscriptionList : exitCodes.malformed);
	}

	const reason = input.byteCount === 0 ? 'it is empty' : 'it holds no text';
	return new UserFacingError(`${input.name} has no articles (${reason})`, exitCodes.noArticles);
}

/**
 * Inputs being parsed, in order, a part at a time: the first screenful can be shown while the rest is parsed in
 * slices between keystrokes.
 */
export class InputsParse {
	private readonly parses: SingleInputParse[];
	private readonly totalLength: number;

	/** The index of the first input not parsed to its end (see unfinishedParse). */
	private nextIndex = 0;
	/** The length of the inputs after that one, none of them parsed yet. */
	private unparsedLengthAfter: number;
	private parsedArticleCount = 0;

	constructor(inputs: readonly DecodedInput[], options: InputsParseOptions = {}) {
		this.parses = inputs.map(input => new SingleInputParse(input, options));
		this.totalLength = this.parses.reduce((sum, parse) => sum + parse.totalLength, 0);
		this.unparsedLengthAfter = this.totalLength - (this.parses[0]?.totalLength ?? 0);
	}

	/** Whether every input is parsed. */
	get isComplete(): boolean {
		return this.unfinishedParse() === undefined;
	}

	/** How much of the text is parsed, from 0 to 1. */
	get parsedShare(): number {
		const parse = this.unfinishedParse();
		const remaining = parse === undefined ? 0 : this.unparsedLengthAfter + parse.remainingLength;
		return this.totalLength === 0 ? 1 : 1 - remaining / this.totalLength;
	}

	/** How many articles are parsed so far. */
	get articleCount(): number {
		return this.parsedArticleCount;
	}

	/** Parses part after part until `articleCount` articles are in or all is parsed. */
	parseUntilCount(articleCount: number): void {
		while (!this.isComplete && this.articleCount < articleCount) {
			this.parseNextPart();
		}
	}

	/** Parses part after part for about `budgetMs` (at least one part); returns whether all is parsed. */
	parseFor(budgetMs: number): boolean {
		const deadline = monotonicMs() + budgetMs;
		do {
			this.parseNextPart();
		} while (!this.isComplete && monotonicMs() < deadline);
		return this.isComplete;
	}

	/** The inputs parsed so far (finished or not) that have articles, in order. */
	get parsedInputs(): ParsedInput[] {
		return this.parses.filter(parse => parse.articles.length > 0).map(({input, articles}) => ({path: input.path, file: input.file, articles}));
	}

	/** Warnings so far: each problem of each input that has articles, naming it (see `failures` for the others). */
	get warnings(): string[] {
		return this.parses.flatMap(parse => (parse.failure ? [] : parse.problems).map(problem => `${parse.input.path === '-' ? 'stdin' : parse.input.file}: ${problem}`));
	}

	/** The inputs that ended with no articles, and why. */
	get failures(): UserFacingError[] {
		return this.parses.flatMap(parse => (parse.failure ? [parse.failure] : []));
	}

	/**
	 * What to keep in the parse cache, once all is parsed: the parse of the one input, when it is a big file opened with
	 * a cache key, and did not come from the cache.
	 */
	get parseToKeep(): {readonly key: ParseCacheKey; readonly parse: Omit<ParseToKeep, 'wordIndex'>} | undefined {
		const [only] = this.parses;
		const key = only && 'cacheKey' in only.input ? only.input.cacheKey : undefined;
		const parse = this.parses.length === 1 ? only?.parseToKeep : undefined;
		return key && parse ? {key, parse} : undefined;
	}

	/** Why the input read from `file` ended with no articles, if it did. */
	failureOf(file: string): UserFacingError | undefined {
		return this.parses.find(parse => parse.input.file === file)?.failure;
	}

	/**
	 * The first input not yet parsed to its end. The inputs are parsed in order, so the ones before it stay done: the
	 * counts are kept as parsing goes, and a directory of 20,000 files costs no more per file than one of 20.
	 */
	private unfinishedParse(): SingleInputParse | undefined {
		while (this.nextIndex < this.parses.length && this.parses[this.nextIndex]!.isDone) {
			this.nextIndex++;
			this.unparsedLengthAfter -= this.parses[this.nextIndex]?.totalLength ?? 0;
		}

		return this.parses[this.nextIndex];
	}

	private parseNextPart(): void {
		const parse = this.unfinishedParse();
		if (parse) {
			const countBefore = parse.articles.length;
			parse.parseNextPart();
			this.parsedArticleCount += parse.articles.length - countBefore;
		}
	}
}
