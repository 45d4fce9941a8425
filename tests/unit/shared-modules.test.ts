import { describe, expect, it } from 'vitest';
import SHARED_MODULES from '../../src/loader/shared-modules.json';
import { SHARED } from '../../src/loader/face';

// The build reads src/loader/shared-modules.json to turn the parts file's imports into reads of what the
// loader shares (SHARED). A name listed there but missing here would read undefined in the browser; a name
// shared here but not listed would be carried twice.
describe('the modules the loader shares with its parts file', () => {
  it('lists exactly the names SHARED holds', () => {
    expect(Object.values(SHARED_MODULES).flat().sort()).toEqual(Object.keys(SHARED).sort());
  });

  it.each(Object.entries(SHARED_MODULES))('%s exports %s, the very values SHARED hands out', async (module, names) => {
    const exported = await import(`../../${module}`);
    for (const name of names) expect(exported[name]).toBe(SHARED[name as keyof typeof SHARED]);
  });
});
