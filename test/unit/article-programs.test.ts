import {describe, expect, it} from 'vitest';
import {parseConfig} from '../../source/config.js';
import {defaultKeymap} from '../../source/input/keymap.js';
import {outputPieces} from '../../source/output.js';
import {articleText, performProgramRequest, type ProgramEnvironment} from '../../source/shell/article-programs.js';
import {createState} from '../../source/state/initial-state.js';
import type {ProgramEffect, State} from '../../source/state/state.js';
import {fileNameOf} from '../../source/state/article-tools.js';
import {update} from '../../source/state/update.js';
import {chooseConfiguredOpener} from '../../source/terminal/opener.js';
import {commandWords} from '../../source/text/command-words.js';
import {newsArticles} from '../helpers/articles.js';

const narrow = {columnCount: 80, rowCount: 24};
const press = (state: State, ...keys: string[]) => update(state, {type: 'keys-pressed', keys});
const type = (state: State, text: string) => press(state, ...[...text].map(character => (character === ' ' ? 'space' : character)));

describe('command words (|): split as a shell splits words, run by none', () => {
	it.each([
		['wc -w', ['wc', '-w']],
		['  grep   -i  storm ', ['grep', '-i', 'storm']],
		[`grep 'two words' "and \\"more\\""`, ['grep', 'two words', 'and "more"']],
		['echo a\\ b', ['echo', 'a b']],
		['echo $(rm -rf ~); ls | cat > x', ['echo', '$(rm', '-rf', '~);', 'ls', '|', 'cat', '>', 'x']],
		[`printf ''`, ['printf', '']],
	])('%s', (line, words) => {
		expect(commandWords(line)).toEqual({words});
	});

	it('says when a quote is not closed', () => {
		expect(commandWords(`grep 'storm`)).toEqual({error: 'a \' is not closed'});
	});
});

describe('| and w prompts', () => {
	const start = createState(newsArticles, {viewport: narrow});

	it('asks for a command, and asks the shell to pipe the selected article to its words', () => {
		const asked = press(start, 'j', '|');
		expect(asked.mode).toEqual({name: 'prompt', purpose: 'pipe', draft: '', returnTo: 'browse'});
		const typed = type(asked, `grep -i 'the keeper'`);
		expect(typed.mode).toMatchObject({draft: `grep -i 'the keeper'`});
		const piped = press(typed, 'enter');
		expect(piped.mode.name).toBe('browse');
		expect(piped.effects).toEqual([{kind: 'pipe', words: ['grep', '-i', 'the keeper'], articleId: newsArticles[1]!.id}]);
		// The next | offers the same command again.
		expect(press(piped, '|').mode).toMatchObject({draft: `grep -i 'the keeper'`});
	});

	it('types q, j and the other keys into the prompt, and Esc cancels it', () => {
		const typed = type(press(start, 'enter', '|'), 'jq .');
		expect(typed.mode).toMatchObject({name: 'prompt', draft: 'jq .', returnTo: 'read'});
		const cancelled = press(typed, 'escape');
		expect(cancelled.mode.name).toBe('read');
		expect(cancelled.effects.filter(effect => effect.kind !== 'save-read-marks')).toEqual([]);
	});

	it('runs nothing for an empty line or an open quote', () => {
		expect(press(start, '|', 'enter').effects).toEqual([]);
		const open = press(type(press(start, '|'), `grep 'x`), 'enter');
		expect(open.effects).toEqual([]);
		expect(open.notice).toBe('cannot run it: a \' is not closed');
	});

	it('offers a file name from the headline at w, and asks to save to the path typed', () => {
		const asked = press(start, 'w');
		expect(asked.mode).toMatchObject({purpose: 'save', draft: 'copper-prices-climb-on-strong-demand.txt'});
		const saved = press(type(press(asked, 'ctrl+u'), '~/news/copper.txt'), 'enter');
		expect(saved.effects).toEqual([{kind: 'save', path: '~/news/copper.txt', articleId: newsArticles[0]!.id}]);
	});

	it('asks for the pager with p, once for each p', () => {
		expect(press(start, 'p').effects).toEqual([{kind: 'page', articleId: newsArticles[0]!.id}]);
		const twice = press(start, 'p', 'p').effects;
		expect(twice).toEqual([{kind: 'page', articleId: newsArticles[0]!.id}, {kind: 'page', articleId: newsArticles[0]!.id}]);
		expect(twice[0]).not.toBe(twice[1]);
	});

	it('names files plainly', () => {
		expect(fileNameOf('Émile’s café: 3 new rules / 2026')).toBe('emile-s-cafe-3-new-rules-2026.txt');
		expect(fileNameOf('???')).toBe('article.txt');
	});
});

