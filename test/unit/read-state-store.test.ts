import {type ChildProcess, spawn} from 'node:child_process';
import {chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type ArticleMark, type MarkMap, parseStateFile} from '../../source/read-state/marks.js';
import {openReadStateStore, stateDirectory, stateFileName} from '../../source/read-state/store.js';

const root = mkdtempSync(join(tmpdir(), 'broadsheet-store-'));
let directoryCount = 0;
/** A new state directory, not created yet. */
const newDirectory = () => join(root, `state-${++directoryCount}`);
afterAll(() => {
	rmSync(root, {recursive: true, force: true});
});

const now = Date.UTC(2026, 10, 28, 12);
const read = (changedAt = now): ArticleMark => ({read: {isOn: true, changedAt}});
const changes = (entries: Record<string, ArticleMark>): MarkMap => new Map(Object.entries(entries));

/** The marks the file in `directory` holds, read as a fresh start would; fails when the file does not parse. */
function marksInFile(directory: string): MarkMap {
	const parsed = parseStateFile(readFileSync(join(directory, stateFileName), 'utf8'));
	if (parsed.kind !== 'marks') {
		throw new Error(`The state file does not parse: ${JSON.stringify(parsed)}`);
	}

	return parsed.marks;
}

describe('where the state lives', () => {
	it('is $XDG_STATE_HOME/broadsheet, else ~/.local/state/broadsheet', () => {
		expect(stateDirectory({XDG_STATE_HOME: '/x/state', HOME: '/home/ann'})).toBe('/x/state/broadsheet');
		expect(stateDirectory({HOME: '/home/ann'})).toBe('/home/ann/.local/state/broadsheet');
		expect(stateDirectory({XDG_STATE_HOME: 'relative/path', HOME: '/home/ann'})).toBe('/home/ann/.local/state/broadsheet');
	});
});

describe('saving and loading', () => {
	it('creates the directory, writes the file whole and leaves no temporary file or lock', () => {
		const directory = newDirectory();
		const store = openReadStateStore(directory);
		expect(store.load(now).size).toBe(0);
		expect(existsSync(directory)).toBe(false);

		expect(store.save(changes({a: read(), b: {starred: {isOn: true, changedAt: now}}}), now)).toEqual({isSaved: true});

		expect(readdirSync(directory)).toEqual([stateFileName]);
		expect(openReadStateStore(directory).load(now)).toEqual(
			new Map([
				['a', read()],
				['b', {starred: {isOn: true, changedAt: now}}],
			]),
		);
		expect(store.warnings).toEqual([]);
	});

	it('keeps the marks of two instances that save in turn, each unaware of the other', () => {
		const directory = newDirectory();
		const first = openReadStateStore(directory);
		const second = openReadStateStore(directory);
		first.load(now);
		second.load(now);

		first.save(changes({a: read(now + 1)}), now + 1);
		second.save(changes({b: read(now + 2)}), now + 2);
		first.save(changes({a: read(now + 1), c: read(now + 3)}), now + 3);

		expect([...marksInFile(directory).keys()].sort()).toEqual(['a', 'b', 'c']);
	});

	it('lets the later change win: an article marked unread in one instance stays unread after the other saves', () => {
		const directory = newDirectory();
		const first = openReadStateStore(directory);
		first.save(changes({a: read(now)}), now);
		const second = openReadStateStore(directory);
		expect(second.load(now).get('a')).toEqual(read(now));
		second.save(changes({a: {read: {isOn: false, changedAt: now + 5}}}), now + 5);
		// The first instance saves again, still holding its older mark.
		first.save(changes({a: read(now)}), now + 6);

		expect(marksInFile(directory).get('a')).toEqual({read: {isOn: false, changedAt: now + 5}});
	});

	it('moves a corrupt file aside, starts afresh and says so once', () => {
		const directory = newDirectory();
		mkdirSync(directory);
		writeFileSync(join(directory, stateFileName), '{"version":1,"articles":{"a":{"read":17');
		const store = openReadStateStore(directory);

		expect(store.load(now).size).toBe(0);
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toMatch(/^the read state was corrupt \(.+\); kept it as .+read-state\.json\.corrupt-20261128T120000Z and started afresh$/u);
		expect(readFileSync(join(directory, `${stateFileName}.corrupt-20261128T120000Z`), 'utf8')).toContain('"read":17');

		store.save(changes({b: read()}), now);
		expect([...marksInFile(directory).keys()]).toEqual(['b']);
		expect(store.warnings).toHaveLength(1);
	});

	it('treats a file of another shape as corrupt too', () => {
		const directory = newDirectory();
		mkdirSync(directory);
		writeFileSync(join(directory, stateFileName), '[1, 2, 3]');
		const store = openReadStateStore(directory);
		store.load(now);

		expect(store.warnings[0]).toContain('not a Broadsheet read-state file');
	});

	it('neither reads nor overwrites a file from a newer Broadsheet', () => {
		const directory = newDirectory();
		mkdirSync(directory);
		const newer = '{"version":99,"articles":{}}';
		writeFileSync(join(directory, stateFileName), newer);
		const store = openReadStateStore(directory);
		store.load(now);
		store.save(changes({a: read()}), now);

		expect(readFileSync(join(directory, stateFileName), 'utf8')).toBe(newer);
		expect(store.warnings).toEqual([expect.stringContaining('is from a newer Broadsheet (version 99)')]);
	});

	it('costs a warning, not an exception, when the directory cannot be made', () => {
		const notADirectory = join(root, 'a-file');
		writeFileSync(notADirectory, '');
		const store = openReadStateStore(join(notADirectory, 'broadsheet'));

		expect(store.load(now).size).toBe(0);
		const {isSaved, warning} = store.save(changes({a: read()}), now);
		expect(isSaved).toBe(false);
		expect(warning).toMatch(/^cannot save the read state in .+a-file\/broadsheet: a part of the path is not a directory \(ENOTDIR\)$/u);
		// Once per problem: the next failing save adds nothing.
		expect(store.save(changes({a: read(), b: read()}), now)).toEqual({isSaved: false});
		expect(store.warnings).toEqual([warning]);
	});

	// Root may write anywhere, so a read-only directory can only be tested as another user.
	it.skipIf(process.getuid?.() === 0)('costs a warning, not an exception, in a read-only directory', () => {
		const directory = newDirectory();
		mkdirSync(directory);
		chmodSync(directory, 0o500);
		try {
			const {warning} = openReadStateStore(directory).save(changes({a: read()}), now);
			expect(warning).toMatch(/permission denied \(EACCES\)$/u);
		} finally {
			chmodSync(directory, 0o700);
		}
	});

	it('breaks the lock of a writer that died, and removes its temporary file', () => {
		const directory = newDirectory();
		mkdirSync(directory);
		const deadPid = 2 ** 22 + 12_345; // Above Linux's largest pid: no such process.
		writeFileSync(join(directory, `${stateFileName}.lock`), String(deadPid));
		writeFileSync(join(directory, `${stateFileName}.${deadPid}.tmp`), '{"version":1,"arti');
		const started = Date.now();

		expect(openReadStateStore(directory).save(changes({a: read()}), now)).toEqual({isSaved: true});
		expect(Date.now() - started).toBeLessThan(1000);
		expect(readdirSync(directory)).toEqual([stateFileName]);
	});
});

