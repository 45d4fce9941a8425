import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { consentryVitePlugin } from '../../src/node/rewrite/vite-plugin';

// The plugin in a real `vite build` (vite ships with vitest), including a tag another plugin injects.
const GA = 'https://www.google-analytics.com/analytics.js';
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'consentry-vite-'));
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html><html><head><script async src="${GA}"></script></head><body><script type="module" src="./main.js"></script></body></html>`,
  );
  await writeFile(join(root, 'main.js'), 'document.body.append("hi")');
});
afterAll(() => rm(root, { recursive: true, force: true }));

it('holds the tracker tags of the built index.html and leaves Vite’s own alone', async () => {
  const injector = {
    name: 'injects-a-pixel',
    transformIndexHtml: () => [{ tag: 'img', attrs: { src: 'https://ad.doubleclick.net/p.gif' }, injectTo: 'body' as const }],
  };
  await build({ root, logLevel: 'silent', configFile: false, plugins: [consentryVitePlugin({ settings: validateConfig({}) }), injector] });
  const html = await readFile(join(root, 'dist/index.html'), 'utf8');
  expect(html).toContain(`<script async="" data-src="${GA}" type="text/plain" data-consent="analytics"></script>`);
  expect(html).toContain('<img data-src="https://ad.doubleclick.net/p.gif" data-consent="advertising">');
  expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
}, 60_000);
