/**
 * The fake third parties' shared memory of every request they received: what a person sees in the
 * panel and what the end-to-end tests assert on.
 *
 * @typedef {'analytics' | 'ads' | 'embed'} TrackerName
 * @typedef {'script' | 'beacon' | 'pixel' | 'iframe' | 'other'} HitKind
 * @typedef {{
 *   tracker: TrackerName,
 *   kind: HitKind,
 *   method: string,
 *   path: string,
 *   referer: string,
 *   page: string,
 *   time: number,
 * }} Hit
 */

/** Most hits kept; a tab left open for a day must not grow the server without end. */
export const MAX_HITS = 5000;

export function createHitLog() {
  /** @type {Hit[]} */
  let hits = [];
  return {
    /** @param {Omit<Hit, 'time'>} hit */
    record(hit) {
      hits.push({ ...hit, time: Date.now() });
      if (hits.length > MAX_HITS) hits = hits.slice(-MAX_HITS);
    },
    /** A copy, so callers cannot rewrite history. */
    list() {
      return hits.map((hit) => ({ ...hit }));
    },
    clear() {
      hits = [];
    },
  };
}

/**
 * The page a hit was made for: trackers put it in a parameter (`dl`, `u`), as gtag and Tongji do,
 * because a cross-origin Referer carries only the origin.
 * @param {URL} url
 * @param {string} referer
 */
export function pageOfHit(url, referer) {
  const reported = url.searchParams.get('dl') || url.searchParams.get('u');
  for (const candidate of [reported, referer]) {
    if (!candidate) continue;
    try {
      const page = new URL(candidate);
      return page.pathname + page.search;
    } catch {
      /* not a URL: try the next */
    }
  }
  return '';
}
