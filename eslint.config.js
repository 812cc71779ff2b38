// The linter `npm test` runs (`npm run lint`): ESLint's and typescript-eslint's recommended rules, the React rules the
// components follow, and the rules the code's `eslint-disable` comments name. Not type-aware, so it runs in seconds.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx,js,cjs,mjs}'],
		plugins: {react, 'react-hooks': reactHooks},
		languageOptions: {
			globals: {console: 'readonly', process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', clearImmediate: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', performance: 'readonly', structuredClone: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', queueMicrotask: 'readonly', fetch: 'readonly', Response: 'readonly', Headers: 'readonly', __dirname: 'readonly', __filename: 'readonly', require: 'readonly', module: 'writable', exports: 'writable', globalThis: 'readonly'},
		},
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		rules: {
			// Steps that must run in order (a chunk read after the last, a redirect after its answer) say so where they are.
			'no-await-in-loop': 'error',
			'no-control-regex': 'error',
			'no-empty': ['error', {allowEmptyCatch: true}],
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			'react/no-array-index-key': 'error',
		},
	},
	{
		files: ['source/**/*.{ts,tsx}'],
		rules: {'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error'},
	},
	{
		// Tests, benchmarks and scripts wait on one terminal or process at a time, and write control characters on purpose.
		files: ['test/**', 'bench/**', 'scripts/**'],
		rules: {'no-await-in-loop': 'off', 'no-control-regex': 'off'},
	},
	{
		files: ['**/*.cjs', 'scripts/**'],
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
);
