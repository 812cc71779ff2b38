/** The pure `update`: each action, and each key through the keymap, dispatched to the modules of its area. */
import {type Command, commandFor, type KeyName} from '../input/keymap.js';
import {resizeList, toggleArticlePane} from './pane-sizes.js';
import {withMessagesRecorded, withNewWarningMessages} from './messages.js';
import type {Mode} from '../mode.js';
import {usLayoutKey} from '../input/layout-keys.js';
import {searchedQuery, selectedArticle, selectedIndex} from './selectors.js';
import type {State} from './state.js';
import {withEffect} from './outbox.js';
import {withStories} from './full-stories.js';
import type {Action} from './actions.js';
import {leaveArticleSearch, stepArticleSearch, withSearchOfSelection} from './reading.js';
import {followsSelectionAtOnce, goTo, maximumPageCount, moveBy, pageBy, scrollMessages, selectFirstHit, selectIndex, selectUnread, withLayoutFollowed, withShownSelection} from './movement.js';
import {answer, askToMarkAllRead, markOpenedArticleRead, toggleFlag, undoMarkChange} from './mark-changes.js';
import {finishSearch, leaveFilter, withDraft, withFilterBasis} from './filtering.js';
import {acceptPrompt, maximumLinkNumber, requestFullText, requestLink, requestProgram, startPrompt, withFullText} from './article-tools.js';
import {addArrivals, loadArticles} from './arrivals.js';
import {askForReload, withReloadEnded} from './reload-queue.js';
import {withSearchAsked} from './search-requests.js';
import {cycleOrder, cycleView, showNamedView, showNextNamedView, withViewUpToDate} from './views.js';
import {applyMouse} from './mouse.js';

/** A key that types itself into the filter line. */
function typedText(key: KeyName): string | undefined {
	if (key === 'space') {
		return ' ';
	}

	return [...key].length === 1 ? key : undefined;
}

