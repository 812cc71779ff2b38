import {describe, expect, it} from 'vitest';
import {chooseOpener, isOverSsh} from '../../source/terminal/opener.js';
import {canShowHyperlinks, clipboardSequence, copySequences, hyperlink, isSafeInSequence, tmuxPassthrough} from '../../source/terminal/osc.js';
import {linePieces} from '../../source/ui/line-pieces.js';
import {performLinkRequest, type LinkEnvironment, type StartedProgram} from '../../source/shell/link-actions.js';

const url = 'https://example.com/news?id=1&lang=en';

describe('OSC sequences', () => {
	it('builds an OSC 8 hyperlink ending in BEL, as Ink 6.8 passes it through', () => {
		expect(hyperlink(url, 'the text')).toBe(`\u001B]8;;${url}\u0007the text\u001B]8;;\u0007`);
	});

	it('never puts a control character inside a sequence: such an address stays plain text', () => {
		for (const bad of ['https://a.com/\u001B]8;;evil\u0007', 'https://a.com/\u0007', 'https://a.com/\u009C', '']) {
			expect(isSafeInSequence(bad)).toBe(false);
			expect(hyperlink(bad, 'text')).toBe('text');
		}
	});

	it('sends no hyperlinks to terminals that would print them', () => {
		expect(canShowHyperlinks({TERM: 'xterm-256color'})).toBe(true);
		expect(canShowHyperlinks({TERM: 'tmux-256color'})).toBe(true);
		expect(canShowHyperlinks({})).toBe(true);
		expect(canShowHyperlinks({TERM: 'linux'})).toBe(false);
		expect(canShowHyperlinks({TERM: 'linux-16color'})).toBe(false);
		expect(canShowHyperlinks({TERM: 'dumb'})).toBe(false);
	});

	it('builds OSC 52 with the text in base64', () => {
		expect(clipboardSequence(url)).toBe(`\u001B]52;c;${Buffer.from(url).toString('base64')}\u0007`);
		expect(clipboardSequence('https://例え.jp/')).toBe('\u001B]52;c;aHR0cHM6Ly/kvovjgYguanAv\u0007');
	});

	it('wraps a sequence for tmux, doubling each ESC inside', () => {
		expect(tmuxPassthrough('\u001B]52;c;YQ==\u0007')).toBe('\u001BPtmux;\u001B\u001B]52;c;YQ==\u0007\u001B\\');
	});

	it('copies with the plain sequence, and inside tmux with its passthrough form too', () => {
		const plain = clipboardSequence(url);
		expect(copySequences(url, {})).toBe(plain);
		expect(copySequences(url, {TMUX: '/tmp/tmux-1000/default,1234,0'})).toBe(plain + tmuxPassthrough(plain));
	});
});

