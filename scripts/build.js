// Bundles the command into one file, so that it starts fast and runs with node alone.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {access, chmod, mkdir, readFile, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const emptyModule = fileURLToPath(new URL('empty-module.js', import.meta.url));

const require = createRequire(import.meta.url);
const stringWidthFast = fileURLToPath(new URL('string-width-fast.js', import.meta.url));
// Ink's own string-width, the newest of the copies its dependencies bring.
const stringWidthFull = require.resolve('string-width', {paths: [dirname(require.resolve('ink'))]});

/**
 * Every `string-width` in the bundle (Ink and its dependencies bring three copies, and each builds large Unicode
 * tables when loaded) becomes scripts/string-width-fast.js: one copy, loaded only when text needs its full rules.
 */
const fastStringWidth = {
	name: 'fast-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, ({importer}) => ({path: importer === stringWidthFast ? stringWidthFull : stringWidthFast}));
	},
};

const inkBuildDirectory = dirname(require.resolve('ink'));
const inkLogUpdateShim = fileURLToPath(new URL('ink-log-update.js', import.meta.url));

/**
 * Ink's log-update (the part that writes each frame to the terminal) becomes scripts/ink-log-update.js, that is
 * Broadsheet's frame writer (source/terminal/renderer/frame-writer.ts): Ink 6.8 rewrites every changed row whole, the writer
 * only the cells that changed. It also draws right where Ink 6.8.0's incremental renderer moved the cursor up one row
 * too few before redrawing a frame that ended in a newline. The build fails if Ink no longer imports its
 * log-update.js from ink.js, where the writer goes in, or if ink.js no longer writes a frame as patched below.
 */
