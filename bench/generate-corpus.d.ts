/** The path of the cached generated corpus of `articleCount` articles, generating it first if it is missing. */
export function ensureGeneratedCorpus(articleCount: number): string;
