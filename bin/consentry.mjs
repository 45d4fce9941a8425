#!/usr/bin/env node
// The `consentry` command (scan, check, migrate, rewrite, validate, build-config). In the published
// package it runs the built dist/cli.mjs.
// In a checkout (src/ present) it compiles src/cli with esbuild first, so it always runs the current
// source; CONSENTRY_CLI_FROM=dist forces the built file.
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/node/cli/bin-entry.ts');
const built = join(root, 'dist/cli.mjs');

async function compileFromSource() {
  const { build } = await import('esbuild');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dir = join(root, 'node_modules/.cache/consentry-cli');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'cli.mjs');
  const temporary = join(dir, `cli.${process.pid}.${Date.now()}.mjs`);
  await build({
    entryPoints: [source],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['playwright-core'],
    define: { __VERSION__: JSON.stringify(version) },
    logLevel: 'error',
  });
  // Runs at the same time (parallel CI jobs) each write their own file; the rename is atomic.
  renameSync(temporary, out);
  return out;
}

const fromSource = process.env.CONSENTRY_CLI_FROM != 'dist' && existsSync(source);
if (!fromSource && !existsSync(built)) {
  console.error('consentry: dist/cli.mjs is missing: run "npm run build" first');
  process.exit(2);
}
await import(pathToFileURL(fromSource ? await compileFromSource() : built).href);
