import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseModule } from 'acorn';
import { describe, expect, it } from 'vitest';

/*
 * Supply chain: what a site ships with consentry is our code plus three small libraries, each locked to
 * an exact, integrity-checked tarball with no dependencies of its own. A new runtime dependency (or a
 * dependency that grew one) has to be a deliberate change to this test.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const RUNTIME = ['js-cookie', 'nanostores', 'preact'];
/**
 * Needed only by the `consentry scan|check` command (playwright-core, which drives a Chromium the user
 * installs). `consentry/rewrite` and `consentry rewrite` carry parse5 in their build, `consentry migrate`
 * carries acorn: nothing to install for those. `consentry/receipts` loads the database driver a server
 * chooses (pg or @electric-sql/pglite), never bundled.
 */
const OPTIONAL_PEERS = ['@electric-sql/pglite', 'pg', 'playwright-core'];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

describe('runtime dependencies', () => {
  it('are exactly preact, nanostores and js-cookie', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(RUNTIME);
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.bundleDependencies ?? pkg.bundledDependencies ?? []).toEqual([]);
  });

  it('ask nothing more of a site: a peer dependency is only ever optional (server-side tools)', () => {
    const peers = Object.keys(pkg.peerDependencies ?? {});
    expect(peers.filter((name) => pkg.peerDependenciesMeta?.[name]?.optional !== true)).toEqual([]);
    expect(peers).toEqual(OPTIONAL_PEERS);
  });

  it('are locked as in package.json, to integrity-checked tarballs, with no dependencies of their own', () => {
    expect(lock.packages[''].dependencies).toEqual(pkg.dependencies);
    for (const name of RUNTIME) {
      const entry = lock.packages['node_modules/' + name];
      expect(entry, name).toBeDefined();
      expect(entry.dev, name).toBeUndefined();
      // No `resolved` URL is written (npm then uses the configured registry); the hash pins the tarball.
      if (entry.resolved)
        expect(entry.resolved, name).toMatch(new RegExp(`^https://registry\\.npmjs\\.org/${name}/-/${name}-${entry.version}\\.tgz$`));
      expect(entry.integrity, name).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(entry.dependencies ?? {}, name).toEqual({});
      for (const [peer, meta] of Object.entries((entry.peerDependenciesMeta ?? {}) as { [name: string]: { optional?: boolean } })) {
        expect(meta.optional, `${name} → ${peer}`).toBe(true);
      }
      expect(Object.keys(entry.peerDependencies ?? {}).sort(), name).toEqual(Object.keys(entry.peerDependenciesMeta ?? {}).sort());
      expect(entry.hasInstallScript, name).toBeUndefined();
      // The caret range's floor is the locked version: `npm install` cannot pick an older (patched-away) one.
      expect(pkg.dependencies[name], name).toBe('^' + entry.version);
    }
  });

  it('leave nothing else in the lock file but dev tooling', () => {
    const shipped = Object.entries(lock.packages as { [path: string]: { dev?: boolean; devOptional?: boolean } })
      .filter(([path, entry]) => path && !entry.dev && !entry.devOptional)
      .map(([path]) => path.replace(/^node_modules\//, ''));
    expect(shipped.sort()).toEqual(RUNTIME);
  });
});

const filesUnder = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, pattern) : pattern.test(entry.name) ? [path] : [];
  });

/**
 * Module specifiers of static imports, re-exports and dynamic imports of string literals, read by a real
 * JavaScript parser: the Node-side files bundle parsers (parse5, acorn) whose own strings and code
 * mention `import` and `from`, which a regular expression would take for imports.
 */
const specifiers = (code: string): string[] => {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node != 'object') return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const { type, source } = node as { type?: string; source?: { type: string; value: unknown } };
    if (
      /^(ImportDeclaration|ExportNamedDeclaration|ExportAllDeclaration|ImportExpression)$/.test(type ?? '') &&
      source?.type == 'Literal' &&
      typeof source.value == 'string'
    )
      found.push(source.value);
    for (const [key, child] of Object.entries(node)) if (key != 'loc') walk(child);
  };
  walk(parseModule(code.replace(/^#!.*/, ''), { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
};

const DIST = join(ROOT, 'dist');
describe.runIf(existsSync(join(DIST, 'consentry.min.js')))('the built files', () => {
  const outside = (files: string[]) =>
    new Set(files.flatMap((file) => specifiers(readFileSync(file, 'utf8'))).filter((s) => !s.startsWith('.')));
  // Node side: the rewriter, the consent log service and the `consentry` command (dist/cli.mjs and its chunks under dist/cli/).
  const SERVER = /^(rewrite(-[\w-]+)?|receipts|cli|cli\/[\w-]+)\.mjs$/;

  it('for browsers (npm entry, UI, chunks) import nothing outside the package but the three runtime dependencies', () => {
    const files = filesUnder(DIST, /\.mjs$/).filter((file) => !SERVER.test(relative(DIST, file)));
    expect(files.map((file) => relative(DIST, file))).toContain('consentry.mjs');
    expect([...outside(files)].filter((s) => !RUNTIME.includes(s.split('/')[0]))).toEqual([]);
  });

  it('for Node (rewriter, command line) import only those, the optional peers and Node built-ins', { timeout: 30_000 }, () => {
    const files = filesUnder(DIST, /\.mjs$/).filter((file) => SERVER.test(relative(DIST, file)));
    expect([...outside(files)].filter((s) => !s.startsWith('node:') && ![...RUNTIME, ...OPTIONAL_PEERS].includes(s.split('/')[0]))).toEqual(
      [],
    );
  });

  it('for the script tag are self-contained: no import, no require, no other origin', () => {
    for (const file of filesUnder(DIST, /\.min\.js$/)) {
      const code = readFileSync(file, 'utf8');
      expect(specifiers(code), relative(DIST, file)).toEqual([]);
      expect(code, relative(DIST, file)).not.toMatch(/\brequire\(\s*["']/);
      // Lazy parts come from next to the loader (or ui.assetsUrl): no CDN or tracker URL is built in.
      expect(code.match(/https?:\/\/[^\s"'`)]+/g) ?? [], relative(DIST, file)).toEqual(
        (code.match(/https?:\/\/[^\s"'`)]+/g) ?? []).filter((url) => /^https?:\/\/(www\.w3\.org|[\w.-]*iabgpp|[\w.-]*iab\.com)/.test(url)),
      );
    }
  });
});

describe('the lexer this test relies on', () => {
  it('does not take the word inside a string for a statement', () => {
    expect(specifiers(`if (a === "/export") f(", ");const actions = ['serve', 'export', 'prune'];`)).toEqual([]);
  });

  it('finds static, re-exported and dynamic imports, minified or not', () => {
    expect(specifiers(`import{a as b}from"preact";export{c}from'./x.mjs';import 'js-cookie';const m=import("nanostores")`)).toEqual([
      'preact',
      './x.mjs',
      'js-cookie',
      'nanostores',
    ]);
  });
});
