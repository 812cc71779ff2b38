import {createRequire} from 'node:module';

let requireBuiltin: NodeJS.Require | undefined;

/**
 * Node's built-in module `name`, loaded when first asked for rather than at start-up. A dynamic `import()` would do
 * the same in an ES module, but the bundle is a script run by V8 (see scripts/launcher.cjs), where a dynamic import
 * of a built-in has no loader to go to.
 */
export function builtinModule<Module>(name: `node:${string}`): Module {
	// Made on first use: the word index worker's own bundle (which has no import.meta) imports this module but never asks.
	requireBuiltin ??= createRequire(import.meta.url);
	return requireBuiltin(name) as Module;
}
