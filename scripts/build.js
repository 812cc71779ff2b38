// Bundles the command (dist/broadsheet.js, its launcher, and dist/bundle.js), so that it starts fast and runs with node
// alone.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {access, chmod, mkdir, readFile, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {dirname, join, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {applyPatch, dependencyPatches, patchFilter} from './dependency-patches.js';

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
/**
 * A plugin that puts `shim` (a file of scripts/) in place of Ink's own `./MODULE.js` where Ink's IMPORTER.js imports it.
 * The shim gets Ink's module as `ink-original-MODULE`, and `dependencies` (bare names) as Ink's copies, resolved from
 * Ink's directory. The build fails if Ink no longer imports the module from there, so that the shim is never left out
 * unnoticed.
 */
function inkModuleShim({name, importer, module, shim, dependencies, what}) {
	const shimPath = fileURLToPath(new URL(shim, import.meta.url));
	const originalName = `ink-original-${module}`;
	const escape = text => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return {
		name,
		setup(build) {
			const importerPath = join(inkBuildDirectory, `${importer}.js`);
			let isReplaced = false;
			build.onResolve({filter: new RegExp(`^\\./${escape(module)}\\.js$`)}, ({importer: from}) => {
				if (from !== importerPath) {
					return undefined;
				}

				isReplaced = true;
				return {path: shimPath};
			});
			build.onResolve({filter: new RegExp(`^(?:${[originalName, ...dependencies].map(dependency => escape(dependency)).join('|')})$`)}, async ({path, importer: from}) => {
				if (from !== shimPath) {
					return undefined;
				}

				if (path === originalName) {
					const originalPath = join(inkBuildDirectory, `${module}.js`);
					await access(originalPath);
					return {path: originalPath};
				}

				return build.resolve(path, {kind: 'import-statement', resolveDir: inkBuildDirectory});
			});
			build.onEnd(() => {
				if (!isReplaced) {
					throw new Error(`Ink's ${importer}.js no longer imports ./${module}.js: ${what} is not in the bundle (scripts/build.js)`);
				}
			});
		},
	};
}

/**
 * Ink's log-update (the part that writes each frame to the terminal) becomes scripts/ink-log-update.js, that is
 * Broadsheet's frame writer (source/terminal/renderer/frame-writer.ts): Ink 6.8 rewrites every changed row whole, the writer
 * only the cells that changed. It also draws right where Ink 6.8.0's incremental renderer moved the cursor up one row
 * too few before redrawing a frame that ended in a newline. ink.js's own patch is in scripts/dependency-patches.js.
 */
const frameWriter = inkModuleShim({name: 'frame-writer', importer: 'ink', module: 'log-update', shim: 'ink-log-update.js', dependencies: ['cli-cursor'], what: 'the frame writer'});

/**
 * Ink's Output (the grid each frame is drawn into) becomes scripts/ink-output.js, whose get() composes most frames from
 * whole lines (source/terminal/renderer/frame-composer.ts) and leaves the rest to Ink's. It cuts clipped lines with
 * Ink's own slice-ansi and string-width (which becomes the fast one, below).
 */
const frameComposer = inkModuleShim({name: 'frame-composer', importer: 'renderer', module: 'output', shim: 'ink-output.js', dependencies: ['slice-ansi', 'string-width'], what: 'the frame composer'});

const sourceDirectory = fileURLToPath(new URL('../source/', import.meta.url));
const inkElements = fileURLToPath(new URL('ink-elements.js', import.meta.url));
/** The modules of source/ that take Box and Text alone from Ink, and get them from scripts/ink-elements.js. */
const inkElementImporters = [join(sourceDirectory, 'ui'), join(sourceDirectory, 'terminal'), join(sourceDirectory, 'shell', 'first-frame.ts')];

/**
 * `import {Box, Text} from 'ink'` in the components, the static frame and the first frame becomes scripts/ink-elements.js:
 * Ink's Box and Text without the rest of Ink, so that the first frame is drawn before Ink loads (about 6 ms of a start,
 * and its first render 11 ms more). esbuild fails the build if one of those modules asks Ink for anything else.
 */
const inkElementsAlone = {
	name: 'ink-elements-alone',
	setup(build) {
		build.onResolve({filter: /^ink$/}, ({importer}) => (inkElementImporters.some(path => importer === path || importer.startsWith(path + sep)) ? {path: inkElements} : undefined));
		build.onResolve({filter: /^ink-component-(?:box|text)$/}, async ({importer, path}) => {
			if (importer !== inkElements) {
				return undefined;
			}

			const componentPath = join(inkBuildDirectory, 'components', path.endsWith('box') ? 'Box.js' : 'Text.js');
			await access(componentPath);
			return {path: componentPath};
		});
	},
};

/**
 * The changes made to dependencies' code as it is bundled, each with its reason: scripts/dependency-patches.js. The
 * build fails when a patched file no longer holds the code an edit expects.
 */
