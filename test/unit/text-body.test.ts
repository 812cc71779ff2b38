import {describe, expect, it} from 'vitest';
import {bodyFromText, paragraphsOfLines} from '../../source/formats/text-body.js';

// Hard-wrapped lines, the second indented by one space, the fourth by two.
const wrapped = ['The council met on Monday and', ' voted to close the old bridge', 'for repairs through the winter', '  Work begins next week, the', 'mayor said on Tuesday evening'];

describe('hard-wrapped text, read by one rule for records and plain-text files', () => {
	it('joins wrapped lines and opens a paragraph at a two-space indent in a plain-text file', () => {
		expect(paragraphsOfLines(wrapped)).toEqual([
			'The council met on Monday and voted to close the old bridge for repairs through the winter',
			'Work begins next week, the mayor said on Tuesday evening',
		]);
	});

	it('opens a paragraph at any indent in a record\'s text field, as the wire writes it', () => {
		expect(bodyFromText(wrapped.join('\n')).paragraphs).toEqual([
			'The council met on Monday and',
			'voted to close the old bridge for repairs through the winter',
			'Work begins next week, the mayor said on Tuesday evening',
		]);
	});

	it('splits at lines that hold only white space, a no-break space included', () => {
		expect(paragraphsOfLines(['First paragraph.', '\u00A0 ', 'Second paragraph.'])).toEqual(['First paragraph.', 'Second paragraph.']);
		expect(bodyFromText('First paragraph.\n\u00A0\nSecond paragraph.').paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
	});

	it('keeps lines that end sentences as paragraphs of their own', () => {
		expect(paragraphsOfLines(['One sentence.', 'Another sentence.', 'A third one.'])).toEqual(['One sentence.', 'Another sentence.', 'A third one.']);
	});
});
