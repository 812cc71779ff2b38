/** A row of bench/run.js's results, and the references measured beside them: only what the targets read is typed. */
export type Summary = {readonly median: number; readonly p95: number; readonly count: number};
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
