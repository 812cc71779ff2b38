/** Resolves once `condition` holds, checking every 50 ms; rejects after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error(`not within ${timeoutMs} ms`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}
