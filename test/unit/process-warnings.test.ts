import {describe, expect, it} from 'vitest';
import {guardProcessWarnings} from '../../source/process-warnings.js';

function fakeProcess(): NodeJS.Process {
	return {emitWarning: () => {
		throw new Error('the original emitWarning ran');
	}} as unknown as NodeJS.Process;
}

describe('guardProcessWarnings', () => {
	it('keeps a warning as one line instead of letting Node print it', () => {
		const target = fakeProcess();
		const warnings = guardProcessWarnings(target);
		target.emitWarning('Unresolved tag at line 1:\n\n!!\u001B]2;TITLE\u0007 x: 1\n^^\n', 'YAMLWarning');

		expect(warnings.take()).toEqual(['YAMLWarning: Unresolved tag at line 1:']);
		expect(warnings.take()).toEqual([]);
	});

	it('names an Error warning by its name, and keeps each warning once', () => {
		const target = fakeProcess();
		const warnings = guardProcessWarnings(target);
		const warning = Object.assign(new Error('Buffer() is deprecated'), {name: 'DeprecationWarning'});
		target.emitWarning(warning);
		target.emitWarning(warning);
		target.emitWarning('plain words', {type: 'CustomWarning'});

		expect(warnings.take()).toEqual(['DeprecationWarning: Buffer() is deprecated', 'CustomWarning: plain words']);
	});

	it('counts the warnings past the first 20', () => {
		const target = fakeProcess();
		const warnings = guardProcessWarnings(target);
		for (let index = 0; index < 25; index++) {
			target.emitWarning(`warning ${index}`);
		}

		const lines = warnings.take();
		expect(lines).toHaveLength(21);
		expect(lines.at(-1)).toBe('and 5 more warnings of the process');
	});
});
