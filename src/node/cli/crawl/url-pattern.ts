/**
 * `--include` / `--exclude` patterns, matched against a URL's path and query:
 * `/blog/*` (one segment), `/docs/**` (anything below), `*.pdf` (no leading slash: anywhere),
 * or a regular expression written as `re:…`.
 */
export type UrlMatcher = (url: URL) => boolean;

function escapeRegExp(text: string) {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function compileUrlPattern(pattern: string): UrlMatcher {
  if (pattern.startsWith('re:')) {
    const re = new RegExp(pattern.slice(3));
    return (url) => re.test(url.pathname + url.search);
  }
  const anchored = pattern.startsWith('/') ? pattern : '**' + pattern;
  const source = anchored
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  const re = new RegExp('^' + source + '$');
  return (url) => re.test(url.pathname) || re.test(url.pathname + url.search);
}

export interface UrlFilterOptions {
  include: string[];
  exclude: string[];
}

/** A URL passes when it matches some include (or there are none) and no exclude. */
export function createUrlFilter({ include, exclude }: UrlFilterOptions): UrlMatcher {
  const includes = include.map(compileUrlPattern);
  const excludes = exclude.map(compileUrlPattern);
  return (url) => (!includes.length || includes.some((match) => match(url))) && !excludes.some((match) => match(url));
}
