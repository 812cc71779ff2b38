/** What the shell does with an article: links opened or copied (`o`, `y`), programs (`|`, `p`, `w`) and the full story (`F`). */
import {selectedArticle} from './selectors.js';
import type {PromptPurpose} from '../mode.js';
import {commandWords} from '../text/command-words.js';
import type {ProgramEffect, State} from './state.js';
import {withEffect} from './outbox.js';
import {type Article, isOpenableAddress} from '../article.js';
import {articleWithStory, hasStoryAddress, hostOf} from './full-stories.js';
import type {Action} from './actions.js';

/** A file name from a headline: `harbour-wall-repaired-after-storm.txt`. */
export function fileNameOf(headline: string): string {
	const slug = headline
		.normalize('NFKD')
		.replaceAll(/\p{M}/gu, '')
		.toLowerCase()
		.replaceAll(/[^\p{L}\p{N}]+/gu, '-')
		.replaceAll(/^-+|-+$/gu, '')
		.slice(0, 60)
		.replace(/-+$/u, '');
	return `${slug || 'article'}.txt`;
}

/** Opens the prompt for `purpose` about the selected article: `|` offers the last command again, `w` a file name. */
export function startPrompt(state: State, purpose: PromptPurpose): State {
	const {mode} = state;
	const article = selectedArticle(state);
	if (!article || (mode.name !== 'browse' && mode.name !== 'read')) {
		return state;
	}

	const draft = purpose === 'pipe' ? state.lastPipeCommand : fileNameOf(article.headline);
	return {...state, mode: {name: 'prompt', purpose, draft, returnTo: mode.name}};
}

/** A program to run, as update asks for it before it names the article. */
type ProgramOrder = DistributiveOmit<ProgramEffect, 'articleId'>;
type DistributiveOmit<Type, Key extends PropertyKey> = Type extends unknown ? Omit<Type, Key> : never;

/** Asks the shell to run a program on the selected article. */
export function requestProgram(state: State, order: ProgramOrder): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	return withEffect(state, {...order, articleId: article.id});
}

/** Enter at the prompt: pipes to the command typed, or saves to the path typed; an empty line does nothing. */
export function acceptPrompt(state: State): State {
	const {mode} = state;
	if (mode.name !== 'prompt') {
		return state;
	}

	const back: State = {...state, mode: {name: mode.returnTo}};
	const line = mode.draft.trim();
	if (line === '') {
		return back;
	}

	if (mode.purpose === 'save') {
		return requestProgram(back, {kind: 'save', path: line});
	}

	const parsed = commandWords(line);
	if ('error' in parsed) {
		return {...state, notice: `cannot run it: ${parsed.error}`};
	}

	return requestProgram({...back, lastPipeCommand: line}, {kind: 'pipe', words: parsed.words});
}

/** `F`: asks the shell for the full story of the selected article, from its own address. */
export function requestFullText(state: State): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	if (!hasStoryAddress(article)) {
		return {...state, notice: 'no web address to fetch the full story from'};
	}

	if (state.fullTextPendingIds.has(article.id)) {
		return {...state, notice: 'still fetching the full story…'};
	}

	const fetching: State = {
		...state,
		fullTextPendingIds: new Set([...state.fullTextPendingIds, article.id]),
		notice: `fetching the full story from ${hostOf(article.url)}…`,
	};
	return withEffect(fetching, {kind: 'fetch-full-text', articleId: article.id, url: article.url});
}


/** The state once a full story has arrived (or failed): the article's body replaced, or a line saying why not. */
export function withFullText(state: State, action: Extract<Action, {type: 'full-text-finished'}>): State {
	const pending = new Set(state.fullTextPendingIds);
	pending.delete(action.articleId);
	if ('error' in action.result) {
		return {...state, fullTextPendingIds: pending, notice: `no full story: ${action.result.error}`};
	}

	const story = action.result;
	const replace = (article: Article): Article => (article.id === action.articleId ? articleWithStory(article, action.url, story) : article);
	return {
		...state,
		articles: state.articles.map(article => replace(article)),
		searchedArticles: state.searchedArticles.map(article => replace(article)),
		fullTextPendingIds: pending,
		notice: action.result.isFromCache ? 'full story shown (from the cache)' : 'full story shown',
	};
}

/** The link `o` and `y` act on: link [linkNumber] of the selected article, or its own address. */
export function requestLink(state: State, action: 'open' | 'copy', linkNumber: number | undefined): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	const links = article.links ?? [];
	let url: string | undefined;
	if (linkNumber === undefined) {
		url = article.url;
		if (url === undefined) {
			return {...state, notice: links.length > 0 ? `this article has no address of its own; 1${action === 'open' ? 'o' : 'y'} for link [1]` : 'this article has no address'};
		}
	} else {
		url = links[linkNumber - 1];
		if (url === undefined || url === '') {
			const count = links.length === 0 ? 'no links' : links.length === 1 ? 'one link' : `${links.length} links`;
			return {...state, notice: `no link [${linkNumber}]: this article has ${count}`};
		}
	}

	if (!isOpenableAddress(url)) {
		return {...state, notice: `not a web address, so not ${action === 'open' ? 'opened' : 'copied'}: ${url.slice(0, 60)}`};
	}

	return withEffect(state, {kind: 'link', action, url});
}

/** The largest link number a prefix can build up to; more digits start again. */
export const maximumLinkNumber = 9999;
