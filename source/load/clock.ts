/**
 * Milliseconds on the clock `performance.now()` reads, for the parsing's time slices. `performance` loads
 * node:perf_hooks and the modules it needs (half a millisecond, at every start on a small file); the clock behind
 * it is process.hrtime's.
 */
export function monotonicMs(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}
