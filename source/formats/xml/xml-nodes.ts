import type {ProblemList} from './problem-list.js';

/** An element, its name resolved: `item`, `atom:entry`, `content:encoded`, `dc:creator`, … (see `namespaceAliases`). */
export type XmlElement = {
	/** Lower-case local name, prefixed by the alias of its namespace (none for RSS's own namespaces). */
	readonly name: string;
	/** The name as written, prefix included. */
	readonly qualifiedName: string;
	/** Attributes by the name as written (`href`, `rdf:about`, `xml:base`), values decoded. */
	readonly attributes: Readonly<Record<string, string>>;
	readonly children: XmlNode[];
	/** The absolute `xml:base` in effect here, if any. */
	readonly baseUrl: string | undefined;
	/** Offset of its `<` in the text. */
	readonly start: number;
};

/** A node of the tree: an element, or text (entities decoded, CDATA as written). */
export type XmlNode = XmlElement | string;

/** What `readXml` found. */
export type XmlDocument = {
	readonly root: XmlElement | undefined;
	/** The name the DOCTYPE declares (`html`, `rss`), if there is one. */
	readonly doctype: string | undefined;
	/** Whether non-space text stands outside any element (a document that is not XML at all). */
	readonly hasLooseText: boolean;
	/** True when the document was refused outright (an entity expansion attack): `problems` says why. */
	readonly isRefused: boolean;
	readonly problems: ProblemList;
};
