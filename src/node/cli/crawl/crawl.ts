import { sameOriginLinks } from './same-origin-links';
import type { UrlMatcher } from './url-pattern';

export interface CrawlOptions<T> {
  start: URL;
  maxPages: number;
  /** Link hops from the start page: 0 scans the start page only. */
  maxDepth: number;
  /** Pages visited at once. */
  concurrency: number;
  /** include/exclude patterns; the start page is always visited. */
  filter: UrlMatcher;
  visit(url: string, depth: number): Promise<{ result: T; links: string[] }>;
}

/**
 * Breadth-first over the start origin's pages: links of other origins are dropped before they are
 * queued, so nothing off-site is ever visited. Results come back in the order pages were found.
 */
export async function crawl<T>({ start, maxPages, maxDepth, concurrency, filter, visit }: CrawlOptions<T>): Promise<T[]> {
  const origin = start.origin;
  const queue: Array<{ url: string; depth: number; index: number }> = [{ url: start.href, depth: 0, index: 0 }];
  const known = new Set([start.href]);
  const results: T[] = [];
  let found = 1;
  const running = new Set<Promise<void>>();

  const run = (item: { url: string; depth: number; index: number }) => {
    const job = visit(item.url, item.depth).then(({ result, links }) => {
      results[item.index] = result;
      if (item.depth >= maxDepth) return;
      for (const link of sameOriginLinks(links, item.url, origin)) {
        if (known.has(link) || found >= maxPages || !filter(new URL(link))) continue;
        known.add(link);
        queue.push({ url: link, depth: item.depth + 1, index: found++ });
      }
    });
    const tracked = job.finally(() => running.delete(tracked));
    running.add(tracked);
  };

  while (queue.length || running.size) {
    while (queue.length && running.size < concurrency) run(queue.shift()!);
    if (running.size) await Promise.race(running);
  }
  return results.filter((result) => result !== undefined);
}
