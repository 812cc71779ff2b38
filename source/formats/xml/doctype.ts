import type {ProblemList} from './problem-list.js';

export type EntityDeclaration =
	| {readonly kind: 'internal'; readonly value: string; readonly offset: number}
	| {readonly kind: 'external'; readonly offset: number};

export type Doctype = {
	readonly name: string | undefined;
	readonly end: number;
	readonly entities: Map<string, EntityDeclaration>;
};

/** Thrown inside the reader to abandon a document; never escapes `readXml`. */
export class RefusedDocument extends Error {}

const entityDeclaration =
	/<!ENTITY\s+(%\s+)?([^\s%;>]+)\s+(?:"([^"]*)"|'([^']*)'|(?:SYSTEM|PUBLIC)\b[^>]*)[^>]*>/uy;

/**
 * Finds the DOCTYPE in the prolog (after the XML declaration and comments), and the general entities its internal
 * subset declares. Parameter entities and external subsets are never read.
 */
export function readDoctype(text: string, problems: ProblemList): Doctype | undefined {
	let index = text.charCodeAt(0) === 0xfe_ff ? 1 : 0;
	for (;;) {
		while (index < text.length && /\s/u.test(text[index]!)) {
			index++;
		}

		const terminator = text.startsWith('<?', index) ? '?>' : text.startsWith('<!--', index) ? '-->' : undefined;
		if (terminator === undefined) {
			break;
		}

		index = text.indexOf(terminator, index);
		if (index === -1) {
			return undefined;
		}

		index += terminator.length;
	}

	if (text.slice(index, index + 9).toUpperCase() !== '<!DOCTYPE') {
		return undefined;
	}

	const start = index;
	const name = /^\s*([^\s[>]+)/u.exec(text.slice(index + 9, index + 200))?.[1];
	let quote: string | undefined;
	let subsetStart = -1;
	let subsetEnd = -1;
	for (let position = index + 9; position < text.length; position++) {
		const character = text[position]!;
		if (quote !== undefined) {
			quote = character === quote ? undefined : quote;
		} else if (subsetStart !== -1 && subsetEnd === -1) {
			if (text.startsWith('<!--', position)) {
				const close = text.indexOf('-->', position + 4);
				position = close === -1 ? text.length : close + 2;
			} else if (character === ']') {
				subsetEnd = position;
			} else if (character === '"' || character === '\'') {
				quote = character;
			}
		} else if (character === '"' || character === '\'') {
			quote = character;
		} else if (character === '[') {
			subsetStart = position + 1;
		} else if (character === '>') {
			const entities = subsetStart === -1 ? new Map<string, EntityDeclaration>() : readEntityDeclarations(text, subsetStart, subsetEnd);
			return {name, end: position + 1, entities};
		}
	}

	problems.add(start, 'unterminated <!DOCTYPE');
	return {name, end: text.length, entities: new Map()};
}

function readEntityDeclarations(text: string, start: number, end: number): Map<string, EntityDeclaration> {
	const entities = new Map<string, EntityDeclaration>();
	for (let index = text.indexOf('<!ENTITY', start); index !== -1 && index < end; index = text.indexOf('<!ENTITY', index + 8)) {
		entityDeclaration.lastIndex = index;
		const match = entityDeclaration.exec(text);
		const [, parameterMark, name, doubleQuoted, singleQuoted] = match ?? [];
		// The first declaration of a name binds (XML 1.0 §4.2); parameter entities only matter inside a DTD.
		if (!name || parameterMark || entities.has(name)) {
			continue;
		}

		const value = doubleQuoted ?? singleQuoted;
		entities.set(name, value === undefined ? {kind: 'external', offset: index} : {kind: 'internal', value, offset: index});
	}

	return entities;
}

export const predefinedEntities: ReadonlyMap<string, string> = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', '\'']]);
export const entityName = /^(?:#\d{1,8}|#x[\da-f]{1,8}|[a-z_:][\w.:-]*)$/iu;