const frameWriter = {
	name: 'frame-writer',
	setup(build) {
		const inkModule = join(inkBuildDirectory, 'ink.js');
		const inkLogUpdate = join(inkBuildDirectory, 'log-update.js');
		let isReplaced = false;
		build.onLoad({filter: /ink[\\/]build[\\/]ink\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			patched(source, 'import logUpdate from \'./log-update.js\';', '', 'Ink\'s ink.js');
			// A frame goes out in one write rather than three (begin synchronized update, the frame, end it): one
			// wake-up of whatever reads the terminal, and over SSH one packet instead of three.
			// A frame as tall as the terminal, after a resize to fewer rows, makes Ink clear the terminal with ESC[3J
			// among the rest, which erases the scrollback: on the alternate screen, where Broadsheet draws, there is no
			// scrollback of its own, and ESC[3J would wipe the main screen's (tmux history went from 462 lines to 16).
			const withoutScrollbackErase = patched(
				source,
				'this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + output);',
				'this.options.stdout.write(\'\\u001B[2J\\u001B[H\' + this.fullStaticOutput + output);',
				'Ink\'s ink.js',
			);
			// Ink clears the whole terminal before every frame once the last one was as tall as the terminal: its own
			// writer moves up from below the frame, which a frame on every row leaves no room for. The frame writer moves
			// from the frame's last row (and leaves the cursor there), so a frame as tall as the terminal is drawn like
			// any other, its changed cells only, and Broadsheet uses the terminal's last row. A frame taller than the
			// terminal (for a moment after it gets shorter) has scrolled out of the writer's reach: that one is still
			// cleared and drawn whole, as is every full frame with Ink's own writer (BROADSHEET_FULL_REDRAW=1).
			const withoutFullHeightClear = patched(
				withoutScrollbackErase,
				'if (this.lastOutputHeight >= this.options.stdout.rows) {',
				'if (this.lastOutputHeight > this.options.stdout.rows || (this.lastOutputHeight === this.options.stdout.rows && !this.options.incrementalRendering)) {',
				'Ink\'s ink.js',
			);
			return {
				contents: patched(
					withoutFullHeightClear,
					`                const shouldWrite = this.log.willRender(output);
                const sync = shouldSynchronize(this.options.stdout);
                if (sync && shouldWrite) {
                    this.options.stdout.write(bsu);
                }
                this.log(output);
                if (sync && shouldWrite) {
                    this.options.stdout.write(esu);
                }
`,
					`                const shouldWrite = this.log.willRender(output);
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
					'Ink\'s ink.js',
				),
				loader: 'js',
			};
		});
		build.onResolve({filter: /^\.\/log-update\.js$/}, ({importer}) => {
			if (importer !== inkModule) {
				return undefined;
			}

			isReplaced = true;
			return {path: inkLogUpdateShim};
		});
		build.onResolve({filter: /^(?:ink-original-log-update|cli-cursor)$/}, async ({path, importer}) => {
			if (importer !== inkLogUpdateShim) {
				return undefined;
			}

			if (path === 'ink-original-log-update') {
				await access(inkLogUpdate);
				return {path: inkLogUpdate};
			}

			// Ink's own cli-cursor, resolved from Ink's directory.
			return build.resolve(path, {kind: 'import-statement', resolveDir: inkBuildDirectory});
		});
		build.onEnd(() => {
			if (!isReplaced) {
				throw new Error('Ink\'s ink.js no longer imports ./log-update.js: the frame writer is not in the bundle (scripts/build.js)');
			}
		});
	},
};

const graphemesModule = fileURLToPath(new URL('../source/text/graphemes.ts', import.meta.url));

/** Replaces `search` in `source` by `replacement`, failing the build when a dependency's code has changed. */
function patched(source, search, replacement, what) {
	if (!source.includes(search)) {
		throw new Error(`${what} changed: check whether its patch in scripts/build.js is still needed`);
	}

	return source.replaceAll(search, replacement);
}

/**
 * Ink splits every line of every frame into graphemes with `Intl.Segmenter` (in @alcalzone/ansi-tokenize, and in
 * slice-ansi when it clips). The first segmenter a process makes costs 20 ms or more, and segmenting costs on
 * every frame. Plain text, where every character stands alone, is split without one (source/text/graphemes.ts);
 * slice-ansi makes its segmenter when first used rather than at start-up.
 */
const lazyGraphemes = {
	name: 'lazy-graphemes',
	setup(build) {
		build.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/}, async ({path}) => {
			let source = await readFile(path, 'utf8');
			source = patched(source, 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', `import {graphemesOf} from ${JSON.stringify(graphemesModule)};`, 'ansi-tokenize');
			source = patched(source, 'segmenter.segment(str)', 'graphemesOf(str)', 'ansi-tokenize');
			return {contents: source, loader: 'js'};
		});
		build.onLoad({filter: /slice-ansi[\\/]tokenize-ansi\.js$/}, async ({path}) => {
			let source = await readFile(path, 'utf8');
			source = patched(source, "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", `import {graphemeSegmenter} from ${JSON.stringify(graphemesModule)};`, 'slice-ansi');
			source = patched(source, 'GRAPHEME_SEGMENTER.segment(', 'graphemeSegmenter().segment(', 'slice-ansi');
			return {contents: source, loader: 'js'};
		});
	},
};

/**
 * meow's bundled dependencies run normalize-package-data's set-up when loaded, which sorts SPDX licence names with
 * localeCompare (loading ICU's collation, several milliseconds). Broadsheet passes meow its package fields, so
 * that code only runs if meow is ever asked to normalise them: load it then.
 */
const lazyPackageNormaliser = {
	name: 'lazy-package-normaliser',
	setup(build) {
		build.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			return {
				contents: patched(
					source,
					'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
					'const normalizePackageData = (...parameters) => getDefaultExportFromCjs(requireNormalize())(...parameters);',
					'meow',
				),
				loader: 'js',
			};
		});
	},
};

/**
 * Ink draws every frame into a grid of one object per cell and then turns each row back into a string, comparing
 * the styles of each cell with the one before (three Sets a cell). At 120x40 that is most of a frame's time, and most
 * of its garbage. Three patches keep the same output: blank cells share one object; the cells of one styled run share
 * one styles array (nothing mutates them); and a cell whose styles array is its neighbour's, or which has none like
 * its neighbour, skips the comparison, which would find no difference.
 */
const fasterInkOutput = {
	name: 'faster-ink-output',
	setup(build) {
		build.onLoad({filter: /ink[\\/]build[\\/]output\.js$/}, async ({path}) => {
			let source = await readFile(path, 'utf8');
			source = patched(
				source,
				`row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
				'row.push(blankCell);',
				'Ink\'s output.js',
			);
			source += "\nconst blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});\n";
			return {contents: source, loader: 'js'};
		});
		build.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async ({path}) => {
			let source = await readFile(path, 'utf8');
			source = patched(
				source,
				`ret.push({
                ...token,
                styles: [...codes],
            });`,
				'ret.push({type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes});',
				'ansi-tokenize\'s styledChars.js',
			);
			source = patched(
				source,
				'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
				'const previousStyles = chars[i - 1].styles;\n'
					+ 'if (previousStyles !== char.styles && (previousStyles.length > 0 || char.styles.length > 0)) {\n'
					+ 'ret += ansiCodesToString(diffAnsiCodes(previousStyles, char.styles));\n'
					+ '}',
				'ansi-tokenize\'s styledChars.js',
			);
			return {contents: source, loader: 'js'};
		});
	},
};

