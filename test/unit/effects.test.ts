import {describe, expect, it} from 'vitest';
import {createState} from '../../source/state/initial-state.js';
import {defaultKeymap, pickKeymap} from '../../source/input/keymap.js';
import {createSearchIndex} from '../../source/search/search.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {newsArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});

describe('the outbox of effects (issue 12.3)', () => {
	const list = createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}});

	it('starts empty, and keys that touch nothing outside leave it so', () => {
		expect(list.effects).toEqual([]);
		expect(press(list, 'j', 'k', 'v', '?', 'escape').effects).toEqual([]);
	});

	it('Ctrl-Z asks to suspend and Ctrl-L to redraw, in order, each a value of its own', () => {
		const asked = press(list, 'ctrl+z', 'ctrl+l', 'ctrl+z');
		expect(asked.effects).toEqual([{kind: 'suspend'}, {kind: 'redraw'}, {kind: 'suspend'}]);
		expect(asked.effects[0]).not.toBe(asked.effects[2]);
		expect(asked.mode).toEqual(list.mode);
	});

	it('effects-run takes out the effects the shell ran, and only those', () => {
		const asked = press(list, 'ctrl+z', 'ctrl+l');
		const more = press(asked, 'ctrl+l');
		const run = update(more, {type: 'effects-run', effects: asked.effects});
		expect(run.effects).toEqual([{kind: 'redraw'}]);
		expect(run.effects[0]).toBe(more.effects[2]);
		expect(update(run, {type: 'effects-run', effects: asked.effects})).toBe(run);
	});

	it('asks to save the read marks at each change of them, with the marks as they are then, and only then', () => {
		const opened = press(list, 'j', 'enter');
		expect(opened.effects).toEqual([{kind: 'save-read-marks', marks: opened.readMarks}]);
		// Scrolling and going back change no mark.
		expect(press(opened, 'j', 'escape').effects).toEqual(opened.effects);
		const starred = press(opened, 's', 'U');
		expect(starred.effects.map(effect => effect.kind)).toEqual(['save-read-marks', 'save-read-marks', 'save-read-marks']);
		expect(starred.effects.at(-1)).toEqual({kind: 'save-read-marks', marks: starred.readMarks});
		// Folding the saved marks into one object changes nothing to save.
		const folded = {saved: starred.readMarks.saved, changed: new Map(starred.readMarks.changed)};
		expect(update(starred, {type: 'read-marks-saved', marks: starred.readMarks, folded}).effects).toEqual(starred.effects);
	});

	it('asks to quit with q, handing on the article picked with Enter under --pick, and nothing after', () => {
		expect(press(list, 'q').effects).toEqual([{kind: 'quit'}]);
		expect(press(list, 'q', 'j', 'q').effects).toEqual([{kind: 'quit'}]);
		const picking = createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}, keymap: pickKeymap(defaultKeymap)});
		expect(press(picking, 'j', 'enter').effects).toEqual([{kind: 'quit', picked: newsArticles[1]}]);
	});
});

describe('the searches the outbox asks for', () => {
	const list = createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}});
	const index = createSearchIndex(newsArticles);
	const searches = (state: State) => state.effects.filter(effect => effect.kind === 'start-search' || effect.kind === 'cancel-search');
	const finished = (state: State, query: string, isProvisional = false) => update(state, {type: 'search-finished', query, hits: index.search(query), isProvisional, articles: state.searchedArticles});

	it('starts a search for each query the filter line makes, over the articles searched, and none for moves', () => {
		const typed = press(press(list, '/', 's'), 't');
		expect(searches(typed)).toEqual([{kind: 'start-search', query: 's', articles: newsArticles}, {kind: 'start-search', query: 'st', articles: newsArticles}]);
		expect(searches(press(typed, 'down', 'up', 'enter', 'j'))).toEqual(searches(typed));
		// Keys in one chunk make one search, for the query they leave.
		expect(searches(press(list, '/', 'space', 's', 't'))).toEqual([{kind: 'start-search', query: 'st', articles: newsArticles}]);
	});

	it('asks for nothing more once the final results come, and goes on after provisional ones', () => {
		const typed = press(list, '/', 's', 't');
		const provisional = finished(typed, 'st', true);
		expect(searches(provisional)).toEqual(searches(typed));
		expect(provisional.runningSearch).toEqual({query: 'st', articles: newsArticles});
		const done = finished(provisional, 'st');
		expect(searches(done)).toEqual(searches(typed));
		expect(done.runningSearch).toBeUndefined();
		expect(searches(press(done, 'escape'))).toEqual(searches(typed));
	});

	it('cancels the search running when the filter is cleared, or goes back to a query whose results are in', () => {
		const typed = press(list, '/', 's', 't');
		expect(searches(press(typed, 'escape')).at(-1)).toEqual({kind: 'cancel-search'});
		const found = finished(press(list, '/', 's'), 's');
		const back = press(press(found, 't'), 'backspace');
		expect(searches(back).slice(-2)).toEqual([{kind: 'start-search', query: 'st', articles: newsArticles}, {kind: 'cancel-search'}]);
		expect(back.runningSearch).toBeUndefined();
	});

	it('searches again over the articles a reload brings', () => {
		const found = finished(press(list, '/', 's', 'enter'), 's');
		const more = [...newsArticles.slice(1)];
		const reloaded = update(found, {type: 'articles-loaded', articles: more, failures: []});
		expect(searches(reloaded).at(-1)).toEqual({kind: 'start-search', query: 's', articles: more});
	});

	it('asks at start-up for the search of a --filter query that did not finish before the first frame', () => {
		expect(searches(createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}, query: 'storm'}))).toEqual([{kind: 'start-search', query: 'storm', articles: newsArticles}]);
		const results = {query: 'storm', hits: index.search('storm')};
		expect(searches(createState(newsArticles, {viewport: {columnCount: 80, rowCount: 24}, query: 'storm', results}))).toEqual([]);
	});
});
