/** The exit codes, one per kind of failure, as readme.md lists them. */
export const exitCodes = {
	success: 0,
	internalError: 1,
	/** `--pick` ended with Esc, q or Ctrl-C: nothing picked, nothing printed (as fzf does). */
	nothingPicked: 1,
	usage: 2,
	notFound: 3,
	permissionDenied: 5,
	noArticles: 6,
	binary: 7,
	readError: 8,
	noTerminal: 9,
	malformed: 10,
	tooLarge: 11,
	config: 12,
	subscriptionList: 13,
	/** dist/broadsheet.js was copied without dist/bundle.js beside it (scripts/launcher.cjs says so itself). */
	brokenInstall: 14,
} as const;

/** A failure to tell the user in one line, with the exit code that goes with it. */
export class UserFacingError extends Error {
	constructor(
		message: string,
		readonly exitCode: number,
	) {
		super(message);
	}
}
