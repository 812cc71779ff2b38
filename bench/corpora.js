/**
 * The corpora the benchmark opens: the sample, Reuters-21578 as published (JSON Lines), and generated ones.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {ensureGeneratedCorpus} from './generate-corpus.js';

/** The benchmark's corpora, smallest first. `projectDirectory` is the repository root. */
export function corpora(projectDirectory) {
	const sharedCorpusPath = join(projectDirectory, '..', 'shared', 'corpora', 'reuters21578.jsonl');
	return [
		{
			name: 'sample',
			isInQuickRun: true,
			prepare: () => ({filePath: join(projectDirectory, 'samples', 'taipei-times.txt')}),
		},
		{
			name: 'generated-10k',
			isInQuickRun: true,
			prepare: () => ({filePath: ensureGeneratedCorpus(10_000)}),
		},
		{
			name: 'reuters',
			isInQuickRun: false,
			prepare() {
				if (!existsSync(sharedCorpusPath)) {
					return {skipReason: `${sharedCorpusPath} is absent`};
				}

				// Read as it is: 21,578 stories, one JSON object a line (a few have no title, and some no body).
				return {filePath: sharedCorpusPath};
			},
		},
		{
			name: 'generated-100k',
			isInQuickRun: false,
			prepare: () => ({filePath: ensureGeneratedCorpus(100_000)}),
		},
	];
}
