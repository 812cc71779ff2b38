import {isRecord} from '../formats/format.js';

/**
 * Where the user left a set of inputs, as vim remembers the cursor in a file: the article last selected (by its
 * {@link articleKey}), and when it was.
 */
export type Place = {readonly articleKey: string; readonly changedAt: number};

/** The places of many sets of inputs, by {@link inputSetKey}. */
export type PlaceMap = ReadonlyMap<string, Place>;

/** How many sets of inputs the state file remembers a place for: past it, those left longest ago go first. */
export const maximumPlaceCount = 100;

/**
 * The key of a set of inputs: its files, directories and addresses (as absolute paths or URLs), in any order, so that
 * `broadsheet a.xml b.xml` and `broadsheet b.xml a.xml` are the same set. Undefined for stdin, which is new every time.
 */
export function inputSetKey(inputs: readonly string[]): string | undefined {
	if (inputs.length === 0 || inputs.includes('-')) {
		return undefined;
	}

	return JSON.stringify([...new Set(inputs)].sort());
}

/** Several sets of places as one: for each set of inputs, the place left last. The same in any order. */
export function mergePlaces(...maps: readonly PlaceMap[]): Map<string, Place> {
	const merged = new Map<string, Place>();
	for (const map of maps) {
		for (const [key, place] of map) {
			const earlier = merged.get(key);
			if (!earlier || place.changedAt > earlier.changedAt || (place.changedAt === earlier.changedAt && place.articleKey > earlier.articleKey)) {
				merged.set(key, place);
			}
		}
	}

	return merged;
}

/** The {@link maximumPlaceCount} places left last. */
export function prunedPlaces(map: PlaceMap): Map<string, Place> {
	if (map.size <= maximumPlaceCount) {
		return new Map(map);
	}

	return new Map([...map].sort(([, first], [, second]) => second.changedAt - first.changedAt).slice(0, maximumPlaceCount));
}

/** The places as the state file's `places` object holds them, one a line: `"key":{"article":"…","at":time}`. */
export function placesFileText(map: PlaceMap): string {
	return [...map].map(([key, place]) => `${JSON.stringify(key)}:${JSON.stringify({article: place.articleKey, at: place.changedAt})}`).join(',\n');
}

/** The places of the state file's `places` field; entries that make no sense are skipped. */
export function placesFromFile(value: unknown): Map<string, Place> {
	const places = new Map<string, Place>();
	if (!isRecord(value)) {
		return places;
	}

	for (const [key, fields] of Object.entries(value)) {
		if (isRecord(fields) && typeof fields['article'] === 'string' && typeof fields['at'] === 'number' && Number.isFinite(fields['at'])) {
			places.set(key, {articleKey: fields['article'], changedAt: fields['at']});
		}
	}

	return places;
}
