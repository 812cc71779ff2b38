import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';

/**
 * Points XDG_STATE_HOME and XDG_CACHE_HOME at temporary directories for the whole run, so that no test, and no program
 * a test starts, reads or writes the read state or the code cache in the real home. Tests that care about either use
 * their own directory.
 */
export default function setup(): () => void {
	const stateHome = mkdtempSync(join(tmpdir(), 'broadsheet-test-state-'));
	const cacheHome = mkdtempSync(join(tmpdir(), 'broadsheet-test-cache-'));
	process.env['XDG_STATE_HOME'] = stateHome;
	process.env['XDG_CACHE_HOME'] = cacheHome;
	return () => {
		rmSync(stateHome, {recursive: true, force: true});
		rmSync(cacheHome, {recursive: true, force: true});
	};
}
