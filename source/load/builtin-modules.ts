import {createRequire} from 'node:module';

let requireBuiltin: NodeJS.Require | undefined;

/** What the launcher (scripts/launcher.cjs) adds to the bundle's import.meta. */
type LauncherImportMeta = ImportMeta & {
	/** Runs `load` under the V8 flags node started with, so that Node's own code loads with its compiled code. */
	readonly withStartingFlags?: <Value>(load: () => Value) => Value;
	/** Puts back the V8 flags node started with until the function it returns is called. */
	readonly holdStartingFlags?: () => () => void;
};

/**
 * Runs `load`, which loads some of Node's own code (a built-in module, Node's fetch), under the V8 flags node started
 * with when the launcher runs the bundle: Node's modules come with compiled code that V8 accepts only under those
 * flags, and the launcher changes one (see scripts/launcher.cjs). Elsewhere (tests, the worker's bundle) it just runs.
 */
export function withStartingFlags<Value>(load: () => Value): Value {
	// The word index worker's own bundle has no import.meta (esbuild makes it an empty object).
	const run = (import.meta as LauncherImportMeta).withStartingFlags;
	return run ? run(load) : load();
}

/**
 * Puts back the V8 flags node started with, as {@link withStartingFlags} does, until the function it returns is called:
 * for Node's own code that loads while this thread goes on (a worker thread's start).
 */
export function holdStartingFlags(): () => void {
	return (import.meta as LauncherImportMeta).holdStartingFlags?.() ?? (() => {});
}

/**
 * Node's built-in module `name`, loaded when first asked for rather than at start-up. A dynamic `import()` would do
 * the same in an ES module, but the bundle is a script run by V8 (see scripts/launcher.cjs), where a dynamic import
 * of a built-in has no loader to go to.
 */
export function builtinModule<Module>(name: `node:${string}`): Module {
	// Made on first use: the word index worker's own bundle (which has no import.meta) imports this module but never asks.
	requireBuiltin ??= createRequire(import.meta.url);
	const required = requireBuiltin;
	return withStartingFlags(() => required(name) as Module);
}
