import {describe, expect, it} from 'vitest';
import {createState} from '../../source/state/initial-state.js';
import {maximumMessageCount, messageLines, withMessage} from '../../source/state/messages.js';
import type {State} from '../../source/state/state.js';
import {update} from '../../source/state/update.js';
import {numberedArticles} from '../helpers/articles.js';

const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
const start = createState(numberedArticles(3), {viewport: {columnCount: 80, rowCount: 24}});
const texts = (state: State) => state.messages.map(message => message.text);

describe('the messages kept', () => {
	it('keeps a notice after the next key has cleared it from the status line', () => {
		const cleared = press(start, 'U', 'j');
		expect(cleared.notice).toBeUndefined();
		expect(texts(cleared)).toEqual(['nothing to undo']);
	});

	it('keeps warnings, and counts a notice shown again rather than repeating it', () => {
		const warned = update(start, {type: 'warning-raised', message: 'could not save the read marks: disk full'});
		expect(warned.messages).toEqual([{text: 'could not save the read marks: disk full', kind: 'warning', count: 1}]);
		const twice = press(start, 'U', 'j', 'U');
		expect(twice.messages).toEqual([{text: 'nothing to undo', kind: 'notice', count: 2}]);
		expect(messageLines(twice.messages, 80)).toEqual([' nothing to undo (2 times)']);
		expect(messageLines(warned.messages, 80)).toEqual([' warning: could not save the read marks: disk full']);
	});

	it('keeps no prompt for the digits of a count', () => {
		expect(texts(press(start, '5', 'j'))).toEqual([]);
	});

	it('keeps the last 200', () => {
		let messages = withMessage([], 'first', 'notice');
		for (let index = 1; index <= 250; index++) {
			messages = withMessage(messages, `notice ${index}`, 'notice');
		}

		expect(messages).toHaveLength(maximumMessageCount);
		expect(messages[0]?.text).toBe('notice 51');
		expect(messages.at(-1)?.text).toBe('notice 250');
	});

	it('starts with the warnings of reading the inputs, and the first notice', () => {
		const state = createState(numberedArticles(1), {viewport: {columnCount: 80, rowCount: 24}, inputWarnings: ['news.txt: line 3: no headline'], notice: 'offline: cached copies'});
		expect(state.messages.map(message => message.kind)).toEqual(['warning', 'notice']);
	});

	it('adds the warnings of the inputs parsed after the first frame, each once', () => {
		const articles = numberedArticles(4);
		const state = createState(articles.slice(0, 2), {viewport: {columnCount: 80, rowCount: 24}, inputWarnings: ['big.txt: line 3: no headline'], inputWarningCount: 1});
		const arrived = update(state, {type: 'articles-arrived', articles: articles.slice(0, 3), loadingShare: 0.5, inputWarningCount: 2, inputWarnings: ['big.txt: line 3: no headline', 'big.txt: line 90: no headline']});
		const again = update(arrived, {type: 'articles-arrived', articles, loadingShare: undefined, inputWarningCount: 2, inputWarnings: ['big.txt: line 3: no headline', 'big.txt: line 90: no headline']});
		expect(texts(again)).toEqual(['big.txt: line 3: no headline', 'big.txt: line 90: no headline']);
	});

	it('wraps a long message under a hanging indent', () => {
		const lines = messageLines(withMessage([], 'word '.repeat(30).trim(), 'notice'), 40);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.every(line => line.length <= 40)).toBe(true);
		expect(lines[1]).toMatch(/^ {3}word/u);
	});
});

describe('the messages overlay', () => {
	const many = Array.from({length: 60}, (_, index) => `notice ${index + 1}`).reduce((state, text) => update(state, {type: 'notice-shown', text}), start);

	it('opens with ! at the latest message, scrolls, and closes with !, Esc or q, back where it was', () => {
		const open = press(many, '!');
		expect(open.mode).toEqual({name: 'messages', returnTo: 'browse', scrollTop: 60 - 22});
		expect(press(open, 'g').mode).toMatchObject({scrollTop: 0});
		expect(press(open, 'g', 'j', 'j').mode).toMatchObject({scrollTop: 2});
		expect(press(open, 'k').mode).toMatchObject({scrollTop: 37});
		expect(press(open, 'j').mode).toMatchObject({scrollTop: 38});
		for (const key of ['!', 'escape', 'q']) {
			expect(press(open, key).mode).toEqual({name: 'browse'});
		}

		const reading = press(many, 'enter', '!');
		expect(reading.mode).toMatchObject({name: 'messages', returnTo: 'read'});
		expect(press(reading, 'q').mode).toEqual({name: 'read'});
		expect(press(reading, 'ctrl+c').mode.name).toBe('quit');
	});
});
