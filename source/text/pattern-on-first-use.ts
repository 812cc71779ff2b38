/**
 * A regular expression made the first time it is asked for, then kept. V8 reads a Unicode property class (`\p{Lu}`,
 * `\p{Extended_Pictographic}`) into its ranges of characters when the expression is made, before it ever runs: 0.1 to
 * 0.2 ms each, and a dozen such expressions made as their modules load were about 1.5 ms of every start. Made on first
 * use, an expression that a start never needs (most text holds no emoji, and is ASCII where the text parsers look)
 * costs it nothing. A global expression is the same object at every call, as a module's constant is.
 */
export function patternOnFirstUse(make: () => RegExp): () => RegExp {
	let pattern: RegExp | undefined;
	return () => {
		pattern ??= make();
		return pattern;
	};
}
