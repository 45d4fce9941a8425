import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT } from './package-dist';

// The Next.js example (App Router) rendered on the server the way Next renders it: in Node, with no window and no
// document. Next itself is too heavy for CI, so the example's layout and page are bundled with esbuild and rendered
// with react-dom/server. `consentry` is the built package behind a spy that counts createConsent calls: the
// example may create its instance only in the browser (in an effect), never while its modules load or render.

const APP = join(ROOT, 'examples/nextjs/app');
const PROVIDER = join(APP, 'consent-provider.tsx');
const DIST = join(ROOT, 'dist/consentry.mjs');

interface Rendered {
  render(): string;
  createConsentCalls: unknown[];
}

/** The built package, except that every createConsent call is recorded. */
function consentrySpy(): Plugin {
  return {
    name: 'consentry-spy',
    setup(build) {
      build.onResolve({ filter: /^consentry$/ }, () => ({ path: 'consentry', namespace: 'spy' }));
      build.onLoad({ filter: /.*/, namespace: 'spy' }, () => ({
        resolveDir: ROOT,
        loader: 'js',
        contents: `
          import { createConsent as create } from ${JSON.stringify(DIST)};
          export * from ${JSON.stringify(DIST)};
          export const createConsentCalls = [];
          export function createConsent(config) { createConsentCalls.push(config); return create(config); }`,
      }));
    },
  };
}

/** A mutant of the example: its provider also calls createConsent at module top level. */
function providerCallingAtTopLevel(): Plugin {
  return {
    name: 'mutant-provider',
    setup(build) {
      build.onLoad({ filter: /consent-provider\.tsx$/ }, () => ({
        loader: 'tsx',
        contents: readFileSync(PROVIDER, 'utf8') + '\ncreateConsent(config);\n',
      }));
    },
  };
}

let workDir: string;

/** Bundle layout + page + react-dom/server for Node and load it. */
async function bundleExample(name: string, plugins: Plugin[] = []): Promise<Rendered> {
  const result = await build({
    stdin: {
      resolveDir: ROOT,
      sourcefile: 'render-next-example.tsx',
      loader: 'tsx',
      contents: `
        import { renderToString } from 'react-dom/server';
        import RootLayout from ${JSON.stringify(join(APP, 'layout.tsx'))};
        import Page from ${JSON.stringify(join(APP, 'page.tsx'))};
        export { createConsentCalls } from 'consentry';
        export const render = () => renderToString(<RootLayout><Page /></RootLayout>);`,
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    // The example's tsconfig says "jsx": "preserve" (Next compiles JSX itself): compile it here as Next would.
    jsx: 'automatic',
    jsxImportSource: 'react',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins: [...plugins, consentrySpy()],
  });
  const file = join(workDir, `${name}.cjs`);
  writeFileSync(file, result.outputFiles[0].text);
  return createRequire(import.meta.url)(file) as Rendered;
}

const text = (html: string) => html.replace(/<!-- -->/g, '');

beforeAll(async () => {
  await ensureDist();
  workDir = mkdtempSync(join(tmpdir(), 'consentry-next-ssr-'));
}, 120_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the Next.js example on the server', () => {
  it('runs where there is no browser', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('imports and renders its layout and page without creating a consent instance', async () => {
    const example = await bundleExample('example');
    expect(example.createConsentCalls).toEqual([]);
    const html = example.render();
    expect(html).toMatch(/^<html lang="en">/);
    expect(html).toMatch(/<a href="#" data-consent-open="[^"]*">Cookie settings<\/a>/);
    // The server renders a visitor who has not chosen: nothing granted.
    expect(text(html)).toContain('<li>Analytics: not granted</li><li>Advertising: not granted</li>');
    expect(example.createConsentCalls).toEqual([]);
  }, 30_000);

  it('would be caught calling createConsent at module top level', async () => {
    // The spy sees a call made while the modules load: the test above fails for such a provider.
    const mutant = await bundleExample('mutant', [providerCallingAtTopLevel()]);
    expect(mutant.createConsentCalls).toHaveLength(1);
    expect(mutant.render()).toContain('Cookie settings');
  }, 30_000);

  it('keeps the Server/Client Component boundary that Next requires', () => {
    const source = (file: string) => readFileSync(join(APP, file), 'utf8');
    // Modules that use hooks or state are Client Components; layout and page stay Server Components
    // (Next refuses `metadata` from a Client Component).
    for (const file of ['consent-provider.tsx', 'consent-status.tsx', 'analytics-loader.tsx']) {
      expect(source(file).startsWith("'use client';"), file).toBe(true);
    }
    for (const file of ['layout.tsx', 'page.tsx']) {
      expect(source(file), file).not.toMatch(/['"]use client['"]/);
      expect(source(file), file).not.toMatch(/\buse(State|Effect|Context|SyncExternalStore|Ref)\b/);
    }
    expect(source('layout.tsx')).toMatch(/export const metadata\b/);
  });
});

describe('the built package in Node', () => {
  it('imports without a DOM and gives the example an inert instance', async () => {
    const { createConsent } = await import(DIST);
    const config = JSON.parse(readFileSync(join(ROOT, 'examples/nextjs/consentry.json'), 'utf8'));
    const consent = createConsent(config);
    expect(consent.get()).toMatchObject({ status: 'pending', categories: { essential: true, analytics: false, advertising: false } });
    await expect(consent.showPreferences()).resolves.toBeUndefined();
    expect(consent.get().categories.analytics).toBe(false);
  });
});
