import chalk from 'chalk';
import {render, useStdout} from 'ink';
import {App} from './app.js';
import type {Article} from './article.js';
import type {Keymap} from './input/keymap.js';
import type {ListOrder} from './state/list-order.js';
import type {MarkMap} from './read-state/marks.js';
import type {ReadStateStore} from './read-state/store.js';
import {canShowHyperlinks} from './terminal/osc.js';
import type {ReloadOptions} from './use-reload.js';
import {enterFullScreen} from './terminal/terminal-screen.js';
import {useViewport} from './terminal/use-viewport.js';
import type {Theme} from './ui/theme.js';
import {useNow} from './use-now.js';

type RootProps = ReloadOptions & {
	readonly articles: readonly Article[];
	readonly fileName: string;
	readonly warningCount?: number;
	readonly initialQuery?: string;
	readonly initialOrder?: ListOrder;
	readonly savedMarks?: MarkMap;
	readonly readStateStore?: ReadStateStore;
	readonly theme: Theme;
	readonly keymap?: Keymap;
};

/** Gives the app the terminal's size, following resizes, and the time, every minute. */
function Root(props: RootProps) {
	const {stdout} = useStdout();
	return <App {...props} viewport={useViewport(stdout)} now={useNow()} hasHyperlinks={canShowHyperlinks(process.env)} />;
}

/**
 * Runs the interface on the alternate screen until the user quits, and puts the terminal back however it ends:
 * q, Ctrl-C, SIGTERM or SIGHUP. Keys come from `keyInput`; `onStart` receives the way back, for failures that end
 * the process elsewhere.
 */
export async function runInterface(options: RootProps & {keyInput: NodeJS.ReadStream; onStart(restore: () => void): void}): Promise<void> {
	const {keyInput} = options;
	// The theme decides about colour, not chalk: chalk would drop bold and inverse too for `--no-color` (which it reads
	// from argv), and the selection would vanish. The theme holds only the basic colours, which level 1 covers.
	chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;
	const screen = enterFullScreen(process.stdout, keyInput);
	options.onStart(() => {
		screen.restore();
	});
	const instance = render(
		<Root
			articles={options.articles}
			fileName={options.fileName}
			warningCount={options.warningCount}
			initialQuery={options.initialQuery}
			initialOrder={options.initialOrder}
			savedMarks={options.savedMarks}
			readStateStore={options.readStateStore}
			reload={options.reload}
			watchedPaths={options.watchedPaths}
			theme={options.theme}
			keymap={options.keymap}
		/>,
		{
			stdin: keyInput,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: process.env['BROADSHEET_FULL_REDRAW'] === undefined,
			maxFps: 60,
		},
	);
	const stop = (signalNumber: number) => {
		instance.unmount();
		screen.restore();
		process.exit(128 + signalNumber);
	};

	process.on('SIGTERM', () => {
		stop(15);
	});
	process.on('SIGHUP', () => {
		stop(1);
	});
	process.on('SIGINT', () => {
		stop(2);
	});
	await instance.waitUntilExit();
	screen.restore();
	if (keyInput !== process.stdin) {
		keyInput.destroy();
	}
}
