import { expect, expectTypeOf, it } from 'vitest';
import type { Checked } from '../../src/core/config/checks';
import type { Canon, Fits } from '../../src/core/config/same-shape';
import { configSpec, type SpecMatchesTypes } from '../../src/core/config/spec';
import type { ConsentryConfig } from '../../src/core/config/types';

/*
 * spec.ts's `SpecMatchesTypes` makes tsc (run by `npm test`) fail when the validator's spec and `ConsentryConfig`
 * drift. These drifted copies show that the comparison can fail: each `@ts-expect-error` is itself an error
 * once the drift it stands for is no longer reported.
 */
type Spec = Checked<typeof configSpec>;
type Ui = NonNullable<Spec['ui']>;

// A key the types have and the spec lacks (an optional one: plain assignability would miss it).
// @ts-expect-error
type MissingKey = Fits<Canon<ConsentryConfig>, Canon<Omit<Spec, 'ui'> & { ui?: Omit<Ui, 'theme'> }>>;
// A key the spec has and the types lack (caught the other way round, as SpecMatchesTypes does).
// @ts-expect-error
type ExtraKey = Fits<Canon<Omit<Spec, 'ui'> & { ui?: Ui & { colour?: string } }>, Canon<ConsentryConfig>>;
// A key required on one side only.
// @ts-expect-error
type Optionality = Fits<Canon<ConsentryConfig>, Canon<Omit<Spec, 'receipts'> & { receipts?: { endpoint?: string } }>>;
// A value of another type.
// @ts-expect-error
type ValueType = Fits<Canon<ConsentryConfig>, Canon<Omit<Spec, 'revision'> & { revision?: string }>>;
// The same shape fits.
type Same = [SpecMatchesTypes, Fits<Canon<ConsentryConfig>, Canon<Spec>>];

it('is checked by tsc (the types above); at run time the spec is a plain check function', () => {
  expectTypeOf<[MissingKey, ExtraKey, Optionality, ValueType, Same]>().not.toBeAny();
  expect(typeof configSpec).toBe('function');
});
