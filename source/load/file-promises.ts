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

// The functions of fs/promises that Broadsheet uses, each loading it when first called.
export const mkdir = ((...parameters: Parameters<typeof FilePromises.mkdir>) => loaded().mkdir(...parameters)) as typeof FilePromises.mkdir;
export const open = ((...parameters: Parameters<typeof FilePromises.open>) => loaded().open(...parameters)) as typeof FilePromises.open;
export const readdir = ((...parameters: Parameters<typeof FilePromises.readdir>) => loaded().readdir(...parameters)) as typeof FilePromises.readdir;
export const readFile = ((...parameters: Parameters<typeof FilePromises.readFile>) => loaded().readFile(...parameters)) as typeof FilePromises.readFile;
export const realpath = ((...parameters: Parameters<typeof FilePromises.realpath>) => loaded().realpath(...parameters)) as typeof FilePromises.realpath;
export const rename = ((...parameters: Parameters<typeof FilePromises.rename>) => loaded().rename(...parameters)) as typeof FilePromises.rename;
export const stat = ((...parameters: Parameters<typeof FilePromises.stat>) => loaded().stat(...parameters)) as typeof FilePromises.stat;
export const unlink = ((...parameters: Parameters<typeof FilePromises.unlink>) => loaded().unlink(...parameters)) as typeof FilePromises.unlink;
export const utimes = ((...parameters: Parameters<typeof FilePromises.utimes>) => loaded().utimes(...parameters)) as typeof FilePromises.utimes;
export const writeFile = ((...parameters: Parameters<typeof FilePromises.writeFile>) => loaded().writeFile(...parameters)) as typeof FilePromises.writeFile;
