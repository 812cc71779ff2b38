// The changes the build makes to dependencies' code as it bundles them (scripts/build.js), as data: each with its reason,
// the file it applies to and its edits. An edit's `search` must be in the file, or the build fails, and so does
// test/unit/dependency-patches.test.ts, which checks every edit against the installed packages: an upgrade that
// changes patched code is caught before it ships unpatched.
import {fileURLToPath} from 'node:url';

const graphemesModule = fileURLToPath(new URL('../source/text/graphemes.ts', import.meta.url));
const builtinModulesModule = fileURLToPath(new URL('../source/load/builtin-modules.ts', import.meta.url));

/**
 * @typedef {{search: string, replacement?: string}} Edit An edit; without `replacement`, `search` need only be there.
 * @typedef {{file: string, reason: string, edits: Edit[], append?: string}} DependencyPatch `file`: its path under node_modules.
 * @type {DependencyPatch[]}
 */
export const dependencyPatches = [
	{
		file: 'ink/build/ink.js',
		reason: 'The frame writer replaces Ink\'s log-update, a frame goes out in one write, a frame as tall as the terminal is not cleared first, and a full clear never erases the scrollback (ESC[3J).',
		edits: [
			{search: 'import logUpdate from \'./log-update.js\';'},
			{
				search: 'this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + output);',
				replacement: 'this.options.stdout.write(\'\\u001B[2J\\u001B[H\' + this.fullStaticOutput + output);',
			},
			{
				// Ink clears the whole terminal before every frame once the last one was as tall as the terminal: its own
				// writer moves up from below the frame. The frame writer moves from the frame's last row, so a frame as tall
				// as the terminal is drawn like any other, its changed cells only; a taller one, or Ink's own writer
				// (BROADSHEET_FULL_REDRAW=1), is still cleared and drawn whole.
				search: 'if (this.lastOutputHeight >= this.options.stdout.rows) {',
				replacement: 'if (this.lastOutputHeight > this.options.stdout.rows || (this.lastOutputHeight === this.options.stdout.rows && !this.options.incrementalRendering)) {',
			},
			{
				search: `                const shouldWrite = this.log.willRender(output);
                const sync = shouldSynchronize(this.options.stdout);
                if (sync && shouldWrite) {
                    this.options.stdout.write(bsu);
                }
                this.log(output);
                if (sync && shouldWrite) {
                    this.options.stdout.write(esu);
                }
`,
				replacement: `                const shouldWrite = this.log.willRender(output);
                const sync = shouldSynchronize(this.options.stdout);
                this.options.stdout.cork?.();
                try {
                    if (sync && shouldWrite) {
                        this.options.stdout.write(bsu);
                    }
                    this.log(output);
                    if (sync && shouldWrite) {
                        this.options.stdout.write(esu);
                    }
                } finally {
                    this.options.stdout.uncork?.();
                }
`,
			},
		],
	},
	{
		file: '@alcalzone/ansi-tokenize/build/tokenize.js',
		reason: 'Plain text is split into graphemes without Intl.Segmenter, whose first use costs 20 ms (source/text/graphemes.ts).',
		edits: [
			{search: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', replacement: `import {graphemesOf} from ${JSON.stringify(graphemesModule)};`},
			{search: 'segmenter.segment(str)', replacement: 'graphemesOf(str)'},
		],
	},
	{
		file: 'slice-ansi/tokenize-ansi.js',
		reason: 'slice-ansi makes its grapheme segmenter when first used, not at start-up.',
		edits: [
			{search: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", replacement: `import {graphemeSegmenter} from ${JSON.stringify(graphemesModule)};`},
			{search: 'GRAPHEME_SEGMENTER.segment(', replacement: 'graphemeSegmenter().segment('},
		],
	},
	{
		file: 'meow/build/dependencies.js',
		reason: 'normalize-package-data\'s set-up (ICU collation, several ms) runs only if meow is ever asked to normalise package fields, Babel\'s code frame (its identifier tables, about 1 ms) loads only if meow shows where a package.json is malformed, and child_process is not loaded for nothing.',
		edits: [
			// meow reads no package.json (Broadsheet hands it the fields it needs): the code frame of its parse errors
			// is never drawn.
			{search: 'var libExports = requireLib$1();', replacement: 'var libExports = {codeFrameColumns: (...parameters) => requireLib$1().codeFrameColumns(...parameters)};'},
			{
				search: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
				replacement: 'const normalizePackageData = (...parameters) => getDefaultExportFromCjs(requireNormalize())(...parameters);',
			},
			// Left over from a dependency meow bundles: a call whose result nobody keeps, which loads child_process (three
			// modules more) at every start.
			{search: "import { execFile } from 'node:child_process';\n", replacement: ''},
			{search: 'promisify(execFile);\n', replacement: ''},
		],
	},
	{
		file: 'fuse.js/dist/fuse.mjs',
		reason: 'fuse.js makes its default tokenizer\'s expression when first used, not at start-up: V8 reads its Unicode classes when it is made (0.15 ms), and Broadsheet\'s searches never use it.',
		edits: [
			{search: 'const DEFAULT_TOKEN = /[\\p{L}\\p{M}\\p{N}_]+/gu;', replacement: 'let DEFAULT_TOKEN;'},
			{search: 'return (text) => text.match(DEFAULT_TOKEN) || [];', replacement: 'return (text) => text.match(DEFAULT_TOKEN ??= /[\\p{L}\\p{M}\\p{N}_]+/gu) || [];'},
		],
	},
	{
		file: 'terminal-size/index.js',
		reason: 'child_process is loaded when terminal-size must ask a program for the size (never on a terminal), not at start-up.',
		edits: [
			{search: "import {execFileSync} from 'node:child_process';", replacement: `import {builtinModule} from ${JSON.stringify(builtinModulesModule)};`},
			{search: '	execFileSync(command, arguments_, {', replacement: "	builtinModule('node:child_process').execFileSync(command, arguments_, {"},
		],
	},
	{
		file: 'ink/build/ansi-tokenizer.js',
		reason: 'Whether a text holds a C1 control character is one native test, not a step a character through the string\'s iterator: Ink asks it of every text on every frame, and on the first frame that loop runs as cold code.',
		edits: [
			{
				search: `    for (const character of text) {
        if (isC1ControlCharacter(character)) {
            return true;
        }
    }
    return false;`,
				// A C1 control is one UTF-16 code unit; the code units of a surrogate pair are never in that range.
				replacement: '    return /[\\u0080-\\u009F]/.test(text);',
			},
		],
	},
	{
		file: 'htmlparser2/dist/Tokenizer.js',
		reason: 'Text is skipped to the next `<` (or `&`, when entities are decoded), and a tag\'s name to its end, in one native search, not a step a character: the first feed of a start goes through its XML and its stories\' HTML as cold code, a character at a time.',
		edits: [
			{
				search: 'export default class Tokenizer {',
				replacement: '/** Where text that decodes entities stops: a tag or an entity. */\nconst textStop = /[<&]/g;\n/** Where a tag\'s name ends (isEndOfTagSection). */\nconst tagNameEnd = /[ \\n\\t\\f\\r/>]/g;\nexport default class Tokenizer {',
			},
			{
				search: `            this.state = State.BeforeTagName;
            this.sectionStart = this.index;
        }
        else if (this.decodeEntities && c === CharCodes.Amp) {
            this.startEntity();
        }
    }`,
				// On to the character before the stop (or the end): the parse loop's step lands on it, and this state reads it.
				replacement: `            this.state = State.BeforeTagName;
            this.sectionStart = this.index;
        }
        else if (this.decodeEntities && c === CharCodes.Amp) {
            this.startEntity();
        }
        else if (this.decodeEntities) {
            textStop.lastIndex = this.index + 1 - this.offset;
            const stop = textStop.exec(this.buffer);
            this.index = (stop === null ? this.buffer.length : stop.index) + this.offset - 1;
        }
    }`,
			},
			{
				search: `    stateInTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onopentagname(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
    }`,
				replacement: `    stateInTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onopentagname(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
        else {
            this.skipToTagNameEnd();
        }
    }
    skipToTagNameEnd() {
        tagNameEnd.lastIndex = this.index + 1 - this.offset;
        const end = tagNameEnd.exec(this.buffer);
        this.index = (end === null ? this.buffer.length : end.index) + this.offset - 1;
    }`,
			},
			{
				search: `    stateInClosingTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onclosetag(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.AfterClosingTagName;
            this.stateAfterClosingTagName(c);
        }
    }`,
				replacement: `    stateInClosingTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onclosetag(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.AfterClosingTagName;
            this.stateAfterClosingTagName(c);
        }
        else {
            this.skipToTagNameEnd();
        }
    }`,
			},
			{
				search: `        while (++this.index < this.buffer.length + this.offset) {
            if (this.buffer.charCodeAt(this.index - this.offset) === c) {
                return true;
            }
        }`,
				replacement: `        const found = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
        if (found !== -1) {
            this.index = found + this.offset;
            return true;
        }`,
			},
		],
	},
	{
		file: 'ink/build/components/ErrorOverview.js',
		reason: 'stack-utils, which makes a regular expression for each of Node\'s built-in modules when loaded, loads when an error is first shown rather than at every start-up.',
		edits: [
			{search: "import StackUtils from 'stack-utils';\n", replacement: ''},
			{
				search: `const stackUtils = new StackUtils({
    cwd: cwd(),
    internals: StackUtils.nodeInternals(),
});`,
				replacement: `let loadedStackUtils;
const stackUtils = {
    parseLine(line) {
        if (loadedStackUtils === undefined) {
            const StackUtils = require('stack-utils');
            loadedStackUtils = new StackUtils({cwd: cwd(), internals: StackUtils.nodeInternals()});
        }
        return loadedStackUtils.parseLine(line);
    },
};`,
			},
		],
	},
	{
		file: 'ink/build/output.js',
		reason: 'Blank cells share one frozen object: most of a frame\'s cells, and most of its garbage.',
		edits: [
			{
				search: `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
				replacement: 'row.push(blankCell);',
			},
		],
		append: "\nconst blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});\n",
	},
	{
		file: '@alcalzone/ansi-tokenize/build/styledChars.js',
		reason: 'A styled run\'s cells share one styles array, and a cell styled as its neighbour skips the style comparison.',
		edits: [
			{
				search: `ret.push({
                ...token,
                styles: [...codes],
            });`,
				replacement: 'ret.push({type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes});',
			},
			{
				search: 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
				replacement: 'const previousStyles = chars[i - 1].styles;\n'
					+ 'if (previousStyles !== char.styles && (previousStyles.length > 0 || char.styles.length > 0)) {\n'
					+ 'ret += ansiCodesToString(diffAnsiCodes(previousStyles, char.styles));\n'
					+ '}',
			},
		],
	},
	{
		file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
		reason: 'Yoga\'s WebAssembly is set up synchronously: no top-level await, so the bundle is a script that can use V8\'s code cache.',
		edits: [
			{
				search: 'if(h.instantiateWasm)try{',
				// `H` is the data: URL holding the module's bytes (`wa()` decodes it too, but one character at a time: 6 ms);
				// `a` takes the instance, `d` is the imports.
				replacement: 'if(h.instantiateSynchronously){a(new WebAssembly.Instance(new WebAssembly.Module(ua(H)?Buffer.from(H.slice(37),"base64"):wa()),d));return{}}if(h.instantiateWasm)try{',
			},
		],
	},
	{
		file: 'yoga-layout/dist/src/index.js',
		reason: 'Yoga is set up by the time loadYoga returns, without awaiting it at the top level.',
		edits: [
			{
				search: 'const Yoga = wrapAssembly(await loadYoga());',
				replacement: 'const yogaModule = {instantiateSynchronously: true};\nloadYoga(yogaModule);\nif (!yogaModule.calledRun) throw new Error(\'Yoga did not start\');\nconst Yoga = wrapAssembly(yogaModule);',
			},
		],
	},
	{
		file: 'ink/build/reconciler.js',
		reason: 'The React devtools are never shipped or awaited at the top level.',
		edits: [
			{search: 'if (isDev()) {\n    try {\n        await import(\'./devtools.js\');', replacement: 'if (false) {\n    try {'},
			{
				search: 'const packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };',
				replacement: 'const packageJson = {name: undefined, version: undefined};',
			},
		],
	},
];

/** The esbuild `onLoad` filter for a patch's file: its path under node_modules, with either separator. */
export function patchFilter(patch) {
	return new RegExp(`${patch.file.split('/').map(part => part.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\\\/]')}$`);
}

/** `source` (the patch's file) with the patch applied; throws, failing the build, when an edit's code is not there. */
export function applyPatch(patch, source) {
	let patched = source;
	for (const {search, replacement} of patch.edits) {
		if (!patched.includes(search)) {
			throw new Error(`${patch.file} changed: check whether its patch in scripts/dependency-patches.js is still needed (${patch.reason})`);
		}

		if (replacement !== undefined) {
			patched = patched.replaceAll(search, replacement);
		}
	}

	return patched + (patch.append ?? '');
}
