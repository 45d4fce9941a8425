import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { countedConsentry } from './counted-consentry';

export interface BuildNextExampleOptions {
  /** The repo's root: the example is examples/nextjs, `consentry` is dist/consentry.mjs. */
  root: string;
  outDir: string;
}

const tree = (app: string) => `
  import { StrictMode } from 'react';
  import RootLayout from ${JSON.stringify(join(app, 'layout.tsx'))};
  import Page from ${JSON.stringify(join(app, 'page.tsx'))};
  const tree = <StrictMode><RootLayout><Page /></RootLayout></StrictMode>;`;

function countCreateConsent(distEntry: string): Plugin {
  return {
    name: 'count-create-consent',
    setup(build) {
      build.onResolve({ filter: /^consentry$/ }, () => ({ path: 'consentry', namespace: 'counted' }));
      build.onLoad({ filter: /.*/, namespace: 'counted' }, () => ({
        loader: 'js',
        resolveDir: dirname(distEntry),
        contents: countedConsentry(distEntry),
      }));
    },
  };
}

/**
 * What Next does with the App Router example, without Next (too heavy for CI): the layout and page rendered to
 * HTML in Node, then hydrated in the browser by a bundle of the same components, in StrictMode and React's
 * development build as under `next dev` (effects run twice), with createConsent calls counted (see counted-consentry.ts). Writes index.html and assets/ to `outDir`.
 */
export async function buildNextExample({ root, outDir }: BuildNextExampleOptions): Promise<void> {
  const app = join(root, 'examples/nextjs/app');
  const common = {
    bundle: true,
    jsx: 'automatic',
    jsxImportSource: 'react',
    logLevel: 'error',
  } as const;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  await build({
    ...common,
    stdin: {
      resolveDir: root,
      loader: 'tsx',
      contents: `${tree(app)}\nimport { hydrateRoot } from 'react-dom/client';\nhydrateRoot(document, tree);`,
    },
    platform: 'browser',
    format: 'esm',
    splitting: true,
    outdir: join(outDir, 'assets'),
    entryNames: 'client',
    chunkNames: '[name]-[hash]',
    plugins: [countCreateConsent(join(root, 'dist/consentry.mjs'))],
    define: { 'process.env.NODE_ENV': '"development"' },
  });

  const server = await build({
    ...common,
    stdin: {
      resolveDir: root,
      loader: 'tsx',
      contents: `${tree(app)}\nimport { renderToString } from 'react-dom/server';\nexport const render = () => renderToString(tree);`,
    },
    platform: 'node',
    format: 'cjs',
    write: false,
    alias: { consentry: join(root, 'dist/consentry.mjs') },
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  const serverFile = join(outDir, 'server.cjs');
  writeFileSync(serverFile, server.outputFiles[0].text);
  const { render } = createRequire(import.meta.url)(serverFile) as { render(): string };
  rmSync(serverFile);
  const html = render().replace('</head>', '<script type="module" src="/assets/client.js"></script></head>');
  writeFileSync(join(outDir, 'index.html'), '<!DOCTYPE html>' + html);
}
