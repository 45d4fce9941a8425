import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';
import { launchChromium, newContext } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { startServer, type TestServer } from './helpers/server';

/*
 * The rewriter against what Chromium actually requests, its preload scanner included. Each case is a page
 * whose parser is held up by a slow script at the top of <head>, so the preload scanner reads the rest
 * before the parser does: whatever either of them requests from a tracker counts. Served as written,
 * every case reaches the tracker (so the test can fail); served through the Node rewriter and through the
 * Worker rewriter (lol-html, in workerd), none may. No consentry runtime is on these pages: the rewritten
 * HTML alone must make no tracker request.
 *
 * The tracker host is in the built-in table and is mapped to a counting loopback server by
 * --host-resolver-rules (Google's hosts are HSTS-preloaded, so never plain http); OWNED is in no table:
 * only the owner's data-consent marking can hold it.
 */
const TRACKER = 'tajs.qq.com';
const OWNED = 'cdn.unlisted.test';

interface Case {
  id: string;
  /** Everything after <head><script src=slow.js></script>, given the URL prefix this case's requests share. */
  html: (url: string) => string;
  /** Whose URL the case uses: a tracker host (classified) or an unlisted host (held by marking only). */
  host?: 'tracker' | 'owned';
}

/**
 * Tags the preload scanner requests even where the parser puts them in SVG or MathML, where they fetch
 * nothing. (`<script src>` there is not requested by Chromium 156; the rewriter holds it all the same,
 * tests/unit/rewrite-foreign.test.ts.)
 */
const FOREIGN_TAGS: { [id: string]: (url: string) => string } = {
  stylesheet: (u) => `<link rel="stylesheet" href="${u}.css">`,
  preload: (u) => `<link rel="preload" as="script" href="${u}.js">`,
  'preload-image': (u) => `<link rel="preload" as="image" href="${u}.png">`,
  modulepreload: (u) => `<link rel="modulepreload" href="${u}.js">`,
  'video-poster': (u) => `<video poster="${u}.png"></video>`,
  'input-image': (u) => `<input type="image" src="${u}.png">`,
};

const CASES: Case[] = [
  ...Object.entries(FOREIGN_TAGS).flatMap(([id, tag]) => [
    { id: `svg-${id}`, html: (u: string) => `</head><body><svg>${tag(u)}</svg></body>` },
    { id: `math-${id}`, html: (u: string) => `</head><body><math>${tag(u)}</math></body>` },
  ]),
  { id: 'svg-nested-stylesheet', html: (u) => `</head><body><div><svg><g><link rel="stylesheet" href="${u}.css"></g></svg></div></body>` },
  { id: 'frame', html: (u) => `</head><frameset><frame src="${u}.html"></frameset>` },
  { id: 'body-background', html: (u) => `</head><body background="${u}.png"></body>` },
  { id: 'table-background', html: (u) => `</head><body><table background="${u}.png"><tr><td>x</td></tr></table></body>` },
  { id: 'td-background', html: (u) => `</head><body><table><tr><td background="${u}.png">x</td></tr></table></body>` },
  { id: 'th-background', html: (u) => `</head><body><table><tr><th background="${u}.png">x</th></tr></table></body>` },
  { id: 'tr-background', html: (u) => `</head><body><table><tr background="${u}.png"><td>x</td></tr></table></body>` },
  { id: 'tbody-background', html: (u) => `</head><body><table><tbody background="${u}.png"><tr><td>x</td></tr></tbody></table></body>` },
  { id: 'input-image', html: (u) => `</head><body><input type="image" src="${u}.png" alt="go"></body>` },
  { id: 'compression-dictionary', html: (u) => `<link rel="compression-dictionary" href="${u}.dict"></head><body></body>` },
  // Marked by the owner but not in the held form: the marking says it waits for consent, whatever the host.
  { id: 'marked-script', host: 'owned', html: (u) => `<script data-consent="analytics" src="${u}.js"></script></head><body></body>` },
  {
    id: 'marked-module',
    host: 'owned',
    html: (u) => `<script type="module" data-consent="analytics" src="${u}.js"></script></head><body></body>`,
  },
  { id: 'marked-img', host: 'owned', html: (u) => `</head><body><img data-consent="advertising" src="${u}.png" alt=""></body>` },
  {
    id: 'marked-img-srcset',
    host: 'owned',
    html: (u) => `</head><body><img data-consent="advertising" srcset="${u}.png 1x" alt=""></body>`,
  },
  { id: 'marked-iframe', host: 'owned', html: (u) => `</head><body><iframe data-consent="advertising" src="${u}.html"></iframe></body>` },
  {
    id: 'marked-stylesheet',
    host: 'owned',
    html: (u) => `<link rel="stylesheet" data-consent="analytics" href="${u}.css"></head><body></body>`,
  },
  {
    id: 'marked-video-poster',
    host: 'owned',
    html: (u) => `</head><body><video data-consent="advertising" poster="${u}.png"></video></body>`,
  },
  { id: 'marked-service', host: 'owned', html: (u) => `</head><body><img data-service="maps" src="${u}.png" alt=""></body>` },
  {
    id: 'marked-svg-poster',
    host: 'owned',
    html: (u) => `</head><body><svg><video data-consent="analytics" poster="${u}.png"></video></svg></body>`,
  },
];

