/** Small statistics and formatting helpers for the benchmark table. */

/** The value below which `fraction` of `values` lie (nearest rank), or undefined for no values. */
export function percentile(values, fraction) {
	if (values.length === 0) {
		return undefined;
	}

	const sorted = [...values].sort((left, right) => left - right);
	const rank = Math.ceil(fraction * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median of `values` (the middle value, or the mean of the two middle values). */
export function median(values) {
	if (values.length === 0) {
		return undefined;
	}

	const sorted = [...values].sort((left, right) => left - right);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median and 95th percentile of `values`. */
export function summarise(values) {
	return {median: median(values), p95: percentile(values, 0.95), count: values.length};
}

/** A number of milliseconds for the table: whole numbers from 10 ms up, one decimal below. */
export function formatMilliseconds(milliseconds) {
	return milliseconds >= 10 ? String(Math.round(milliseconds)) : milliseconds.toFixed(1);
}

/** A byte count for the table: bytes below 10 KB, then KB with one decimal (1 KB = 1000 bytes). */
export function formatBytes(byteCount) {
	return byteCount < 10_000 ? String(Math.round(byteCount)) : `${(byteCount / 1000).toFixed(1)} KB`;
}

/** A file size in MB (1 MB = 1,000,000 bytes). */
export function formatFileSize(byteCount) {
	if (byteCount < 1_000_000) {
		return `${(byteCount / 1000).toFixed(1)} KB`;
	}

	return `${(byteCount / 1_000_000).toFixed(1)} MB`;
}
