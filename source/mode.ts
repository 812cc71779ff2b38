// The shapes every layer shares about the screen and what the user is doing: types only, at the bottom of the
// import graph, so that the keymap, the state and the shell can all name them.

/**
 * What the user is doing. `browse` has the headline list in focus, `read` the article; `filter` edits the
 * filter line; `article-search` edits the search line of the article being read (`scrollTopBefore` is where the
 * article was when it opened, where Esc goes back to); `help` shows the key overlay over the mode it came from;
 * `confirm` asks a yes/no question in the status line over the mode it came from; `prompt` edits a line (a command,
 * a path) for the selected article; `quit` asks the shell to exit,
 * with the article chosen with Enter under `--pick`.
 */
export type Mode =
	| {readonly name: 'browse'}
	| {readonly name: 'read'}
	| {readonly name: 'filter'; readonly draft: string}
	| {readonly name: 'article-search'; readonly draft: string; readonly scrollTopBefore: number}
	| {readonly name: 'help'; readonly returnTo: 'browse' | 'read'; readonly scrollTop: number}
	/** The notices and warnings kept (`!`), scrolled to `scrollTop`, over the mode it came from. */
	| {readonly name: 'messages'; readonly returnTo: 'browse' | 'read'; readonly scrollTop: number}
	| {readonly name: 'confirm'; readonly returnTo: 'browse' | 'read'; readonly question: Question}
	| {readonly name: 'prompt'; readonly purpose: PromptPurpose; readonly draft: string; readonly returnTo: 'browse' | 'read'}
	| {readonly name: 'quit'};

/** What a `prompt` mode asks for: a command to pipe the article to (`|`), or a path to save it to (`w`). */
export type PromptPurpose = 'pipe' | 'save';

/**
 * What a `confirm` mode asks before doing it (y does it, n or Esc does not): for now, marking the `articleCount`
 * unread articles of the list read (`m`).
 */
export type Question = {readonly name: 'mark-all-read'; readonly articleCount: number};

/** The names of the modes. */
export type ModeName = Mode['name'];

/** The terminal's size in character cells. */
export type Viewport = {readonly columnCount: number; readonly rowCount: number};
