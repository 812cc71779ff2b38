import {useEffect, useState} from 'react';
import type {Viewport} from '../mode.js';

/** The size of the terminal `output` draws on, as the app lays out for it (80x24 when it does not say). */
export function viewportOf(output: NodeJS.WriteStream): Viewport {
	return {columnCount: output.columns || 80, rowCount: output.rows || 24};
}

/** The terminal's size, updated on every resize. */
export function useViewport(output: NodeJS.WriteStream): Viewport {
	const [viewport, setViewport] = useState(() => viewportOf(output));
	useEffect(() => {
		const handleResize = () => {
			setViewport(viewportOf(output));
		};

		output.on('resize', handleResize);
		return () => {
			output.off('resize', handleResize);
		};
	}, [output]);
	return viewport;
}
