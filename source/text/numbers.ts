/**
 * A whole number with its thousands grouped by commas, as en-US writes it: `21,578`. Written by hand rather than with
 * `Intl.NumberFormat`, because the first `Intl` object a process makes loads ICU's data (about 18 ms), and the status
 * line's count is on the first frame.
 */
export function groupedNumber(value: number): string {
	if (!Number.isSafeInteger(value)) {
		return String(value);
	}

	const digits = String(Math.abs(value));
	let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
	for (let index = grouped.length; index < digits.length; index += 3) {
		grouped += ',' + digits.slice(index, index + 3);
	}

	return value < 0 ? '-' + grouped : grouped;
}
