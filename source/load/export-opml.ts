import {UserFacingError, exitCodes} from '../exit-codes.js';
import {feedSubscription, parseSubscriptions, type Subscription, subscriptionsToOpml} from '../formats/subscriptions.js';
import {decodeInput, readFileBytes, readStream} from './read-input.js';

/** What `--export-opml` gives: the OPML, and a warning for each input that names no feed address. */
export type OpmlExport = {readonly opml: string; readonly warnings: readonly string[]};

/**
 * The feeds of `paths` (files, or `-` for stdin) as OPML: a feed's title and the address it gives for itself; a
 * subscription list's feeds, with their groups (so that a newsboat `urls` file becomes OPML). An input that is neither,
 * or a feed that names no address of its own, is a warning; none at all is an error.
 */
export async function exportOpml(paths: readonly string[], stdin: NodeJS.ReadableStream): Promise<OpmlExport> {
	const subscriptions: Subscription[] = [];
	const warnings: string[] = [];
	for (const path of paths) {
		// eslint-disable-next-line no-await-in-loop
		const bytes = path === '-' ? await readStream(stdin) : await readFileBytes(path);
		const name = path === '-' ? 'stdin' : path;
		const {text} = decodeInput(bytes, name);
		const listed = parseSubscriptions(text);
		const feed = listed === undefined ? feedSubscription(text) : undefined;
		if (listed !== undefined) {
			subscriptions.push(...listed);
		} else if (feed === undefined) {
			warnings.push(`${name}: no feed address to export (a feed names its own with rel="self" or feed_url)`);
		} else {
			subscriptions.push(feed);
		}
	}

	const seen = new Set<string>();
	const unique = subscriptions.filter(subscription => !seen.has(subscription.url) && seen.add(subscription.url));
	if (unique.length === 0) {
		throw new UserFacingError(`--export-opml: ${warnings.length === 1 ? warnings[0]!.replace(/ \(a feed .*$/u, '') : 'none of the inputs names a feed address'}`, exitCodes.noArticles);
	}

	return {opml: subscriptionsToOpml(unique), warnings};
}
