import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyHostFull } from '../../src/node/classify/classify-host-full';
import { hostCategory } from '../../src/core/classify/host-category';
import { FULL_COOKIE_ROWS } from '../../src/node/tables/full-cookies';
import { loadCatalogue, wildcardRegExp } from './fixtures/vendor-catalogue';
import { disagreements } from './fixtures/vendor-table-disagreements';

// Holds the generated tables (scripts/build-tables.mjs) against the vendor catalogue, so that no keyword
// list or data-set mapping moves a vendor into another category again: the generator derives the tables
// from the catalogue first, and any host or name where a table and the catalogue disagree fails here.

describe('vendor catalogue against the generated tables', () => {
  const found = disagreements();

  it('finds no disagreement between the catalogue and any generated table', () => {
    expect(found).toEqual([]);
  });

  it('has no list of known disagreements left in data/vendors/README.md', () => {
    const README = readFileSync(new URL('../../data/vendors/README.md', import.meta.url), 'utf8');
    expect(README).not.toContain('## Known disagreements with the generated tables');
  });

  it("files the case issue 18 reported, the Datadog RUM intake in v2fly's openai list, under analytics", () => {
    expect(classifyHostFull('browser-intake-datadoghq.com')).toMatchObject({
      category: 'analytics',
      basis: 'catalogue',
      provider: expect.stringContaining('Datadog'),
    });
    expect(classifyHostFull('browser-intake-us5-datadoghq.com')).toMatchObject({ category: 'analytics' });
    // And the loader files it the same way (the catalogue's Datadog RUM entry is in the loader tier).
    expect(hostCategory('browser-intake-datadoghq.com')).toBe('analytics');
  });

  it('agrees with the loader host table everywhere', () => {
    expect(found.filter((line) => line.startsWith('loader-hosts '))).toEqual([]);
  });

  it('claims no consent or opt-out record the cookie table knows, not even through a wildcard', () => {
    const choice = /opt.?out|opt_in|consent|privacy|do.?not.?track/i;
    const patterns = loadCatalogue()
      .flatMap((group) => group.vendors)
      .flatMap((vendor) =>
        [...(vendor.cookies ?? []), ...(vendor.localStorage ?? []), ...(vendor.sessionStorage ?? [])].map(
          (pattern) => [vendor.id, pattern, wildcardRegExp(pattern)] as const,
        ),
      );
    const records = FULL_COOKIE_ROWS.map((row) => (row[1] ? row[0] + 'x1' : row[0])).filter((name) => choice.test(name));
    expect(records.length).toBeGreaterThan(10);
    const claimed = records.flatMap((name) =>
      patterns.filter(([, , regexp]) => regexp.test(name)).map(([id, pattern]) => `${name} by ${id} ${pattern}`),
    );
    expect(claimed).toEqual([]);
  });
});
