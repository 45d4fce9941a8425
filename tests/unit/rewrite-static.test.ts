import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { rewriteDirectory } from '../../src/node/rewrite/rewrite-directory';
import { consentryVitePlugin } from '../../src/node/rewrite/vite-plugin';

const GA = 'https://www.google-analytics.com/analytics.js';
const settings = validateConfig({ blocking: { rules: [{ match: '/tags/', category: 'analytics' }] } });

describe('Vite plugin', () => {
  const plugin = consentryVitePlugin({ settings, siteUrl: 'https://shop.example/' });

  it('runs last on every HTML page, in always-rewrite mode', () => {
    expect(plugin).toMatchObject({ name: 'consentry-rewrite', enforce: 'post', transformIndexHtml: { order: 'post' } });
    const html = `<head><script type="module" src="/assets/index.js"></script><script src="${GA}"></script></head>`;
    expect(plugin.transformIndexHtml.handler(html, { path: '/index.html' })).toBe(
      `<head><script type="module" src="/assets/index.js"></script><script data-src="${GA}" type="text/plain" data-consent="analytics"></script></head>`,
    );
  });

  it('knows the site: its own absolute URLs and path rules', () => {
    const html = '<script src="https://shop.example/tags/t.js"></script><script src="https://shop.example/app.js"></script>';
    expect(plugin.transformIndexHtml.handler(html, { path: '/a/b.html' })).toBe(
      '<script data-src="https://shop.example/tags/t.js" type="text/plain" data-consent="analytics"></script><script src="https://shop.example/app.js"></script>',
    );
  });
});

describe('rewriteDirectory', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'consentry-rewrite-'));
    await mkdir(join(root, 'site/blog'), { recursive: true });
    await writeFile(join(root, 'site/index.html'), `<script src="${GA}"></script>`);
    await writeFile(join(root, 'site/blog/post.HTM'), '<p>no trackers</p>');
    await writeFile(join(root, 'site/blog/data.json'), `{"src":"${GA}"}`);
    await writeFile(
      join(root, 'site/legacy.html'),
      Buffer.from('<p>caf\xe9</p><script src="https://www.google-analytics.com/a.js"></script>', 'latin1'),
    );
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('rewrites HTML files, copies the rest, and reports what it did', async () => {
    const held: string[] = [];
    const result = await rewriteDirectory(join(root, 'site'), join(root, 'out'), {
      settings,
      onHeld: (tag, file) => held.push(`${file}:${tag.url}`),
    });
    expect(result).toEqual({ files: 4, htmlFiles: 3, changedFiles: 1, heldTags: 1, notUtf8: ['legacy.html'] });
    expect(held).toEqual([`index.html:${GA}`]);
    expect(await readFile(join(root, 'out/index.html'), 'utf8')).toBe(
      `<script data-src="${GA}" type="text/plain" data-consent="analytics"></script>`,
    );
    expect(await readFile(join(root, 'out/blog/post.HTM'), 'utf8')).toBe('<p>no trackers</p>');
    expect(await readFile(join(root, 'out/blog/data.json'), 'utf8')).toBe(`{"src":"${GA}"}`);
    expect(await readFile(join(root, 'out/legacy.html'))).toEqual(await readFile(join(root, 'site/legacy.html')));
  });

  it('works in place, and with the output inside the input', async () => {
    await rewriteDirectory(join(root, 'site'), join(root, 'site/dist'), { settings });
    expect(await readFile(join(root, 'site/dist/index.html'), 'utf8')).toContain('data-consent="analytics"');
    const again = await rewriteDirectory(join(root, 'site'), join(root, 'site/dist'), { settings });
    expect(again.files).toBe(4);
    const inPlace = await rewriteDirectory(join(root, 'site'), join(root, 'site'), { settings });
    expect(inPlace.changedFiles).toBe(1);
    expect(await readFile(join(root, 'site/index.html'), 'utf8')).toContain(`data-src="${GA}"`);
  });
});