const page = (html: string) => `<!doctype html><html><head><script src="/slow.js"></script>${html}</html>`;
const settings = validateConfig({ services: [{ id: 'maps', category: 'advertising', hosts: ['maps.unlisted.test'] }] });

let browser: Browser;
let site: TestServer;
let tracker: TestServer;
let mf: Miniflare;
const urlOf = (c: Case) => `http://${c.host === 'owned' ? OWNED : TRACKER}:${new URL(tracker.origin).port}/${c.id}`;

/** Loads every case of a variant, each in its own frame, and counts tracker requests per case. */
async function requestsPerCase(variant: string): Promise<{ [id: string]: number }> {
  tracker.hits.length = 0;
  const frames = CASES.map((c) => `<iframe src="/${variant}/${c.id}" width="80" height="40"></iframe>`).join('');
  site.page(`/${variant}/`, `<!doctype html><body>${frames}</body>`);
  const context = await newContext(browser);
  try {
    const tab = await context.newPage();
    await tab.goto(`${site.origin}/${variant}/`, { waitUntil: 'load' });
    // Late requests (a poster, a frame's document) settle within a few hundred ms of load.
    let seen = -1;
    while (seen !== tracker.hits.length) {
      seen = tracker.hits.length;
      await tab.waitForTimeout(600);
    }
  } finally {
    await closeContext(context);
  }
  const counts: { [id: string]: number } = {};
  for (const c of CASES) counts[c.id] = tracker.hits.filter((hit) => hit.path.split(/[.?]/)[0] === '/' + c.id).length;
  return counts;
}

beforeAll(async () => {
  site = await startServer();
  tracker = await startServer();
  site.route('/slow.js', async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end('');
  });
  const rewriter = createRewriter({ settings, grantedCategories: [] });
  for (const c of CASES) {
    const html = page(c.html(urlOf(c)));
    site.page(`/original/${c.id}`, html);
    site.page(`/node/${c.id}`, rewriter.rewrite(html, { url: `${site.origin}/node/${c.id}` }));
  }
  const entry = `import { createWorkerRewriter } from './src/node/rewrite/edge.ts';
const rewrite = createWorkerRewriter({ settings: ${JSON.stringify(settings)}, grantedCategories: [] });
export default { async fetch(request) { return rewrite(request, await fetch(request)); } };`;
  const bundle = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  mf = new Miniflare({ modules: true, script: bundle.outputFiles[0].text, compatibilityDate: '2025-01-01', cf: false });
  await mf.ready;
  for (const c of CASES) {
    const response = await mf.dispatchFetch(`${site.origin}/original/${c.id}`);
    site.page(`/worker/${c.id}`, await response.text());
  }
  browser = await launchChromium({ loopback: [TRACKER, OWNED] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await mf?.dispose();
  await site?.close();
  await tracker?.close();
});

test('served as written, every case reaches the tracker', async () => {
  const counts = await requestsPerCase('original');
  const missed = CASES.filter((c) => counts[c.id] === 0).map((c) => c.id);
  expect(missed, 'cases that made no request even unrewritten').toEqual([]);
}, 120_000);

describe.each(['node', 'worker'])('rewritten by the %s rewriter', (variant) => {
  test('no case reaches the tracker', async () => {
    const counts = await requestsPerCase(variant);
    const leaked = CASES.filter((c) => counts[c.id] > 0).map((c) => `${c.id} (${counts[c.id]})`);
    console.log(`${variant}: ${CASES.length - leaked.length} of ${CASES.length} cases held`);
    expect(leaked).toEqual([]);
  }, 120_000);
});
