/**
 * The bad-input matrix: each way an input or a command line can go wrong, the command that shows it, the exact
 * lines Broadsheet prints on stderr and its exit code. test/e2e/bad-input-matrix.test.ts runs every row against the
 * built command; readme.md's troubleshooting table is generated from the same rows (`npm run readme`), and
 * test/unit/readme.test.ts keeps the two equal. Pure data and fixture writers: no test framework here.
 */
import {execFileSync, spawn} from 'node:child_process';
import {chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {fixedRoute, redirectRoute, type Route, rssFeed} from './web-server.js';

/** One row of the matrix. */
export type BadInput = {
	/** What is wrong, as the readme's first column says it. */
	readonly problem: string;
	/** The command, run by bash (with pipefail) in a directory holding the fixtures, `broadsheet` on its PATH. */
	readonly command: string;
	/** Writes the fixtures the command reads into `directory`; may return a way to stop what it started. */
	readonly setup?: (directory: string) => (() => void) | void;
	/** Exactly what appears on stderr, one string a line; none for a quiet run. */
	readonly stderr: readonly string[];
	readonly exitCode: number;
	/** What stdout holds, when the row is about output that still works (trailing newline aside). */
	readonly stdout?: string;
	/** What the user can do about it, for the readme. */
	readonly advice: string;
	/** Whether stdin or stdout must be the terminal (the row runs in a pseudo terminal). */
	readonly needsTerminal?: boolean;
	/** A file that appears once the command is waiting; then Ctrl-C is pressed. */
	readonly interruptAfter?: string;
	/** Root reads every file: the row cannot happen as root. */
	readonly isSkippedAsRoot?: boolean;
	/**
	 * Where the row is tested, when a command and its output cannot show it (a resize, a lock held by a sleeping
	 * process, the CPU used while idle): the file, and the name of the test in it. The matrix checks that it is there.
	 */
	readonly testedIn?: {readonly file: string; readonly test: string};
	/**
	 * For a row about the web: what a local server answers at each path. Its command and lines name the server
	 * {@link webOrigin} (or {@link secureWebOrigin}, served over TLS with a self-signed certificate);
	 * test/e2e/web-hostile.test.ts runs it against a server of its own on 127.0.0.1.
	 */
	readonly web?: Readonly<Record<string, Route>>;
};

/** The server that rows about the web name; the test puts a local server's address in its place. */
export const webOrigin = 'http://feeds.example';
/** The same, over TLS with a certificate no authority signed. */
export const secureWebOrigin = 'https://feeds.example';

/** Where the rows about the web are run. */
const webRows = {file: 'test/e2e/web-hostile.test.ts', test: 'the bad-input matrix\'s rows about the web'} as const;

const webFeed = rssFeed('Harbour desk', ['Ferry timetable changes']);

/** A body that never ends: the same chunk, as fast as the client takes it. */
const endlessRoute: Route = (_request, response) => {
	response.writeHead(200, {'content-type': 'application/rss+xml'});
	const chunk = Buffer.alloc(256 * 1024, ' ');
	const write = () => {
		while (response.write(chunk)) {
			// Write until the socket's buffer is full.
		}
		response.once('drain', write);
	};

	response.on('error', () => {});
	write();
};

/** A gzip body of about 60 KB that expands to 64 MB, sent as Content-Encoding: gzip; made once, when first asked for. */
let bomb: Buffer | undefined;
const bombRoute: Route = (_request, response) => {
	bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '), {level: 9});
	response.on('error', () => {});
	response.writeHead(200, {'content-type': 'application/rss+xml', 'content-encoding': 'gzip'}).end(bomb);
};

const news = 'Ferry timetable changes\nThe harbour ferry runs every hour from Monday.\n';

function write(directory: string, name: string, content: string | Uint8Array): void {
	writeFileSync(join(directory, name), content);
}

/** A gzip file of about 0.5 MB that expands past 500 MiB: gzip members of 64 MiB of `a`, end to end. */
function gzipBomb(): Uint8Array {
	const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'a'), {level: 9});
	return Buffer.concat(Array.from({length: 8}, () => member));
}

