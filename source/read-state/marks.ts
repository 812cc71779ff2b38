import type {Article} from '../article.js';
import {isRecord} from '../formats/format.js';
import {type PlaceMap, placesFileText, placesFromFile} from './places.js';

/** One yes/no mark (read, starred) and when it last changed, in milliseconds since the epoch. */
export type MarkFlag = {readonly isOn: boolean; readonly changedAt: number};

/** What is known about one article. A flag that was never set is absent. */
export type ArticleMark = {readonly read?: MarkFlag; readonly starred?: MarkFlag};

/** The marks of many articles, by {@link articleKey}. */
export type MarkMap = ReadonlyMap<string, ArticleMark>;

/** The flags an article can carry. */
export type MarkName = keyof ArticleMark;

/**
 * The marks the interface knows: those saved when it started, and those changed since, which win. Keeping the two
 * apart makes a change cost a copy of the session's changes only, not of every saved mark.
 */
export type ReadMarks = {readonly saved: MarkMap; readonly changed: MarkMap};

/** No marks at all: everything unread, nothing starred. */
export const noReadMarks: ReadMarks = {saved: new Map(), changed: new Map()};

/** How big the state file may grow; readme.md states these. */
export const markLimits = {
	/** The most articles the file remembers; past it, the marks changed longest ago go first (starred ones last). */
	maximumArticleCount: 50_000,
	/** How long an undone mark (marked unread, unstarred) is kept for other running instances to learn of it. */
	undoneMarkDays: 30,
} as const;

const dayMs = 24 * 60 * 60 * 1000;
const schemePattern = /^[a-z][a-z\d+.-]*:/iu;

/**
 * The key an article's marks are stored under. A GUID or address that names a scheme (`https:`, `urn:`, `tag:`)
 * is the same wherever the article appears, so it is the key; any other id (a hash of the headline, or a JSON
 * `id` such as `17`) only means something within its source, so the source (feed title or file name) goes first.
 */
export function articleKey(article: Pick<Article, 'id' | 'source'>): string {
	return schemePattern.test(article.id) ? article.id : `${article.source}/${article.id}`;
}

/** One flag of `key` as the interface sees it: the session's change, else the saved mark. */
function flagOf(marks: ReadMarks, key: string, name: MarkName): MarkFlag | undefined {
	return marks.changed.get(key)?.[name] ?? marks.saved.get(key)?.[name];
}

/** Whether the article under `key` carries flag `name`: has been read, or is starred. */
export function isMarked(marks: ReadMarks, key: string, name: MarkName): boolean {
	return flagOf(marks, key, name)?.isOn ?? false;
}

/**
 * The marks with flag `name` set to `isOn` for every key of `keys`, at time `now`. Keys whose flag is already so
 * are left alone; when none changes, the same object comes back.
 */
export function withFlag(marks: ReadMarks, keys: Iterable<string>, name: MarkName, isOn: boolean, now: number): ReadMarks {
	let changed: Map<string, ArticleMark> | undefined;
	const flag: MarkFlag = {isOn, changedAt: now};
	for (const key of keys) {
		const current = marks.changed.get(key);
		if (((current?.[name] ?? marks.saved.get(key)?.[name])?.isOn ?? false) === isOn) {
			continue;
		}

		// Built field by field: `m` runs this for every article of the list, a million in a big file.
		const mark: {read?: MarkFlag; starred?: MarkFlag} = {};
		const otherFlag = name === 'read' ? current?.starred : current?.read;
		if (otherFlag) {
			mark[name === 'read' ? 'starred' : 'read'] = otherFlag;
		}

		mark[name] = flag;
		changed ??= new Map(marks.changed);
		changed.set(key, mark);
	}

	return changed ? {saved: marks.saved, changed} : marks;
}

/**
 * The marks with the session's changes moved into the saved ones, once they are in the file: a change then copies
 * only the changes made since, not all of them (`m` on a big list makes many).
 */
export function foldedMarks(marks: ReadMarks): ReadMarks {
	if (marks.changed.size === 0) {
		return marks;
	}

	const saved = new Map(marks.saved);
	for (const [key, mark] of marks.changed) {
		const savedMark = saved.get(key);
		saved.set(key, savedMark ? {...savedMark, ...mark} : mark);
	}

	return {saved, changed: new Map()};
}

/** The newer of two flags; at the same moment, the one that is on, so that merging is the same in any order. */
function newerFlag(first: MarkFlag | undefined, second: MarkFlag | undefined): MarkFlag | undefined {
	if (!first || !second) {
		return first ?? second;
	}

	if (first.changedAt !== second.changedAt) {
		return first.changedAt > second.changedAt ? first : second;
	}

	return first.isOn ? first : second;
}

function mergedMark(first: ArticleMark, second: ArticleMark): ArticleMark {
	const read = newerFlag(first.read, second.read);
	const starred = newerFlag(first.starred, second.starred);
	return {...(read ? {read} : {}), ...(starred ? {starred} : {})};
}

/**
 * Several sets of marks as one: for each article and flag, the latest change wins, whichever set it came from.
 * This is how two instances writing the same file keep each other's marks: each merges what the file holds now
 * with its own before writing. Merging is commutative, associative and idempotent.
 */
