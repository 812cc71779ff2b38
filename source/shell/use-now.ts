import {useEffect, useState} from 'react';

/** How often the time that list dates are relative to moves on. */
const nowRefreshMs = 60_000;

/** The current time in milliseconds since the epoch, refreshed every minute: for the list's relative dates. */
export function useNow(): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		const timer = setInterval(() => {
			setNow(Date.now());
		}, nowRefreshMs);
		// A clock alone never keeps the process alive.
		timer.unref();
		return () => {
			clearInterval(timer);
		};
	}, []);
	return now;
}
