import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../scripts/size.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const row = (label: RegExp) => {
  const line = readme.split('\n').find((l) => l.startsWith('|') && label.test(l));
  return line ? parseFloat(line.split('|').at(-2)!.trim()) * 1024 : NaN;
};

describe('size budgets', () => {
  it('README states the same budgets the build enforces', () => {
    expect(row(/^\| loader/)).toBe(BUDGETS.loader);
    expect(row(/^\| first visit with a compiled config/)).toBe(BUDGETS.firstVisit);
    expect(row(/^\| first visit with a raw config/)).toBe(BUDGETS.firstVisitRaw);
    expect(row(/^\| each extra language pack/)).toBe(BUDGETS.languagePack);
  });
});
