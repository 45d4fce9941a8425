import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { runMigrate } from '../../src/node/migrate/cli';

const dir = mkdtempSync(join(tmpdir(), 'consentry-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runMigrate(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

// Loading the TypeScript parser takes seconds on a busy machine.
describe('consentry migrate <file>', { timeout: 60_000 }, () => {
  it('--compiled prints the converted config compiled: the validated settings the loader applies without the validator', async () => {
    const { readCompiled } = await import('../../src/core/config/compiled');
    const path = file('cookieconsent-compiled.js', `CookieConsent.run({ categories: { necessary: { readOnly: true }, analytics: {} } });`);
    const plain = await run(path);
    expect(plain.stderr).toMatch(/consentry build-config <saved file> --compiled\n$/);
    const { code, stdout, stderr } = await run(path, '--compiled');
    expect(code).toBe(0);
    const compiled = JSON.parse(stdout);
    expect(compiled.consentryCompiled).toBe(__VERSION__);
    expect(readCompiled(compiled, __VERSION__)).toEqual(JSON.parse(JSON.stringify(validateConfig(JSON.parse(plain.stdout), () => {}))));
    expect(stderr).toMatch(/converted a vanilla-cookieconsent config; .*\n$/);
  });

  it('prints the converted config of a JS file as JSON, and the notes on stderr', async () => {
    const path = file(
      'cookieconsent-init.js',
      `CookieConsent.run({ categories: { necessary: { readOnly: true }, analytics: {} }, onChange: () => {} });`,
    );
    const { code, stdout, stderr } = await run(path);
    expect(code).toBe(0);
    const config = JSON.parse(stdout);
    expect(() => validateConfig(config, () => {})).not.toThrow();
    expect(stderr).toMatch(/^note: onChange: callbacks are code/m);
    expect(stderr).toMatch(/^note: categories\.necessary: became consentry's "essential"/m);
    expect(stderr).toMatch(/converted a vanilla-cookieconsent config; \d+ note\(s\)/);
  });

  it('reads JSON, guesses klaro from its services list, and writes --out', async () => {
    const path = file('klaro.json', JSON.stringify({ services: [{ name: 'youtube', purposes: ['marketing'] }] }));
    const out = join(dir, 'consent.json');
    const { code, stdout, stderr } = await run(path, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).services).toEqual([{ id: 'youtube', category: 'advertising', name: 'youtube' }]);
    expect(stderr).toMatch(/converted a klaro config into .*consent\.json/);
  });

  it('takes --from when the config does not say which tool it is for', async () => {
    const path = file('ambiguous.json', '{}');
    expect((await run(path)).stderr).toMatch(/neither a vanilla-cookieconsent nor a klaro config; say which with --from/);
    const { code, stderr } = await run(path, '--from=klaro');
    expect(code).toBe(2);
    expect(stderr).toMatch(/no "services" list/);
  });

  it('answers bad input with exit code 2 and one readable line', async () => {
    for (const [argv, message] of [
      [[], /give the old config file/],
      [[join(dir, 'missing.js')], /cannot read it \(ENOENT\)/],
      [[file('broken.json', '{"services": [')], /not valid JSON/],
      [[file('nothing.js', 'console.log(1)')], /no config object found/],
      [['a.js', '--from', 'cookiebot'], /--from cookiebot: use vanilla-cookieconsent or klaro/],
      [['a.js', '--bogus'], /unknown option --bogus/],
      [[file('v2.js', `initCookieConsent().run({ current_lang: 'en', languages: {} })`)], /v2 config/],
    ] as const) {
      const { code, stderr } = await run(...argv);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: consentry migrate <old-config\.js\|\.json>/);
  });
});
