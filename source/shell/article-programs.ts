import {basename, resolve} from 'node:path';
import {homedir} from 'node:os';
import type {Article} from '../article.js';
import {freshArticleLines} from '../state/article-lines.js';
import type {ProgramEffect} from '../state/state.js';
import {commandWords} from '../text/command-words.js';
import {printableName} from '../text/sanitize-text.js';

/** How a program that had the terminal ended: its exit code, or why it could not start. */
export type ProgramOutcome = {readonly exitCode: number | null; readonly error?: NodeJS.ErrnoException};

/**
 * What running programs on articles needs from the world: the real one from run-interface.tsx, a test's own
 * otherwise.
 */
export type ProgramEnvironment = {
	readonly environment: Readonly<Record<string, string | undefined>>;
	/**
	 * Gives `command` (an argument array, never a shell) the terminal until it ends, `input` on its stdin when given
	 * (else the terminal), then takes the terminal back and draws the screen whole. With `shouldWaitForEnter`, the
	 * program's output stays on screen until the user presses Enter.
	 */
	runInTerminal(command: string, args: readonly string[], options: {readonly input?: string; readonly shouldWaitForEnter?: boolean}): ProgramOutcome;
	/** Writes a new file (never over an existing one). */
	writeNewFile(path: string, text: string): void;
};

/**
 * The article's text as `--print` prints it, wrapped to 80 columns, for a pipe, the pager or a file. A big file's
 * article reads its body from the file here.
 */
export function articleText(article: Article): string {
	return freshArticleLines(article, 80).map(line => line.text).join('\n') + '\n';
}

/** `~/x` as the home directory's `x`, as a shell would; any other path as it is, from the working directory. */
function expandedPath(path: string, environment: Readonly<Record<string, string | undefined>>): string {
	if (path === '~' || path.startsWith('~/')) {
		return resolve(environment['HOME'] ?? homedir(), path.slice(2));
	}

	return resolve(path);
}

/** Why a program did not do its job, in a line. */
function failure(name: string, outcome: ProgramOutcome): string | undefined {
	if (outcome.error) {
		return outcome.error.code === 'ENOENT' ? `${name} not found` : `${name}: ${outcome.error.message}`;
	}

	return outcome.exitCode === 0 || outcome.exitCode === null ? undefined : `${name} failed (exit code ${outcome.exitCode})`;
}

/** Runs `request` on `article`, and tells `report` what came of it in a line for the status line. */
export function performProgramRequest(request: ProgramEffect, article: Article, programs: ProgramEnvironment, report: (notice: string) => void): void {
	const text = articleText(article);
	switch (request.kind) {
		case 'pipe': {
			const [command = '', ...args] = request.words;
			const name = printableName(basename(command));
			const problem = failure(name, programs.runInTerminal(command, args, {input: text, shouldWaitForEnter: true}));
			report(problem ? `cannot pipe: ${problem}` : `piped the article to ${name}`);
			break;
		}

		case 'page': {
			const pager = programs.environment['PAGER']?.trim() || 'less';
			const parsed = commandWords(pager);
			const [command = 'less', ...args] = 'words' in parsed && parsed.words.length > 0 ? parsed.words : ['less'];
			const name = printableName(basename(command));
			const problem = failure(name, programs.runInTerminal(command, args, {input: text}));
			if (problem) {
				report(`cannot page: ${problem}`);
			}

			break;
		}

		case 'save': {
			const path = expandedPath(request.path, programs.environment);
			try {
				programs.writeNewFile(path, text);
				report(`saved to ${printableName(path)}`);
			} catch (error) {
				const {code, message} = error as NodeJS.ErrnoException;
				const reason = code === 'EEXIST' ? 'it exists already' : code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : message;
				// The reason first: a long path is cut at the end of the status line.
				report(`cannot save, ${printableName(reason)}: ${printableName(path)}`);
			}

			break;
		}
	}
}

/**
 * Runs the program `request` asks for on its article, one of `articles` (an article gone meanwhile, with a reload,
 * gets nothing), and tells `report` what came of it.
 */
export function runProgram(request: ProgramEffect, articles: readonly Article[], programs: ProgramEnvironment | undefined, report: (notice: string) => void): void {
	const article = articles.find(candidate => candidate.id === request.articleId);
	if (!programs) {
		report('cannot run programs here');
	} else if (article) {
		performProgramRequest(request, article, programs, report);
	}
}
