/** Processor time this process has used, in milliseconds: other work on a loaded machine does not count. */
export function processorMs(): number {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1000;
}

/**
 * How much processor time a parse of `characterCount` characters may take: half a second, and 15 ms a KB. Linear, not
 * worse; still wide, since it holds garbage collection and compilation too. A quadratic parse of inputs of 100 KB
 * takes seconds.
 */
export function linearParseBudgetMs(characterCount: number): number {
	return 500 + ((15 * characterCount) / 1024);
}