/**
 * Yoga (Ink's layout engine) sets up its WebAssembly with the asynchronous `WebAssembly.instantiate`, and its module
 * awaits that at the top level; Ink's reconciler awaits the React devtools at the top level when DEV is set. Top-level
 * await rules out a bundle that is a plain script, and only a script can use V8's code cache on Node 20 (see
 * scripts/launcher.js). Node compiles and instantiates WebAssembly synchronously as well, so Yoga is set up in place;
 * the devtools are never shipped (see `alias` below), so Ink never tries to load them.
 */
const withoutTopLevelAwait = {
	name: 'without-top-level-await',
	setup(build) {
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			return {
				contents: patched(
					source,
					'if(h.instantiateWasm)try{',
					// `H` is the data: URL holding the module's bytes (`wa()` decodes it too, but one character at a time: 6 ms);
					// `a` takes the instance, `d` is the imports.
					'if(h.instantiateSynchronously){a(new WebAssembly.Instance(new WebAssembly.Module(ua(H)?Buffer.from(H.slice(37),"base64"):wa()),d));return{}}if(h.instantiateWasm)try{',
					'Yoga\'s WebAssembly loader',
				),
				loader: 'js',
			};
		});
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			return {
				contents: patched(
					source,
					'const Yoga = wrapAssembly(await loadYoga());',
					// Set up by the time loadYoga returns: it fills in the object it is given.
					'const yogaModule = {instantiateSynchronously: true};\nloadYoga(yogaModule);\nif (!yogaModule.calledRun) throw new Error(\'Yoga did not start\');\nconst Yoga = wrapAssembly(yogaModule);',
					'Yoga\'s index.js',
				),
				loader: 'js',
			};
		});
		build.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, async ({path}) => {
			let source = await readFile(path, 'utf8');
			source = patched(source, 'if (isDev()) {\n    try {\n        await import(\'./devtools.js\');', 'if (false) {\n    try {', 'Ink\'s reconciler.js');
			source = patched(source, 'const packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };', 'const packageJson = {name: undefined, version: undefined};', 'Ink\'s reconciler.js');
			return {contents: source, loader: 'js'};
		});
	},
};

const signalExitAssert = fileURLToPath(new URL('signal-exit-assert.cjs', import.meta.url));

/** signal-exit's require('assert') gets scripts/signal-exit-assert.cjs, which does what it needs without Node's assert. */
const signalExitWithoutAssert = {
	name: 'signal-exit-without-assert',
	setup(build) {
		build.onResolve({filter: /^assert$/}, ({importer}) => (/signal-exit[\\/]index\.js$/.test(importer) ? {path: signalExitAssert} : undefined));
	},
};

