import {describe, expect, it} from 'vitest';
import {decodeBytes} from '../../source/formats/decode.js';
import {parseText} from '../../source/formats/parsers.js';
import {sanitizeText} from '../../source/text/sanitize-text.js';

/** The WHATWG windows-1252 index for the bytes 0x80–0x9F; 0xA0–0xFF map to U+00A0–U+00FF. */
const whatwgHigh = [
	0x20_AC, 0x81, 0x20_1A, 0x01_92, 0x20_1E, 0x20_26, 0x20_20, 0x20_21, 0x02_C6, 0x20_30, 0x01_60, 0x20_39, 0x01_52, 0x8D, 0x01_7D, 0x8F,
	0x90, 0x20_18, 0x20_19, 0x20_1C, 0x20_1D, 0x20_22, 0x20_13, 0x20_14, 0x02_DC, 0x21_22, 0x01_61, 0x20_3A, 0x01_53, 0x9D, 0x01_7E, 0x01_78,
];

function whatwgCharacter(byte: number): string {
	return String.fromCodePoint(byte < 0xA0 ? whatwgHigh[byte - 0x80]! : byte);
}

const everyHighByte = Array.from({length: 0x80}, (_, index) => 0x80 + index);

/** A paragraph per byte: `Byte 0x93 reads [“] here.` in windows-1252. */
function paragraphBytes(byte: number): number[] {
	return [...Buffer.from(`Byte 0x${byte.toString(16)} reads [`, 'latin1'), byte, ...Buffer.from('] here.', 'latin1')];
}

/** What each paragraph must read once parsed: the WHATWG character, less what the sanitiser removes from any text. */
function expectedParagraph(byte: number): string {
	return sanitizeText(`Byte 0x${byte.toString(16)} reads [${whatwgCharacter(byte)}] here.`);
}

function rssBytes(encodingLabel: string): Uint8Array {
	const items = everyHighByte.flatMap(byte => [
		...Buffer.from(`<item><title>Item 0x${byte.toString(16)}</title><description>`, 'latin1'),
		...paragraphBytes(byte),
		...Buffer.from('</description></item>\n', 'latin1'),
	]);
	return Uint8Array.from([
		...Buffer.from(`<?xml version="1.0" encoding="${encodingLabel}"?>\n<rss version="2.0"><channel><title>Bytes</title>\n`, 'latin1'),
		...items,
		...Buffer.from('</channel></rss>\n', 'latin1'),
	]);
}

function parsedBytes(bytes: Uint8Array, name: string) {
	const decoded = decodeBytes(bytes);
	if (!('text' in decoded)) {
		throw new Error(`not decoded: ${decoded.reason}`);
	}

	return {decoded, parsed: parseText(decoded.text, name, {fileName: name})};
}

describe('windows-1252, on every Node.js', () => {
	it.each(['windows-1252', 'iso-8859-1', 'us-ascii'])('decodes every byte 0x80–0xFF of an RSS feed declared %s as the WHATWG index says', label => {
		const {parsed} = parsedBytes(rssBytes(label), 'bytes.xml');
		const bodies = parsed.articles.map(article => article.paragraphs.join('\n'));

		// A feed's text is HTML, where a no-break space is white space like any other.
		expect(bodies).toEqual(everyHighByte.map(byte => expectedParagraph(byte).replace('\u00A0', ' ')));
	});

	it('decodes every byte of an undeclared plain-text story that the guess takes for windows-1252', () => {
		const prose = Buffer.from('The council met on Monday and agreed the budget for the harbour, the bridge and the schools of the town. ', 'latin1');
		const paragraphs = everyHighByte.map(byte => [...prose, ...paragraphBytes(byte)]);
		const bytes = Uint8Array.from([...Buffer.from('Council agrees budget\n\n', 'latin1'), ...paragraphs.flatMap(paragraph => [...paragraph, 0x0A, 0x0A])]);
		const {decoded, parsed} = parsedBytes(bytes, 'story.txt');

		expect(decoded.encoding).toMatch(/^(?:windows-1252|iso-8859-1)$/u);
		expect(parsed.articles).toHaveLength(1);
		expect(parsed.articles[0]!.paragraphs).toEqual(everyHighByte.map(byte => `${prose.toString('latin1')}${expectedParagraph(byte)}`));
	});

	it('keeps the text after ›, ˜ and ž, which Node decodes as escape introducers', () => {
		const bytes = Uint8Array.from([...Buffer.from('Slavoj \u008Ei\u009Eek speaks \u0093today\u0094 \u0096 and \u0080 5\u0085\n', 'latin1')]);
		const {parsed} = parsedBytes(bytes, 'plain.txt');

		expect(parsed.articles.map(article => article.headline)).toEqual(['Slavoj Žižek speaks “today” – and € 5…']);
	});
});