describe('separate processes', () => {
	const writerPath = join(root, 'writer.js');

	beforeAll(async () => {
		await build({
			entryPoints: [fileURLToPath(new URL('../helpers/read-state-writer.ts', import.meta.url))],
			bundle: true,
			platform: 'node',
			format: 'esm',
			outfile: writerPath,
			logLevel: 'silent',
		});
	});

	/** Starts a writer; `saved` resolves with the keys it reports saved so far, once `keyCount` of them are. */
	function startWriter(directory: string, name: string, count: number): {child: ChildProcess; savedKeys: string[]; firstSave: Promise<void>; exited: Promise<number | null>} {
		const child = spawn(process.execPath, [writerPath, directory, name, String(count)], {stdio: ['ignore', 'pipe', 'pipe']});
		const savedKeys: string[] = [];
		let stderr = '';
		child.stderr!.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		const firstSave = new Promise<void>((resolve, reject) => {
			let buffered = '';
			child.stdout!.on('data', (chunk: Buffer) => {
				buffered += chunk.toString();
				const lines = buffered.split('\n');
				buffered = lines.pop() ?? '';
				for (const line of lines) {
					savedKeys.push(line.replace(/^saved /u, ''));
				}

				if (savedKeys.length > 0) {
					resolve();
				}
			});
			child.on('exit', () => {
				if (savedKeys.length === 0) {
					reject(new Error(`The writer saved nothing: ${stderr}`));
				}
			});
		});
		const exited = new Promise<number | null>(resolve => {
			child.on('exit', code => {
				resolve(code);
			});
		});
		return {child, savedKeys, firstSave, exited};
	}

	it('loses no mark when two processes save at the same time, many times over', async () => {
		const directory = newDirectory();
		const saveCount = 60;
		const writers = [startWriter(directory, 'left', saveCount), startWriter(directory, 'right', saveCount)];
		expect(await Promise.all(writers.map(async writer => writer.exited))).toEqual([0, 0]);

		const keys = [...marksInFile(directory).keys()].filter(key => !key.startsWith('bulk/'));
		const expected = ['left', 'right'].flatMap(name => Array.from({length: saveCount}, (_, index) => `${name}-${index + 1}`));
		expect(keys.sort()).toEqual(expected.sort());
	}, 60_000);

	// As root, a directory is read-only only to another user: the writer runs as nobody.
	it.runIf(process.getuid?.() === 0)('costs a warning, not a crash, in a directory the user cannot write (a read-only home)', async () => {
		const shared = mkdtempSync(join(tmpdir(), 'broadsheet-read-only-'));
		try {
			chmodSync(shared, 0o755);
			copyFileSync(writerPath, join(shared, 'writer.js'));
			const directory = join(shared, 'state');
			mkdirSync(directory, {mode: 0o755});
			writeFileSync(join(directory, stateFileName), '{"version":1,"articles":{\n"kept":{"read":1}\n}}\n', {mode: 0o644});
			const child = spawn(process.execPath, [join(shared, 'writer.js'), directory, 'nobody', '1'], {uid: 65_534, gid: 65_534, stdio: ['ignore', 'pipe', 'pipe']});
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			const exitCode = await new Promise<number | null>(resolve => {
				child.on('exit', resolve);
			});

			expect({exitCode, stderr}).toEqual({exitCode: 1, stderr: expect.stringMatching(/^cannot save the read state .+: permission denied \(EACCES\)\n$/u)});
			expect([...marksInFile(directory).keys()]).toEqual(['kept']);
		} finally {
			rmSync(shared, {recursive: true, force: true});
		}
	});

	it('keeps a whole file, with every save that finished, when the writer is killed with SIGKILL at any moment', async () => {
		const directory = newDirectory();
		const confirmedKeys: string[] = [];
		const killCount = 40;
		for (let run = 0; run < killCount; run++) {
			const writer = startWriter(directory, `run${run}`, 0);
			await writer.firstSave;
			// A random moment of the loop of saves: the kill lands before, during or after a write or a rename.
			await new Promise(resolve => {
				setTimeout(resolve, Math.random() * 15);
			});
			writer.child.kill('SIGKILL');
			await writer.exited;
			confirmedKeys.push(...writer.savedKeys);

			const keys = new Set(marksInFile(directory).keys());
			expect(confirmedKeys.filter(key => !keys.has(key))).toEqual([]);
		}

		// What kills leave behind (a lock, a temporary file) is cleared by the next save.
		openReadStateStore(directory).save(changes({last: read()}), now);
		expect(readdirSync(directory)).toEqual([stateFileName]);
	}, 120_000);
});