export function mergeMarks(...maps: readonly MarkMap[]): Map<string, ArticleMark> {
	const merged = new Map<string, ArticleMark>();
	for (const map of maps) {
		for (const [key, mark] of map) {
			const earlier = merged.get(key);
			merged.set(key, earlier ? mergedMark(earlier, mark) : mark);
		}
	}

	return merged;
}

/** The latest change to a mark. */
const lastChangeOf = (mark: ArticleMark) => Math.max(mark.read?.changedAt ?? 0, mark.starred?.changedAt ?? 0);

/**
 * The marks worth keeping at time `now`, within {@link markLimits}: undone marks older than the limit go, and past
 * the article limit, the marks changed longest ago, starred articles last.
 */
export function prunedMarks(map: MarkMap, now: number): Map<string, ArticleMark> {
	const undoneBefore = now - markLimits.undoneMarkDays * dayMs;
	const keepFlag = (flag: MarkFlag | undefined) => (flag && (flag.isOn || flag.changedAt >= undoneBefore) ? flag : undefined);
	const kept: Array<[string, ArticleMark]> = [];
	for (const [key, mark] of map) {
		const read = keepFlag(mark.read);
		const starred = keepFlag(mark.starred);
		if (read || starred) {
			kept.push([key, read === mark.read && starred === mark.starred ? mark : {...(read ? {read} : {}), ...(starred ? {starred} : {})}]);
		}
	}

	if (kept.length > markLimits.maximumArticleCount) {
		const isStarred = (mark: ArticleMark) => (mark.starred?.isOn ? 1 : 0);
		kept.sort(([, first], [, second]) => isStarred(second) - isStarred(first) || lastChangeOf(second) - lastChangeOf(first));
		kept.length = markLimits.maximumArticleCount;
	}

	return new Map(kept);
}

/** The version of the file format this code writes. */
const fileVersion = 1;

/** A flag as the file holds it: `"read": time` or `"unread": time`, `"starred": time` or `"unstarred": time`. */
const fileFieldNames = {read: ['read', 'unread'], starred: ['starred', 'unstarred']} as const;

/** Each mark's fields as the file writes them, made once: most marks are the same objects from one save to the next. */
const fieldTexts = new WeakMap<ArticleMark, string>();

function fieldTextOf(mark: ArticleMark): string {
	let text = fieldTexts.get(mark);
	if (text === undefined) {
		const fields: Record<string, number> = {};
		for (const name of ['read', 'starred'] as const) {
			const flag = mark[name];
			if (flag) {
				fields[fileFieldNames[name][flag.isOn ? 0 : 1]] = flag.changedAt;
			}
		}

		text = JSON.stringify(fields);
		fieldTexts.set(mark, text);
	}

	return text;
}

/**
 * The state file's text: JSON, one article a line, so that it reads and diffs well, then the places left in each
 * set of inputs (see places.ts), when there are any. Older versions read the file and skip the places.
 */
export function stateFileText(map: MarkMap, places: PlaceMap = new Map()): string {
	const lines: string[] = [];
	for (const [key, mark] of map) {
		lines.push(`${JSON.stringify(key)}:${fieldTextOf(mark)}`);
	}

	const placesText = places.size > 0 ? `,"places":{\n${placesFileText(places)}\n}` : '';
	return `{"version":${fileVersion},"articles":{\n${lines.join(',\n')}\n}${placesText}}\n`;
}

/** What reading a state file's text gave: its marks, or why they cannot be used. */
export type ParsedStateFile =
	| {readonly kind: 'marks'; readonly marks: Map<string, ArticleMark>; /** Present when the file holds any. */ readonly places?: PlaceMap}
	| {readonly kind: 'corrupt'; readonly reason: string}
	| {readonly kind: 'newer'; readonly version: number};


function flagFrom(fields: Record<string, unknown>, name: MarkName): MarkFlag | undefined {
	const [onName, offName] = fileFieldNames[name];
	const on = fields[onName];
	const off = fields[offName];
	const onFlag = typeof on === 'number' && Number.isFinite(on) ? {isOn: true, changedAt: on} : undefined;
	const offFlag = typeof off === 'number' && Number.isFinite(off) ? {isOn: false, changedAt: off} : undefined;
	return newerFlag(onFlag, offFlag);
}

/**
 * Reads a state file's text. Text that is not the file's JSON shape is corrupt; single entries that make no sense
 * are skipped, so that one odd line does not cost every mark.
 */
export function parseStateFile(text: string): ParsedStateFile {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return {kind: 'corrupt', reason: (error as Error).message};
	}

	if (!isRecord(data) || typeof data['version'] !== 'number' || !isRecord(data['articles'])) {
		return {kind: 'corrupt', reason: 'not a Broadsheet read-state file'};
	}

	if (data['version'] > fileVersion) {
		return {kind: 'newer', version: data['version']};
	}

	const marks = new Map<string, ArticleMark>();
	for (const [key, fields] of Object.entries(data['articles'])) {
		if (!isRecord(fields)) {
			continue;
		}

		const read = flagFrom(fields, 'read');
		const starred = flagFrom(fields, 'starred');
		if (read || starred) {
			marks.set(key, {...(read ? {read} : {}), ...(starred ? {starred} : {})});
		}
	}

	const places = placesFromFile(data['places']);
	return places.size > 0 ? {kind: 'marks', marks, places} : {kind: 'marks', marks};
}
