import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_NAMES } from '../../src/loader/language-packs';
import { ensureDist, ROOT, sh } from './package-dist';

// What `npm publish` would ship: exactly the build (without source maps), the schema inside it, the README,
// the licence, the changelog, the third-party notices and package.json. Needs dist/: built here when missing.

const pkg = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8'));

let files: string[] = [];
beforeAll(async () => {
  await ensureDist();
  const [report] = JSON.parse(sh('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']));
  files = report.files.map((file: { path: string }) => file.path).sort();
}, 600_000);

describe('npm pack', () => {
  it('ships only dist/ (no source maps), README.md, LICENSE, CHANGELOG.md, THIRD_PARTY_NOTICES and package.json', () => {
    const declaredBins = Object.values<string>(typeof pkg.bin == 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {})).map((p) =>
      p.replace(/^\.\//, ''),
    );
    const allowed = (path: string) =>
      (path.startsWith('dist/') && !path.endsWith('.map')) ||
      ['README.md', 'LICENSE', 'CHANGELOG.md', 'THIRD_PARTY_NOTICES', 'package.json', ...declaredBins].includes(path);
    expect(files.filter((path) => !allowed(path))).toEqual([]);
  });

  it('ships everything the package names: entries, types, schema, script-tag files, licence and notices', () => {
    const named = [
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'THIRD_PARTY_NOTICES',
      'package.json',
      'dist/consentry.mjs',
      'dist/consentry.d.ts',
      'dist/consentry.schema.json',
      'dist/consentry.min.js',
      'dist/consentry-ui.min.js',
      'dist/chunks/core.mjs',
      'dist/chunks/ui.mjs',
    ];
    // Every file package.json points to (exports, main, types, bin) must be in the tarball.
    const targets = (value: unknown): string[] =>
      typeof value == 'string' ? [value] : value && typeof value == 'object' ? Object.values(value).flatMap(targets) : [];
    const pointed = [...targets(pkg.exports), pkg.main, pkg.module, pkg.types, ...targets(pkg.bin)]
      .filter(Boolean)
      .map((p: string) => p.replace(/^\.\//, ''));
    expect([...named, ...pointed].filter((path) => !files.includes(path))).toEqual([]);
    expect(files.some((path) => path.startsWith('dist/i18n/'))).toBe(true);
  });

  it('has an MIT licence for "consentry contributors" that matches package.json, and a changelog entry for this version', () => {
    expect(pkg.license).toBe('MIT');
    const licence = readFileSync(ROOT + 'LICENSE', 'utf8');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} consentry contributors\n/);
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
    expect(readFileSync(ROOT + 'CHANGELOG.md', 'utf8')).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  it('names its repository, homepage and bug tracker (the npm page links the README through them)', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/consentry/consentry.git' });
    expect(pkg.homepage).toBe('https://github.com/consentry/consentry#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/consentry/consentry/issues' });
  });

  it('names the types of every JavaScript export, the script-tag file included', () => {
    const untyped = Object.entries<string | { types?: string }>(pkg.exports)
      .filter(([, target]) => (typeof target == 'string' ? /\.m?js$/.test(target) : !target.types))
      .map(([name]) => name);
    expect(untyped).toEqual([]);
    expect(files).toContain('dist/consentry.min.d.ts');
  });

  it('credits the third-party data its tables come from, with their licences', () => {
    const notices = readFileSync(ROOT + 'THIRD_PARTY_NOTICES', 'utf8');
    for (const credit of ['Open Cookie Database', 'Apache License', 'v2fly/domain-list-community', 'MIT'])
      expect(notices).toContain(credit);
  });
});

// What each shipped file holds, not only that it exists: a chunk renamed or merged by the bundler would pass
// the lists above and still ship Preact to every npm user, or the banner to no one.
describe('what each built file holds', () => {
  const read = (path: string) => readFileSync(ROOT + 'dist/' + path, 'utf8');
  const imports = (code: string) => [...code.matchAll(/^import (?:.* from )?'([^']+)';$/gm)].map((m) => m[1]);

  it('dist/consentry.mjs only re-exports the public API from the core chunk', () => {
    const entry = read('consentry.mjs');
    expect(entry).toMatch(/^export \{[^}]*\bcreateConsent\b[^}]*\} from '\.\/chunks\/core\.mjs';$/m);
    expect(entry).not.toMatch(/\bfunction\b/);
  });

  it('dist/chunks/core.mjs is the npm core: runtime, validator and policy, no Preact renderer and no UI', () => {
    const core = read('chunks/core.mjs');
    for (const name of ['createConsent', 'validateConfig', 'decide', 'createRuntime'])
      expect(core).toMatch(new RegExp(`\\bfunction ${name}\\(`));
    // useConsent needs the hooks; the renderer (`preact`) belongs to the UI chunk only.
    expect(imports(core).filter((module) => module.startsWith('preact'))).toEqual(['preact/hooks']);
    expect(core).not.toMatch(/\bfunction (Banner|Preferences|App)\(/);
    expect(core).not.toContain('Accept all');
  });

  it('dist/chunks/ui.mjs is the UI: Preact’s render, the banner and the preferences, English texts', () => {
    const ui = read('chunks/ui.mjs');
    expect(ui).toMatch(/^import \{[^}]*\brender\b[^}]*\} from 'preact';$/m);
    for (const name of ['Banner', 'Preferences']) expect(ui).toMatch(new RegExp(`\\bfunction ${name}\\(`));
    expect(ui).toContain('Accept all');
    expect(ui).toMatch(/^export \{[^}]*\bshow\b[^}]*\};?$/m);
  });

  it('the core imports the UI, each language pack and the GPP part lazily, each from a chunk of its own', () => {
    const lazy = [...read('chunks/core.mjs').matchAll(/import\('\.\/([\w-]+)\.mjs'\)/g)].map((m) => m[1]).sort();
    expect(lazy).toEqual(['gpp', 'ui', ...PACK_NAMES].sort());
    for (const lang of PACK_NAMES) expect(read(`chunks/${lang}.mjs`)).toMatch(/export \{ \w+ as default \}/);
    expect(read('chunks/gpp.mjs')).toMatch(/\bfunction installGpp\(/);
  });

  it('the script-tag files: the loader carries no banner, the UI file carries the banner and Preact', () => {
    const loader = read('consentry.min.js');
    const ui = read('consentry-ui.min.js');
    expect(loader).not.toContain('Accept all');
    expect(ui).toContain('Accept all');
    // Preact's renderer is the only code in the package that knows this prop.
    expect(ui).toContain('dangerouslySetInnerHTML');
    expect(loader).not.toContain('dangerouslySetInnerHTML');
    expect(ui).toContain('__consentryUi');
    expect(read('consentry-parts.min.js')).toContain('__consentryParts');
  });
});
