import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Article} from '../../source/article.js';
import {fetchFullText} from '../../source/load/full-text.js';
import {createState} from '../../source/state/initial-state.js';
import {selectedArticle} from '../../source/state/selectors.js';
import {type State} from '../../source/state/state.js';
import {fullStoryLine} from '../../source/state/full-stories.js';
import {update} from '../../source/state/update.js';
import {articlesToPrefetch, isFromSources, withStories} from '../../source/state/full-stories.js';

const page = readFileSync(new URL('../fixtures/pages/og-meta-story.html', import.meta.url), 'utf8');
let server: Server;
let base = '';
let requestCount = 0;
const cacheDirectory = mkdtempSync(join(tmpdir(), 'broadsheet-full-text-'));

beforeAll(async () => {
	server = createServer((request, response) => {
		requestCount++;
		if (request.url === '/story') {
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
			response.end(page);
		} else if (request.url === '/front') {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end(readFileSync(new URL('../fixtures/pages/front-page.html', import.meta.url)));
		} else {
			response.writeHead(404);
			response.end('not here');
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
	server.close();
	rmSync(cacheDirectory, {recursive: true, force: true});
});

describe('fetching the full story (issue 15.4)', () => {
	it('fetches the page, extracts the story, and keeps it in the cache so that it opens offline', async () => {
		const fetched = await fetchFullText(`${base}/story`, {cacheDirectory});
		expect(fetched.isFromCache).toBe(false);
		expect(fetched.paragraphs[0]).toMatch(/^The main branch of the Valley Public Library/u);
		expect(fetched.links).toEqual(['https://library.example.com/volunteer']);
		expect(readdirSync(cacheDirectory).filter(name => name.endsWith('.tmp'))).toEqual([]);
		const countBefore = requestCount;
		const offline = await fetchFullText(`${base}/story`, {cacheDirectory, fetchPage: async () => Promise.reject(new Error('offline'))});
		expect(offline).toEqual({...fetched, isFromCache: true});
		expect(requestCount).toBe(countBefore);
	});

	it('says why in one line when it cannot', async () => {
		await expect(fetchFullText(`${base}/gone`, {cacheDirectory})).rejects.toThrow(/^the server answered HTTP 404 Not Found$/u);
		await expect(fetchFullText(`${base}/front`, {cacheDirectory})).rejects.toThrow(/no article on this page/u);
		// A port nothing listens on: one a server had, closed again.
		const closed = createServer();
		await new Promise<void>(resolve => {
			closed.listen(0, '127.0.0.1', resolve);
		});
		const closedPort = (closed.address() as AddressInfo).port;
		await new Promise(resolve => {
			closed.close(resolve);
		});
		await expect(fetchFullText(`http://127.0.0.1:${closedPort}/nothing`, {cacheDirectory})).rejects.toThrow(/^the connection was refused$/u);
	});
});

describe('the full-text cache (issue 15.4)', () => {
	const pageBytes = new TextEncoder().encode(page);
	const servedPage = async () => ({bytes: pageBytes, charset: 'utf-8'});
	const offline = async () => Promise.reject(new Error('offline'));
	const files = (directory: string) => readdirSync(directory).sort();

	it('stays within its size, the stories read longest ago going first, and leaves no temporary file', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'broadsheet-full-text-bounded-'));
		await fetchFullText('https://one.example/story', {cacheDirectory: directory, fetchPage: servedPage});
		const [entry] = files(directory);
		const entryByteCount = statSync(join(directory, entry!)).size;
		// Room for two stories, not three.
		const cacheByteCount = Math.floor(entryByteCount * 2.5);
		await fetchFullText('https://two.example/story', {cacheDirectory: directory, fetchPage: servedPage, cacheByteCount});
		// One was fetched first and two later; one is read again now, so two is the one read longest ago.
		const now = Date.now() / 1000;
		for (const [index, name] of files(directory).entries()) {
			utimesSync(join(directory, name), now - 100 + index, now - 100 + index);
		}

		expect((await fetchFullText('https://one.example/story', {cacheDirectory: directory, fetchPage: offline, cacheByteCount})).isFromCache).toBe(true);
		await fetchFullText('https://three.example/story', {cacheDirectory: directory, fetchPage: servedPage, cacheByteCount});
		expect(files(directory)).toHaveLength(2);
		expect(files(directory).filter(name => !name.endsWith('.json'))).toEqual([]);
		const total = files(directory).reduce((sum, name) => sum + statSync(join(directory, name)).size, 0);
		expect(total).toBeLessThanOrEqual(cacheByteCount);
		expect((await fetchFullText('https://one.example/story', {cacheDirectory: directory, fetchPage: offline, cacheByteCount})).isFromCache).toBe(true);
		expect((await fetchFullText('https://three.example/story', {cacheDirectory: directory, fetchPage: offline, cacheByteCount})).isFromCache).toBe(true);
		await expect(fetchFullText('https://two.example/story', {cacheDirectory: directory, fetchPage: offline, cacheByteCount})).rejects.toThrow('offline');
	});

	it('a story that cannot be kept is still shown, and leaves nothing behind', async () => {
		const parent = mkdtempSync(join(tmpdir(), 'broadsheet-full-text-unwritable-'));
		const directory = join(parent, 'full-text');
		// A file where the directory should be: nothing can be written in it.
		writeFileSync(directory, 'not a directory');
		const story = await fetchFullText('https://one.example/story', {cacheDirectory: directory, fetchPage: servedPage});
		expect(story.isFromCache).toBe(false);
		expect(readdirSync(parent)).toEqual(['full-text']);
	});
});

