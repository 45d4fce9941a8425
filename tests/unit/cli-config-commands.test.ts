import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT } from './package-dist';

// `consentry validate` and `consentry build-config`, as the BUILT command (dist/cli.mjs) answers a CI job.
const cli = join(ROOT, 'dist/cli.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'consentry-config-cli-'));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), name);
beforeAll(ensureDist, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = 'Cookies & you </script><script>alert(1)</script>\u2028';
const VALID = { revision: 3, texts: { en: { bannerTitle: TITLE } } };

describe('consentry validate <config.json>', () => {
  it('exit 0 for a valid config, with the file named', () => {
    const result = run('validate', file('valid.json', JSON.stringify(VALID)));
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('valid.json: valid\n');
    expect(result.status).toBe(0);
  });

  it('exit 1 for an invalid one, with every problem at once and where it is', () => {
    const result = run(
      'validate',
      file('invalid.json', JSON.stringify({ revision: 'x', categories: [{ id: 'Bad Id' }], ui: { layout: 'sideways' } })),
    );
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('invalid.json: invalid, 3 problem(s)');
    expect(lines.slice(1).map((line) => line.trim().split(':')[0])).toEqual(['revision', 'categories[0].id', 'ui.layout']);
  });

  it('exit 1 for text that is not JSON, as the page would refuse it', () => {
    const result = run('validate', file('broken.json', '{"revision": 1,'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^broken\.json: invalid, 1 problem\(s\)\n {2}config: is not valid JSON: /);
  });

  it('lists warnings without failing', () => {
    const result = run('validate', file('warned.json', JSON.stringify({ cookie: { expiresDays: 390 } })));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^warned\.json: valid, 1 warning\(s\)\nwarning: cookie\.expiresDays: /);
  });

  it('--json: the same answer for a machine', () => {
    const invalid = run('validate', '--json', 'invalid.json');
    expect(invalid.status).toBe(1);
    expect(JSON.parse(invalid.stdout)).toEqual({
      file: 'invalid.json',
      valid: false,
      problems: [
        { path: 'revision', message: expect.any(String) },
        { path: 'categories[0].id', message: expect.any(String) },
        { path: 'ui.layout', message: expect.any(String) },
      ],
      warnings: [],
    });
    const valid = run('validate', 'valid.json', '--json');
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ file: 'valid.json', valid: true, problems: [], warnings: [] });
  });

  it('exit 2 for a file it cannot read, and for bad usage; --json still answers in JSON', () => {
    const missing = run('validate', 'missing.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('consentry validate: missing.json: cannot read it (ENOENT)\n');
    expect(run('validate', '.')).toMatchObject({ status: 2, stderr: 'consentry validate: .: cannot read it (EISDIR)\n' });
    const json = run('validate', '--json', 'missing.json');
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ file: 'missing.json', valid: null, error: 'missing.json: cannot read it (ENOENT)' });
    for (const args of [['validate'], ['validate', 'a.json', 'b.json'], ['validate', '--strict', 'valid.json']]) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^consentry validate: .+\n\nUsage: consentry validate <config\.json> \[--json\]/);
      expect(result.stdout).toBe('');
    }
  });

  it('--help: exit 0 with the usage', () => {
    const result = run('validate', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: consentry validate <config\.json> \[--json\]\n[\s\S]*Exit codes: 0 valid/);
  });
});

/** The `<script>` elements a spec-compliant HTML parser (parse5, as a browser parses) finds in a `<head>`. */
function scriptsIn(html: string) {
  const head = (parse(`<!doctype html><html><head>${html}</head></html>`).childNodes[1] as T.Element).childNodes[0] as T.Element;
  return head.childNodes
    .filter((node): node is T.Element => node.nodeName == 'script')
    .map((script) => ({
      attrs: Object.fromEntries(script.attrs.map((a) => [a.name, a.value])),
      text: (script.childNodes[0] as T.TextNode)?.value ?? '',
    }));
}

describe('consentry build-config <config.json>', () => {
  it('prints the complete inline element, escaped, that parses back to the same config', () => {
    const result = run('build-config', 'valid.json');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      '<script type="application/json" id="consentry-config">{"revision":3,"texts":{"en":{"bannerTitle":"Cookies \\u0026 you \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u2028"}}}</script>\n',
    );
    const scripts = scriptsIn(result.stdout);
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0].text)).toEqual(VALID);
  });

  it('--json prints only the escaped JSON; --nonce adds the attribute', () => {
    const json = run('build-config', 'valid.json', '--json');
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json.stdout)).toEqual(VALID);
    const nonce = run('build-config', 'valid.json', '--nonce', '{{ cspNonce }}');
    expect(nonce.status).toBe(0);
    expect(scriptsIn(nonce.stdout)[0].attrs).toEqual({ type: 'application/json', id: 'consentry-config', nonce: '{{ cspNonce }}' });
  });

  it('--compiled prints the validated settings marked with this release and their hash, escaped; the loader check accepts them', async () => {
    const { readCompiled, hashOf } = await import('../../src/core/config/compiled');
    const { validateConfig } = await import('../../src/core/config/validate');
    const json = run('build-config', 'valid.json', '--compiled', '--json');
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(/[<>&\u2028]/);
    const compiled = JSON.parse(json.stdout);
    expect(compiled.consentryCompiled).toBe(__VERSION__);
    expect(compiled.hash).toBe(hashOf(JSON.stringify(compiled.settings)));
    // Every default filled in: the validator's own answer, not the config as written.
    expect(compiled.settings).toEqual(JSON.parse(JSON.stringify(validateConfig(VALID, () => {}))));
    expect(readCompiled(compiled, __VERSION__)).toEqual(compiled.settings);
    const element = run('build-config', 'valid.json', '--compiled', '--nonce', 'n');
    expect(JSON.parse(scriptsIn(element.stdout)[0].text)).toEqual(compiled);
    // An invalid config is never compiled.
    expect(run('build-config', file('invalid-compiled.json', '{"revision":"x"}'), '--compiled')).toMatchObject({ status: 1, stdout: '' });
  });

  it('exit 1 for an invalid config: every problem on stderr, nothing to paste on stdout', () => {
    const result = run('build-config', 'invalid.json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^consentry build-config: invalid\.json: invalid, 3 problem\(s\)\n {2}revision: /);
  });

  it('warnings go to stderr, the element to stdout', () => {
    const result = run('build-config', 'warned.json');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning: cookie\.expiresDays: /);
    expect(result.stdout).toBe('<script type="application/json" id="consentry-config">{"cookie":{"expiresDays":390}}</script>\n');
  });

  it('exit 2 for an unreadable file and bad usage', () => {
    expect(run('build-config', 'missing.json')).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'consentry build-config: missing.json: cannot read it (ENOENT)\n',
    });
    expect(run('build-config', 'valid.json', '--nonce', 'a"b')).toMatchObject({ status: 2, stdout: '' });
    expect(run('build-config', 'valid.json', '--json', '--nonce', 'n')).toMatchObject({ status: 2, stdout: '' });
    expect(run('build-config')).toMatchObject({ status: 2, stdout: '' });
    expect(run('build-config', '--help')).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Usage: consentry build-config <config\.json>/),
    });
  });
});

describe('the main usage', () => {
  it('lists both commands and what scan and check need installed', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/consentry validate <config\.json>/);
    expect(result.stdout).toMatch(/consentry build-config <config\.json>/);
    expect(result.stdout).toMatch(/scan and check need playwright-core \(npm i -D playwright-core\) and Chromium/);
  });
});
