/** How the reader arranged the screen: the article's measure and alignment (config file), the split (`<`, `>`, `z`). */
export type ScreenSettings = {
	/** The most columns a line of the article's text takes (the config file's `reading-width`; 80 by default). */
	readonly readingWidth: number;
	/** Where the text stands in an article pane wider than the measure (`reading-align`). */
	readonly readingAlign: ReadingAlign;
	/** Columns added to the list's width beside the article (negative: taken away); `<` and `>` change it. */
	readonly listColumnDelta: number;
	/** Whether the article pane is hidden beside the list (`z`): the list takes the width, and Enter opens the article alone. */
	readonly isArticlePaneHidden: boolean;
};

/** Where the text stands in an article pane wider than the measure. */
export type ReadingAlign = 'left' | 'centre';

/** The screen as it starts without a config file. */
export const defaultScreenSettings: ScreenSettings = {readingWidth: 80, readingAlign: 'left', listColumnDelta: 0, isArticlePaneHidden: false};

/** The narrowest measure a config file may ask for: narrower, most words would be broken. */
export const minimumReadingWidth = 20;
