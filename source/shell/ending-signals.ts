/** The signals that end a program by default and can be caught. */
const endingSignals: readonly NodeJS.Signals[] = ['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGUSR2', 'SIGALRM'];

/** The status the interface ends with on SIGTERM and SIGINT, as a shell reports a program ended by them. */
const exitStatuses: Partial<Record<NodeJS.Signals, number>> = {SIGTERM: 128 + 15, SIGINT: 128 + 2};

/**
 * Ends the process on `signal`, the terminal already put back: with the shell's status for it on SIGTERM and SIGINT,
 * else as the signal ends a program. Not with process.exit on a hang-up: Node then resets the terminal's modes, and
 * aborts with a native stack trace when the terminal is gone (EIO).
 */
export function endOnSignal(signal: NodeJS.Signals): void {
	const status = exitStatuses[signal];
	if (status !== undefined) {
		process.exit(status);
	}

	process.removeAllListeners(signal);
	process.kill(process.pid, signal);
}

/**
 * Until the function it returns is called, every signal that ends a program puts the terminal back (`putBack`) first
 * and ends the process as the interface does, and a stop from outside (SIGTSTP) waits, to be sent again once the
 * function is called: the interface, loaded by then, stops as on Ctrl-Z and redraws on `fg`. For the moments between
 * the first frame, drawn before the interface loads (first-frame.ts), and the interface's own handling of signals
 * (run-interface.tsx). Without it, a signal then would leave the terminal on the alternate screen, in raw mode.
 */
export function endOnSignalsMeanwhile(putBack: () => void): () => void {
	const handlers = endingSignals.map(signal => {
		const handler = () => {
			putBack();
			endOnSignal(signal);
		};

		process.on(signal, handler);
		return [signal, handler] as const;
	});
	let isStopAsked = false;
	const askStop = () => {
		isStopAsked = true;
	};

	process.on('SIGTSTP', askStop);
	return () => {
		for (const [signal, handler] of handlers) {
			process.off(signal, handler);
		}

		process.off('SIGTSTP', askStop);
		if (isStopAsked) {
			process.kill(process.pid, 'SIGTSTP');
		}
	};
}
