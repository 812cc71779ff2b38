import {resolveUrl} from './html-text.js';

/**
 * A file a feed item carries: a podcast's audio, a video, a picture (RSS `<enclosure>`, Media RSS `media:content`,
 * Atom `rel="enclosure"` links, JSON Feed `attachments`).
 */
export type Enclosure = {
	readonly url: string;
	/** Its MIME type, when the feed gives one (`audio/mpeg`). */
	readonly type?: string;
	/** Its size in bytes, when the feed gives one that is a whole positive number. */
	readonly byteCount?: number;
};

/** An enclosure from a feed's attributes: its address resolved against `baseUrl`; undefined when it has none usable. */
export function enclosureOf(href: string | undefined, type: string | undefined, size: string | number | undefined, baseUrl: string | undefined): Enclosure | undefined {
	const url = href === undefined ? undefined : resolveUrl(href, baseUrl);
	if (url === undefined) {
		return undefined;
	}

	const byteCount = typeof size === 'number' ? size : size === undefined ? Number.NaN : Number(size.trim());
	const cleanType = type?.trim().toLowerCase();
	return {
		url,
		...(cleanType && /^[a-z]+\/[\w.+-]+$/u.test(cleanType) ? {type: cleanType} : {}),
		...(Number.isSafeInteger(byteCount) && byteCount > 0 ? {byteCount} : {}),
	};
}

/** A size as people read it: `820 bytes`, `12.4 MB`. */
export function sizeLabel(byteCount: number): string {
	const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
	let size = byteCount;
	let unit = 0;
	while (size >= 1000 && unit < units.length - 1) {
		size /= 1000;
		unit++;
	}

	return unit === 0 ? `${size} bytes` : `${size < 100 ? Number(size.toFixed(1)) : Math.round(size)} ${units[unit]}`;
}

const kindsByExtension: Readonly<Record<string, string>> = {
	mp3: 'audio', m4a: 'audio', aac: 'audio', ogg: 'audio', oga: 'audio', opus: 'audio', flac: 'audio', wav: 'audio',
	mp4: 'video', m4v: 'video', webm: 'video', mkv: 'video', mov: 'video',
	jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', webp: 'image', avif: 'image',
};

/** What an enclosure is, from its type, else its address's extension: `Audio`, `Video`, `Image`, else `Attachment`. */
function kindOf(type: string | undefined, url: string): string {
	const extension = /\.([a-z\d]{2,4})(?:[?#]|$)/iu.exec(url)?.[1]?.toLowerCase();
	const kind = type?.split('/')[0] ?? (extension === undefined ? undefined : kindsByExtension[extension]);
	return kind === 'audio' ? 'Audio' : kind === 'video' ? 'Video' : kind === 'image' ? 'Image' : 'Attachment';
}

/**
 * The body with a paragraph for each enclosure, `Audio (audio/mpeg, 12.4 MB) [3]`, citing its address among the
 * numbered links (an address the text already cites keeps its number), so that `3y` copies it and `3o` opens it.
 * The same address twice is one enclosure.
 */
export function withEnclosures<Body extends {readonly paragraphs: readonly string[]; readonly links: readonly string[]}>(body: Body, enclosures: ReadonlyArray<Enclosure | undefined>): Body {
	const seen = new Set<string>();
	const links = [...body.links];
	const paragraphs = [...body.paragraphs];
	for (const enclosure of enclosures) {
		if (enclosure === undefined || seen.has(enclosure.url)) {
			continue;
		}

		seen.add(enclosure.url);
		let number = links.indexOf(enclosure.url) + 1;
		if (number === 0) {
			links.push(enclosure.url);
			number = links.length;
		}

		const details = [enclosure.type, enclosure.byteCount === undefined ? undefined : sizeLabel(enclosure.byteCount)].filter(detail => detail !== undefined);
		paragraphs.push(`${kindOf(enclosure.type, enclosure.url)}${details.length > 0 ? ` (${details.join(', ')})` : ''} [${number}]`);
	}

	return seen.size === 0 ? body : {...body, paragraphs, links};
}
