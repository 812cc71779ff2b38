import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';

/**
 * Points XDG_STATE_HOME at a temporary directory for the whole run, so that no test, and no program a test starts,
 * reads or writes the read state in the real home. Tests that care about the state use their own directory.
 */
export default function setup(): () => void {
	const stateHome = mkdtempSync(join(tmpdir(), 'broadsheet-test-state-'));
	process.env['XDG_STATE_HOME'] = stateHome;
	return () => {
		rmSync(stateHome, {recursive: true, force: true});
	};
}
