import type { BrowserContext } from 'playwright-core';

export interface StandInAnswer {
  contentType: string;
  body: string | Buffer;
}

/**
 * Answers every https request of the context to `hostname` (which must also resolve, see loopback-hosts.ts)
 * with `answer`, and returns the list of the URLs requested, which grows as the pages request them. The
 * browser's own requests are counted, so "none" is measured where a leak would happen.
 */
export async function standInHost(context: BrowserContext, hostname: string, answer: StandInAnswer): Promise<string[]> {
  const requested: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).hostname == hostname) requested.push(request.url());
  });
  await context.route(`https://${hostname}/**`, (route) => route.fulfill({ status: 200, ...answer }));
  return requested;
}
