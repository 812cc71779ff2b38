import {describe, expect, it} from 'vitest';
import {progressText} from '../../source/shell/loading-line.js';

describe('the loading line', () => {
	it('says how much of a file has been read, then that it is parsing', () => {
		expect(progressText({path: 'big.jsonl', phase: 'reading', byteCount: 64 * 1024 * 1024, totalByteCount: 180 * 1024 * 1024})).toBe(
			'Reading big.jsonl… 64 MB of 180 MB (35%)',
		);
		expect(progressText({path: 'big.jsonl', phase: 'parsing', byteCount: 180 * 1024 * 1024})).toBe('Parsing big.jsonl (180 MB)…');
	});

	it('counts what a pipe has sent so far', () => {
		expect(progressText({path: 'stdin', phase: 'reading', byteCount: 1536 * 1024})).toBe('Reading stdin… 1.5 MB');
	});

	it('writes its dots in ASCII when told to', () => {
		expect(progressText({path: 'stdin', phase: 'reading', byteCount: 1536 * 1024}, '...')).toBe('Reading stdin... 1.5 MB');
		expect(progressText({path: 'big.jsonl', phase: 'parsing', byteCount: 180 * 1024 * 1024}, '...')).toBe('Parsing big.jsonl (180 MB)...');
	});
});
