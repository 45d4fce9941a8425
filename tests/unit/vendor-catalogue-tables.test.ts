import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FULL_COOKIE_ROWS } from '../../src/blocking/tables/full-cookies';
import { loadCatalogue, wildcardRegExp } from './fixtures/vendor-catalogue';
import { disagreements } from './fixtures/vendor-table-disagreements';

// Holds the generated tables (scripts/build-tables.mjs) against the vendor catalogue, so that no keyword
// list or data-set mapping moves a vendor into another category unnoticed. The known disagreements are
// written in data/vendors/README.md for the step that regenerates the tables from the catalogue; this
// test fails when a new one appears and when one listed there is fixed.

const README = readFileSync(new URL('../../data/vendors/README.md', import.meta.url), 'utf8');

function knownDisagreements(): string[] {
  const section = README.split('## Known disagreements with the generated tables')[1];
  expect(section, 'README section "Known disagreements with the generated tables"').toBeDefined();
  const block = /```text\n([\s\S]*?)```/.exec(section!);
  expect(block, 'a ```text block in that section').not.toBeNull();
  return block![1]!.split('\n').filter(Boolean);
}

describe('vendor catalogue against the generated tables', () => {
  const found = disagreements();

  it('finds exactly the disagreements data/vendors/README.md lists', () => {
    const known = knownDisagreements();
    expect(found.filter((line) => !known.includes(line)), 'new: add to the README list or fix the catalogue').toEqual([]);
    expect(known.filter((line) => !found.includes(line)), 'fixed: delete from the README list').toEqual([]);
  });

  it('catches the case issue 18 reported: a RUM intake host filed under advertising by a list', () => {
    expect(found).toContainEqual(expect.stringMatching(/^full-hosts browser-intake-datadoghq\.com: table advertising .* catalogue analytics \(datadog-rum\)$/));
  });

  it('agrees with the loader host table everywhere', () => {
    expect(found.filter((line) => line.startsWith('loader-hosts '))).toEqual([]);
  });

  it('claims no consent or opt-out record the cookie table knows, not even through a wildcard', () => {
    const choice = /opt.?out|opt_in|consent|privacy|do.?not.?track/i;
    const patterns = loadCatalogue()
      .flatMap((group) => group.vendors)
      .flatMap((vendor) => [...(vendor.cookies ?? []), ...(vendor.localStorage ?? []), ...(vendor.sessionStorage ?? [])].map((pattern) => [vendor.id, pattern, wildcardRegExp(pattern)] as const));
    const records = FULL_COOKIE_ROWS.map((row) => (row[1] ? row[0] + 'x1' : row[0])).filter((name) => choice.test(name));
    expect(records.length).toBeGreaterThan(10);
    const claimed = records.flatMap((name) => patterns.filter(([, , regexp]) => regexp.test(name)).map(([id, pattern]) => `${name} by ${id} ${pattern}`));
    expect(claimed).toEqual([]);
  });
});
