#!/usr/bin/env node
/**
 * The consentry demo: the Cirrus Edge site on one loopback origin, and its fake third parties
 * (analytics provider, ad network, video/map embeds) each on its own port, recording every hit.
 * Nothing is ever requested outside 127.0.0.1.
 *
 *   node demo/server.mjs [--port N] [--host H] [--rewrite]      (after `npm run build`)
 *   import { startDemo } from './demo/server.mjs'   (tests)
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { adNetwork } from './server/ad-network.mjs';
import { analyticsProvider } from './server/analytics-provider.mjs';
import { createSdkBundler } from './server/bundle-sdk.mjs';
import { embedProvider } from './server/embed-provider.mjs';
import { createHitLog } from './server/hit-log.mjs';
import { close, listen } from './server/listen.mjs';
import { createReceiptLog } from './server/receipt-log.mjs';
import { createPageRenderer } from './server/render-page.mjs';
import { createSessions } from './server/sessions.mjs';
import { createSiteHandler } from './server/site.mjs';
import { createTrackerServer } from './server/tracker-server.mjs';

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_DIR = join(DEMO_DIR, '..');
/** The SDK build served under /dist/; CONSENTRY_DEMO_DIST points the CLI elsewhere (e.g. another build). */
export const DEFAULT_DIST_DIR = process.env.CONSENTRY_DEMO_DIST || join(REPO_DIR, 'dist');

/** Where receipts are kept unless a test points elsewhere (git-ignored, created on first receipt). */
export const DEFAULT_DATA_DIR = join(DEMO_DIR, '.data');

/**
 * @typedef {{ port?: number, host?: string, quiet?: boolean, dataDir?: string, distDir?: string, rewrite?: boolean }} StartDemoOptions
 */

/** @param {StartDemoOptions} [options] */
export async function startDemo({
  port = 0,
  host = '127.0.0.1',
  quiet = false,
  dataDir = DEFAULT_DATA_DIR,
  distDir = DEFAULT_DIST_DIR,
  rewrite = false,
} = {}) {
  const hits = createHitLog();
  const trackerServers = {
    analytics: createTrackerServer({ tracker: analyticsProvider, hits }),
    ads: createTrackerServer({ tracker: adNetwork, hits }),
    embed: createTrackerServer({ tracker: embedProvider, hits }),
  };
  /** @type {import('./server/tracker-origins.mjs').TrackerOrigins} */
  const trackers = { analytics: '', ads: '', embed: '' };
  for (const name of /** @type {const} */ (['analytics', 'ads', 'embed'])) {
    trackers[name] = await listen(trackerServers[name].server, 0, host);
    trackerServers[name].context.origin = trackers[name];
  }

  const receipts = createReceiptLog({ dir: dataDir, distDir });
  const site = createServer(
    createSiteHandler({
      demoDir: DEMO_DIR,
      distDir,
      trackers,
      hits,
      receipts,
      sessions: createSessions(),
      renderer: createPageRenderer({ pagesDir: join(DEMO_DIR, 'pages') }),
      sdkBundler: createSdkBundler({ entry: join(distDir, 'consentry.mjs'), root: REPO_DIR }),
      rewrite,
    }),
  );
  let url;
  try {
    url = await listen(site, port, host);
  } catch (error) {
    await Promise.all(Object.values(trackerServers).map(({ server }) => close(server)));
    throw error;
  }

  if (!quiet && !existsSync(join(distDir, 'consentry.min.js'))) {
    console.warn('consentry demo: dist/consentry.min.js is missing, so pages run without the SDK. Run "npm run build".');
  }
  if (!quiet && rewrite && !existsSync(join(distDir, 'rewrite.mjs'))) {
    console.warn('consentry demo: dist/rewrite.mjs is missing, so pages are served without the HTML rewriter. Run "npm run build".');
  }

  return {
    /** The site's origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
    url,
    /** The fake third parties' origins. */
    trackers: { ...trackers },
    /** Every request the third parties received, oldest first. */
    hits: () => hits.list(),
    clearHits: () => hits.clear(),
    /** Receipts stored by POST /__demo/receipts, oldest first. */
    receipts: () => receipts.list(),
    close: () => Promise.all([site, ...Object.values(trackerServers).map(({ server }) => server)].map(close)).then(() => receipts.close()),
  };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  const value = (flag) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const port = value('--port') ?? process.env.PORT;
  return { port: port === undefined ? undefined : Number(port), host: value('--host'), rewrite: argv.includes('--rewrite') };
}

async function main() {
  const { port, host, rewrite } = parseArgs(process.argv.slice(2));
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error('Usage: node demo/server.mjs [--port N] [--host H] [--rewrite]');
    process.exit(2);
  }
  let demo;
  try {
    // A stable port is friendlier to a person; fall back to any free one when it is taken.
    demo = await startDemo({ port: port ?? 8080, host, rewrite });
  } catch (error) {
    if (port !== undefined || /** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    demo = await startDemo({ port: 0, host, rewrite });
  }
  const lines = [
    'consentry demo is running:',
    `  Site (script tag)   ${demo.url}/`,
    `  Blog (embeds)       ${demo.url}/blog/edge-caching-explained`,
    `  Playground          ${demo.url}/playground`,
    `  SPA (npm build)     ${demo.url}/spa/`,
    `  Consent receipts    ${demo.url}/receipts`,
    `  Legacy page         ${demo.url}/legacy  (unmarked tags; add ?rewrite=1 for the HTML rewriter)`,
    `  HTML rewriter       ${rewrite ? 'on for every page (--rewrite)' : 'off; ?rewrite=1 on a page URL, or --rewrite for all'}`,
    `  Third-party hits    ${demo.url}/__demo/hits`,
    'Fake third parties (loopback only):',
    `  Analytics           ${demo.trackers.analytics}`,
    `  Ad network          ${demo.trackers.ads}`,
    `  Video / map embeds  ${demo.trackers.embed}`,
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
  const stop = () => demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
