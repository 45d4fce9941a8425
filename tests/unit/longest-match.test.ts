import { describe, expect, it } from 'vitest';
import * as patterns from '../../src/core/config/patterns';
import { longestMatch } from '../../src/node/config-schema/longest-match';

describe('longestMatch', () => {
  it.each([
    [/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 6],
    [/^([A-Z]{2}(-[A-Z0-9]{1,3})?|default)$/, 7],
    [/^(?!(constructor|prototype)$)[a-z]{3}$/, 3],
    [/^a\.b[\]x]?$/, 4],
    [/^(?:ab|c){2,3}$/, 6],
    [/^x{0}y$/, 1],
  ])('%s matches at most %i characters', (pattern, length) => {
    expect(longestMatch(pattern)).toBe(length);
  });

  it.each([[/^a+$/], [/^a*$/], [/^a{2,}$/], [/^(ab|c+)$/], [/^abc/], [/abc$/], [/^abc\$/]])('%s has no bound', (pattern) => {
    expect(longestMatch(pattern)).toBeUndefined();
  });

  it('bounds exactly the region patterns among the config patterns, and a text of each bound matches', () => {
    const bounded = Object.entries(patterns).filter(([, pattern]) => longestMatch(pattern) !== undefined);
    expect(bounded.map(([name]) => name).sort()).toEqual(['REGION', 'REGION_OR_DEFAULT']);
    expect(patterns.REGION.test('US-CA1')).toBe(true);
    expect(patterns.REGION_OR_DEFAULT.test('default')).toBe(true);
  });
});