const patchedDependencies = {
	name: 'patched-dependencies',
	setup(build) {
		for (const patch of dependencyPatches) {
			build.onLoad({filter: patchFilter(patch)}, async ({path}) => ({contents: applyPatch(patch, await readFile(path, 'utf8')), loader: 'js'}));
		}
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
/** Packages that only some formats need, each with the module (in scripts/lazy/) that stands for it in source/. */
const lazyPackageModules = new Map([
	['entities', 'entities.js'],
	['entities/decode', 'entities-decode.js'],
	['htmlparser2', 'htmlparser2.js'],
	['yaml', 'yaml.js'],
	['chardet', 'chardet.js'],
	['@mozilla/readability', 'readability.js'],
	['linkedom', 'linkedom.js'],
	['cli-truncate', 'cli-truncate.js'],
].map(([name, file]) => [name, join(lazyDirectory, file)]));

/**
 * Packages only some formats need (entities, htmlparser2, yaml, chardet; Readability and linkedom, for article pages,
 * come from a file of their own: see articlePageBuild), and cli-truncate, which the first frame needs only for a line
 * to cut, load when first used instead of at every start-up: about 9 ms (two copies of entities build their tables
 * as they load). In source/, each becomes its module in
 * scripts/lazy/, whose require() of the real package esbuild turns into a lazy initialiser; the build fails if a
 * module in source/ asks one of them for something its stand-in lacks.
 */
const lazyPackages = {
	name: 'lazy-packages',
	setup(build) {
		const filter = new RegExp(`^(?:${[...lazyPackageModules.keys()].join('|')})$`);
		build.onResolve({filter}, async ({path, importer, kind}) => {
			if (importer.startsWith(lazyDirectory)) {
				return build.resolve(path, {kind, resolveDir: sourceDirectory});
			}

			return importer.startsWith(sourceDirectory) ? {path: lazyPackageModules.get(path)} : undefined;
		});
	},
};

/** htmlparser2's parser and tokenizer files, which its package exports do not name (see scripts/lazy/htmlparser2.js). */
const htmlparser2Directory = dirname(require.resolve('htmlparser2'));
const htmlparser2Files = {
	name: 'htmlparser2-files',
	setup(build) {
		build.onResolve({filter: /^htmlparser2\/(?:parser|tokenizer)$/}, ({path}) => ({path: join(htmlparser2Directory, path.endsWith('parser') ? 'Parser.js' : 'Tokenizer.js')}));
	},
};

/**
 * entities (the copy htmlparser2 brings) unpacks its table of HTML's named character references when loaded: a loop
 * over 13,000 characters, cold on a start, about 3 ms of the first feed's parse on a first frame. The build unpacks it
 * instead, and the bundle holds the table as base64, which Node decodes natively (little-endian: swapped where the
 * machine is not).
 */
const unpackedEntityTables = {
	name: 'unpacked-entity-tables',
	setup(build) {
		build.onLoad({filter: /[\\/]entities[\\/]dist[\\/]generated[\\/]decode-data-html\.js$/}, async ({path}) => {
			const tables = Object.entries(await import(pathToFileURL(path).href)).filter(([, value]) => value instanceof Uint16Array);
			if (tables.length === 0) {
				// Another version of entities, packed otherwise: bundled as it is.
				return undefined;
			}

			const base64Of = table => {
				const bytes = Buffer.alloc(table.length * 2);
				for (const [index, value] of table.entries()) {
					bytes.writeUInt16LE(value, index * 2);
				}

				return bytes.toString('base64');
			};

			const exports = tables.map(([name, table]) => `export const ${name} = /* @__PURE__ */ unpacked(${JSON.stringify(base64Of(table))});`);
			return {
				contents: [
					'// Unpacked by scripts/build.js (unpackedEntityTables).',
					'const unpacked = base64 => {',
					'\tconst bytes = Buffer.from(base64, "base64");',
					'\tif (new Uint8Array(new Uint16Array([1]).buffer)[0] === 0) bytes.swap16();',
					'\tconst table = new Uint16Array(bytes.length / 2);',
					'\tnew Uint8Array(table.buffer).set(bytes);',
					'\treturn table;',
					'};',
					...exports,
				].join('\n'),
				loader: 'js',
			};
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
	// esbuild's table says Node 20 lacks some of RegExp's Unicode property escapes (\p{Ll}), and would make each regular
	// expression literal that uses one a `new RegExp(…)` call, compiled again every time it is evaluated: in a function
	// such as the plain-text parser's word tests, once for every word. Node 20 has them all.
	supported: {'regexp-unicode-property-escapes': true},
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
	plugins: [inkElementsAlone, patchedDependencies, signalExitWithoutAssert, lazyPackages, htmlparser2Files, unpackedEntityTables, frameWriter, frameComposer, fastStringWidth, lazyMarked, canvasWithoutPackage],
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
	// Replaced by functions: a minified name may hold `$`, and `$$` in a replacement string is one `$`.
	return text.replace(whole, () => cheaper + whole.replace(helperName, () => `${helperName}ByCopying`));
}

const code = withCheaperToEsm(result.outputFiles[0].text);

/**
 * The bundle as the launcher compiles it: wrapped in the function that hands it CommonJS's variables, as a file of its
 * own. Wrapping it here rather than in the launcher spares every start a copy of the megabyte (V8 flattens a joined
 * string before compiling it) and the memory that copy touches.
 */
const bundle = `(function (exports, require, module, __filename, __dirname, bundleImportMeta) {${code.replace(/[^\0-\u007F]/g, unit => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n})`;

const launcher = await readFile(new URL('launcher.cjs', import.meta.url), 'utf8');
const bundleHash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
await mkdir('dist', {recursive: true});
// The command is CommonJS (a script loads faster than an ES module, and the cache needs one), whatever package.json says.
await writeFile('dist/package.json', '{"type": "commonjs"}\n');
if (!launcher.includes('@@BUNDLE_HASH@@')) {
	throw new Error('scripts/launcher.cjs no longer holds @@BUNDLE_HASH@@, where the bundle\'s hash goes');
}

await writeFile('dist/bundle.js', bundle);
await writeFile('dist/broadsheet.js', launcher.replaceAll('@@BUNDLE_HASH@@', bundleHash));
await chmod('dist/broadsheet.js', 0o755);