const lazyDirectory = fileURLToPath(new URL('lazy/', import.meta.url));
const sourceDirectory = fileURLToPath(new URL('../source/', import.meta.url));
/** Packages that only some formats need, each with the module (in scripts/lazy/) that stands for it in source/. */
const lazyPackageModules = new Map([
	['entities', 'entities.js'],
	['entities/decode', 'entities-decode.js'],
	['htmlparser2', 'htmlparser2.js'],
	['yaml', 'yaml.js'],
	['chardet', 'chardet.js'],
	['@mozilla/readability', 'readability.js'],
	['linkedom', 'linkedom.js'],
].map(([name, file]) => [name, join(lazyDirectory, file)]));

/**
 * Packages only some formats need (entities, htmlparser2, yaml, chardet; Readability and linkedom, for article pages,
 * come from a file of their own: see articlePageBuild) load when first used instead of at every
 * start-up: about 8 ms (two copies of entities build their tables as they load). In source/, each becomes its module in
 * scripts/lazy/, whose require() of the real package esbuild turns into a lazy initialiser; the build fails if a
 * module in source/ asks one of them for something its stand-in lacks.
 */
const lazyPackages = {
	name: 'lazy-packages',
	setup(build) {
		// eslint-disable-next-line require-unicode-regexp
		const filter = new RegExp(`^(?:${[...lazyPackageModules.keys()].join('|')})$`);
		build.onResolve({filter}, async ({path, importer, resolveDir, kind}) => {
			if (importer.startsWith(lazyDirectory)) {
				return build.resolve(path, {kind, resolveDir: sourceDirectory});
			}

			return importer.startsWith(sourceDirectory) ? {path: lazyPackageModules.get(path)} : undefined;
		});
	},
};

const canvasShim = join(dirname(require.resolve('linkedom')), '..', 'commonjs', 'canvas-shim.cjs');

/** linkedom tries the optional `canvas` package and falls back to its shim: the bundle holds the shim alone. */
const canvasWithoutPackage = {
	name: 'canvas-without-package',
	setup(build) {
		build.onResolve({filter: /^canvas$/}, () => ({path: canvasShim}));
	},
};

const markedLazy = fileURLToPath(new URL('marked-lazy.js', import.meta.url));
const markedFull = require.resolve('marked');

/** `marked`, loaded when the first Markdown file is read rather than at every start-up (see scripts/marked-lazy.js). */
const lazyMarked = {
	name: 'lazy-marked',
	setup(build) {
		build.onResolve({filter: /^marked$/}, ({importer}) => ({path: importer === markedLazy ? markedFull : markedLazy}));
	},
};

/**
 * What every bundle shares: one file for Node 20 alone. A script, not an ES module: only a script can use V8's code
 * cache on Node 20 (see scripts/launcher.cjs).
 */
const nodeScript = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	minify: !process.argv.includes('--readable'),
	legalComments: 'none',
	logLevel: 'warning',
};

// The search's word index worker (source/load/word-indexing.ts) runs code of its own, a few kilobytes bundled apart and
// handed to the main bundle as a string: a worker started from the whole bundle took 80 MB more and longer to start.
const wordIndexWorker = await build({
	...nodeScript,
	entryPoints: ['source/load/word-index-worker.ts'],
	write: false,
});

const result = await build({
	...nodeScript,
	entryPoints: ['source/cli.ts'],
	outfile: 'dist/broadsheet.js',
	write: false,
	metafile: process.argv.includes('--metafile'),
	define: {
		'process.env.NODE_ENV': '"production"',
		// Yoga's loader fetches its WebAssembly from a data: URL when fetch exists, and the first call to fetch costs
		// Node ~70 ms (it loads undici). Without fetch it decodes the same bytes directly.
		fetch: 'undefined',
		// A script has no import.meta: the launcher passes one in (meow wants it).
		'import.meta': 'bundleImportMeta',
		wordIndexWorkerSource: JSON.stringify(wordIndexWorker.outputFiles[0].text),
	},
	// Ink imports the React devtools only when DEV is set; never ship them.
	alias: {'react-devtools-core': emptyModule},
	plugins: [withoutTopLevelAwait, signalExitWithoutAssert, lazyPackages, frameWriter, fastStringWidth, lazyGraphemes, lazyPackageNormaliser, fasterInkOutput, lazyMarked, canvasWithoutPackage],
	logLevel: 'warning',
});

