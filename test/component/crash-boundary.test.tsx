import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {CrashBoundary} from '../../source/shell/crash-boundary.js';

function Thrower(): never {
	throw new Error('Maximum call stack size exceeded');
}

describe('CrashBoundary', () => {
	it('hands a render error to the shell and draws nothing, not Ink\'s overlay with a stack trace', () => {
		const crashes: unknown[] = [];
		const {lastFrame} = render(
			<CrashBoundary onCrash={error => crashes.push(error)}>
				<Text>before</Text>
				<Thrower />
			</CrashBoundary>,
		);

		expect(crashes).toHaveLength(1);
		expect((crashes[0] as Error).message).toBe('Maximum call stack size exceeded');
		expect(lastFrame() ?? '').not.toMatch(/ at |\.js:\d+|ERROR/u);
	});

	it('renders its children while nothing throws', () => {
		const {lastFrame} = render(
			<CrashBoundary onCrash={() => {}}>
				<Text>the headlines</Text>
			</CrashBoundary>,
		);

		expect(lastFrame()).toBe('the headlines');
	});
});
