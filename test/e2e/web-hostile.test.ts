/**
 * The bad-input matrix's rows about the web (see test/helpers/bad-inputs.ts), run against the built command and a
 * local server on 127.0.0.1 that answers as each row says: redirect loops, endless and exploding bodies, stalls,
 * huge headers, untrusted certificates, pictures and pages where a feed was expected. Each is one line and an exit
 * code, in bounded time.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterEach, describe, expect, it} from 'vitest';
import {badInputs, secureWebOrigin, webOrigin} from '../helpers/bad-inputs.js';
import {runPiped} from '../helpers/pty-terminal.js';
import {commandPath, crashLines, testEnvironment} from '../helpers/run-broadsheet.js';
import {startWebServer, type WebServer} from '../helpers/web-server.js';

const servers: WebServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const webRows = badInputs.filter(row => row.web !== undefined);

describe("the bad-input matrix's rows about the web", () => {
	it('has rows about the web', () => {
		expect(webRows.length).toBeGreaterThan(10);
	});

	it.each(webRows.map(row => [row.problem, row] as const))('%s', async (_problem, row) => {
		const isTls = row.command.includes(secureWebOrigin);
		const server = await startWebServer({...row.web}, {isTls});
		servers.push(server);
		const named = (text: string) => text.replaceAll(isTls ? secureWebOrigin : webOrigin, server.origin);
		const started = Date.now();
		const result = await runPiped('bash', ['-c', `set -o pipefail\nbroadsheet() { "$BROADSHEET_NODE" "$BROADSHEET_COMMAND" "$@"; }\n${named(row.command)}`], {
			cwd: mkdtempSync(join(tmpdir(), 'broadsheet-web-row-')),
			env: {
				...testEnvironment,
				BROADSHEET_NODE: process.execPath,
				BROADSHEET_COMMAND: commandPath,
				XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'broadsheet-web-row-cache-')),
				XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'broadsheet-web-row-state-')),
				HTTP_PROXY: undefined,
				HTTPS_PROXY: undefined,
				http_proxy: undefined,
				https_proxy: undefined,
			},
		});
		expect(crashLines(result.stderr)).toEqual([]);
		expect(result.stderr.split('\n').filter(line => line !== '')).toEqual(row.stderr.map(line => named(line)));
		expect(result.exitCode).toBe(row.exitCode);
		if (row.stdout !== undefined) {
			expect(result.stdout.trimEnd()).toBe(named(row.stdout));
		}

		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
