import {Component, type ReactNode} from 'react';

type CrashBoundaryProps = {
	readonly children: ReactNode;
	/** Ends the interface: called once, with what a component threw while rendering. */
	readonly onCrash: (error: unknown) => void;
};

/**
 * Catches what the interface throws while rendering, before Ink's own boundary would draw its error overlay (the
 * bundle's source and a stack trace) on the user's screen. Renders nothing from then on, and hands the error to the
 * shell, which restores the terminal and says what happened in one line.
 */
export class CrashBoundary extends Component<CrashBoundaryProps, {hasCrashed: boolean}> {
	static getDerivedStateFromError(): {hasCrashed: boolean} {
		return {hasCrashed: true};
	}

	override state = {hasCrashed: false};

	override componentDidCatch(error: unknown): void {
		this.props.onCrash(error);
	}

	override render(): ReactNode {
		return this.state.hasCrashed ? null : this.props.children;
	}
}
