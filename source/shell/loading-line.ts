import type {LoadProgress} from '../load/read-input.js';

/** Loads shorter than this show nothing: a line that flashes up and vanishes is noise. */
const quietMilliseconds = 250;
const redrawMilliseconds = 100;
/** Inputs this big take long enough to parse that the progress line shows at once. */
const bigInputByteCount = 8 * 1024 * 1024;

const megabytes = (byteCount: number) => `${(byteCount / 1024 / 1024).toFixed(byteCount < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * The progress line's text: `Reading news.jsonl… 64 MB of 180 MB (35%)`, then `Parsing news.jsonl (180 MB)…`;
 * `Fetching feeds… 3/40` while feeds are fetched;
 * with `ellipsis` (`...` in ASCII) for the dots.
 */
export function progressText(progress: LoadProgress, ellipsis = '…'): string {
	if (progress.phase === 'fetching') {
		const counts = progress.fetchCounts;
		return `Fetching feeds${ellipsis}${counts ? ` ${counts.fetched}/${counts.total}` : ''}`;
	}

	if (progress.phase === 'parsing') {
		return `Parsing ${progress.path} (${megabytes(progress.byteCount)})${ellipsis}`;
	}

	const total = progress.totalByteCount;
	return total
		? `Reading ${progress.path}${ellipsis} ${megabytes(progress.byteCount)} of ${megabytes(total)} (${Math.floor((progress.byteCount / total) * 100)}%)`
		: `Reading ${progress.path}${ellipsis} ${megabytes(progress.byteCount)}`;
}

/** A one-line progress indicator on the terminal while big inputs load; it erases itself when done. */
export type LoadingLine = {
	readonly update: (progress: LoadProgress) => void;
	readonly clear: () => void;
};

/**
 * Draws progress on `output` (a terminal), no more than every 100 ms, and only once loading has taken 250 ms, even
 * when nothing arrives (a pipe that stays silent still shows what is awaited).
 */
export function createLoadingLine(output: NodeJS.WriteStream, columnCount: number, ellipsis = '…'): LoadingLine {
	const startedAt = Date.now();
	let drawnAt = 0;
	let isShown = false;
	let latest: LoadProgress | undefined;
	const draw = (progress: LoadProgress) => {
		drawnAt = Date.now();
		isShown = true;
		output.write(`\r\u001B[2K${progressText(progress, ellipsis).slice(0, Math.max(1, columnCount - 1))}`);
	};

	const timer = setTimeout(() => {
		if (latest) {
			draw(latest);
		}
	}, quietMilliseconds);
	timer.unref();
	return {
		update(progress) {
			latest = progress;
			const now = Date.now();
			// Parsing a big input blocks for a while, so its line is drawn at once: it must say why nothing moves.
			const isBigParse = progress.phase === 'parsing' && progress.byteCount >= bigInputByteCount;
			if (isBigParse || (now - startedAt >= quietMilliseconds && now - drawnAt >= redrawMilliseconds)) {
				draw(progress);
			}
		},
		clear() {
			clearTimeout(timer);
			if (isShown) {
				output.write('\r\u001B[2K');
				isShown = false;
			}
		},
	};
}
