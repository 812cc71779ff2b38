import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		setupFiles: ['test/yield-between-tests.ts'],
		// End-to-end tests start real processes in pseudo-terminals; give a loaded machine room.
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// Component tests check styling (highlighted matches), which chalk drops when stdout is not a terminal.
		env: {FORCE_COLOR: '1', TZ: 'UTC'},
	},
});
