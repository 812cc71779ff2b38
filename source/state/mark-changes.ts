/** Read and starred marks as the keys change them (`u`, `s`, `m`, opening an article), and `U` undoing them. */
import {articleKey, isMarked, type MarkName, type ReadMarks, withFlag} from '../read-state/marks.js';
import {articleCountText, isReading, selectedArticle, selectHits} from './selectors.js';
import type {MarkChange, State} from './state.js';
import {withEffect} from './outbox.js';

/** The marks after `change`, which goes on the undo list and is told in a notice. */
function withMarkChange(state: State, change: MarkChange, now: number): State {
	const readMarks = withFlag(state.readMarks, change.keys, change.name, change.isOn, now);
	return {...withReadMarks(state, readMarks), markUndos: [...state.markUndos.slice(1 - maximumUndoCount), change], notice: `${change.description} (U undoes)`};
}

/** How many changes of marks `U` can undo. */
const maximumUndoCount = 100;

/** Undoes the latest change of marks on the undo list, with a notice of what came back. */
export function undoMarkChange(state: State, now: number): State {
	const change = state.markUndos.at(-1);
	if (!change) {
		return {...state, notice: 'nothing to undo'};
	}

	const readMarks = withFlag(state.readMarks, change.keys, change.name, !change.isOn, now);
	return {...withReadMarks(state, readMarks), markUndos: state.markUndos.slice(0, -1), notice: `undone: ${change.description}`};
}

/** The unread articles of the list, by key: what `m` marks read. */
function unreadKeysOfList(state: State): string[] {
	return selectHits(state).flatMap(hit => {
		const key = articleKey(hit.article);
		return isMarked(state.readMarks, key, 'read') ? [] : [key];
	});
}

/** `m`: asks first, unless there is nothing to mark. */
export function askToMarkAllRead(state: State): State {
	const {mode} = state;
	if (mode.name !== 'browse' && mode.name !== 'read') {
		return state;
	}

	const articleCount = unreadKeysOfList(state).length;
	if (articleCount === 0) {
		return {...state, notice: selectHits(state).length === 0 ? 'no articles to mark' : 'every article here is read already'};
	}

	return {...state, mode: {name: 'confirm', returnTo: mode.name, question: {name: 'mark-all-read', articleCount}}};
}

/** The answer to the question of a `confirm` mode: yes does what it asked, no leaves everything as it was. */
export function answer(state: State, isYes: boolean, now: number): State {
	const {mode} = state;
	if (mode.name !== 'confirm') {
		return state;
	}

	const back: State = {...state, mode: {name: mode.returnTo}};
	if (!isYes) {
		return {...back, notice: 'nothing marked'};
	}

	const keys = unreadKeysOfList(back);
	return keys.length === 0
		? back
		: withMarkChange(back, {keys, name: 'read', isOn: true, description: `marked ${articleCountText(keys.length)} read`}, now);
}

/** The state with `readMarks`, which the shell is asked to save; the same state when they did not change. */
function withReadMarks(state: State, readMarks: ReadMarks): State {
	return readMarks === state.readMarks ? state : withEffect({...state, readMarks}, {kind: 'save-read-marks', marks: readMarks});
}

const flagWords: Readonly<Record<MarkName, readonly [on: string, off: string]>> = {read: ['marked read', 'marked unread'], starred: ['starred', 'unstarred']};

/** Turns flag `name` of the selected article on or off, with a notice, undoably. */
export function toggleFlag(state: State, name: MarkName, now: number): State {
	const article = selectedArticle(state);
	if (!article) {
		return state;
	}

	const key = articleKey(article);
	const isOn = !isMarked(state.readMarks, key, name);
	return withMarkChange(state, {keys: [key], name, isOn, description: flagWords[name][isOn ? 0 : 1]}, now);
}

/**
 * Marks the article read when the user starts reading it: on opening it (Enter, l, Tab), or moving to it while
 * reading (J, K). Moving the selection over it in the list does not, even when the article pane beside the list
 * shows it: a glance at a headline is not a read. Keys pressed while reading (`u` above all) leave the mark alone.
 */
export function markOpenedArticleRead(before: State, after: State, now: number): State {
	if (after.mode.name !== 'read' || (isReading(before.mode) && before.selectedId === after.selectedId)) {
		return after;
	}

	const article = selectedArticle(after);
	return article ? withReadMarks(after, withFlag(after.readMarks, [articleKey(article)], 'read', true, now)) : after;
}
