import type {MappableField} from './format.js';

/** The article fields `--fields` can name. */
export const mappableFields: readonly MappableField[] = ['headline', 'kicker', 'deck', 'body', 'author', 'date', 'url', 'source', 'categories', 'id'];

/**
 * Reads `--fields headline=title,body=text`: each article field, the input's field that fills it.
 * Returns a message naming the bad entry when there is one.
 */
export function parseFieldMap(text: string): {fieldMap: Partial<Record<MappableField, string>>} | {error: string} {
	const fieldMap: Partial<Record<MappableField, string>> = {};
	for (const entry of text.split(',').map(part => part.trim()).filter(Boolean)) {
		const [field = '', column = ''] = entry.split('=', 2).map(part => part.trim());
		if (!mappableFields.includes(field as MappableField)) {
			return {error: `--fields: '${entry}' names no article field; use ${mappableFields.join(', ')}`};
		}

		if (column === '') {
			return {error: `--fields: '${entry}' needs a column, as in ${field}=column_name`};
		}

		fieldMap[field as MappableField] = column;
	}

	return {fieldMap};
}
