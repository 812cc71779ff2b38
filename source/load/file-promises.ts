import type * as FilePromises from 'node:fs/promises';
import {builtinModule} from './builtin-modules.js';

let filePromises: typeof FilePromises | undefined;

/**
 * Node's fs/promises, loaded when first used rather than at start-up: loading it took about 0.6 ms of every start,
 * and a start on one small file uses none of it before its first frame (see read-input.ts's smallFileBytes).
 */
function loaded(): typeof FilePromises {
	filePromises ??= builtinModule<typeof FilePromises>('node:fs/promises');
	return filePromises;
}

/** `name` of fs/promises, loading fs/promises when first called. */
function lazily<Name extends keyof typeof FilePromises>(name: Name): (typeof FilePromises)[Name] {
	return ((...parameters: unknown[]) => (loaded()[name] as (...parameters: unknown[]) => unknown)(...parameters)) as (typeof FilePromises)[Name];
}

// The functions of fs/promises that Broadsheet uses.
export const mkdir = lazily('mkdir');
export const open = lazily('open');
export const readdir = lazily('readdir');
export const readFile = lazily('readFile');
export const realpath = lazily('realpath');
export const rename = lazily('rename');
export const stat = lazily('stat');
export const unlink = lazily('unlink');
export const utimes = lazily('utimes');
export const writeFile = lazily('writeFile');