/**
 * Readability and linkedom (half a megabyte) in dist/article-page.js rather than in the bundle: only an HTML page read
 * as an article loads them (scripts/lazy/article-page-libraries.js), and every other start-up reads and compiles a
 * bundle that size smaller.
 */
await build({
	...nodeScript,
	entryPoints: ['scripts/article-page-libraries.js'],
	outfile: 'dist/article-page.js',
	plugins: [canvasWithoutPackage],
});

if (result.metafile) {
	// On a fresh clone dist/ does not exist yet: the bundle itself is written further down.
	await mkdir('dist', {recursive: true});
	await writeFile('dist/metafile.json', JSON.stringify(result.metafile));
}

/**
 * The bundle in plain ASCII, so that the launcher reads it as one byte a character (decoding UTF-8 costs several
 * milliseconds a start). esbuild escapes everything but some characters in regular expressions, where `\uXXXX` means
 * the same (a character outside the BMP becomes its two surrogates, which a /u expression reads as one).
 */
// Without the u flag the pattern matches UTF-16 units, so a surrogate pair becomes two escapes.
// eslint-disable-next-line no-control-regex, unicorn/prefer-string-replace-all
/**
 * esbuild's __toESM gives every `import x from 'y'` of a CommonJS module (React, and in a script every Node built-in:
 * node:process alone is imported so by 18 modules) a new object holding a getter for each of the module's properties,
 * about 7 ms of a start in all. An object whose prototype is the module reads the same (live) properties without
 * copying them; the copy stays for the rare module that is not an object. The helper is found by its shape, minified
 * or not, and the build fails if esbuild's has changed.
 */
function withCheaperToEsm(text) {
	const name = '[\\w$]+';
	const helper = new RegExp(
		`var (${name}) ?= ?\\((${name}), ?(${name}), ?(${name})\\) ?=> ?\\(\\4 ?= ?\\2 ?!= ?null ?\\? ?(${name})\\((${name})\\(\\2\\)\\) ?: ?\\{\\}, ?(${name})\\(`,
		'g',
	);
	const matches = [...text.matchAll(helper)];
	if (matches.length !== 1) {
		throw new Error(`esbuild's __toESM helper changed (${matches.length} matches): check withCheaperToEsm in scripts/build.js`);
	}

	const [whole, helperName, module, isNodeMode, , create] = matches[0];
	const cheaper = `var ${helperName}=(${module},${isNodeMode})=>${module}!==null&&(typeof ${module}=="object"||typeof ${module}=="function")`
		+ `?${create}(${module},${isNodeMode}||!${module}.__esModule?{default:{value:${module},enumerable:!0}}:{}):${helperName}ByCopying(${module},${isNodeMode});`;
	return text.replace(whole, cheaper + whole.replace(helperName, `${helperName}ByCopying`));
}

const code = withCheaperToEsm(result.outputFiles[0].text);

const bundle = code.replace(/[^\0-\u007F]/g, unit => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);

const commentEndEscape = '*\u0001/';
if (bundle.includes('\u0001') || bundle.includes('@@BUNDLE@@')) {
	throw new Error('The bundle holds \\u0001 or @@BUNDLE@@, which scripts/launcher.cjs uses to mark it out');
}

const launcher = await readFile(new URL('launcher.cjs', import.meta.url), 'utf8');
const bundleHash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
await mkdir('dist', {recursive: true});
// The command is CommonJS (a script loads faster than an ES module, and the cache needs one), whatever package.json says.
await writeFile('dist/package.json', '{"type": "commonjs"}\n');
await writeFile('dist/broadsheet.js', `${patched(launcher, '@@BUNDLE_HASH@@', bundleHash, 'scripts/launcher.cjs')}\n/*@@BUNDLE@@\n${bundle.replaceAll('*/', commentEndEscape)}\n@@BUNDLE@@*/\n`);
await chmod('dist/broadsheet.js', 0o755);
