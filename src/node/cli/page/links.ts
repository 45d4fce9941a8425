import type { Page } from 'playwright-core';

/** Every link target of the page's main document (the crawler keeps the same-origin ones). */
export async function readLinks(page: Page): Promise<string[]> {
  return page
    .evaluate(() => Array.from(document.querySelectorAll('a[href], area[href]'), (link) => (link as HTMLAnchorElement).href))
    .catch(() => []);
}