describe('hostile state directories and slow neighbours (issue 17)', () => {
	it('writes through no file or symlink planted where the temporary file used to be', () => {
		const directory = newDirectory();
		mkdirSync(directory, {mode: 0o700});
		const victim = join(root, `victim-${directoryCount}.txt`);
		writeFileSync(victim, 'precious');
		symlinkSync(victim, join(directory, `${stateFileName}.${process.pid}.tmp`));

		expect(openReadStateStore(directory).save(changes({a: read()}), now)).toEqual({isSaved: true});
		expect(readFileSync(victim, 'utf8')).toBe('precious');
		expect([...marksInFile(directory).keys()]).toEqual(['a']);
	});

	it('refuses a state directory that other users can write, saying so once', () => {
		const directory = newDirectory();
		mkdirSync(directory);
		chmodSync(directory, 0o777);
		const store = openReadStateStore(directory);
		const result = store.save(changes({a: read()}), now);

		expect(result.isSaved).toBe(false);
		expect(result.warning).toBe(`the read state directory ${directory} is writable by other users; read marks are not saved (chmod go-w it)`);
		expect(existsSync(join(directory, stateFileName))).toBe(false);
	});

	it('never writes while a live instance holds the lock, however long it sleeps, and saves once it lets go', async () => {
		const directory = newDirectory();
		const first = openReadStateStore(directory);
		expect(first.save(changes({theirs: read()}), now).isSaved).toBe(true);
		// A holder that is alive but asleep (or stopped): its lock must be respected past any timeout.
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {stdio: 'ignore'});
		try {
			const lockPath = join(directory, `${stateFileName}.lock`);
			writeFileSync(lockPath, String(holder.pid));
			utimesSync(lockPath, new Date(Date.now() - 30 * 60 * 1000), new Date(Date.now() - 30 * 60 * 1000));
			const second = openReadStateStore(directory);
			const blocked = second.save(changes({mine: read()}), now);

			expect(blocked).toMatchObject({isSaved: false, shouldRetry: true});
			expect(blocked.warning).toMatch(/^another Broadsheet is saving the read state/u);
			expect([...marksInFile(directory).keys()]).toEqual(['theirs']);

			rmSync(lockPath);
			expect(second.save(changes({mine: read()}), now).isSaved).toBe(true);
			expect([...marksInFile(directory).keys()].sort()).toEqual(['mine', 'theirs']);
		} finally {
			holder.kill();
		}
	});
});
