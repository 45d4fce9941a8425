import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT } from './package-dist';

/*
 * Every command on first use, as a user gets it: the package's published files (dist/, bin/, package.json)
 * in a scratch project's node_modules, and nothing else installed: no parse5, no acorn, no TypeScript, no
 * playwright-core. Then the same project with TypeScript 7 installed.
 */
const project = mkdtempSync(join(tmpdir(), 'consentry-first-use-'));
const bin = join(project, 'node_modules/consentry/bin/consentry.mjs');
const consentry = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_PATH: '', ...env } });

const VANILLA_JS = `CookieConsent.run({ categories: { necessary: { readOnly: true }, analytics: { autoClear: { cookies: [{ name: /^_ga/ }] } } } });`;
const VANILLA_TS = `import type { CookieConsentConfig } from 'vanilla-cookieconsent';
const config: CookieConsentConfig = { categories: { necessary: { readOnly: true }, analytics: {} } } satisfies CookieConsentConfig;
export default config;`;

/**
 * TypeScript 7 as npm installs it (7.0.2): a native compiler whose package's main export is only its
 * version (lib/version.cjs); the JS compiler API (`ts.ScriptKind`…) is gone. `migrate` crashed on it with
 * "Cannot read properties of undefined (reading 'JS')".
 */
function installTypeScript7Shape() {
  const dir = join(project, 'node_modules/typescript');
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'typescript',
      version: '7.0.2',
      type: 'module',
      exports: { '.': './lib/version.cjs', './package.json': './package.json' },
    }),
  );
  writeFileSync(
    join(dir, 'lib/version.cjs'),
    'const { version } = require("../package.json");\nexports.version = version;\nexports.versionMajorMinor = "7.0";\n',
  );
}

beforeAll(async () => {
  await ensureDist();
  const pkg = join(project, 'node_modules/consentry');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'bin/consentry.mjs'), join(pkg, 'bin/consentry.mjs'));
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  mkdirSync(join(project, 'site'));
  writeFileSync(join(project, 'site/index.html'), '<!doctype html><script src="https://hm.baidu.com/hm.js?1"></script><p>hi</p>');
  writeFileSync(join(project, 'cookieconsent-config.js'), VANILLA_JS);
  writeFileSync(join(project, 'cookieconsent-config.ts'), VANILLA_TS);
  writeFileSync(join(project, 'consent.json'), JSON.stringify({ revision: 1 }));
}, 600_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the consentry command in a project with nothing else installed', () => {
  it('really has nothing else: none of the packages the commands use resolve from the project', () => {
    const require = createRequire(join(project, 'package.json'));
    for (const name of ['parse5', 'acorn', '@sveltejs/acorn-typescript', 'typescript', 'playwright-core'])
      expect(() => require.resolve(name), name).toThrow();
  });

  it('rewrite --help and rewrite work (parse5 is in the build)', () => {
    expect(consentry(['rewrite', '--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: consentry rewrite/) });
    const result = consentry(['rewrite', 'site', 'out']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(project, 'out/index.html'), 'utf8')).toContain('data-src="https://hm.baidu.com/hm.js?1"');
  });

  it("import 'consentry/rewrite' works too", () => {
    const script = `import { rewriteDirectory, validateConfig } from 'consentry/rewrite';
      const result = await rewriteDirectory('site', 'out-api', { settings: validateConfig({}) });
      console.log(result.heldTags);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('1\n');
  });

  it('migrate reads a JavaScript and a TypeScript config (acorn is in the build)', () => {
    for (const file of ['cookieconsent-config.js', 'cookieconsent-config.ts']) {
      const result = consentry(['migrate', file]);
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).blocking.categoryAliases).toEqual({ necessary: 'essential' });
    }
  });

  it('validate and build-config need nothing', () => {
    expect(consentry(['validate', 'consent.json'])).toMatchObject({ status: 0, stdout: 'consent.json: valid\n' });
    expect(consentry(['build-config', 'consent.json'])).toMatchObject({
      status: 0,
      stdout: '<script type="application/json" id="consentry-config">{"revision":1}</script>\n',
    });
  });

  it('scan and check: --help works, and a run says in one line what to install, with exit 2 and no stack trace', () => {
    for (const command of ['scan', 'check']) {
      expect(consentry([command, '--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage:/) });
      // Port 9 has nothing listening: the install line comes before any request to the site.
      const neither = consentry([command, 'http://127.0.0.1:9/'], { CHROMIUM_PATH: join(project, 'no-chromium') });
      expect(neither.status).toBe(2);
      expect(neither.stdout).toBe('');
      expect(neither.stderr).toBe(
        `consentry: ${command} needs playwright-core and Chromium: npm i -D playwright-core; Chromium was not found at ${join(project, 'no-chromium')} ` +
          '(CHROMIUM_PATH): sudo apt-get install -y chromium (macOS: brew install --cask chromium), or give its path with --chromium or CHROMIUM_PATH\n',
      );
      // A browser that exists (any file stands in: it is not started), but no playwright-core.
      const noPlaywright = consentry([command, 'http://127.0.0.1:9/', '--chromium', process.execPath]);
      expect(noPlaywright).toMatchObject({
        status: 2,
        stderr: `consentry: ${command} needs playwright-core (it drives your Chromium): npm i -D playwright-core\n`,
      });
    }
  });
});

describe('the same project with TypeScript 7 installed', () => {
  beforeAll(installTypeScript7Shape);

  it('has the TypeScript 7 shape that crashed migrate: no compiler API where the old code looked for it', () => {
    // What the old migrate did: `(await import('typescript')).default`, then `ts.ScriptKind.JS`.
    const script = `const ts = (await import('typescript')).default; console.log(ts.version, typeof ts.ScriptKind);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(result.stdout).toBe('7.0.2 undefined\n');
  });

  it('migrate still reads JavaScript and TypeScript configs', () => {
    for (const file of ['cookieconsent-config.js', 'cookieconsent-config.ts']) {
      const result = consentry(['migrate', file]);
      expect(result.stderr).not.toMatch(/unexpected error|reading 'JS'/);
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).blocking.categoryAliases).toEqual({ necessary: 'essential' });
    }
  });
});
