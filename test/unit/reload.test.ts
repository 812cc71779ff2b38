import {appendFileSync, chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import process from 'node:process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {parsePlainText} from '../../source/formats/plain-text.js';
import {loadInputs, reloadInputs} from '../../source/load/read-input.js';
import {createSearchIndex} from '../../source/search/search.js';
import {pendingQuery, selectHits, selectedArticle, selectedIndex, shownArticle} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {createState} from '../../source/state/initial-state.js';
import {update} from '../../source/state/update.js';
import {watchFiles} from '../../source/load/watch-files.js';
import {numberedArticles} from '../helpers/articles.js';

const narrow = {columnCount: 80, rowCount: 24};
const directory = mkdtempSync(join(tmpdir(), 'broadsheet-reload-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

const press = (state: State, ...keys: string[]) => {
	const pressed = update(state, {type: 'keys-pressed', keys});
	const query = pendingQuery(pressed);
	return query === undefined ? pressed : update(pressed, {type: 'search-finished', query, hits: createSearchIndex(pressed.articles).search(query)});
};

const loaded = (state: State, articles: readonly Article[], failures: readonly string[] = []) => update(state, {type: 'articles-loaded', articles, failures});
const headlineOf = (state: State) => selectedArticle(state)?.headline;
/** The articles as parsing the same text again gives them: equal, but new objects. */
const reparsed = (articles: readonly Article[]) => articles.map(article => ({...article}));

describe('ids across reloads', () => {
	it('stay the same when other articles are added before them, since they come from the text, not the position', () => {
		const text = (headlines: readonly string[]) => headlines.map(headline => `${headline}\n\nAbout ${headline}.`).join('\n---\n');
		const before = parsePlainText(text(['Tram line approved', 'Storm heads for coast']), 'news.txt').articles;
		const after = parsePlainText(text(['Harbour reopens', 'Tram line approved', 'Storm heads for coast']), 'news.txt').articles;
		expect(after.slice(1).map(article => article.id)).toEqual(before.map(article => article.id));
	});
});

describe('articles-loaded', () => {
	const articles = numberedArticles(50);
	const start = press(createState(articles, {viewport: narrow}), 'j', 'j', 'j', 'j');

	it('keeps the selected article, by id, wherever it now is, and says what changed', () => {
		const added = parsePlainText('Breaking: new article\n\nSomething happened.\n---\nAnother new one\n\nMore.', 'numbered.txt').articles;
		const withNew = [...added, ...reparsed(articles).filter(article => article.headline !== 'Headline number 2')];
		const reloaded = loaded(start, withNew);
		expect(headlineOf(reloaded)).toBe('Headline number 5');
		expect(selectedIndex(reloaded)).toBe(5);
		expect(reloaded.notice).toBe('reloaded: 2 new, 1 gone');
	});

	it('falls back to the article now at the same position when the selected one is gone', () => {
		const reloaded = loaded(start, reparsed(articles).filter(article => article.headline !== 'Headline number 5'));
		expect(headlineOf(reloaded)).toBe('Headline number 6');
		expect(selectedIndex(reloaded)).toBe(4);
		expect(shownArticle(reloaded)?.headline).toBe('Headline number 6');
		const shrunk = loaded(press(start, 'G'), reparsed(articles).slice(0, 10));
		expect(headlineOf(shrunk)).toBe('Headline number 10');
	});

	it('keeps the list scroll and the article scroll where they still fit', () => {
		const scrolled = {...press(start, 'G', 'k'), articleScrollTop: 0};
		const reloaded = loaded(scrolled, reparsed(articles));
		expect(reloaded.listTop).toBe(scrolled.listTop);
		expect(reloaded.notice).toBe('reloaded: no changes');
		expect(loaded(scrolled, reparsed(articles).slice(0, 30)).listTop).toBeLessThanOrEqual(30);
	});

	it('counts articles whose text changed under the same id', () => {
		const edited = reparsed(articles).map(article => (article.headline.endsWith(' 5') || article.headline.endsWith(' 7') ? {...article, paragraphs: ['Rewritten.']} : article));
		const reloaded = loaded(start, edited);
		expect(reloaded.notice).toBe('reloaded: 2 changed');
		// The article pane shows the new text of the selected article.
		expect(shownArticle(reloaded)?.paragraphs).toEqual(['Rewritten.']);
	});

	it('keeps the filter, showing the kept matches until the search runs again over the new articles', () => {
		const filtered = press(start, '/', 'h', 'a', 'r', 'b', 'o', 'u', 'r', ' ', '4', 'enter');
		const matchCount = selectHits(filtered).length;
		expect(matchCount).toBeGreaterThan(0);
		const newArticles = reparsed(articles);
		const reloaded = loaded(filtered, newArticles);
		expect(reloaded.query).toBe(filtered.query);
		expect(pendingQuery(reloaded)).toBe('harbour 4');
		expect(selectHits(reloaded).length).toBe(matchCount);
		expect(selectHits(reloaded).every(hit => newArticles.includes(hit.article))).toBe(true);
		// Results from a search over the old articles, still on their way, are dropped …
		const stale = update(reloaded, {type: 'search-finished', query: 'harbour 4', hits: [], articles});
		expect(stale).toBe(reloaded);
		// … and the search over the new ones takes their place.
		const searched = update(reloaded, {type: 'search-finished', query: 'harbour 4', hits: createSearchIndex(newArticles).search('harbour 4'), articles: newArticles});
		expect(pendingQuery(searched)).toBeUndefined();
		expect(selectHits(searched).length).toBe(matchCount);
	});

	it('warns about an input that failed, and lets the warning go at the next key', () => {
		const reloaded = loaded(start, articles, ['news.xml: line 3: unclosed <channel>']);
		expect(reloaded.notice).toBe('kept the old articles: news.xml: line 3: unclosed <channel>');
		expect(headlineOf(reloaded)).toBe('Headline number 5');
		expect(press(reloaded, 'j').notice).toBeUndefined();
	});

	it('asks the shell to reload on R, telling of every failure', () => {
		const asked = press(start, 'R');
		expect(asked.effects).toEqual([{kind: 'reload', shouldTellEveryFailure: true}]);
		expect(asked.reloads).toEqual({isRunning: true});
	});
});

describe('the reload queue', () => {
	const start = createState(numberedArticles(5), {viewport: narrow});
	const ran = (state: State) => update(state, {type: 'effects-run', effects: state.effects});
	const due = (state: State) => update(state, {type: 'reload-due'});
	const reloadsAsked = (state: State) => state.effects.filter(effect => effect.kind === 'reload');

	it('runs one reload at a time: those asked for meanwhile make one more after it, told of every failure if R was one', () => {
		const running = ran(due(start));
		expect(reloadsAsked(due(start))).toEqual([{kind: 'reload', shouldTellEveryFailure: false}]);
		const meanwhile = due(press(due(running), 'R'));
		expect(reloadsAsked(meanwhile)).toEqual([]);
		expect(meanwhile.reloads).toEqual({isRunning: true, next: {shouldTellEveryFailure: true}});
		const next = loaded(meanwhile, numberedArticles(6));
		expect(reloadsAsked(next)).toEqual([{kind: 'reload', shouldTellEveryFailure: true}]);
		expect(next.reloads).toEqual({isRunning: true});
		const done = update(ran(next), {type: 'reload-failed', notice: 'reload failed: gone'});
		expect(done).toMatchObject({reloads: {isRunning: false}, notice: 'reload failed: gone', effects: []});
		expect(reloadsAsked(due(done))).toHaveLength(1);
	});

	it('asks for no reload when a change comes while one runs and another is wanted already', () => {
		const wanted = due(ran(due(start)));
		expect(due(wanted)).toBe(wanted);
	});

	it('ends the reload with a failure it could not even start (stdin), and R asks again', () => {
		const failed = update(ran(press(start, 'R')), {type: 'reload-failed', notice: 'stdin cannot be reloaded: it was read once, to its end'});
		expect(failed.notice).toBe('stdin cannot be reloaded: it was read once, to its end');
		expect(reloadsAsked(press(failed, 'R'))).toHaveLength(1);
	});
});

describe('reloadInputs', () => {
	const text = (...headlines: string[]) => headlines.map(headline => `${headline}\n\nAbout ${headline}.`).join('\n---\n');

	it('reads changed files again, and keeps the old articles of a file that now fails', async () => {
		const first = join(directory, 'first.txt');
		const second = join(directory, 'second.txt');
		writeFileSync(first, text('Tram line approved') + '\n---\n');
		writeFileSync(second, text('Storm heads for coast', 'Chess prodigy wins'));
		const before = await loadInputs([first, second], process.stdin);
		appendFileSync(first, '\n---\n' + text('Harbour reopens'));
		writeFileSync(second, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
		const after = await reloadInputs(before, [first, second]);
		expect(after.articles.map(article => article.headline)).toEqual(['Tram line approved', 'Harbour reopens', 'Storm heads for coast', 'Chess prodigy wins']);
		expect(after.failures).toEqual([`${second} is not a text file (it looks binary)`]);
		expect(after.articles.slice(2)).toEqual(before.articles.slice(1));
		expect(after.articles[2]).toBe(before.articles[1]);
	});

	it('keeps what came from stdin, which cannot be read again, beside the files it reads again', async () => {
		const path = join(directory, 'beside-stdin.txt');
		writeFileSync(path, text('Tram line approved') + '\n---\n');
		const before = await loadInputs(['-', path], Readable.from([text('Piped headline') + '\n---\n']));
		writeFileSync(path, text('Harbour reopens') + '\n---\n');
		const after = await reloadInputs(before, ['-', path]);
		expect(after.articles.map(article => article.headline)).toEqual(['Piped headline', 'Harbour reopens']);
		expect(after.failures).toEqual([]);
	});

	it('finds files added to a directory given on the command line, and drops removed ones', async () => {
		const folder = join(directory, 'folder');
		mkdirSync(folder);
		writeFileSync(join(folder, 'a.txt'), text('Tram line approved') + '\n---\n');
		writeFileSync(join(folder, 'b.txt'), text('Storm heads for coast') + '\n---\n');
		const before = await loadInputs([folder], process.stdin);
		rmSync(join(folder, 'a.txt'));
		writeFileSync(join(folder, 'c.txt'), text('Chess prodigy wins') + '\n---\n');
		const after = await reloadInputs(before, [folder]);
		expect(after.articles.map(article => article.headline)).toEqual(['Storm heads for coast', 'Chess prodigy wins']);
	});

	it('names the inputs for the status line, counting the files a reload finds', async () => {
		const folder = join(directory, 'counted');
		mkdirSync(folder);
		writeFileSync(join(folder, 'a.txt'), text('Tram line approved') + '\n---\n');
		const before = await loadInputs([folder], process.stdin);
		expect(before.label).toBe('1 file');
		writeFileSync(join(folder, 'b.txt'), text('Storm heads for coast') + '\n---\n');
		expect((await reloadInputs(before, [folder])).label).toBe('2 files');
		expect((await loadInputs([join(folder, 'a.txt')], process.stdin)).label).toBe('a.txt');
	});

	it('parses a big file again a slice at a time, with a turn for keys between slices, into what one parse gives', async () => {
		const path = join(directory, 'wire.jsonl');
		const line = (index: number) => JSON.stringify({title: `Wire story ${index}`, body: `What happened in story ${index}.`});
		writeFileSync(path, Array.from({length: 300}, (_, index) => line(index)).join('\n'));
		const before = await loadInputs([path], process.stdin);
		appendFileSync(path, `\n${line(300)}\n{"title": broken`);
		let turnCount = 0;
		const after = await reloadInputs(before, [path], {
			parsing: {
				sliceMs: 0,
				partLength: 500,
				async betweenSlices() {
					turnCount++;
				},
			},
		});
		expect(turnCount).toBeGreaterThan(20);
		const whole = await loadInputs([path], process.stdin);
		expect(after.articles).toHaveLength(301);
		expect(after.articles).toEqual(whole.articles);
		expect(after.warnings).toEqual(whole.warnings);
		expect(after.warnings).toEqual([expect.stringMatching(/wire\.jsonl: line 302, column /u)]);
	});

	it('stops parsing once the interface has ended (its signal aborted), instead of keeping the process alive', async () => {
		const path = join(directory, 'stopped.jsonl');
		writeFileSync(path, Array.from({length: 300}, (_, index) => JSON.stringify({title: `Story ${index}`})).join('\n'));
		const before = await loadInputs([path], process.stdin);
		const interfaceEnded = new AbortController();
		let turnCount = 0;
		const reloading = reloadInputs(before, [path], {
			signal: interfaceEnded.signal,
			parsing: {
				sliceMs: 0,
				partLength: 500,
				async betweenSlices() {
					turnCount++;
					interfaceEnded.abort();
				},
			},
		});
		await expect(reloading).rejects.toThrow(/abort/iu);
		expect(turnCount).toBe(1);
	});

	it('keeps the articles of a file that is briefly missing, as while an editor replaces it', async () => {
		const path = join(directory, 'replaced.txt');
		writeFileSync(path, text('Chess prodigy wins') + '\n---\n');
		const before = await loadInputs([path], process.stdin);
		rmSync(path);
		const missing = await reloadInputs(before, [path]);
		expect(missing.articles).toEqual(before.articles);
		expect(missing.failures).toEqual([`${path}: no such file`]);
		writeFileSync(path, text('Chess prodigy wins', 'Lighthouse keeper retires'));
		const back = await reloadInputs(missing, [path]);
		expect(back.articles.map(article => article.headline)).toEqual(['Chess prodigy wins', 'Lighthouse keeper retires']);
		expect(back.failures).toEqual([]);
	});

	/**
	 * A file in a watched directory that fails at every reload is told of once (`newFailures`), and again only once it
	 * has been read well in between. `breakFile` makes it unreadable, `mendFile` readable again.
	 */
	const failsOnce = async (name: string, breakFile: (path: string) => void, mendFile: (path: string) => void, reason: string) => {
		const folder = join(directory, name);
		mkdirSync(folder);
		const good = join(folder, 'a.txt');
		const bad = join(folder, 'b.txt');
		writeFileSync(good, text('Tram line approved') + '\n---\n');
		writeFileSync(bad, text('Storm heads for coast') + '\n---\n');
		breakFile(bad);
		const first = await loadInputs([folder], process.stdin);
		expect(first.warnings).toEqual([`${bad}: ${reason}`]);

		writeFileSync(good, text('Tram line approved', 'Harbour reopens') + '\n---\n');
		const again = await reloadInputs(first, [folder]);
		expect(again.failures).toEqual([`${bad}: ${reason}`]);
		expect(again.newFailures).toEqual([]);
		const andAgain = await reloadInputs(again, [folder]);
		expect(andAgain.newFailures).toEqual([]);

		mendFile(bad);
		const mended = await reloadInputs(andAgain, [folder]);
		expect(mended.failures).toEqual([]);
		expect(mended.articles.map(article => article.headline)).toContain('Storm heads for coast');
		breakFile(bad);
		const brokenAgain = await reloadInputs(mended, [folder]);
		expect(brokenAgain.newFailures).toEqual([`${bad}: ${reason}`]);
	};

	it('tells once of a file in a watched directory that cannot be read (a link to nowhere)', async () => {
		// A dangling link cannot be read by root either, unlike a file without permissions.
		const target = join(directory, 'link-target.txt');
		await failsOnce(
			'dangling',
			path => {
				rmSync(path, {force: true});
				symlinkSync(join(directory, 'nowhere.txt'), path);
			},
			path => {
				rmSync(path);
				writeFileSync(target, text('Storm heads for coast') + '\n---\n');
				symlinkSync(target, path);
			},
			'no such file',
		);
	});

	// Root reads a file whatever its permissions: there, the link to nowhere above stands for it.
	it.skipIf(process.getuid?.() === 0)('tells once of a file in a watched directory without read permission', async () => {
		await failsOnce('unreadable', path => {
			chmodSync(path, 0o000);
		}, path => {
			chmodSync(path, 0o644);
		}, 'permission denied');
	});
});

describe('watchFiles', () => {
	/** Resolves when `watch` calls back, or rejects after `timeoutMs`. */
	const nextChange = (paths: readonly string[], change: () => void, options: {pollIntervalMs?: number} = {}) =>
		new Promise<number>((resolve, reject) => {
			let callCount = 0;
			const stop = watchFiles(paths, () => {
				callCount++;
				// Give a second burst the chance to show up as a second call.
				setTimeout(() => {
					stop();
					resolve(callCount);
				}, 300);
			}, {debounceMs: 50, ...options});
			setTimeout(change, 20);
			setTimeout(() => {
				stop();
				reject(new Error('no change seen'));
			}, 5000);
		});

	it('sees a file written, once for a burst of writes', async () => {
		const path = join(directory, 'written.txt');
		writeFileSync(path, 'one');
		const callCount = await nextChange([path], () => {
			appendFileSync(path, ' two');
			appendFileSync(path, ' three');
		});
		expect(callCount).toBe(1);
	});

	it('sees a file replaced by rename, as editors save, and goes on seeing the new file', async () => {
		const path = join(directory, 'renamed.txt');
		writeFileSync(path, 'one');
		const temporary = join(directory, '.renamed.txt.swp');
		await nextChange([path], () => {
			writeFileSync(temporary, 'two');
			renameSync(temporary, path);
		});
		await nextChange([path], () => {
			appendFileSync(path, ' three');
		});
	});

	it('ignores other files in the same directory', async () => {
		const path = join(directory, 'watched.txt');
		writeFileSync(path, 'one');
		await expect(
			new Promise((resolve, reject) => {
				const stop = watchFiles([path], () => {
					stop();
					reject(new Error('called for another file'));
				}, {debounceMs: 20});
				writeFileSync(join(directory, 'other.txt'), 'noise');
				setTimeout(() => {
					stop();
					resolve('quiet');
				}, 400);
			}),
		).resolves.toBe('quiet');
	});

	it('sees a file added to a directory given to it, or to one inside it', async () => {
		const folder = join(directory, 'watched-folder');
		mkdirSync(join(folder, 'inner'), {recursive: true});
		await nextChange([folder], () => {
			writeFileSync(join(folder, 'new.txt'), 'one');
		});
		await nextChange([folder], () => {
			writeFileSync(join(folder, 'inner', 'deeper.txt'), 'two');
		});
	});

	it('polls where it cannot watch: a file in a directory that does not exist yet', async () => {
		const missingDirectory = join(directory, 'later');
		const path = join(missingDirectory, 'news.txt');
		await nextChange([path], () => {
			mkdirSync(missingDirectory);
			writeFileSync(path, 'arrived');
		}, {pollIntervalMs: 50});
	});
});

describe('watchFiles on a file that never stops changing (issue 17)', () => {
	it('reloads within the maximum wait, though no change is ever followed by quiet', async () => {
		const path = join(directory, 'busy.log');
		writeFileSync(path, 'start\n');
		const started = Date.now();
		let writes = 0;
		// A write every 20 ms, far closer together than the 400 ms debounce: without a maximum wait, never quiet.
		const writer = setInterval(() => {
			appendFileSync(path, `line ${++writes}\n`);
		}, 20);
		try {
			const calledAfterMs = await new Promise<number>((resolve, reject) => {
				const stop = watchFiles([path], () => {
					stop();
					resolve(Date.now() - started);
				}, {debounceMs: 400, maximumWaitMs: 500});
				setTimeout(() => {
					stop();
					reject(new Error('never reloaded'));
				}, 4000);
			});
			expect(calledAfterMs).toBeLessThan(2000);
			expect(writes).toBeGreaterThan(10);
		} finally {
			clearInterval(writer);
		}
	});
});