function runCommand(state: State, command: Command, key: KeyName, pendingNumber: number | undefined, now: number): State {
	const {mode} = state;
	const draft = mode.name === 'filter' || mode.name === 'article-search' || mode.name === 'prompt' ? mode.draft : '';
	// Digits before a motion repeat it (5j), or name where it goes (3G).
	const count = pendingNumber === undefined || pendingNumber === 0 ? 1 : pendingNumber;
	const pageCount = Math.min(count, maximumPageCount);
	switch (command) {
		case 'cursor-down': {
			return moveBy(state, count);
		}

		case 'cursor-up': {
			return moveBy(state, -count);
		}

		case 'page-down': {
			return pageBy(state, pageCount);
		}

		case 'page-up': {
			return pageBy(state, -pageCount);
		}

		case 'half-page-down': {
			return pageBy(state, pageCount, 0.5);
		}

		case 'half-page-up': {
			return pageBy(state, -pageCount, 0.5);
		}

		case 'go-first': {
			return goTo(state, pendingNumber === undefined ? 0 : count - 1);
		}

		case 'go-last': {
			return goTo(state, pendingNumber === undefined ? Number.MAX_SAFE_INTEGER : count - 1);
		}

		case 'next-article': {
			return selectIndex(state, selectedIndex(state) + count);
		}

		case 'previous-article': {
			return selectIndex(state, selectedIndex(state) - count);
		}

		case 'next-unread': {
			return selectUnread(state, 1);
		}

		case 'previous-unread': {
			return selectUnread(state, -1);
		}

		case 'open': {
			return selectedIndex(state) === -1 ? state : {...state, mode: {name: 'read'}};
		}

		case 'back': {
			return {...state, mode: {name: 'browse'}};
		}

		case 'toggle-focus': {
			return mode.name === 'read' ? {...state, mode: {name: 'browse'}} : runCommand(state, 'open', key, pendingNumber, now);
		}

		case 'filter-start': {
			return selectFirstHit({...state, mode: {name: 'filter', draft: state.query}});
		}

		case 'filter-accept': {
			return leaveFilter(state, draft.trim());
		}

		case 'filter-cancel':
		case 'filter-clear': {
			return state.query === '' && mode.name !== 'filter' ? state : leaveFilter(state, '');
		}

		case 'filter-erase-character': {
			return withDraft(state, [...draft].slice(0, -1).join(''));
		}

		case 'filter-erase-word': {
			return withDraft(state, draft.replace(/\S*\s*$/u, ''));
		}

		case 'filter-erase-all': {
			return withDraft(state, '');
		}

		case 'order-cycle': {
			return cycleOrder(state);
		}

		case 'article-search-start': {
			return {...state, mode: {name: 'article-search', draft: '', scrollTopBefore: state.articleScrollTop}};
		}

		case 'article-search-accept': {
			return leaveArticleSearch(state, true);
		}

		case 'article-search-cancel': {
			return leaveArticleSearch(state, false);
		}

		case 'match-next': {
			return stepArticleSearch(state, 1);
		}

		case 'match-previous': {
			return stepArticleSearch(state, -1);
		}

		case 'link-number': {
			const typed = (pendingNumber ?? 0) * 10 + Number(key);
			const number = typed > maximumLinkNumber ? Number(key) : typed;
			return {...state, pendingNumber: number, notice: `${number}: a count for j, k, G, Ctrl-D…; o opens link [${number}], y copies it`};
		}

		case 'link-open': {
			return requestLink(state, 'open', pendingNumber);
		}

		case 'link-copy': {
			return requestLink(state, 'copy', pendingNumber);
		}

		case 'reload': {
			return askForReload(state, true);
		}

		case 'full-text': {
			return requestFullText(state);
		}

		case 'help-toggle': {
			if (mode.name === 'help') {
				return {...state, mode: {name: mode.returnTo}};
			}

			return mode.name === 'browse' || mode.name === 'read' ? {...state, mode: {name: 'help', returnTo: mode.name, scrollTop: 0}} : state;
		}

		case 'toggle-read': {
			return toggleFlag(state, 'read', now);
		}

		case 'toggle-star': {
			return toggleFlag(state, 'starred', now);
		}

		case 'mark-all-read': {
			return askToMarkAllRead(state);
		}

		case 'undo-mark': {
			return undoMarkChange(state, now);
		}

		case 'confirm-yes': {
			return answer(state, true, now);
		}

		case 'confirm-no': {
			return answer(state, false, now);
		}

		case 'cycle-view': {
			return cycleView(state);
		}

		case 'next-named-view': {
			return showNextNamedView(state);
		}

		case 'suspend': {
			return withEffect(state, {kind: 'suspend'});
		}

		case 'redraw': {
			return withEffect(state, {kind: 'redraw'});
		}

		case 'pipe-start': {
			return startPrompt(state, 'pipe');
		}

		case 'save-start': {
			return startPrompt(state, 'save');
		}

		case 'page': {
			return requestProgram(state, {kind: 'page'});
		}

		case 'prompt-accept': {
			return acceptPrompt(state);
		}

		case 'prompt-cancel': {
			return mode.name === 'prompt' ? {...state, mode: {name: mode.returnTo}} : state;
		}

		case 'list-narrower':
		case 'list-wider': {
			return withLayoutFollowed(resizeList(state, command === 'list-wider' ? count : -count));
		}

		case 'messages-toggle': {
			if (mode.name === 'messages') {
				return {...state, mode: {name: mode.returnTo}};
			}

			// Opens at the latest message, as the end of a log.
			return mode.name === 'browse' || mode.name === 'read' ? scrollMessages({...state, mode: {name: 'messages', returnTo: mode.name, scrollTop: 0}}, Number.MAX_SAFE_INTEGER) : state;
		}

		case 'article-pane-toggle': {
			return withLayoutFollowed(toggleArticlePane(state));
		}

		case 'pick': {
			const article = selectedArticle(state);
			return article ? withEffect({...state, mode: {name: 'quit'}}, {kind: 'quit', picked: article}) : state;
		}

		case 'quit': {
			return withEffect({...state, mode: {name: 'quit'}}, {kind: 'quit'});
		}
	}
}

/** Whether printable keys type text in `mode` (the filter, the article's search, a prompt) rather than run commands. */
const isTypingMode = (mode: Mode) => mode.name === 'filter' || mode.name === 'article-search' || mode.name === 'prompt';

/**
 * The key as the keymap reads it: a letter of a Cyrillic or Greek layout that is bound to nothing in this mode acts
 * as the US key at its place (`о` as `j`), except where letters type themselves.
 */
function keyOnUsLayout(state: State, key: KeyName): KeyName {
	if (isTypingMode(state.mode) || commandFor(state.keymap, key, state.mode.name) !== undefined) {
		return key;
	}

	return usLayoutKey(key) ?? key;
}

function pressKey(previous: State, typedKey: KeyName, now: number): State {
	if (previous.mode.name === 'quit') {
		return previous;
	}

	const key = keyOnUsLayout(previous, typedKey);

	// A notice lasts until the next key, and a pending number applies to the key that follows it only.
	const {pendingNumber} = previous;
	const state = previous.notice === undefined && pendingNumber === undefined ? previous : {...previous, notice: undefined, pendingNumber: undefined};
	// A named view's own key (the config file makes sure it is bound to nothing else while browsing).
	const keyedView = state.mode.name === 'browse' ? state.namedViews.find(view => view.key === key) : undefined;
	if (keyedView) {
		return showNamedView(state, keyedView);
	}
	const command = commandFor(state.keymap, key, state.mode.name);
	if (command) {
		return withViewUpToDate(state, markOpenedArticleRead(state, withSearchOfSelection(runCommand(state, command, key, pendingNumber, now)), now));
	}

	const {mode} = state;
	// Any key but y answers no, as a key pressed by mistake should do nothing.
	if (mode.name === 'confirm') {
		return answer(state, false, now);
	}

	const text = mode.name === 'filter' || mode.name === 'article-search' || mode.name === 'prompt' ? typedText(key) : undefined;
	return text === undefined || (mode.name !== 'filter' && mode.name !== 'article-search' && mode.name !== 'prompt')
		? state
		: withSearchOfSelection(withDraft(state, mode.draft + text));
}

