import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/formats/parsers.js';
import {parsePlainText} from '../../source/formats/plain-text.js';

const longParagraphs = [
	'The harbour authority said on Tuesday that the new ferry timetable, agreed after months of talks with the unions, would start on the first Monday of next month and add three crossings a day.',
	'Commuters on the northern route have complained for years about crowded boats in the morning, and the authority said the extra crossings would be timed for them.',
	'A spokeswoman said fares would not change this year, but that the authority would review them in the spring once the figures for the first winter were in.',
];

const oneSentenceParagraphs = ['The council met on Monday.', 'It voted to close the old bridge.', 'Work starts in March.', 'A new bridge opens in 2028.'];

/** A story as people save it: the headline, a blank line, then paragraphs separated by blank lines. */
function story(headline: string, paragraphs: readonly string[]): string {
	return [headline, ...paragraphs].join('\n\n') + '\n';
}

function headlinesAndParagraphs(text: string) {
	return parsePlainText(text, 'news.txt').articles.map(article => ({headline: article.headline, paragraphs: article.paragraphs}));
}

describe('plain text saved as stories', () => {
	it('reads one story with long paragraphs as one article', () => {
		expect(headlinesAndParagraphs(story('Ferry timetable to change next month', longParagraphs))).toEqual([
			{headline: 'Ferry timetable to change next month', paragraphs: longParagraphs},
		]);
	});

	it('reads one story with one-sentence paragraphs as one article', () => {
		expect(headlinesAndParagraphs(story('Old bridge to close', oneSentenceParagraphs))).toEqual([
			{headline: 'Old bridge to close', paragraphs: oneSentenceParagraphs},
		]);
	});

	it.each([
		['a comma', 'Tax to rise, say ministers'],
		['a colon', 'Budget 2027: what changes for families'],
		['a question mark', 'Is the harbour safe for swimmers?'],
		['closing quotes', 'Mayor: “We will rebuild the pier”'],
		['an exclamation mark', 'Champions again!'],
	])('takes a headline with %s', (_name, headline) => {
		expect(headlinesAndParagraphs(story(headline, longParagraphs))).toEqual([{headline, paragraphs: longParagraphs}]);
	});

	it('keeps a body paragraph that happens to be short in its story', () => {
		const paragraphs = [longParagraphs[0]!, 'It rained.', 'Nobody came.', longParagraphs[1]!];
		expect(headlinesAndParagraphs(story('A quiet opening for the pier', paragraphs))).toEqual([{headline: 'A quiet opening for the pier', paragraphs}]);
	});

	it('splits stories separated by blank lines where each headline leads paragraphs', () => {
		const text = [
			story('Ferry timetable to change next month', longParagraphs.slice(0, 2)),
			story('Old bridge to close', oneSentenceParagraphs),
			story('Is the harbour safe for swimmers?', longParagraphs.slice(2)),
		].join('\n');
		expect(headlinesAndParagraphs(text)).toEqual([
			{headline: 'Ferry timetable to change next month', paragraphs: longParagraphs.slice(0, 2)},
			{headline: 'Old bridge to close', paragraphs: oneSentenceParagraphs},
			{headline: 'Is the harbour safe for swimmers?', paragraphs: longParagraphs.slice(2)},
		]);
	});

	it('splits stories separated by --- lines', () => {
		const text = [story('Ferry timetable to change next month', longParagraphs), story('Old bridge to close', oneSentenceParagraphs)].join('---\n');
		expect(headlinesAndParagraphs(text)).toEqual([
			{headline: 'Ferry timetable to change next month', paragraphs: longParagraphs},
			{headline: 'Old bridge to close', paragraphs: oneSentenceParagraphs},
		]);
	});

	it('keeps an article a block when no block reads as a headline (blocks of a headline line over body lines)', () => {
		const text = 'Ferry timetable changes\nThe harbour ferry runs every hour.\n\nBridge closes\nThe old bridge closes in March.\n';
		expect(headlinesAndParagraphs(text).map(article => article.headline)).toEqual(['Ferry timetable changes', 'Bridge closes']);
	});

	it('reads stories joined with --- as those stories, whatever they hold (property)', () => {
		const word = fc.stringMatching(/^[a-z]{2,9}$/u);
		const headline = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{2,9}$/u), fc.array(word, {minLength: 1, maxLength: 8}), fc.constantFrom('', '?', '!', ','))
			.map(([first, rest, end]) => `${first} ${rest.join(' ')}${end === ',' ? ', say ministers' : end}`);
		const sentence = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{1,9}$/u), fc.array(word, {minLength: 1, maxLength: 30})).map(([first, rest]) => `${first} ${rest.join(' ')}.`);
		const paragraph = fc.array(sentence, {minLength: 1, maxLength: 4}).map(sentences => sentences.join(' '));
		const stories = fc.array(fc.record({headline, paragraphs: fc.array(paragraph, {minLength: 1, maxLength: 6})}), {minLength: 1, maxLength: 6});
		fc.assert(fc.property(stories, generated => {
			const text = generated.map(({headline, paragraphs}) => story(headline, paragraphs)).join('---\n');
			expect(headlinesAndParagraphs(text)).toEqual(generated);
		}));
	});
});

describe('a story whose headline has a comma', () => {
	it('is read as text, not refused as a table of two columns', () => {
		const text = story('Tax to rise, say ministers', ['The government said on Monday, after a long meeting, that taxes would rise.', 'Opposition leaders called it unfair.']);
		const parsed = parseText(text, 'tax.txt');

		expect(parsed.format).toBe('text');
		expect(parsed.articles.map(article => article.headline)).toEqual(['Tax to rise, say ministers']);
	});

	it('is read as text even when named .csv, with a warning, not refused', () => {
		const parsed = parseText('Tax to rise, say ministers\nThe sentence, with a comma\n', 'tax.csv', {fileName: 'tax.csv'});
		expect(parsed.articles.length).toBeGreaterThan(0);
	});
});

describe('the same story twice', () => {
	it('gets the id every format gives a duplicate: the first id, then #2', () => {
		const story = 'Bridge reopens after repairs\n\nThe bridge opened to traffic on Monday morning after a year of work.';
		const [first, second] = parsePlainText(`${story}\n---\n${story}\n`, 'twice.txt').articles;
		const [csvFirst, csvSecond] = parseText('title,body\nSame,One.\nSame,Two.\n', 'twice.csv', {format: 'csv'}).articles;
		expect(second!.id).toBe(`${first!.id}#2`);
		expect(csvSecond!.id).toBe(`${csvFirst!.id}#2`);
	});
});
