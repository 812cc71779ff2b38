import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runBroadsheetPiped} from '../helpers/run-broadsheet.js';

const directory = mkdtempSync(join(tmpdir(), 'broadsheet-stories-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

const paragraphs = [
	'The harbour authority said on Tuesday that the new timetable would start next month and add three crossings a day.',
	'Commuters have complained for years about crowded boats in the morning.',
	'Fares will not change this year.',
];

describe('a directory of stories saved as text', () => {
	it('gives one article per file, each headed by its first line', async () => {
		const stories = join(directory, 'saved');
		mkdirSync(stories);
		const headlines = ['Ferry timetable to change', 'Old bridge to close, council says', 'Is the harbour safe for swimmers?'];
		for (const [index, headline] of headlines.entries()) {
			writeFileSync(join(stories, `story-${index + 1}.txt`), [headline, ...paragraphs].join('\n\n') + '\n');
		}

		const result = await runBroadsheetPiped(['--list', '--sort', 'headline', stories]);

		expect(result.stderr).toBe('');
		expect(result.stdout.trim().split('\n')).toEqual([...headlines].sort((left, right) => left.localeCompare(right)));
	});

	it('prints a one-story file as one article, its paragraphs apart', async () => {
		const path = join(directory, 'one.txt');
		writeFileSync(path, ['Ferry timetable to change', ...paragraphs].join('\n\n') + '\n');
		const result = await runBroadsheetPiped(['--json', path]);
		const articles = result.stdout.trim().split('\n').map(line => JSON.parse(line) as {headline: string; body: string});

		expect(articles).toHaveLength(1);
		expect(articles[0]!.headline).toBe('Ferry timetable to change');
		expect(articles[0]!.body).toBe(paragraphs.join('\n\n'));
	});
});

describe('inputs that share a file name (issue 13)', () => {
	it('are told apart by the shortest end of their paths, and grouped apart', async () => {
		const root = join(directory, 'desks');
		for (const [desk, name, headline] of [['business', '001.txt', 'Tax to rise'], ['sport', '001.txt', 'Cup final tonight'], ['sport', '002.txt', 'Weather']] as const) {
			mkdirSync(join(root, desk), {recursive: true});
			writeFileSync(join(root, desk, name), `${headline}\n\n${paragraphs[0]}\n`);
		}

		const result = await runBroadsheetPiped(['--json', '--sort', 'source', root]);
		const sources = result.stdout.trim().split('\n').map(line => (JSON.parse(line) as {source: string}).source);

		expect([...sources].sort()).toEqual(['002.txt', 'business/001.txt', 'sport/001.txt']);
	});
});
