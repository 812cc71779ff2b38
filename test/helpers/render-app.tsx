import {render} from 'ink-testing-library';
import type {ComponentProps} from 'react';
import {App} from '../../source/shell/app.js';
import type {Article} from '../../source/article.js';
import type {Viewport} from '../../source/mode.js';
import type {Session} from '../../source/shell/session.js';

// Styling (CSI … m) and hyperlinks (OSC 8 … BEL): neither takes a column on screen.
const escapeSequence = /\u001B\[[\d;]*[A-Za-z]|\u001B\]8;[^\u0007]*\u0007/gu;

/** The time component tests run at (list dates are relative to it, unless a test passes `now`): Sat 28 Nov 2026 14:05 UTC. */
export const testNow = Date.UTC(2026, 10, 28, 14, 5);

/** What a test may set: the session's parts (the articles apart), and the props the shell passes beside it. */
export type AppOptions = Partial<Omit<Session, 'articles'>> & Partial<Omit<ComponentProps<typeof App>, 'session' | 'viewport'>>;

/** The app for `articles` at `viewport`: a session of `news.txt` with `options`, at {@link testNow} unless they say otherwise. */
export function appElement(articles: readonly Article[], viewport: Viewport, options: AppOptions = {}) {
	const {now = testNow, hasHyperlinks, onSuspend, onRedraw, onPick, ...session} = options;
	return <App session={{articles, fileName: 'news.txt', ...session}} viewport={viewport} now={now} hasHyperlinks={hasHyperlinks} onSuspend={onSuspend} onRedraw={onRedraw} onPick={onPick} />;
}

/** The app rendered at a fixed size, with helpers to type keys and wait for the frame a user would see. */
export function renderApp(articles: readonly Article[], viewport: Viewport, options: AppOptions = {}) {
	const app = appElement(articles, viewport, options);
	const instance = render(app);
	const frame = () => (instance.lastFrame() ?? '').replace(escapeSequence, '');

	return {
		...instance,
		/** The last frame as plain text. */
		frame,
		/** The last frame with its styling escape sequences. */
		styledFrame: () => instance.lastFrame() ?? '',
		/** Writes keys, as a terminal would send them. */
		press(...keys: string[]) {
			for (const key of keys) {
				instance.stdin.write(key);
			}
		},
		/** Renders again at a new size, as the shell does on resize. */
		resize(next: Viewport) {
			instance.rerender(appElement(articles, next, options));
		},
		/** Waits until the frame satisfies `predicate`; fails with the frame it had. */
		async waitForFrame(predicate: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (predicate(frame())) {
					return frame();
				}

				await new Promise(resolve => {
					setTimeout(resolve, 5);
				});
			}

			throw new Error(`The frame never matched. Last frame:\n${frame()}`);
		},
	};
}
