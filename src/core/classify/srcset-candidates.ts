/**
 * Every piece of a `srcset` value that could be a URL, for a yes/no "does any of it need consent": split at
 * whitespace and commas. That over-splits (a URL may contain commas: `w_100,h_80`), but each piece keeps
 * or loses only path text, never the host, so no candidate's host is missed; descriptors ("2x", "100w")
 * read as relative URLs, which are the site's own. Much smaller than the exact parse the rewriter uses
 * (`src/node/rewrite/srcset-urls.ts`), which must give each URL back intact.
 */
export const srcsetCandidates = (value: string): string[] => value.split(/[\s,]+/);