/** The state after `action`. Pure: returns the same object when nothing changed. */
export function update(state: State, action: Action): State {
	const next = applyAction(state, action);
	const shown = followsSelectionAtOnce(next) ? withShownSelection(next) : next;
	// Keys record their messages one by one (several keys in one read may each show one).
	const recorded = action.type === 'keys-pressed' ? shown : withMessagesRecorded(state, shown);
	// Only these decide which search the list needs.
	const isSearchUnchanged = recorded.query === state.query && recorded.mode === state.mode && recorded.results === state.results && recorded.searchedArticles === state.searchedArticles;
	return isSearchUnchanged ? recorded : withSearchAsked(recorded);
}

function applyAction(state: State, action: Action): State {
	switch (action.type) {
		case 'keys-pressed': {
			const now = action.now ?? 0;
			// The user has taken over: the place left last time no longer applies.
			const pressed = state.placeToRestore === undefined ? state : {...state, placeToRestore: undefined};
			return withFilterBasis(state, action.keys.reduce((current, key) => withMessagesRecorded(current, pressKey(current, key, now)), pressed), action.now);
		}

		case 'mouse-used': {
			const now = action.now ?? 0;
			const used = state.placeToRestore === undefined ? state : {...state, placeToRestore: undefined};
			return withViewUpToDate(used, markOpenedArticleRead(used, withSearchOfSelection(applyMouse(used, action.event)), now));
		}

		case 'viewport-resized': {
			const {columnCount, rowCount} = action.viewport;
			if (columnCount === state.viewport.columnCount && rowCount === state.viewport.rowCount) {
				return state;
			}

			return withLayoutFollowed({...state, viewport: action.viewport});
		}

		case 'search-finished': {
			return action.articles && action.articles !== state.searchedArticles
				? state
				: withSearchOfSelection(finishSearch(state, action.query, action.hits, action.isProvisional === true));
		}

		case 'reload-due': {
			return askForReload(state, false);
		}

		case 'reload-failed': {
			return withReloadEnded({...state, notice: action.notice});
		}

		case 'notice-shown': {
			return state.notice === action.text ? state : {...state, notice: action.text};
		}

		case 'full-text-finished': {
			return withFullText(state, action);
		}

		case 'full-texts-prefetched': {
			const articles = withStories(state.articles, action.stories);
			const searchedArticles = withStories(state.searchedArticles, action.stories);
			return articles === state.articles && searchedArticles === state.searchedArticles && action.counts === state.prefetchCounts ? state : {...state, articles, searchedArticles, prefetchCounts: action.counts};
		}

		case 'read-marks-saved': {
			// Marks changed since the save keep their own object, and are saved later.
			return state.readMarks === action.marks ? {...state, readMarks: action.folded} : state;
		}

		case 'warning-raised': {
			return state.warnings.includes(action.message) ? state : {...state, warnings: [...state.warnings, action.message]};
		}

		case 'articles-arrived': {
			const arrived = withSearchOfSelection(addArrivals(state, action));
			return action.inputWarnings ? withNewWarningMessages(arrived, action.inputWarnings.slice(state.inputWarningCount)) : arrived;
		}

		case 'articles-loaded': {
			const loaded = withReloadEnded(withSearchOfSelection(loadArticles(state, action.articles, action.failures)));
			return {...loaded, inputLabel: action.label ?? loaded.inputLabel, inputWarningCount: action.inputWarningCount ?? loaded.inputWarningCount};
		}

		case 'search-progressed': {
			const {query, indexedShare} = action;
			// Provisional hits are on screen already: the search is only refining them, and the filter line shows their count.
			const isCurrent = query !== '' && query === searchedQuery(state) && (state.results?.query !== query || state.results.isStale === true);
			return isCurrent && (state.searchProgress?.query !== query || state.searchProgress.indexedShare !== indexedShare)
				? {...state, searchProgress: {query, indexedShare}}
				: state;
		}

		case 'effects-run': {
			const effects = state.effects.filter(effect => !action.effects.includes(effect));
			return effects.length === state.effects.length ? state : {...state, effects};
		}

		case 'selection-rested': {
			return selectedArticle(state)?.id === action.articleId ? withShownSelection(state) : state;
		}
	}
}
