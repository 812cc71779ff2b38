// Bundles the command into one file, so that it starts fast and runs with node alone.
import {build} from 'esbuild';
import {chmod, readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const emptyModule = fileURLToPath(new URL('empty-module.js', import.meta.url));

/**
 * Ink 6.8.0's incremental renderer moves the cursor up one row too few before redrawing a frame that ended in a
 * newline (every frame shorter than the terminal), so each redraw lands one row low and the top row goes stale.
 * Upstream's earlier code moved up by the full count; this restores that until a fixed Ink runs on Node 20.
 */
const fixInkIncrementalRendering = {
	name: 'fix-ink-incremental-rendering',
	setup(build) {
		build.onLoad({filter: /ink[\\/]build[\\/]log-update\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const buggy = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
			if (!source.includes(buggy)) {
				throw new Error('Ink\'s log-update.js changed: check whether fix-ink-incremental-rendering is still needed');
			}

			const fixed = "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";
			return {contents: source.replace(buggy, fixed), loader: 'js'};
		});
	},
};

await build({
	entryPoints: ['source/cli.ts'],
	outfile: 'dist/broadsheet.js',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	minify: !process.argv.includes('--readable'),
	legalComments: 'none',
	define: {
		'process.env.NODE_ENV': '"production"',
		// Yoga's loader fetches its WebAssembly from a data: URL when fetch exists, and the first call to fetch costs
		// Node ~70 ms (it loads undici). Without fetch it decodes the same bytes directly.
		fetch: 'undefined',
	},
	// Ink imports the React devtools only when DEV is set; never ship them.
	alias: {'react-devtools-core': emptyModule},
	banner: {
		js: [
			'#!/usr/bin/env node',
			// Bundled CommonJS dependencies call require(); give them one.
			"import {createRequire as __createRequire} from 'node:module';",
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
	plugins: [fixInkIncrementalRendering],
	logLevel: 'warning',
});

await chmod('dist/broadsheet.js', 0o755);
