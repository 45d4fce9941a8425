import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/node/cli/classify/classifier';
import { builtInTables } from '../../src/node/cli/classify/tables';
import { configJson, escapeJsonForHtml, inlineConfigElement } from '../../src/node/cli/inline-config';
import { aggregate } from '../../src/node/cli/report/aggregate';
import { draftConfig } from '../../src/node/cli/report/draft-config';
import type { ScanReport } from '../../src/node/cli/report/scan-report';
import { writeScanOutputs } from '../../src/node/cli/report/write-outputs';
import type { PageVisit } from '../../src/node/cli/types';
import { readCompiled } from '../../src/core/config/compiled';
import { validateConfig } from '../../src/core/config/validate';
import { runMigrate } from '../../src/node/migrate/cli';

const dir = mkdtempSync(join(tmpdir(), 'consentry-inline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A banner text a CMS user might type, and what it does to a page when pasted in raw.
const HOSTILE = 'Cookies & more </script><script>alert(1)</script><!-- \u2028\u2029 > end';
const config = { revision: 1, texts: { en: { bannerTitle: HOSTILE } } };

/** The `<script>` elements a spec-compliant HTML parser (parse5, as a browser parses) finds in a page. */
function scriptsIn(html: string) {
  const found: { attrs: Record<string, string>; text: string }[] = [];
  const walk = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (child.nodeName == 'script') {
        const element = child as T.Element;
        const text = element.childNodes.map((text) => (text as T.TextNode).value ?? '').join('');
        found.push({ attrs: Object.fromEntries(element.attrs.map(({ name, value }) => [name, value])), text });
      }
      if ('childNodes' in child) walk(child as T.ParentNode);
    }
  };
  walk(parse(`<!doctype html><html><head>${html}</head><body></body></html>`));
  return found;
}

describe('the inline form of a config (issue 24 #13)', () => {
  it('raw JSON in the element is broken out of by a text containing </script>: what this guards against', () => {
    const raw = `<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>`;
    expect(scriptsIn(raw).map((script) => script.text)).toContain('alert(1)');
  });

  it('is one element whose text parses back to the same config', () => {
    const scripts = scriptsIn(inlineConfigElement(config));
    expect(scripts).toHaveLength(1);
    expect(scripts[0].attrs).toEqual({ type: 'application/json', id: 'consentry-config' });
    expect(JSON.parse(scripts[0].text)).toEqual(config);
    expect(validateConfig(scripts[0].text, () => {}).texts).toMatchObject({ en: { bannerTitle: HOSTILE } });
  });

  it('writes <, >, &, U+2028 and U+2029 as \\u escapes, and nothing else differently', () => {
    expect(escapeJsonForHtml(JSON.stringify('<a> & \u2028\u2029'))).toBe('"\\u003ca\\u003e \\u0026 \\u2028\\u2029"');
    expect(configJson(config)).not.toMatch(/[<>&\u2028\u2029]/);
    expect(configJson({ a: 'plain "text" é 中文' })).toBe(JSON.stringify({ a: 'plain "text" é 中文' }));
    expect(configJson(config, 2)).toBe(escapeJsonForHtml(JSON.stringify(config, null, 2)));
  });

  it('carries a nonce (or a template placeholder) as given, and refuses one that could end the attribute', () => {
    expect(scriptsIn(inlineConfigElement(config, { nonce: '{{ cspNonce }}' }))[0].attrs.nonce).toBe('{{ cspNonce }}');
    expect(() => inlineConfigElement(config, { nonce: 'x" onload="alert(1)' })).toThrow(RangeError);
  });
});

describe('every config the CLI writes is escaped the same way', () => {
  it('consentry migrate', async () => {
    const path = join(dir, 'klaro.json');
    // Old texts are HTML: migrate drops tags but decodes entities, so `&lt;/script&gt;` becomes `</script>`.
    writeFileSync(path, JSON.stringify({ services: [{ name: 'ga', purposes: ['analytics'], title: 'GA &lt;/script&gt;<b>x</b> & co' }] }));
    let stdout = '';
    const code = await runMigrate([path], { stdout: (text) => void (stdout += text), stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[<>&]/);
    expect(stdout).toContain('"name": "GA \\u003c/script\\u003ex \\u0026 co"');
    expect(JSON.parse(stdout).services[0].name).toBe('GA </script>x & co');
  });

  it("the scanner's draft consentry.config.json", async () => {
    const settings = validateConfig(
      { services: [{ id: 'shop', category: 'essential', name: 'Shop </script> & co', cookies: [{ name: 'sid' }] }] },
      () => {},
    );
    const origin = 'http://127.0.0.1:4000';
    const visits: PageVisit[] = [
      {
        url: origin + '/',
        depth: 0,
        status: 200,
        error: null,
        timedOut: false,
        consentry: true,
        consentBy: 'click',
        links: [],
        snapshots: [
          {
            phase: 'before-consent',
            url: origin + '/',
            storage: [],
            requests: [],
            cookies: [
              {
                name: 'sid',
                domain: '127.0.0.1',
                path: '/',
                expires: null,
                httpOnly: true,
                secure: false,
                sameSite: 'Lax',
                setBy: { kind: 'unknown' },
              },
            ],
          },
        ],
      },
    ];
    const findings = aggregate(visits, createClassifier({ tables: builtInTables, settings, siteOrigin: origin }), origin);
    const report: ScanReport = {
      tool: { name: 'consentry', version: 'test' },
      startUrl: origin + '/',
      origin,
      scannedAt: new Date(0).toISOString(),
      durationMs: 1,
      consentry: true,
      pages: [],
      ...findings,
      visits,
    };
    await writeScanOutputs(join(dir, 'scan'), report, settings);
    const written = readFileSync(join(dir, 'scan/consentry.config.json'), 'utf8');
    expect(written).toContain('Shop \\u003c/script\\u003e \\u0026 co');
    expect(written).not.toMatch(/[<>&]/);
    expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(draftConfig(report, settings))));
    // Beside it, the same draft compiled: the production form the loader applies without the validator.
    const compiled = readFileSync(join(dir, 'scan/consentry.compiled.json'), 'utf8');
    expect(compiled).not.toMatch(/[<>&]/);
    expect(readCompiled(JSON.parse(compiled), __VERSION__)).toEqual(
      JSON.parse(JSON.stringify(validateConfig(JSON.parse(written), () => {}))),
    );
  });
});