/** The rows, in the order the readme lists them. */
export const badInputs: readonly BadInput[] = [
	{
		problem: 'The file does not exist',
		command: 'broadsheet missing.txt',
		stderr: ['broadsheet: missing.txt: no such file'],
		exitCode: 3,
		advice: 'Check the path.',
	},
	{
		problem: 'None of the files named exists',
		command: 'broadsheet missing.txt gone.txt',
		stderr: ['broadsheet: missing.txt: no such file'],
		exitCode: 3,
		advice: 'Check the paths: when all fail the same way, the first one is named.',
	},
	{
		problem: 'No permission to read the file',
		command: 'broadsheet secret.txt',
		setup(directory) {
			write(directory, 'secret.txt', news);
			chmodSync(join(directory, 'secret.txt'), 0o000);
		},
		stderr: ['broadsheet: secret.txt: permission denied'],
		exitCode: 5,
		advice: 'Check the file\'s permissions (`ls -l`).',
		isSkippedAsRoot: true,
	},
	{
		problem: 'An empty file',
		command: 'broadsheet empty.txt',
		setup(directory) {
			write(directory, 'empty.txt', '');
		},
		stderr: ['broadsheet: empty.txt has no articles (it is empty)'],
		exitCode: 6,
		advice: 'The file was perhaps not written yet, or written elsewhere.',
	},
	{
		problem: 'A file of blank space only',
		command: 'broadsheet blank.txt',
		setup(directory) {
			write(directory, 'blank.txt', '  \n\t\n\n   ');
		},
		stderr: ['broadsheet: blank.txt has no articles (it holds no text)'],
		exitCode: 6,
		advice: 'As for an empty file.',
	},
	{
		problem: 'An empty directory, or one of hidden files only',
		command: 'broadsheet empty-folder',
		setup(directory) {
			mkdirSync(join(directory, 'empty-folder'));
			write(join(directory, 'empty-folder'), '.hidden.txt', news);
		},
		stderr: ['broadsheet: empty-folder: no files with articles'],
		exitCode: 6,
		advice: 'Hidden files (`.name`) are skipped; name the file itself to open it.',
	},
	{
		problem: 'A directory where no file has articles',
		command: 'broadsheet folder',
		setup(directory) {
			mkdirSync(join(directory, 'folder'));
			write(join(directory, 'folder'), 'empty.txt', '');
			write(join(directory, 'folder'), 'photo.jpg', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46));
		},
		stderr: ['broadsheet: folder: none of 2 files has articles; first, folder/empty.txt has no articles (it is empty)'],
		exitCode: 6,
		advice: 'Open the files one by one to see what each one lacks.',
	},
	{
		problem: 'A binary file (NUL bytes)',
		command: 'broadsheet photo.jpg',
		setup(directory) {
			write(directory, 'photo.jpg', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0));
		},
		stderr: ['broadsheet: photo.jpg is not a text file (it looks binary)'],
		exitCode: 7,
		advice: 'Open a text file: a feed, JSON, CSV, Markdown or plain text.',
	},
	{
		problem: 'Invalid UTF-8 in a UTF-8 file',
		command: 'broadsheet broken.txt',
		setup(directory) {
			write(directory, 'broken.txt', Buffer.concat([Buffer.from('Café news\n\nA naïve '), Uint8Array.of(0xff), Buffer.from(' byte\n')]));
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Café news\nA naïve \uFFFD byte',
		advice: 'Nothing: each bad byte shows as �, the rest reads as written.',
	},
	{
		problem: 'A truncated or corrupt gzip file',
		command: 'broadsheet cut.txt.gz',
		setup(directory) {
			write(directory, 'cut.txt.gz', gzipSync(Buffer.from(news)).subarray(0, 20));
		},
		stderr: ['broadsheet: cut.txt.gz looks gzip-compressed but cannot be decompressed (unexpected end of file)'],
		exitCode: 10,
		advice: 'Download the file again; `gzip -t` checks it.',
	},
	{
		problem: 'A file larger than 500 MiB',
		command: 'broadsheet huge.txt',
		setup(directory) {
			// Sparse: the size is all that is read.
			write(directory, 'huge.txt', '');
			truncateSync(join(directory, 'huge.txt'), 1024 ** 3);
		},
		stderr: ['broadsheet: huge.txt is larger than 500 MiB, the most Broadsheet reads'],
		exitCode: 11,
		advice: 'Split the file, or filter it first (`head -100000 huge.jsonl | broadsheet`).',
	},
	{
		problem: 'A gzip file that expands past 500 MiB',
		command: 'broadsheet bomb.txt.gz',
		setup(directory) {
			write(directory, 'bomb.txt.gz', gzipBomb());
		},
		stderr: ['broadsheet: bomb.txt.gz decompresses to more than 500 MiB, the most Broadsheet reads'],
		exitCode: 11,
		advice: 'Split the file, or filter it first (`zcat big.gz | head -100000 | broadsheet`).',
	},
	{
		problem: 'An XML "billion laughs" feed (entity expansion)',
		command: 'broadsheet laughs.xml',
		setup(directory) {
			const entities = Array.from({length: 9}, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`).join('\n');
			write(directory, 'laughs.xml', `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n${entities}\n]>\n<rss version="2.0"><channel><title>Laughs</title><item><title>&lol9;</title></item></channel></rss>\n`);
		},
		stderr: ['broadsheet: laughs.xml: line 8: entity &lol5; expands to more than 100000 characters: the document is refused (an entity expansion, or "billion laughs", attack)'],
		exitCode: 10,
		advice: 'Nothing to do: the file is hostile, and is refused before it can eat memory.',
	},
	{
		problem: 'An XML feed with external entities',
		command: 'broadsheet external.xml',
		setup(directory) {
			write(directory, 'external.xml', '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>Innocent</title><item><title>Nothing to see [&secret;]</title></item></channel></rss>\n');
		},
		stderr: ['broadsheet: warning: external.xml: line 3: external entity &secret; is not loaded'],
		exitCode: 0,
		stdout: 'Nothing to see []',
		advice: 'Nothing: no file or address an entity names is ever read.',
	},
	{
		problem: 'An HTML page with no article (a front page, an error page)',
		command: 'broadsheet missing-story.html',
		setup(directory) {
			write(directory, 'missing-story.html', '<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><h1>We could not find that page</h1><p>It may have moved.</p></body></html>\n');
		},
		stderr: ['broadsheet: missing-story.html: no article on this page (a front page or an error page?)'],
		exitCode: 10,
		advice: 'Open the page of a story itself, or the site\'s feed; in a directory the page is a warning and the rest still open.',
	},
	{
		problem: 'A subscription list (OPML, or a newsboat urls file) that names no feed',
		command: 'broadsheet feeds.opml',
		setup(directory) {
			write(directory, 'feeds.opml', '<?xml version="1.0"?>\n<opml version="2.0"><body><outline text="News"><outline text="Wire"/></outline></body></opml>\n');
		},
		stderr: ['broadsheet: feeds.opml: this is an OPML subscription list that names no feed (an http or https address)'],
		exitCode: 13,
		advice: 'Give each outline its feed\'s address (`xmlUrl="https://…"`); a list that names feeds opens them, fetched from the web.',
	},
	{
		problem: 'JSON nested 200,000 deep',
		command: 'broadsheet deep.json',
		setup(directory) {
			write(directory, 'deep.json', '['.repeat(200_000) + ']'.repeat(200_000));
		},
		stderr: ['broadsheet: deep.json: item 1: an array, not an article object; skipped'],
		exitCode: 10,
		advice: 'Articles are objects in an array, or in an object\'s `articles`, `items`, … list.',
	},
	{
		problem: 'A single line of 50 MB',
		command: 'broadsheet long.txt | head -c 19',
		setup(directory) {
			write(directory, 'long.txt', 'word '.repeat(10 * 1024 * 1024));
		},
		stderr: [],
		exitCode: 0,
		stdout: 'word word word word',
		advice: 'Nothing: it opens as one article (give it a few seconds).',
	},
	{
		problem: 'A million tiny articles, output cut short',
		command: 'broadsheet million.ndjson | head -1',
		setup(directory) {
			write(directory, 'million.ndjson', Array.from({length: 1_000_000}, (_, index) => `{"title":"Story ${index + 1}"}`).join('\n'));
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Story 1',
		advice: 'Nothing: the reader going away (EPIPE) ends Broadsheet quietly.',
	},
	{
		problem: 'An unknown option',
		command: 'broadsheet --colour news.txt',
		stderr: ['broadsheet: unknown option --colour; try broadsheet --help'],
		exitCode: 2,
		advice: 'See `broadsheet --help`.',
	},
	{
		problem: 'An unknown `--format`',
		command: 'broadsheet --format yaml news.txt',
		stderr: ['broadsheet: --format: unknown format \'yaml\'; use rss, atom, json-feed, json, ndjson, csv, tsv, sfeed, markdown, text, html'],
		exitCode: 2,
		advice: 'Use one of the names listed, or leave `--format` out to detect the format.',
	},
	{
		problem: 'A bad `--fields` map',
		command: 'broadsheet --fields title=headline news.csv',
		stderr: ['broadsheet: --fields: \'title=headline\' names no article field; use headline, kicker, deck, body, author, date, url, source, categories, id'],
		exitCode: 2,
		advice: 'The article field comes first: `--fields headline=title`.',
	},
	{
		problem: 'Two output modes at once',
		command: 'broadsheet --list --json news.txt',
		stderr: ['broadsheet: --list and --json cannot go together; choose one'],
		exitCode: 2,
		advice: 'Choose one of `--list`, `--json` and `--print`.',
	},
	{
		problem: '`--pick` with an output mode',
		command: 'broadsheet --pick --json news.txt',
		stderr: ['broadsheet: --pick prints the article chosen, so it cannot go with --json'],
		exitCode: 2,
		advice: 'Leave the output mode out: `--pick` prints the article chosen as `--json` does.',
	},
	{
		problem: '`--watch` with an output mode',
		command: 'broadsheet --watch --list news.txt',
		stderr: ['broadsheet: --watch keeps the interface open, so it cannot go with --list'],
		exitCode: 2,
		advice: 'Leave `--watch` out to print once, or `--list` out to watch in the interface.',
	},
	{
		problem: 'No FILE, with stdin the terminal',
		command: 'broadsheet | cat',
		stderr: ['broadsheet: no FILE given; try broadsheet --help'],
		exitCode: 2,
		advice: 'Name a file, or pipe the articles in.',
		needsTerminal: true,
	},
	{
		problem: 'A terminal that cannot move its cursor (`TERM=dumb`, or unset)',
		command: 'TERM=dumb broadsheet news.txt',
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: ['broadsheet: TERM=dumb: this terminal cannot move its cursor, so the headlines are printed as --list prints them'],
		exitCode: 0,
		advice: 'Nothing, to read the headlines; to browse them, run Broadsheet in a terminal that moves its cursor (`TERM=xterm-256color` and the like).',
		needsTerminal: true,
	},
	{
		problem: '`--pick` in a terminal that cannot move its cursor',
		command: 'TERM=dumb broadsheet --pick news.txt | cat',
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: ['broadsheet: --pick draws the interface, and TERM=dumb: the terminal cannot move its cursor (set TERM, as in TERM=xterm-256color)'],
		exitCode: 9,
		advice: 'Run it in a terminal that moves its cursor, or set `TERM` to name the terminal.',
		needsTerminal: true,
	},
	{
		problem: 'An empty stdin',
		command: 'broadsheet < /dev/null',
		stderr: ['broadsheet: stdin has no articles (it is empty)'],
		exitCode: 6,
		advice: 'Check the command that feeds Broadsheet.',
	},
	{
		problem: 'Stdin and stdout both pipes',
		command: 'cat news.txt | broadsheet | cat',
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: Broadsheet prints the headlines, as `--list` does.',
	},
	{
		problem: 'Articles piped in, no terminal to read keys from',
		command: 'cat news.txt | setsid -w broadsheet',
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: ['broadsheet: no terminal to read keys from; pipe the output to read the headlines'],
		exitCode: 9,
		advice: 'Pipe the output (`… | broadsheet | less`) or use `--list`, `--json` or `--print`.',
		needsTerminal: true,
	},
	{
		problem: 'A pipe that never ends, output to a pipe',
		command: 'broadsheet news.fifo | cat',
		setup(directory) {
			mkdirSync(join(directory, 'fifo-writer'));
			execFileSync('mkfifo', [join(directory, 'news.fifo')]);
			// A writer that opens the pipe (which waits for the reader), says so, and then never writes or closes it.
			const writer = spawn('sh', ['-c', 'exec 3>news.fifo; : > fifo-writer/opened; exec sleep 600'], {cwd: directory, stdio: 'ignore'});
			return () => writer.kill();
		},
		stderr: [],
		exitCode: 130,
		advice: 'Broadsheet waits for the end of its input, as `cat` does; Ctrl-C stops it.',
		needsTerminal: true,
		interruptAfter: 'fifo-writer/opened',
	},
	{
		problem: 'A named pipe (FIFO) as FILE, written once (issue 17)',
		command: 'broadsheet --list news.fifo',
		setup(directory) {
			execFileSync('mkfifo', [join(directory, 'news.fifo')]);
			const writer = spawn('sh', ['-c', 'printf "%s" "$1" > news.fifo', 'sh', news], {cwd: directory, stdio: 'ignore'});
			return () => writer.kill();
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: a named pipe is opened once and read as a stream, as stdin is; q, Ctrl-C and every signal end the process while it waits for a writer.',
	},
	{
		problem: 'Markdown with 200,000 emphasis markers in one paragraph, or lists nested 3,000 deep (issue 17)',
		command: 'broadsheet --list starry.md nested.md',
		setup(directory) {
			write(directory, 'starry.md', `# Ferry timetable changes\n\n${'*a'.repeat(200_000)}\n`);
			write(directory, 'nested.md', `# Harbour lists\n\n${Array.from({length: 3000}, (_, index) => `${'  '.repeat(index)}- item`).join('\n')}\n`);
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes\nHarbour lists',
		advice: 'Nothing: a paragraph over 20,000 characters, or with more than 500 runs of `*`, `_` or `~`, is read without its inline markup, and lists nest at most 64 columns deep; both read in linear time.',
	},
	{
		problem: 'HTML in a feed nested 200,000 elements deep (issue 17)',
		command: 'broadsheet --list nested.xml',
		setup(directory) {
			write(directory, 'nested.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Ferry timetable changes</title><description><![CDATA[${'<ul><li>'.repeat(200_000)}x${'</li></ul>'.repeat(200_000)}]]></description></item></channel></rss>`);
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: past 256 nested elements, the rest of the markup reads as flat text, in linear time.',
	},
	{
		problem: 'A single line of 20 MB (issue 17)',
		command: 'broadsheet --print one-line.txt | tail -n 1',
		setup(directory) {
			write(directory, 'one-line.txt', `${'word '.repeat(4_000_000)}\n`);
		},
		stderr: [],
		exitCode: 0,
		stdout: '[… 19.0 million more characters of this paragraph are not shown]',
		advice: 'Nothing: a paragraph is kept up to 1,000,000 characters and then cut with a note, a headline up to 2,000 (see Limits).',
	},
	{
		problem: 'A directory of thousands of files (issue 17)',
		command: 'broadsheet --list many | wc -l',
		setup(directory) {
			mkdirSync(join(directory, 'many'));
			for (let index = 0; index < 5000; index++) {
				write(directory, `many/${String(index).padStart(4, '0')}.txt`, `Ferry timetable change ${index}\n\nThe harbour ferry runs every hour.\n`);
			}
		},
		stderr: [],
		exitCode: 0,
		stdout: '5000',
		advice: 'Nothing: files are read eight at a time and parsed in linear time (20,000 files: 7.7 s, was 67 s).',
	},
	{
		problem: 'Invisible and bidi characters, and emoji joined into one picture (issue 17)',
		command: 'broadsheet --list invisible.txt',
		setup(directory) {
			write(directory, 'invisible.txt', 'Ferry\u061C\u2066 time\u034Ftable\u{E0041}\u180E changes\u3164\u206A \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\n\nThe harbour ferry runs every hour.\n');
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes \u{1F468}\u{1F469}\u{1F467}',
		advice: 'Nothing: invisible and bidi characters are removed, and joined emoji are shown apart, so that every terminal draws a row as wide as it was measured.',
	},
	{
		problem: 'A headline of a megabyte, filtered (issue 17)',
		command: 'broadsheet --list --filter harbour long.txt | cut -c 1-23',
		setup(directory) {
			write(directory, 'long.txt', `Ferry timetable changes at the harbour ${'and more words '.repeat(70_000)}\n\nBoats run every hour.\n`);
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: a headline is cut past 2,000 characters, and the filter reads the first 200,000 of a field; a component that fails anyway ends the session with one line, the terminal put back.',
	},
	{
		problem: 'A file name that is not UTF-8 inside a directory (issue 17)',
		command: 'broadsheet --list news',
		setup(directory) {
			mkdirSync(join(directory, 'news'));
			write(directory, 'news/a.txt', news);
			writeFileSync(Buffer.from(`${join(directory, 'news')}/b\xFF.txt`, 'latin1'), 'Second story\nThe pier reopens.\n');
		},
		stderr: ['broadsheet: warning: news/b?.txt: its name is not valid UTF-8, so it cannot be opened; rename it'],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Rename the file (`convmv`, or `mv` with the name typed as it shows in `ls -b`): the rest of the directory opens.',
	},
	{
		problem: 'A `--filter` holding escape sequences (issue 17)',
		command: "broadsheet --list --filter $'\\e]0;X\\a' news.txt",
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: the query is sanitised like any text from outside; here nothing is left of it, and every article is listed.',
	},
	{
		problem: 'A state directory other users can write (issue 17)',
		command: 'broadsheet news.txt',
		stderr: ['broadsheet: warning: the read state directory … is writable by other users; read marks are not saved (chmod go-w it)'],
		exitCode: 0,
		advice: 'Run `chmod go-w` on it: marks are saved again.',
		testedIn: {file: 'test/unit/read-state-store.test.ts', test: 'refuses a state directory that other users can write, saying so once'},
	},
	{
		problem: 'A lock on the read state held by a stopped or sleeping instance (issue 17)',
		command: 'broadsheet news.txt',
		stderr: [],
		exitCode: 0,
		advice: 'Nothing: marks are never written without the lock; they are saved once the holder lets go, or at the next change.',
		testedIn: {file: 'test/unit/read-state-store.test.ts', test: 'never writes while a live instance holds the lock, however long it sleeps'},
	},
	{
		problem: 'A resize to a smaller terminal (issue 17)',
		command: 'broadsheet news.txt',
		stderr: [],
		exitCode: 0,
		advice: 'Nothing: the frame is drawn again on the alternate screen, and the scrollback (ESC[3J) is never erased.',
		testedIn: {file: 'test/e2e/hostile-input.test.ts', test: 'never erases the scrollback (ESC[3J) of the screen it came from'},
	},
	{
		problem: 'A word of 10,000 letters, common in the file (idle CPU) (issue 17)',
		command: 'broadsheet words.txt',
		stderr: [],
		exitCode: 0,
		advice: 'Nothing: the search warm-up types only words of 7 to 24 letters, so the idle process uses no CPU.',
		testedIn: {file: 'test/unit/search.test.ts', test: 'types no word of more than 24 letters, however common'},
	},
	{
		problem: 'A watched file that changes more often than every 150 ms (issue 17)',
		command: 'broadsheet --watch news.txt',
		stderr: [],
		exitCode: 0,
		advice: 'Nothing: a reload waits for the changes to pause, but never more than 2 s.',
		testedIn: {file: 'test/unit/reload.test.ts', test: 'reloads within the maximum wait, though no change is ever followed by quiet'},
	},
	{
		problem: 'SIGTSTP from outside (`kill -TSTP`, job control) (issue 17)',
		command: 'broadsheet news.txt',
		stderr: [],
		exitCode: 0,
		advice: 'Nothing: it is handled as Ctrl-Z is: the terminal is put back while stopped, and `fg` redraws with raw mode on.',
		testedIn: {file: 'test/e2e/suspend.test.ts', test: 'handles SIGTSTP from outside as Ctrl-Z'},
	},
	{
		problem: 'SIGQUIT, SIGUSR2 or SIGHUP (issue 17)',
		command: "(sleep 1; kill -QUIT $$) & exec broadsheet news.txt",
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: [],
		exitCode: 131,
		advice: 'Nothing: the terminal is put back (raw mode, alternate screen, cursor) before the program ends as the signal ends it.',
		needsTerminal: true,
	},
	{
		problem: 'Markdown front matter that YAML warns about, with escape sequences in it (issue 17)',
		command: 'broadsheet --list tagged.md',
		setup(directory) {
			const body = Array.from({length: 30}, (_, index) => `The harbour ferry runs every hour, day ${index + 1}.`).join('\n');
			write(directory, 'tagged.md', `---\n!!\u001B]52;c;UFdORUQ=\u0007\u001B]2;TITLE\u0007 x: 1\n---\n\n# Ferry timetable changes\n\n${body}\n`);
		},
		stderr: ['broadsheet: warning: tagged.md: front matter, line 2: Tags and anchors must be separated from the next token by white space'],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: the warning is one line of Broadsheet\'s own, and no library may write to the terminal (process warnings are kept and printed the same way).',
	},
	{
		problem: 'A lone C1 string introducer (U+009D, left by a double-encoded ”) in plain text (issue 17)',
		command: 'broadsheet --list stories.txt',
		setup(directory) {
			write(directory, 'stories.txt', 'First story\n\nBody one.\n\nSecond story \u009D\n\nBody two.\n\nThird story\n\nBody three.\n');
		},
		stderr: [],
		exitCode: 0,
		stdout: 'First story\nSecond story\nThird story',
		advice: 'Nothing: the introducer is removed alone; a string sequence is removed whole only when it ends within 4 KB on its line.',
	},
	{
		problem: 'A story whose headline has a comma, over a sentence with one (not a table)',
		command: 'broadsheet --list tax.txt',
		setup(directory) {
			write(directory, 'tax.txt', 'Tax to rise, say ministers\n\nThe government said on Monday, after a long meeting, that taxes would rise.\n\nOpposition leaders called it unfair.\n');
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Tax to rise, say ministers',
		advice: 'Nothing: CSV and TSV need evidence (rows with the same number of delimiters, no blank lines between them, a header-like first row); a guess that gives no articles is read as text, with a warning.',
	},
	{
		problem: 'A Markdown link to `file:`, `javascript:`, `smb:`, `vscode:` or `--an-option` (issue 17)',
		command: 'broadsheet --json links.md | grep -c \'"links"\'',
		setup(directory) {
			write(directory, 'links.md', '# Harbour news\n\nRead [the file](file:///etc/shadow) or [this](--new-window) and [the report](https://example.com/report).\n');
		},
		stderr: [],
		exitCode: 0,
		stdout: '1',
		advice: 'Nothing: such links are listed as text under the article, never made clickable (OSC 8), opened or copied; `o` and `y` say "not a web address". Only http, https and mailto pass.',
	},
	{
		problem: 'JSON Lines whose first record is over 64 KiB (issue 17)',
		command: 'broadsheet --list big.ndjson',
		setup(directory) {
			const first = JSON.stringify({title: 'A long first record', body: 'word '.repeat(20_000)});
			write(directory, 'big.ndjson', `${first}\n${JSON.stringify({title: 'A short second record', body: 'Short.'})}\n`);
		},
		stderr: [],
		exitCode: 0,
		stdout: 'A long first record\nA short second record',
		advice: 'Nothing: JSON Lines are recognised by their whole first line, whatever its length.',
	},
	{
		problem: 'A config file that never ends (`/dev/zero`) (issue 17)',
		command: 'broadsheet --config /dev/zero --list stories.txt',
		setup(directory) {
			write(directory, 'stories.txt', news);
		},
		stderr: ['broadsheet: /dev/zero: too big for a config file (over 1 MiB)'],
		exitCode: 12,
		advice: 'Point --config at a config file; Broadsheet reads at most 1 MiB of one.',
	},
	{
		problem: 'A key name made of a control or bidi character in the config file (issue 17)',
		command: 'broadsheet --config bidi.json --list stories.txt',
		setup(directory) {
			write(directory, 'stories.txt', news);
			write(directory, 'bidi.json', JSON.stringify({keys: {quit: ['\u202E']}}));
		},
		stdout: 'Ferry timetable changes',
		stderr: ['broadsheet: warning: bidi.json: keys.quit: "?" is not a key; use a character, ctrl+LETTER, alt+CHARACTER, or one of up, down, left, right, pageup, pagedown, home, end, enter, escape, tab, shift+tab, backspace, space, digit (printing uses no keys, so it goes on)'],
		exitCode: 0,
		advice: 'Name the key as the readme says; the message never echoes such a character. Printing uses no keys, so it only warns (the interface stops with exit 12).',
	},
	{
		problem: 'A directory given as stdin (issue 17)',
		command: 'broadsheet --list < .',
		stderr: ['broadsheet: stdin is a directory; give it as FILE (broadsheet DIRECTORY) to read its files'],
		exitCode: 8,
		advice: 'Name the directory as a FILE: `broadsheet DIRECTORY`.',
	},
	{
		problem: 'A stderr that cannot be written (`2>/dev/full`) (issue 17)',
		command: 'broadsheet --list news/ 2>/dev/full',
		setup(directory) {
			mkdirSync(join(directory, 'news'));
			write(join(directory, 'news'), 'ferry.txt', news);
			symlinkSync('missing.txt', join(directory, 'news', 'broken.txt'));
		},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: the warning has nowhere to go, and the output and exit code are as they would be.',
	},
	{
		problem: 'A directory holding a link to nothing, and links to files and to itself (issue 17)',
		command: 'broadsheet --list news/',
		setup(directory) {
			mkdirSync(join(directory, 'news'));
			write(directory, 'elsewhere.txt', 'Bridge closes\nThe old bridge closes in March.\n');
			write(join(directory, 'news'), 'ferry.txt', news);
			symlinkSync('missing.txt', join(directory, 'news', 'broken.txt'));
			symlinkSync(join(directory, 'elsewhere.txt'), join(directory, 'news', 'linked.txt'));
			symlinkSync('..', join(directory, 'news', 'up'));
		},
		stderr: ['broadsheet: warning: news/broken.txt: no such file'],
		exitCode: 0,
		stdout: 'Ferry timetable changes\nBridge closes\nBridge closes',
		advice: 'Nothing: links are followed (each directory read once), and an entry that cannot be read costs a warning while the rest opens.',
	},
	{
		problem: '`--filter FILE`, the query forgotten (issue 14)',
		command: 'broadsheet --filter stories.txt < /dev/null',
		setup(directory) {
			write(directory, 'stories.txt', news);
		},
		stderr: ['broadsheet: --filter took stories.txt as its query, and no FILE is left; give the query first: broadsheet --filter QUERY stories.txt'],
		exitCode: 2,
		advice: 'Give the query after `--filter`, then the files.',
	},
	{
		problem: 'A feed on the web: the address answers 404',
		command: `broadsheet ${webOrigin}/feed.xml`,
		web: {},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: the server answered HTTP 404 Not Found`],
		exitCode: 3,
		advice: 'Check the address; open it in a browser, or with `curl -I`.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: the server fails (5xx) and there is no cached copy',
		command: `broadsheet ${webOrigin}/feed.xml`,
		web: {'/feed.xml': fixedRoute('', {}, 503)},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: the server answered HTTP 503 Service Unavailable`],
		exitCode: 8,
		advice: 'Try again later. Once a feed has been fetched, its cached copy opens when the server fails, with a notice of its age.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: redirects in a loop',
		command: `broadsheet ${webOrigin}/loop`,
		web: {'/loop': redirectRoute('/loop-again'), '/loop-again': redirectRoute('/loop')},
		stderr: [`broadsheet: ${webOrigin}/loop: redirects in a loop (back to ${webOrigin}/loop)`],
		exitCode: 8,
		advice: 'The site is misconfigured; look for the feed\'s current address on the site.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: more than 5 redirects',
		command: `broadsheet ${webOrigin}/moved-0`,
		web: Object.fromEntries(Array.from({length: 7}, (_, index) => [`/moved-${index}`, redirectRoute(`/moved-${index + 1}`)])),
		stderr: [`broadsheet: ${webOrigin}/moved-0: more than 5 redirects`],
		exitCode: 8,
		advice: 'Give the address the redirects end at (`curl -sIL ADDRESS` shows them).',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: redirected to another scheme than http(s)',
		command: `broadsheet ${webOrigin}/feed.xml`,
		web: {'/feed.xml': redirectRoute('file:///etc/passwd')},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: redirected to file:, which Broadsheet does not follow (only http and https)`],
		exitCode: 8,
		advice: 'Nothing to do: a web page may not make Broadsheet read a local file, or anything but the web.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: the server never answers',
		command: `broadsheet --timeout 1 ${webOrigin}/feed.xml`,
		web: {'/feed.xml'() {}},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: no answer within 1 s`],
		exitCode: 8,
		advice: 'Try again later, or wait longer with `--timeout SECONDS` (10 by default). q and Ctrl-C quit while it waits.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: the body stalls (a slow-drip server that stops)',
		command: `broadsheet --timeout 1 ${webOrigin}/feed.xml`,
		web: {
			'/feed.xml'(_request, response) {
				response.writeHead(200, {'content-type': 'application/rss+xml'});
				response.write(webFeed.slice(0, 60));
			},
		},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: the server stopped sending for 1 s`],
		exitCode: 8,
		advice: 'Try again later, or wait longer with `--timeout SECONDS`: a body that keeps coming, however slowly, is read to its end.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: an endless body',
		command: `broadsheet ${webOrigin}/endless`,
		web: {'/endless': endlessRoute},
		stderr: [`broadsheet: ${webOrigin}/endless is larger than 50 MB, the most Broadsheet fetches`],
		exitCode: 11,
		advice: 'Nothing to do: the address is not a feed, or the server is broken. Broadsheet stops reading at 50 MB.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: a decompression bomb (60 KB of gzip that expands to 64 MB)',
		command: `broadsheet ${webOrigin}/bomb`,
		web: {'/bomb': bombRoute},
		stderr: [`broadsheet: ${webOrigin}/bomb is larger than 50 MB, the most Broadsheet fetches`],
		exitCode: 11,
		advice: 'Nothing to do: the body is counted as it is decompressed, and reading stops at 50 MB.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: a body that claims gzip and is not',
		command: `broadsheet ${webOrigin}/feed.xml`,
		web: {'/feed.xml': fixedRoute(webFeed, {'content-encoding': 'gzip'})},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: its compressed body cannot be decompressed`],
		exitCode: 10,
		advice: 'The server is broken; tell its owner.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: huge headers (100 KB)',
		command: `broadsheet ${webOrigin}/feed.xml`,
		web: {
			'/feed.xml'(_request, response) {
				response.writeHead(200, {'x-padding': 'a'.repeat(100 * 1024)}).end(webFeed);
			},
		},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: the server's headers are too large`],
		exitCode: 8,
		advice: 'The server is broken or hostile; Broadsheet reads at most 16 KiB of headers, as Node does.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: a TLS certificate that cannot be trusted',
		command: `broadsheet ${secureWebOrigin}/feed.xml`,
		web: {'/feed.xml': fixedRoute(webFeed)},
		stderr: [`broadsheet: ${secureWebOrigin}/feed.xml: its TLS certificate cannot be trusted (DEPTH_ZERO_SELF_SIGNED_CERT); Broadsheet never skips the check`],
		exitCode: 8,
		advice: 'Check the address (a typo, or a network that intercepts TLS). For a private authority, give Node its certificate with NODE_EXTRA_CA_CERTS=FILE.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: the wrong Content-Type, or none',
		command: `broadsheet --list ${webOrigin}/image.png ${webOrigin}/none`,
		web: {'/image.png': fixedRoute(webFeed, {'content-type': 'image/png'}), '/none': fixedRoute(webFeed, {})},
		stderr: [],
		exitCode: 0,
		stdout: 'Ferry timetable changes\nFerry timetable changes',
		advice: 'Nothing: the format is told from the content, as for files; Content-Type only gives the charset.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: it sends a picture',
		command: `broadsheet ${webOrigin}/feed.xml`,
		web: {'/feed.xml': fixedRoute(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), {'content-type': 'application/rss+xml'})},
		stderr: [`broadsheet: ${webOrigin}/feed.xml is not a text file (it looks binary)`],
		exitCode: 7,
		advice: 'Check the address: it names something other than a feed.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web: an HTML page where a feed was expected, with no article on it',
		command: `broadsheet ${webOrigin}/`,
		web: {'/': fixedRoute('<!DOCTYPE html><html><head><title>Harbour news</title></head><body><nav><a href="/">Home</a></nav></body></html>', {'content-type': 'text/html; charset=utf-8'})},
		stderr: [`broadsheet: ${webOrigin}/: no article on this page (a front page or an error page?)`],
		exitCode: 10,
		advice: 'Give the feed\'s own address (look for an RSS or Atom link on the page: `<link rel="alternate" type="application/rss+xml">`), or the address of one story: an article page is read as one article.',
		testedIn: webRows,
	},
	{
		problem: 'A feed on the web, one of several, fails',
		command: `broadsheet --list ${webOrigin}/feed.xml ${webOrigin}/gone.xml`,
		web: {'/feed.xml': fixedRoute(webFeed)},
		stderr: [`broadsheet: warning: ${webOrigin}/gone.xml: the server answered HTTP 404 Not Found`],
		exitCode: 0,
		stdout: 'Ferry timetable changes',
		advice: 'Nothing: the other feeds open; the one that failed is named.',
		testedIn: webRows,
	},
	{
		problem: '--offline, and a feed that was never fetched',
		command: `broadsheet --offline ${webOrigin}/feed.xml`,
		web: {'/feed.xml': fixedRoute(webFeed)},
		stderr: [`broadsheet: ${webOrigin}/feed.xml: not in the cache, and --offline fetches nothing`],
		exitCode: 3,
		advice: 'Open it once while online; its copy is kept in `$XDG_CACHE_HOME/broadsheet/feeds`.',
		testedIn: webRows,
	},
	{
		problem: 'A --timeout that is not a number of seconds',
		command: 'broadsheet --timeout soon news.txt',
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: ['broadsheet: --timeout: \'soon\' is not a number above 0'],
		exitCode: 2,
		advice: 'Give seconds, as in `--timeout 30`.',
	},
	{
		problem: 'A field term of --filter that cannot be read',
		command: 'broadsheet --filter is:new news.txt',
		setup(directory) {
			write(directory, 'news.txt', news);
		},
		stderr: ['broadsheet: --filter: is:new: use is:unread, is:read or is:starred'],
		exitCode: 2,
		advice: 'Write the term as the readme\'s Filtering section says: `is:unread`, `since:2d`, `before:2024-01-01`.',
	},
	{
		problem: 'A named view in the config file whose filter cannot be read',
		command: 'broadsheet --config views.json news.txt',
		setup(directory) {
			write(directory, 'news.txt', news);
			write(directory, 'views.json', JSON.stringify({views: [{name: 'Recent', filter: 'since:2 days'}]}));
		},
		stderr: ['broadsheet: views.json: views[0].filter: since:2: use a number of hours, days, weeks or months (since:2d, 3h, 1w, 6m) or a date (since:2024-01-01)'],
		exitCode: 12,
		advice: 'Fix the view\'s filter (`since:2d`); a hide rule (`hide`) is checked the same way.',
	},
	{
		problem: 'A named view\'s key that is bound already',
		command: 'broadsheet --config views.json news.txt',
		needsTerminal: true,
		setup(directory) {
			write(directory, 'news.txt', news);
			write(directory, 'views.json', JSON.stringify({views: [{name: 'Local', filter: 'harbour', key: 'j'}]}));
		},
		stderr: ['broadsheet: views.json: views[0].key: j is also bound to cursor-down (while browsing); choose another key'],
		exitCode: 12,
		advice: 'Give the view a key bound to nothing while browsing (`H`, say), or none: `V` moves between views anyway.',
	},
];

/** A table cell: pipes escaped, lines joined with `<br>`. */
function cell(lines: readonly string[], isCode: boolean): string {
	return lines.map(line => line.replaceAll('|', '\\|')).map(line => (isCode ? '`' + line + '`' : line)).join('<br>');
}

/** The matrix as readme.md's troubleshooting table (`npm run readme` writes it there; a test keeps them equal). */
export function badInputMarkdown(): string {
	const rows = badInputs.map(row => {
		const said = row.stderr.length > 0 ? cell(row.stderr, true) : row.stdout === undefined ? '(nothing)' : `(nothing; prints ${cell([row.stdout.split('\n')[0]!], true)} …)`;
		return `| ${cell([row.problem], false)} | ${cell([row.command], true)} | ${said} | ${row.exitCode} | ${cell([row.advice], false)} |`;
	});
	return ['| problem | for example | what Broadsheet says | exit code | what to do |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