describe('performing a program request', () => {
	const calls: Array<{command: string; args: readonly string[]; options: object}> = [];
	const written: Array<{path: string; text: string}> = [];
	const programs: ProgramEnvironment = {
		environment: {PAGER: 'less -R', HOME: '/home/reader'},
		runInTerminal(command, args, options) {
			calls.push({command, args, options});
			return command === 'missing' ? {exitCode: null, error: Object.assign(new Error('spawn missing ENOENT'), {code: 'ENOENT'})} : {exitCode: command === 'false' ? 1 : 0};
		},
		writeNewFile(path, text) {
			if (written.some(file => file.path === path)) {
				throw Object.assign(new Error('EEXIST'), {code: 'EEXIST'});
			}

			written.push({path, text});
		},
	};
	const article = newsArticles[2]!;
	const perform = (request: {kind: 'pipe'; words: string[]} | {kind: 'page'} | {kind: 'save'; path: string}) => {
		const notices: string[] = [];
		performProgramRequest({...request, articleId: article.id} as ProgramEffect, article, programs, notice => notices.push(notice));
		return notices;
	};

	it('takes the text --print prints', () => {
		expect(articleText(article)).toBe([...outputPieces([article], 'print', 80)].join(''));
	});

	it('pipes the text as --print prints it, waiting for Enter after', () => {
		expect(perform({kind: 'pipe', words: ['wc', '-w']})).toEqual(['piped the article to wc']);
		expect(calls.at(-1)).toMatchObject({command: 'wc', args: ['-w'], options: {shouldWaitForEnter: true}});
		expect((calls.at(-1)!.options as {input: string}).input).toContain('Storm Agnes heads for the coast');
		expect(perform({kind: 'pipe', words: ['missing']})).toEqual(['cannot pipe: missing not found']);
		expect(perform({kind: 'pipe', words: ['false']})).toEqual(['cannot pipe: false failed (exit code 1)']);
	});

	it('pages with $PAGER split into words', () => {
		expect(perform({kind: 'page'})).toEqual([]);
		expect(calls.at(-1)).toMatchObject({command: 'less', args: ['-R']});
	});

	it('saves under the home directory for ~/, and never over a file', () => {
		expect(perform({kind: 'save', path: '~/storm.txt'})).toEqual(['saved to /home/reader/storm.txt']);
		expect(written[0]!.text).toContain('Forecasters warned of high winds');
		expect(perform({kind: 'save', path: '~/storm.txt'})).toEqual(['cannot save, it exists already: /home/reader/storm.txt']);
	});
});

describe('link openers by pattern (config "openers")', () => {
	const configOf = (json: unknown) => parseConfig(JSON.stringify(json), defaultKeymap);

	it('reads a list of patterns and commands, a command given as a list or as one line', () => {
		const result = configOf({openers: [{match: 'youtube\\.com|\\.mp4$', command: ['mpv', '--really-quiet', '{url}']}, {match: '^https?:', command: 'w3m -o confirm_qq=false', terminal: true}]});
		expect('config' in result).toBe(true);
		const openers = 'config' in result ? result.config.openers ?? [] : [];
		expect(chooseConfiguredOpener('https://www.youtube.com/watch?v=x', openers)).toEqual({command: 'mpv', args: ['--really-quiet', 'https://www.youtube.com/watch?v=x'], needsTerminal: false});
		expect(chooseConfiguredOpener('https://example.org/a b', openers)).toEqual({command: 'w3m', args: ['-o', 'confirm_qq=false', 'https://example.org/a b'], needsTerminal: true});
		expect(chooseConfiguredOpener('mailto:desk@example.org', openers)).toBeUndefined();
	});

	it('puts the address in place of {url}, as one argument whatever it holds', () => {
		const url = 'https://example.org/$(reboot);x`id`';
		expect(chooseConfiguredOpener(url, [{pattern: /./u, command: ['open-it', '--url={url}', '--new'], needsTerminal: false}])).toEqual({command: 'open-it', args: [`--url=${url}`, '--new'], needsTerminal: false});
	});

	it.each([
		[{openers: {}}, 'openers: should be a list'],
		[{openers: [{match: '(', command: ['x']}]}, 'openers[0].match: '],
		[{openers: [{match: 'x', command: []}]}, 'openers[0].command: should be a program and its arguments'],
		[{openers: [{match: 'x', command: 'mpv \'oops'}]}, 'openers[0].command: a \' is not closed'],
		[{openers: [{match: 'x', command: ['mpv'], terminal: 'yes'}]}, 'openers[0].terminal: should be true or false'],
		[{openers: [{match: 'x', command: ['mpv'], program: 'x'}]}, 'openers[0].program: no such field'],
	])('refuses %j in one line', (json, message) => {
		const result = configOf(json);
		expect('error' in result && result.error).toContain(message);
	});
});
