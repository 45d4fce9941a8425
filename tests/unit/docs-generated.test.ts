import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM scripts without type declarations
import { API_DOCS_PATH, renderApiDocs } from '../../scripts/docs-api.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { CONFIG_DOCS_PATH, renderConfigDocs } from '../../scripts/docs-config.mjs';
import schema from '../../src/core/config/schema.json';

// The references are generated from the schema and the types; regenerating must give the checked-in files,
// so a change to either that was not followed by `node scripts/docs-*.mjs` fails here.

const checkedIn = (url: URL) => readFileSync(url, 'utf8');
const FIX = 'out of date: run `npm run docs` and commit docs/';

describe('docs/config.md', () => {
  const rendered: string = renderConfigDocs();

  it('is what scripts/docs-config.mjs makes of src/core/config/schema.json', () => {
    expect(rendered === checkedIn(CONFIG_DOCS_PATH), FIX).toBe(true);
  });

  it('documents every field of the schema, nested ones included, with its description', () => {
    const missing: string[] = [];
    // Compared without the code marks and escapes the generator adds.
    const plain = (text: string) => text.replace(/[`\\]/g, '');
    const lines = rendered.split('\n').map(plain);
    const walk = (node: any, path: string) => {
      const target = node.type === 'array' && node.items?.properties ? node.items : node;
      for (const [name, field] of Object.entries<any>(target.properties ?? {})) {
        const description = plain(field.description).slice(0, 40);
        const documented =
          lines.some((line) => line.startsWith(`| ${name}`) && line.includes(description)) ||
          lines.some(
            (line, i) => /^#+ /.test(line) && line.replace(/^#+ |\[\]$/g, '') === path + name && lines[i + 2]?.includes(description),
          );
        if (!documented) missing.push(path + name);
        walk(field, `${path}${name}${field.type === 'array' ? '[]' : ''}.`);
      }
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('gives the default and an example of a nested field', () => {
    const row = rendered.split('\n').find((line) => line.startsWith('| `expiresDays`'));
    expect(row).toContain('integer 1–395');
    expect(row).toContain('`182`');
    expect(rendered).toContain('### services[].cookies[]');
  });
});

describe('docs/api.md', () => {
  it('is what scripts/docs-api.mjs makes of the TypeScript sources', { timeout: 180_000 }, () => {
    const rendered: string = renderApiDocs();
    expect(rendered === checkedIn(API_DOCS_PATH), FIX).toBe(true);
    for (const name of [
      'createConsent',
      'validateConfig',
      'ConfigError',
      'Consent',
      'ConsentEvents',
      'ConsentState',
      'ConsentryConfig',
      'ConsentryGlobal',
    ]) {
      expect(rendered).toContain(`### ${name}\n`);
    }
  });
});
