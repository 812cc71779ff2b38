import {describe, expect, it} from 'vitest';
import {sourceNamesOf} from '../../source/load/read-input.js';

describe('source names', () => {
	it('is the file name when it is unique, and the shortest telling end of the path when not', () => {
		expect([...sourceNamesOf(['news/business/001.txt', 'news/sport/001.txt', 'news/sport/002.txt', 'a/x/b/001.txt']).values()])
			.toEqual(['business/001.txt', 'sport/001.txt', '002.txt', 'b/001.txt']);
		expect([...sourceNamesOf(['one/today.txt', 'two/one/today.txt']).values()]).toEqual(['one/today.txt', 'two/one/today.txt']);
		expect([...sourceNamesOf(['-', 'feed.xml']).values()]).toEqual(['stdin', 'feed.xml']);
	});
});
