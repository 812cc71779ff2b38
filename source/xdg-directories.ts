import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

/** The XDG base directories Broadsheet uses: settings, state that should last (read marks), and caches. */
export type BaseDirectory = 'config' | 'state' | 'cache';

const variables: Readonly<Record<BaseDirectory, string>> = {config: 'XDG_CONFIG_HOME', state: 'XDG_STATE_HOME', cache: 'XDG_CACHE_HOME'};
const defaults: Readonly<Record<BaseDirectory, readonly string[]>> = {config: ['.config'], state: ['.local', 'state'], cache: ['.cache']};

/**
 * Broadsheet's directory of `kind`: `$XDG_CONFIG_HOME/broadsheet`, `$XDG_STATE_HOME/broadsheet` or
 * `$XDG_CACHE_HOME/broadsheet`, by default `~/.config/broadsheet`, `~/.local/state/broadsheet` or
 * `~/.cache/broadsheet`. The XDG specification says to ignore a relative path. (scripts/launcher.cjs, which runs before
 * the bundle, finds the cache directory the same way.)
 */
export function broadsheetDirectory(kind: BaseDirectory, environment: Readonly<Record<string, string | undefined>> = process.env, homeDirectory?: string): string {
	const base = environment[variables[kind]];
	return join(base && isAbsolute(base) ? base : join(homeDirectory ?? (environment['HOME'] || homedir()), ...defaults[kind]), 'broadsheet');
}
