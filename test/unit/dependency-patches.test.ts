import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join, sep} from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without types
import {applyPatch, dependencyPatches, patchFilter} from '../../scripts/dependency-patches.js';

type Patch = {file: string; reason: string; edits: Array<{search: string; replacement?: string}>; append?: string};
const patches = dependencyPatches as Patch[];
const nodeModules = join(import.meta.dirname, '..', '..', 'node_modules');

/** Every copy of `file` (a path under node_modules) that is installed, nested copies included. */
function installedCopies(file: string): string[] {
	const found: string[] = [];
	const visit = (directory: string, depth: number) => {
		const candidate = join(directory, ...file.split('/'));
		try {
			found.push(readFileSync(candidate, 'utf8'));
		} catch {}

		if (depth === 0) {
			return;
		}

		for (const entry of readdirSync(directory, {withFileTypes: true})) {
			if (!entry.isDirectory()) {
				continue;
			}

			const packages = entry.name.startsWith('@') ? readdirSync(join(directory, entry.name)).map(name => join(directory, entry.name, name)) : [join(directory, entry.name)];
			for (const packageDirectory of packages) {
				const nested = join(packageDirectory, 'node_modules');
				try {
					readdirSync(nested);
				} catch {
					continue;
				}

				visit(nested, depth - 1);
			}
		}
	};

	visit(nodeModules, 2);
	return found;
}

describe('the patches the build makes to dependencies (scripts/dependency-patches.js)', () => {
	it.each(patches.map(patch => [patch.file, patch] as const))('%s still holds the code its patch changes', (_file, patch) => {
		expect(patch.reason.trim(), 'a one-line reason').toMatch(/^[^\n]{20,}$/u);
		const copies = installedCopies(patch.file);
		expect(copies.length, `${patch.file} is installed`).toBeGreaterThan(0);
		for (const source of copies) {
			for (const {search} of patch.edits) {
				expect(source.includes(search), `${patch.file} holds ${JSON.stringify(search.slice(0, 60))}`).toBe(true);
			}

			const patched = applyPatch(patch, source) as string;
			expect(patched === source, 'the patch changes the file').toBe(patch.edits.every(edit => edit.replacement === undefined) && !patch.append);
		}
	});

	it('fails, naming the file and the reason, when a dependency has changed', () => {
		const [patch] = patches;
		expect(() => applyPatch(patch, 'export {};')).toThrow(`${patch!.file} changed`);
	});

	it('finds each file on either path separator', () => {
		for (const patch of patches) {
			expect(patchFilter(patch).test(['', 'work', 'node_modules', ...patch.file.split('/')].join(sep)), patch.file).toBe(true);
			expect(patchFilter(patch).test(`C:\\x\\node_modules\\${patch.file.replaceAll('/', '\\')}`), patch.file).toBe(true);
		}
	});
});

describe('htmlparser2\'s tokenizer, patched to skip text in one search', () => {
	// The patched module is written beside the original (its imports resolved as the original's), and both tokenize
	// the same documents: every callback, with its positions, must be the same.
	const tokenizerFile = join(nodeModules, 'htmlparser2', 'dist', 'Tokenizer.js');
	const patch = patches.find(candidate => candidate.file === 'htmlparser2/dist/Tokenizer.js')!;
	const entitiesDecode = pathToFileURL(createRequire(tokenizerFile).resolve('entities/decode')).href;
	const patchedSource = (applyPatch(patch, readFileSync(tokenizerFile, 'utf8')) as string).replace('from "entities/decode"', `from ${JSON.stringify(entitiesDecode)}`).replace(/^\/\/# sourceMappingURL=.*$/mu, '');
	const patchedPath = join(mkdtempSync(join(tmpdir(), 'broadsheet-tokenizer-')), 'Tokenizer.mjs');
	writeFileSync(patchedPath, patchedSource);

	type TokenizerClass = new (options: {xmlMode?: boolean; decodeEntities?: boolean}, callbacks: Record<string, (...parameters: unknown[]) => void>) => {write(chunk: string): void; end(): void};
	/** Every callback `Tokenizer` makes on `text`, written in `chunkLength` pieces, with its arguments. */
	const tokens = (Tokenizer: TokenizerClass, text: string, options: {xmlMode?: boolean; decodeEntities?: boolean}, chunkLength: number) => {
		const calls: unknown[][] = [];
		const callbacks = new Proxy({}, {
			get: (_target, name) => (...parameters: unknown[]) => {
				calls.push([name, ...parameters]);
			},
		});
		const tokenizer = new Tokenizer(options, callbacks);
		for (let start = 0; start < text.length; start += chunkLength) {
			tokenizer.write(text.slice(start, start + chunkLength));
		}

		tokenizer.end();
		return calls;
	};

	const fixtures = join(import.meta.dirname, '..', 'fixtures');
	const documents = [
		...['feeds', 'pages'].flatMap(directory => readdirSync(join(fixtures, directory)).map(name => readFileSync(join(fixtures, directory, name), 'utf8'))),
		'plain text, no markup at all',
		'a &amp; b &lt;c&gt; &#233; &unknown; & lone <p>para &nbsp;<b>bold</b></p> tail &',
		'<script>if (a < b && c) {}</script><style>p{}</style><!-- a <comment> --><![CDATA[ <x> & ]]><?pi x?>text',
		'<p title="a &amp; b" data-x=\'<&>\'>quoted</p><p>unterminated',
	];

	it.each([
		['XML, entities left to the reader (as feeds are read)', {xmlMode: true, decodeEntities: false}],
		['HTML, entities decoded (as stories\' HTML is read)', {decodeEntities: true}],
	])('%s: the same callbacks as the original, whole or in chunks', async (_name, options) => {
		const {default: Original} = await import(pathToFileURL(tokenizerFile).href) as {default: TokenizerClass};
		const {default: Patched} = await import(pathToFileURL(patchedPath).href) as {default: TokenizerClass};
		for (const document of documents) {
			for (const chunkLength of [document.length || 1, 7]) {
				expect(tokens(Patched, document, options, chunkLength)).toEqual(tokens(Original, document, options, chunkLength));
			}
		}
	});
});
