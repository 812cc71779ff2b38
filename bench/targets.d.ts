/** Types for bench/targets.js, as far as its callers (bench/run.js, a unit test) read them. A series' median, p95 and count. */
export type Summary = {readonly median: number; readonly p95: number; readonly count: number};
/** The references measured beside the rows: bare node's starts at the suite's beginning, among others. */
export type References = {readonly bareNode: Summary; readonly [name: string]: unknown};
export type TargetResult = {
	readonly description: string;
	readonly corpus: string;
	readonly terminal: string;
	readonly verdict: 'met' | 'missed';
	readonly shown: string;
};

/** Bare node's starts a row's first frames are compared with: those paired with them, or else the suite's. */
export function bareNodeFor(row: {readonly bareNode?: Summary}, references: References): Summary;

/** Every target checked against every row it applies to. */
export function checkTargets(rows: readonly object[], references: References): TargetResult[];