describe('choosing how to open a link', () => {
	it('copies instead over SSH', () => {
		expect(isOverSsh({SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22'})).toBe(true);
		expect(isOverSsh({SSH_TTY: '/dev/pts/1'})).toBe(true);
		expect(isOverSsh({SSH_CONNECTION: ''})).toBe(false);
		expect(chooseOpener(url, {SSH_CONNECTION: '1 2 3 4'}, 'linux')).toEqual({kind: 'copy', reason: 'ssh'});
	});

	it('honours a $BROWSER set explicitly, over SSH too', () => {
		expect(chooseOpener(url, {SSH_CONNECTION: '1 2 3 4', BROWSER: 'forward-url --to laptop'}, 'linux')).toEqual({kind: 'command', command: 'forward-url', args: ['--to', 'laptop', url]});
		expect(chooseOpener(url, {SSH_TTY: '/dev/pts/1', BROWSER: ''}, 'linux')).toEqual({kind: 'copy', reason: 'ssh'});
	});

	it('uses the system opener by platform', () => {
		expect(chooseOpener(url, {}, 'linux')).toEqual({kind: 'command', command: 'xdg-open', args: [url]});
		expect(chooseOpener(url, {}, 'freebsd')).toEqual({kind: 'command', command: 'xdg-open', args: [url]});
		expect(chooseOpener(url, {}, 'darwin')).toEqual({kind: 'command', command: 'open', args: [url]});
		expect(chooseOpener(url, {}, 'win32')).toEqual({kind: 'command', command: 'rundll32', args: ['url.dll,FileProtocolHandler', url]});
	});

	it('prefers $BROWSER: the first of a : list, its arguments split at spaces, %s for the address', () => {
		expect(chooseOpener(url, {BROWSER: 'firefox'}, 'darwin')).toEqual({kind: 'command', command: 'firefox', args: [url]});
		expect(chooseOpener(url, {BROWSER: 'firefox --new-tab'}, 'linux')).toEqual({kind: 'command', command: 'firefox', args: ['--new-tab', url]});
		expect(chooseOpener(url, {BROWSER: 'chromium --app=%s:firefox'}, 'linux')).toEqual({kind: 'command', command: 'chromium', args: [`--app=${url}`]});
		expect(chooseOpener(url, {BROWSER: ' : '}, 'linux')).toEqual({kind: 'command', command: 'xdg-open', args: [url]});
		// The address is one argument, never shell text.
		const sneaky = 'https://a.com/;rm -rf ~';
		expect(chooseOpener(sneaky, {BROWSER: 'firefox'}, 'linux')).toEqual({kind: 'command', command: 'firefox', args: [sneaky]});
	});
});

describe('pieces of a line', () => {
	it('cuts a reference line at its address and at each match', () => {
		const line = {text: '[1] https://example.com/harbour', style: 'link' as const, link: {url: 'https://example.com/harbour', start: 4}};
		expect(linePieces(line)).toEqual([
			{text: '[1] ', highlight: undefined, url: undefined},
			{text: 'https://example.com/harbour', highlight: undefined, url: 'https://example.com/harbour'},
		]);
		expect(linePieces(line, [{start: 2, end: 9, isCurrent: false}, {start: 24, end: 31, isCurrent: true}])).toEqual([
			{text: '[1', highlight: undefined, url: undefined},
			{text: '] ', highlight: 'match', url: undefined},
			{text: 'https', highlight: 'match', url: 'https://example.com/harbour'},
			{text: '://example.com/', highlight: undefined, url: 'https://example.com/harbour'},
			{text: 'harbour', highlight: 'current-match', url: 'https://example.com/harbour'},
		]);
	});

	it('keeps a plain line whole, and clamps highlights past its end', () => {
		const line = {text: 'the storm', style: 'body' as const};
		expect(linePieces(line)).toEqual([{text: 'the storm', highlight: undefined, url: undefined}]);
		expect(linePieces(line, [{start: 4, end: 40, isCurrent: false}]).map(piece => piece.text)).toEqual(['the ', 'storm']);
	});
});

/** A link environment that records what it is asked to do. */
function fakeEnvironment(overrides: Partial<LinkEnvironment> = {}) {
	const written: string[] = [];
	const started: Array<{command: string; args: readonly string[]}> = [];
	const listeners: {error?: (error: NodeJS.ErrnoException) => void; exit?: (code: number | null) => void} = {};
	const program = {
		on(event: 'error' | 'exit', listener: never) {
			listeners[event] = listener;
			return program;
		},
	} as StartedProgram;
	const linkEnvironment: LinkEnvironment = {
		environment: {},
		platform: 'linux',
		writeToTerminal: sequence => written.push(sequence),
		startProgram(command, args) {
			started.push({command, args});
			return program;
		},
		...overrides,
	};
	return {linkEnvironment, written, started, listeners};
}

describe('performing a link request', () => {
	it('copies with OSC 52 and says so', () => {
		const {linkEnvironment, written, started} = fakeEnvironment();
		const notices: string[] = [];
		performLinkRequest({action: 'copy', url}, linkEnvironment, notice => notices.push(notice));
		expect(written).toEqual([clipboardSequence(url)]);
		expect(started).toEqual([]);
		expect(notices).toEqual([`copied to the clipboard: ${url}`]);
	});

	it('writes nothing when stdout is not a terminal', () => {
		const {linkEnvironment} = fakeEnvironment({writeToTerminal: undefined});
		const notices: string[] = [];
		performLinkRequest({action: 'copy', url}, linkEnvironment, notice => notices.push(notice));
		performLinkRequest({action: 'open', url}, {...linkEnvironment, environment: {SSH_TTY: '/dev/pts/0'}}, notice => notices.push(notice));
		expect(notices).toEqual(['cannot copy: the output is not a terminal', 'cannot copy: the output is not a terminal']);
	});

	it('opens with the opener, and reports a missing program or a failure in one line', () => {
		const {linkEnvironment, started, listeners, written} = fakeEnvironment();
		const notices: string[] = [];
		performLinkRequest({action: 'open', url}, linkEnvironment, notice => notices.push(notice));
		expect(started).toEqual([{command: 'xdg-open', args: [url]}]);
		expect(written).toEqual([]);
		expect(notices).toEqual([`opening with xdg-open: ${url}`]);
		listeners.exit?.(0);
		expect(notices).toHaveLength(1);
		listeners.error?.(Object.assign(new Error('spawn xdg-open ENOENT'), {code: 'ENOENT'}));
		listeners.exit?.(4);
		expect(notices.slice(1)).toEqual(['could not open the link: xdg-open not found', 'could not open the link: xdg-open failed (exit code 4)']);
	});

	it('copies instead of opening over SSH, and says why', () => {
		const {linkEnvironment, started, written} = fakeEnvironment({environment: {SSH_CONNECTION: '1 2 3 4', TMUX: 'x'}});
		const notices: string[] = [];
		performLinkRequest({action: 'open', url}, linkEnvironment, notice => notices.push(notice));
		expect(started).toEqual([]);
		expect(written).toEqual([copySequences(url, {TMUX: 'x'})]);
		expect(notices).toEqual([`over SSH, so copied to the clipboard instead of opening: ${url}`]);
	});
});
