import {afterEach} from 'vitest';

// A file of synchronous tests (fast-check's properties) never lets its worker's event loop run, and vitest's worker
// gives up on its messages to the main process after 60 s: on a machine four times slower than usual, such a file
// ended with "Timeout calling onTaskUpdate" and a failed run, though every test passed. A turn of the event loop
// after each test lets those messages go.
afterEach(async () => {
	await new Promise<void>(resolve => {
		setTimeout(resolve, 0);
	});
});
