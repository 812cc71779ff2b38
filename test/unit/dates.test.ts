import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseDate} from '../../source/formats/dates.js';

const utc = (text: string) => Date.parse(text);

describe('parseDate', () => {
	it.each([
		// RFC 822 / 1123 / 2822
		['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
		['Tue, 10 Jun 2003 04:00:00 +0000', '2003-06-10T04:00:00Z'],
		['Tue, 10 Jun 2003 04:00:00 +0200', '2003-06-10T02:00:00Z'],
		['Tue, 10 Jun 2003 04:00:00 -0530', '2003-06-10T09:30:00Z'],
		['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00Z'],
		['Tue, 10 Jun 2003 04:00:00 PDT', '2003-06-10T11:00:00Z'],
		['10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
		['Tue, 10 Jun 03 04:00:00 GMT', '2003-06-10T04:00:00Z'],
		['Sat, 1 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00Z'],
		['Mon, 5 Feb 2024 14:30:00 GMT', '2024-02-05T14:30:00Z'],
		['Tue, 10 Jun 2003 04:00:00 -0700 (PDT)', '2003-06-10T11:00:00Z'],
		// ISO 8601 / W3C-DTF
		['2003-06-10T04:00:00Z', '2003-06-10T04:00:00Z'],
		['2003-06-10T04:00:00.000+02:00', '2003-06-10T02:00:00Z'],
		['2003-06-10T04:00:00.123456-05:00', '2003-06-10T09:00:00.123Z'],
		['2003-06-10T04:00:00+0200', '2003-06-10T02:00:00Z'],
		['2003-06-10T04:00', '2003-06-10T04:00:00Z'],
		['2003-06-10 04:00:00', '2003-06-10T04:00:00Z'],
		['2003-06-10', '2003-06-10T00:00:00Z'],
		['20030610T040000Z', '2003-06-10T04:00:00Z'],
		// Broken variants feeds really use
		['tue, 10 jun 2003 04:00:00 gmt', '2003-06-10T04:00:00Z'],
		['Tue,  10  Jun  2003   04:00:00   GMT', '2003-06-10T04:00:00Z'],
		['Tue, 10 Jun 2003 04:00:00 UT', '2003-06-10T04:00:00Z'],
		['Tue, 10 Jun 2003 04:00 GMT', '2003-06-10T04:00:00Z'],
		['Fri, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
		['Tuesday, 10 June 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
		['Tue, 10-Jun-2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
		// Wire archives: day-month-year with a fraction of a second, read without the loose path
		['26-FEB-1987 15:01:01.79', '1987-02-26T15:01:01Z'],
		['3-mar-1987 09:05', '1987-03-03T09:05:00Z'],
		['June 10, 2003 4:00 PM', '2003-06-10T16:00:00Z'],
		['Tue, 10 Jun 2003', '2003-06-10T00:00:00Z'],
		['Tue, 10 Jun 2003 04:00:00', '2003-06-10T04:00:00Z'],
		['Tue, 10 Sept. 2003 04:00:00 GMT', '2003-09-10T04:00:00Z'],
		['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40Z'],
		['  Tue, 10 Jun 2003 04:00:00 GMT\n', '2003-06-10T04:00:00Z'],
	])('reads %j', (text, expected) => {
		expect(parseDate(text)).toBe(utc(expected));
	});

	it.each([
		'',
		'   ',
		'sometime last spring',
		'yesterday',
		'Tue, 32 Jun 2003 04:00:00 GMT',
		'Tue, 31 Jun 2003 04:00:00 GMT',
		'2003-13-10',
		'2003-02-29',
		'2003-06-10T25:00:00Z',
		'Tue, 10 Foo 2003 04:00:00 GMT',
		'10/06/2003',
		'31-FEB-1987 10:00:00',
		'26-JUN-1987 25:01:01',
		'1518478934',
		'<b>Tue, 10 Jun 2003</b>',
		'Tue, 10 Jun 2003 04:00:00 constructor',
		'__proto__ 10 Jun 2003',
		'Tue, 10 Jun 2003 04:00:00 GMT'.repeat(10),
	])('returns undefined for %j', text => {
		expect(parseDate(text)).toBeUndefined();
	});

	it('never throws, whatever it is given', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 100}), text => {
				const time = parseDate(text);
				return time === undefined || Number.isFinite(time);
			}),
		);
	});
});
