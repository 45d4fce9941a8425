import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { newContext } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';
import type { HarnessOptions } from './ui-harness';

const ROOT = join(import.meta.dirname, '../..');

/** A page with real content around the UI: headings, links to tab through, enough text to scroll. */
function pageHtml(lang = 'en'): string {
  const paragraphs = Array.from(
    { length: 24 },
    (_, i) => `<p>Paragraph ${i + 1} of the host page, with <a href="#p${i}" id="link-${i}">link ${i + 1}</a> inside it.</p>`,
  ).join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title><link rel="stylesheet" href="/page.css"></head>
<body>
<header><nav aria-label="Site"><a href="#top" id="first-link">Home</a> <a href="#about">About</a></nav></header>
<main><h1>Host page</h1>
<p><button type="button" id="opener" data-consent-open>Cookie settings</button></p>
${paragraphs}
</main>
<footer><p>Footer text</p></footer>
<script src="/harness.js"></script>
</body></html>`;
}

const PAGE_CSS = 'body{margin:0 auto;max-width:720px;padding:0 16px;font:16px/1.6 Georgia,serif}';
/** Careless site CSS that would wreck an unscoped banner. */
export const HOSTILE_CSS =
  'body{margin:0 auto;max-width:720px;padding:0 16px} *{font-family:"Comic Sans MS",cursive!important;letter-spacing:2px} button{background:hotpink!important;color:yellow!important;border-radius:0!important;padding:0!important} div{border:3px dashed red!important} [role=dialog]{display:none!important} h2{font-size:60px!important}';

export interface UiPage {
  server: TestServer;
  close(): Promise<void>;
}

/** Serves the host page, its CSS (plain or hostile), axe-core and the bundled harness on 127.0.0.1. */
export async function startUiPage(): Promise<UiPage> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'tests/e2e/ui-harness.ts')],
    bundle: true,
    format: 'iife',
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    target: 'chrome120',
    write: false,
  });
  const server = await startServer();
  server.page('/harness.js', bundle.outputFiles[0].text, 'text/javascript');
  server.page('/axe.js', await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'), 'text/javascript');
  server.page('/page.css', PAGE_CSS, 'text/css');
  server.page('/hostile.css', HOSTILE_CSS, 'text/css');
  server.page('/', pageHtml());
  server.page('/hostile', pageHtml().replace('/page.css', '/hostile.css'));
  server.page('/rtl', pageHtml('ar').replace('<html lang="ar">', '<html lang="ar" dir="rtl">'));
  // A strict policy: no inline styles or scripts at all, yet the UI must be styled.
  server.route('/csp', (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'",
    });
    res.end(pageHtml());
  });
  return { server, close: () => server.close() };
}

export interface OpenOptions extends HarnessOptions {
  path?: string;
  context?: BrowserContextOptions;
}

/** Opens the host page, shows the UI and waits until its entrance animation has finished. */
export async function openUi(browser: Browser, site: UiPage, options: OpenOptions = {}): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 }, ...options.context });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(site.server.origin + (options.path || '/'));
  const { path: _path, context: _context, ...harness } = options;
  await page.evaluate((opts) => (window as any).uiHarness.start(opts), harness);
  await settle(page);
  return page;
}

/** Waits for running animations inside the UI to end, so that measurements see final colours. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const root = document.querySelector('consentry-ui')?.shadowRoot;
    const animations = root ? root.getAnimations() : [];
    await Promise.all(animations.map((animation) => animation.finished.catch(() => {})));
  });
}

/** Runs axe-core on the whole document, shadow DOM included; returns the violations. */
export async function runAxe(page: Page) {
  await page.addScriptTag({ url: '/axe.js' });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  });
}

/** Inside our shadow root. */
export const inUi = (selector: string) => `consentry-ui >> ${selector}`;
