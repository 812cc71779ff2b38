/**
 * The corpora the benchmark opens, each prepared as a plain-text file Broadsheet can read today.
 */
import {closeSync, existsSync, openSync, readFileSync, renameSync, statSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {benchmarkCacheDirectory, ensureGeneratedCorpus} from './generate-corpus.js';

/** Bump when the conversion changes, so the cached plain-text copy is rebuilt. */
const reutersConversionVersion = 1;

/**
 * Converts Reuters-21578 (JSON Lines: id, date, title, dateline, body, topics) to the plain-text format:
 * the title as headline, the body's indented paragraphs joined from their hard-wrapped lines, `---` between
 * articles. Stories without a title or without a body are left out. Returns how many articles were written.
 */
export function convertReutersToPlainText(jsonLinesPath, outputPath) {
	const temporaryPath = `${outputPath}.${process.pid}.partial`;
	const descriptor = openSync(temporaryPath, 'w');
	let articleCount = 0;
	try {
		const articles = [];
		for (const line of readFileSync(jsonLinesPath, 'utf8').split('\n')) {
			if (line.trim() === '') {
				continue;
			}

			const story = JSON.parse(line);
			const headline = collapseSpace(story.title ?? '');
			const paragraphs = reutersParagraphs(story.body ?? '');
			if (headline === '' || paragraphs.length === 0) {
				continue;
			}

			articles.push(headline + '\n\n' + paragraphs.join('\n\n') + '\n');
		}

		writeSync(descriptor, articles.join('---\n'));
		articleCount = articles.length;
	} finally {
		closeSync(descriptor);
	}

	renameSync(temporaryPath, outputPath);
	return articleCount;
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F]/gu;

function collapseSpace(text) {
	return text.replace(controlCharacters, ' ').replace(/\s+/gu, ' ').trim();
}

/** Reuters bodies are hard-wrapped at ~65 columns; an indented line starts a paragraph. */
function reutersParagraphs(body) {
	const paragraphs = [];
	let current = [];
	for (const line of body.replace(controlCharacters, ' ').split('\n')) {
		if (/^\s/u.test(line) && current.length > 0) {
			paragraphs.push(current.join(' '));
			current = [];
		}

		current.push(line);
	}

	paragraphs.push(current.join(' '));
	return paragraphs.map(paragraph => collapseSpace(paragraph)).filter(paragraph => paragraph !== '');
}

/**
 * A corpus the benchmark can open.
 * @typedef {object} Corpus
 * @property {string} name what `--corpus` selects and the table shows
 * @property {boolean} isInQuickRun whether `--quick` keeps it
 * @property {() => {filePath: string, note?: string} | {skipReason: string}} prepare
 *   writes or finds the plain-text file (cached across runs), or says why the corpus is unavailable
 */

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

				const outputPath = join(benchmarkCacheDirectory(), `reuters21578-v${reutersConversionVersion}.txt`);
				const isStale = !existsSync(outputPath) || statSync(outputPath).mtimeMs < statSync(sharedCorpusPath).mtimeMs;
				if (isStale) {
					convertReutersToPlainText(sharedCorpusPath, outputPath);
				}

				return {
					filePath: outputPath,
					note: 'reuters: Broadsheet cannot read JSON Lines yet, so the benchmark converts reuters21578.jsonl to the plain-text format '
						+ '(title as headline, indented body paragraphs unwrapped, `---` between stories; stories without a title or body left out).',
				};
			},
		},
		{
			name: 'generated-100k',
			isInQuickRun: false,
			prepare: () => ({filePath: ensureGeneratedCorpus(100_000)}),
		},
	];
}