describe('F in the interface state', () => {
	const articles: Article[] = [
		{id: 'a', headline: 'Library to open on Sundays', headlineSource: 'title', paragraphs: ['A two-line summary.'], source: 'feed', url: 'https://courier.example.com/story'},
		{id: 'b', headline: 'No address', headlineSource: 'title', paragraphs: ['Text.'], source: 'feed'},
	];
	const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
	const start = createState(articles, {viewport: {columnCount: 80, rowCount: 20}});

	it('asks the shell for the selected article\'s page, and says it is fetching', () => {
		const asked = press(start, 'F');
		expect(asked.effects).toEqual([{kind: 'fetch-full-text', articleId: 'a', url: 'https://courier.example.com/story'}]);
		expect(asked.notice).toBe('fetching the full story from courier.example.com…');
		// Keys still work meanwhile.
		expect(selectedArticle(press(asked, 'j'))?.id).toBe('b');
		expect(press(press(start, 'j'), 'F')).toMatchObject({effects: [], notice: 'no web address to fetch the full story from'});
		// Asked again while the page is on its way: nothing more to fetch.
		expect(press(asked, 'F')).toMatchObject({effects: asked.effects, notice: 'still fetching the full story…'});
	});

	it('shows the story in place of the summary, with a line saying so, and the filter finds its words', () => {
		const asked = press(start, 'F');
		const done = update(asked, {type: 'full-text-finished', articleId: 'a', url: 'https://courier.example.com/story', result: {paragraphs: ['Volunteers will staff the reading room.'], links: [], isFromCache: false}});
		expect(done.articles[0]!.paragraphs).toEqual([fullStoryLine('https://courier.example.com/story'), 'Volunteers will staff the reading room.']);
		expect(done.searchedArticles[0]!.paragraphs).toContain('Volunteers will staff the reading room.');
		expect(done.notice).toBe('full story shown');
		expect(done.fullTextPendingIds.size).toBe(0);
	});

	it('keeps the summary and says why when it fails', () => {
		const asked = press(start, 'F');
		const failed = update(asked, {type: 'full-text-finished', articleId: 'a', url: 'https://courier.example.com/story', result: {error: 'the server answered HTTP 404 Not Found'}});
		expect(failed.articles[0]!.paragraphs).toEqual(['A two-line summary.']);
		expect(failed.notice).toBe('no full story: the server answered HTTP 404 Not Found');
	});
});

describe('full stories fetched ahead of time (issue 15.4)', () => {
	const feedArticle = (id: string, source: string, feedUrl?: string, url = `https://news.example/${id}`): Article => ({id, headline: id, headlineSource: 'title', paragraphs: [`Summary of ${id}.`], source, url, ...(feedUrl ? {feedUrl} : {})});
	const articles = [
		feedArticle('a', 'Ferry Desk', 'https://ferry.example/feed.xml'),
		feedArticle('b', 'Tide Desk', 'https://tide.example/feed.xml'),
		feedArticle('c', 'notes.md'),
		feedArticle('d', 'Ferry Desk', 'https://ferry.example/feed.xml', 'file:///etc/passwd'),
	];

	it('chooses the articles of the sources named, by name (case ignored) or feed address, with a web address', () => {
		expect(articlesToPrefetch(articles, ['ferry desk']).map(article => article.id)).toEqual(['a']);
		expect(articlesToPrefetch(articles, ['https://tide.example/feed.xml', 'NOTES.MD']).map(article => article.id)).toEqual(['b', 'c']);
		expect(articlesToPrefetch(articles, [])).toEqual([]);
		expect(isFromSources(articles[1]!, ['https://ferry.example/feed.xml'])).toBe(false);
	});

	it('puts the stories in place of the summaries, once: an article with its story is not chosen again', () => {
		const stories = [{articleId: 'a', url: 'https://news.example/a', story: {paragraphs: ['The whole story.'], links: []}}];
		const changed = withStories(articles, stories);
		expect(changed[0]!.paragraphs).toEqual([fullStoryLine('https://news.example/a'), 'The whole story.']);
		expect(changed[0]!.feedUrl).toBe('https://ferry.example/feed.xml');
		expect(changed[1]).toBe(articles[1]);
		expect(withStories(changed, stories)).toBe(changed);
		expect(articlesToPrefetch(changed, ['Ferry Desk'])).toEqual([]);
	});

	it('in the state: the articles change quietly, and the status line gets the counts', () => {
		const start = createState(articles, {viewport: {columnCount: 80, rowCount: 20}});
		const next = update(start, {type: 'full-texts-prefetched', stories: [{articleId: 'b', url: 'https://news.example/b', story: {paragraphs: ['Tides in full.'], links: []}}], counts: {fetched: 1, total: 3}});
		expect(next.articles[1]!.paragraphs[1]).toBe('Tides in full.');
		expect(next.searchedArticles[1]!.paragraphs[1]).toBe('Tides in full.');
		expect(next.prefetchCounts).toEqual({fetched: 1, total: 3});
		expect(next.notice).toBeUndefined();
		const done = update(next, {type: 'full-texts-prefetched', stories: [], counts: undefined});
		expect(done.prefetchCounts).toBeUndefined();
		expect(update(done, {type: 'full-texts-prefetched', stories: [], counts: undefined})).toBe(done);
	});
});
