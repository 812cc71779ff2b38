import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, normalize, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const sourceDirectory = fileURLToPath(new URL('../../source/', import.meta.url));

/** Every module under source/, as a path relative to it (`state/update.ts`). */
function sourceModules(directory = sourceDirectory): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) {
			return sourceModules(path);
		}

		return /\.tsx?$/.test(entry.name) ? [relative(sourceDirectory, path)] : [];
	});
}

const modules = sourceModules();

/** What a module imports: other modules of source/ by path, and packages by name. */
function importsOf(module: string): {modules: string[]; packages: string[]} {
	const text = readFileSync(join(sourceDirectory, module), 'utf8');
	const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)]
		.map(match => match[1] ?? match[2] ?? match[3] ?? '');
	const found: {modules: string[]; packages: string[]} = {modules: [], packages: []};
	for (const specifier of specifiers) {
		if (!specifier.startsWith('.')) {
			found.packages.push(specifier);
			continue;
		}

		if (specifier.endsWith('.json')) {
			continue;
		}

		const stem = normalize(join(dirname(module), specifier)).replace(/\.(js|ts|tsx)$/, '');
		const target = modules.find(candidate => candidate === `${stem}.ts` || candidate === `${stem}.tsx`);
		expect(target, `${module} imports ${specifier}, which is not a module of source/`).toBeDefined();
		found.modules.push(target!);
	}

	return found;
}

const importGraph = new Map(modules.map(module => [module, importsOf(module)]));

/**
 * The layers, bottom first: a module may import its own layer and those below it, never one above. The root's
 * type modules sit at the bottom (every layer names articles and modes); the command line sits at the top.
 */
const layers: ReadonlyArray<readonly string[]> = [
	['text/'],
	['article.ts', 'mode.ts', 'exit-codes.ts', 'xdg-directories.ts'],
	['formats/', 'read-state/'],
	['search/'],
	['input/'],
	['state/'],
	['terminal/'],
	// output.ts writes articles as text (--list, --json, --print, and what `|`, `p` and `w` hand on): the shell uses it too.
	['ui/', 'load/', 'output.ts'],
	['shell/'],
	['cli.ts', 'command-line.ts', 'config.ts', 'process-warnings.ts'],
];

function layerOf(module: string): number {
	const layer = layers.findIndex(prefixes => prefixes.some(prefix => module === prefix || module.startsWith(prefix)));
	expect(layer, `${module} belongs to no layer: add its folder to the layers in this test`).toBeGreaterThanOrEqual(0);
	return layer;
}

/** Folders that hold pure logic: no React, no Ink, nothing of the shell, the loaders or the components. */
const pureFolders = ['state/', 'formats/', 'search/', 'input/', 'text/'];
const pureModules = ['read-state/marks.ts'];
const impureForPure = ['shell/', 'load/', 'ui/'];
const impurePackages = new Set(['ink', 'react', 'react/jsx-runtime', 'ink-testing-library']);

describe('the import graph of source/', () => {
	it('has no circles', () => {
		const state = new Map<string, 'visiting' | 'done'>();
		const circles: string[] = [];
		const visit = (module: string, path: string[]) => {
			if (state.get(module) === 'done') {
				return;
			}

			if (state.get(module) === 'visiting') {
				circles.push([...path.slice(path.indexOf(module)), module].join(' → '));
				return;
			}

			state.set(module, 'visiting');
			for (const target of importGraph.get(module)!.modules) {
				visit(target, [...path, module]);
			}

			state.set(module, 'done');
		};

		for (const module of modules) {
			visit(module, []);
		}

		expect(circles).toEqual([]);
	});

	it('has no import that runs up a layer', () => {
		const upward = [...importGraph].flatMap(([module, {modules: targets}]) =>
			targets.filter(target => layerOf(target) > layerOf(module)).map(target => `${module} → ${target}`));
		expect(upward).toEqual([]);
	});

	it('keeps the pure folders free of React, Ink, the shell, the loaders and the components', () => {
		const impure = [...importGraph]
			.filter(([module]) => pureFolders.some(folder => module.startsWith(folder)) || pureModules.includes(module))
			.flatMap(([module, {modules: targets, packages}]) => [
				...targets.filter(target => impureForPure.some(folder => target.startsWith(folder))),
				...packages.filter(name => impurePackages.has(name)),
			].map(target => `${module} → ${target}`));
		expect(impure).toEqual([]);
	});

	it('sees the imports it checks', () => {
		// A guard for the guard: if the pattern stopped matching, every check above would pass on an empty graph.
		expect(importGraph.get('shell/app.tsx')!.packages).toContain('ink');
		expect(importGraph.get('state/update.ts')!.modules).toContain('state/state.ts');
		expect(importGraph.get('cli.ts')!.modules.length).toBeGreaterThan(5);
	});
});
