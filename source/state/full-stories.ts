import {type Article, isOpenableAddress} from '../article.js';

/*
Full stories in place of feeds' summaries: the one way an article gets its story (`F`, or fetched ahead of time for
the sources `--full-text` and the config's `fullText` name), and which articles are fetched ahead of time.
*/

/** The host of `url` (`example.org`), or `url` itself when it is no address. */
export function hostOf(url: string): string {
	try {
		return new URL(url).host || url;
	} catch {
		return url;
	}
}

/** The line that heads a full story in place of the feed's summary. */
export function fullStoryLine(url: string): string {
	return `Full story from ${hostOf(url)}, in place of the feed's summary.`;
}

/** A story fetched for an article: its paragraphs and links, sanitised. */
export type Story = {readonly paragraphs: readonly string[]; readonly links: readonly string[]};

/**
 * `article` with `story` (fetched from `url`) in place of its body, under a line saying so. Every field is copied by
 * name: an article that keeps its body in a file has it on its prototype, which a spread would not copy.
 */
export function articleWithStory(article: Article, url: string, story: Story): Article {
	return {
		id: article.id,
		headline: article.headline,
		headlineSource: article.headlineSource,
		kicker: article.kicker,
		deck: article.deck,
		source: article.source,
		author: article.author,
		publishedAt: article.publishedAt,
		url: article.url,
		categories: article.categories,
		groups: article.groups,
		feedUrl: article.feedUrl,
		paragraphs: [fullStoryLine(url), ...story.paragraphs],
		links: [...story.links],
	};
}

/** Whether `article` shows a full story already (`F`, or fetched ahead of time). */
export function hasFullStory(article: Article): boolean {
	return article.url !== undefined && article.paragraphs[0] === fullStoryLine(article.url);
}

/** Whether `article` has an address a full story can be fetched from: http or https. */
export function hasStoryAddress(article: Article): article is Article & {readonly url: string} {
	return article.url !== undefined && isOpenableAddress(article.url) && /^https?:/iu.test(article.url);
}

/**
 * Whether `article` comes from one of `sources`, as `--full-text` and the config's `fullText` name them: its source's
 * name (the feed's title, case ignored) or the address of its feed.
 */
export function isFromSources(article: Article, sources: readonly string[]): boolean {
	const source = article.source.toLowerCase();
	return sources.some(chosen => chosen.toLowerCase() === source || (article.feedUrl !== undefined && chosen === article.feedUrl));
}

/** The articles of `sources` whose full story is to be fetched ahead of time: with an address, and no story yet. */
export function articlesToPrefetch(articles: readonly Article[], sources: readonly string[]): Article[] {
	return sources.length === 0 ? [] : articles.filter(article => hasStoryAddress(article) && !hasFullStory(article) && isFromSources(article, sources));
}

/** A story fetched ahead of time, for the article it was fetched for. */
export type PrefetchedStory = {readonly articleId: string; readonly url: string; readonly story: Story};

/**
 * `articles` with the prefetched `stories` in place of their bodies: the same list when none of them is there (an
 * article gone since, or whose address changed).
 */
export function withStories(articles: readonly Article[], stories: readonly PrefetchedStory[]): readonly Article[] {
	const byId = new Map(stories.map(story => [story.articleId, story]));
	let isChanged = false;
	const changed = articles.map(article => {
		const fetched = byId.get(article.id);
		if (!fetched || article.url !== fetched.url || hasFullStory(article)) {
			return article;
		}

		isChanged = true;
		return articleWithStory(article, fetched.url, fetched.story);
	});
	return isChanged ? changed : articles;
}
