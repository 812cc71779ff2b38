/** A notice or warning once shown in the status line, kept for the messages overlay (`!`). */
export type Message = {
	readonly text: string;
	readonly kind: 'notice' | 'warning';
	/** How many times in a row it was shown: the same notice again adds to it rather than repeating it. */
	readonly count: number;
};
