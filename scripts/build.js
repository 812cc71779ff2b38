// Bundles the command into one file, so that it starts fast and runs with node alone.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';

const emptyModule = fileURLToPath(new URL('empty-module.js', import.meta.url));

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/broadsheet.js',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
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
	logLevel: 'warning',
});
