/**
 * The performance targets, as data, and their check against one run's results. All targets are on p95.
 */

/**
 * One target.
 * @typedef {object} Target
 * @property {string} description what the target asks, for people
 * @property {string} corpus the corpus it applies to ('web' for the feeds and pages of issue 15), or '*' for every
 *   file corpus measured
 * @property {string} [terminal] the terminal size it applies to ('120x40'); every size when absent
 * @property {(row: object, references: object) => number | string | undefined} measured the p95 it is about,
 *   a string such as 'timeout' when the measurement failed, or undefined when it does not apply
 * @property {(row: object, references: object) => number} limit the largest acceptable value
 * @property {(value: number) => string} format how to show the value and the limit
 */

const milliseconds = value => `${Math.round(value)} ms`;
const bytes = value => `${Math.round(value)} B`;
const megabytes = value => `${Math.round(value / 1_000_000)} MB`;

/**
 * Bare node's starts a row's first frames are compared with: those measured each just before one of the row's starts
 * (a small file's), or else the suite's, measured at its beginning.
 */
export const bareNodeFor = (row, references) => row.bareNode ?? references.bareNode;

/** The p95 of a row's series, or why there is none. */
function seriesP95(series, pick) {
	if (!series) {
		return 'not reached';
	}

	if (series.outcome === 'timeout' || series.outcome === 'exited') {
		return series.outcome;
	}

	return pick(series)?.p95 ?? 'no samples';
}

/** The targets the product is held to. */
export const targets = [
	{
		description: 'first frame, sample',
		corpus: 'sample',
		measured: row => row.firstFrame.failure ?? row.firstFrame.p95,
		limit: () => 250,
		format: milliseconds,
	},
	{
		description: 'first frame, sample, at most 2.5x bare node',
		corpus: 'sample',
		measured: row => row.firstFrame.failure ?? row.firstFrame.p95,
		limit: (row, references) => 2.5 * bareNodeFor(row, references).p95,
		format: milliseconds,
	},
	{
		description: 'first frame, sample, at most 1.5x bare node (issue 16)',
		corpus: 'sample',
		measured: row => row.firstFrame.failure ?? row.firstFrame.p95,
		limit: (row, references) => 1.5 * bareNodeFor(row, references).p95,
		format: milliseconds,
	},
	{
		description: 'first frame, 19k articles (reuters)',
		corpus: 'reuters',
		measured: row => row.firstFrame.failure ?? row.firstFrame.p95,
		limit: () => 500,
		format: milliseconds,
	},
	{
		description: 'first frame, 100k articles',
		corpus: 'generated-100k',
		measured: row => row.firstFrame.failure ?? row.firstFrame.p95,
		limit: () => 1500,
		format: milliseconds,
	},
	{
		description: 'Down latency',
		corpus: '*',
		terminal: '120x40',
		measured: row => seriesP95(row.down, series => series.latency),
		limit: () => 16,
		format: milliseconds,
	},
	{
		description: 'Down bytes',
		corpus: '*',
		terminal: '120x40',
		measured: row => seriesP95(row.down, series => series.bytes),
		limit: () => 400,
		format: bytes,
	},
	{
		description: 'held Down settled after release',
		corpus: '*',
		terminal: '120x40',
		measured: row => seriesP95(row.heldDown, series => series.latency),
		limit: () => 50,
		format: milliseconds,
	},
	{
		description: 'PgDn bytes',
		corpus: '*',
		measured: row => seriesP95(row.pageDown, series => series.bytes),
		limit: () => 6000,
		format: bytes,
	},
	{
		description: 'filter keystroke, 19k articles (reuters)',
		corpus: 'reuters',
		measured: row => seriesP95(row.filter, series => series.latency),
		limit: () => 30,
		format: milliseconds,
	},
	{
		description: 'filter keystroke, 100k articles',
		corpus: 'generated-100k',
		measured: row => seriesP95(row.filter, series => series.latency),
		limit: () => 60,
		format: milliseconds,
	},
	{
		description: 'searchable, 100k articles, from start (issue 16)',
		corpus: 'generated-100k',
		measured: row => row.searchableMs ?? 'not reached',
		limit: () => 2000,
		format: milliseconds,
	},
	{
		description: 'searchable on opening the same 100k file again, from start (issue 16)',
		corpus: 'generated-100k',
		measured: row => (row.secondOpen ? row.secondOpen.failure ?? row.secondOpen.searchableMs ?? 'timeout' : 'not kept'),
		limit: () => 500,
		format: milliseconds,
	},
	{
		description: 'first frame after start, 50 feeds served locally (issue 15)',
		corpus: 'web',
		measured: row => row.web.firstFetch.failure ?? row.web.firstFetch.firstFrame.p95,
		limit: () => 300,
		format: milliseconds,
	},
	{
		description: 'all 50 feeds in, from start (issue 15)',
		corpus: 'web',
		measured: row => row.web.firstFetch.failure ?? row.web.firstFetch.allIn.p95,
		limit: () => 1500,
		format: milliseconds,
	},
	{
		description: 'extracting a 200 KB article page (issue 15)',
		corpus: 'web',
		measured: row => row.extraction.failure ?? row.extraction.p95,
		limit: () => 50,
		format: milliseconds,
	},
	{
		description: 'peak RSS, 50 feeds (issue 15: within the 100k file\'s target)',
		corpus: 'web',
		measured: row => row.web.firstFetch.failure ?? row.peakResidentBytes ?? 'not measured',
		limit: () => 350_000_000,
		format: megabytes,
	},
	{
		description: 'peak RSS, 100k articles',
		corpus: 'generated-100k',
		measured: row => row.peakResidentBytes ?? 'not measured',
		limit: () => 350_000_000,
		format: megabytes,
	},
];

/**
 * Checks every target against the rows it applies to. Returns one line per target and row:
 * `{description, corpus, terminal, verdict: 'met' | 'missed', shown}`; a failed measurement counts as missed.
 */
export function checkTargets(rows, references) {
	const results = [];
	for (const target of targets) {
		// '*' is every file corpus: the web row has no keystrokes measured.
		const applicableRows = rows.filter(row => (target.corpus === '*' ? !row.isWeb : row.corpus === target.corpus) && (!target.terminal || row.terminal === target.terminal));
		for (const row of applicableRows) {
			const value = target.measured(row, references);
			const limit = target.limit(row, references);
			const isMet = typeof value === 'number' && Number.isFinite(limit) && value <= limit;
			const shownValue = typeof value === 'number' ? target.format(value) : value;
			results.push({
				description: target.description,
				corpus: row.corpus,
				terminal: row.terminal,
				verdict: isMet ? 'met' : 'missed',
				shown: `${shownValue} (limit ${Number.isFinite(limit) ? target.format(limit) : 'unknown'})`,
			});
		}
	}

	return results;
}
