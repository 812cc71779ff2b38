import {readdirSync, readFileSync} from 'node:fs';
import {join, sep} from 'node:path';
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
