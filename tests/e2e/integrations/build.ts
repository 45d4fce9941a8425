import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Bundle the test loader, the lazily loaded GPP part and the fake gtag.js; returns their code by file name. */
export async function buildTestScripts(): Promise<{ [file: string]: string }> {
  const result = await build({
    entryPoints: { entry: here('./entry.ts'), 'entry-gpp': here('./entry-gpp.ts'), 'fake-gtag': here('./fake-gtag.ts') },
    bundle: true,
    format: 'iife',
    target: 'es2021',
    write: false,
    outdir: '/virtual',
    logLevel: 'error',
  });
  const files: { [file: string]: string } = {};
  for (const output of result.outputFiles) files[output.path.slice('/virtual/'.length)] = output.text;
  return files;
}
