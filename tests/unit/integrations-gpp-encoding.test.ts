import { GppModel } from '@iabgpp/cmpapi';
import { describe, expect, it } from 'vitest';
import { base64Url, fibonacci, fibonacciRange, fixedInt } from '../../src/iab/gpp/encoding';
import { gppHeader, gppString } from '../../src/iab/gpp/gpp-string';
import { encodeUsNat, usnatFor, USNAT_ID } from '../../src/iab/gpp/usnat';
import { settingsWith, stateWith } from '../e2e/integrations/fixtures';

describe('GPP data types', () => {
  it('codes integers in fixed widths and refuses what does not fit', () => {
    expect(fixedInt(3, 6)).toBe('000011');
    expect(fixedInt(0, 2)).toBe('00');
    expect(() => fixedInt(4, 2)).toThrow(RangeError);
    expect(() => fixedInt(-1, 2)).toThrow(RangeError);
  });

  it('codes Fibonacci integers as in the spec table (1 → 11 … 7 → 01011)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(fibonacci)).toEqual(['11', '011', '0011', '1011', '00011', '10011', '01011']);
    expect(() => fibonacci(0)).toThrow(RangeError);
  });

  it('codes ranges relative to the previous group, a range end relative to its start', () => {
    expect(fibonacciRange([2])).toBe('000000000001' + '0' + '011');
    expect(fibonacciRange([6, 2])).toBe('000000000010' + '0011' + '01011');
    expect(fibonacciRange([5, 6])).toBe('000000000001' + '1' + '00011' + '11');
  });

  it('pads Base64-URL to whole characters with zero bits and no "="', () => {
    expect(base64Url('000011000001')).toBe('DB');
    expect(base64Url('011')).toBe('Y');
    expect(base64Url('111111' + '111110')).toBe('_-');
  });
});

describe('GPP header', () => {
  it('reproduces the three header examples of the GPP string spec', () => {
    expect(gppHeader([2])).toBe('DBABM');
    expect(gppHeader([2, 6])).toBe('DBACNY');
    expect(gppHeader([5, 6])).toBe('DBABjw');
  });

  it('is decoded by the IAB library to the section ids', () => {
    const model = new GppModel(gppString([{ id: USNAT_ID, encoded: encodeUsNat(usnatFor(stateWith(), settingsWith({}))) }]));
    expect(model.getSectionIds()).toEqual([7]);
    expect(model.getHeader()).toMatchObject({ Version: 1, SectionIds: [7] });
  });
});

/** Every usnat field as the IAB library reads it back. */
function decodeUsNat(gpp: string) {
  const model = new GppModel(gpp);
  const names = [
    'Version',
    'SharingNotice',
    'SaleOptOutNotice',
    'SharingOptOutNotice',
    'TargetedAdvertisingOptOutNotice',
    'SensitiveDataProcessingOptOutNotice',
    'SensitiveDataLimitUseNotice',
    'SaleOptOut',
    'SharingOptOut',
    'TargetedAdvertisingOptOut',
    'SensitiveDataProcessing',
    'KnownChildSensitiveDataConsents',
    'PersonalDataConsents',
    'MspaCoveredTransaction',
    'MspaOptOutOptionMode',
    'MspaServiceProviderMode',
    'GpcSegmentType',
    'GpcSegmentIncluded',
    'Gpc',
  ];
  return Object.fromEntries(names.map((name) => [name, model.getFieldValue('usnat', name)]));
}

const gppFor = (...args: Parameters<typeof usnatFor>) => gppString([{ id: USNAT_ID, encoded: encodeUsNat(usnatFor(...args)) }]);

describe('usnat section (id 7) round trip through @iabgpp/cmpapi', () => {
  const settings = settingsWith({ gpp: { enabled: true } });

  it('the bar: opted out of sale, sharing and targeted ads with GPC on decodes to exactly those fields', () => {
    const gpp = gppFor(stateWith({ regime: 'opt-out', region: 'US-CA', gpc: true }), settings);
    expect(decodeUsNat(gpp)).toEqual({
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 0,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      SensitiveDataProcessing: new Array(16).fill(0),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      MspaCoveredTransaction: 2,
      MspaOptOutOptionMode: 0,
      MspaServiceProviderMode: 0,
      GpcSegmentType: 1,
      GpcSegmentIncluded: true,
      Gpc: true,
    });
  });

  it('writes the bits derived by hand from the spec, which the IAB library re-encodes to the same fields', () => {
    const gpp = gppFor(stateWith({ regime: 'opt-out', gpc: true }), settings);
    // Core: 000010 010101 010000 010101, then 40 zero bits (16 + 3 two-bit entries and PersonalDataConsents),
    // MspaCovered 10, two 00 modes, 2 padding bits: C V Q V A A A A A A C A. GPC: 01 1 + 000 padding = Y.
    // Header: 000011 000001 000000 000001 0+01011 (one single id, Fibonacci 7) = D B A B L.
    expect(gpp).toBe('DBABL~CVQVAAAAAACA.Y');
    // Made to re-encode, the library writes the same core; its header is padded to whole bytes ("DBABLA"),
    // the spec asks only for a multiple of 6 bits. Both decode to the same fields.
    const model = new GppModel(gpp);
    model.setFieldValue('usnat', 'SaleOptOut', 1);
    const library = model.encode();
    expect(library).toBe('DBABLA~CVQVAAAAAACA.Y');
    expect(new GppModel(library).toObject()).toEqual(new GppModel(gpp).toObject());
  });

  it('advertising granted without GPC: did not opt out (2), GPC sub-section false', () => {
    const fields = decodeUsNat(gppFor(stateWith({ categories: { advertising: true }, record: true }), settings));
    expect(fields).toMatchObject({ SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2, Gpc: false });
  });

  it('GPC honoured overrides an earlier grant; ignored when the owner turns GPC off', () => {
    const granted = stateWith({ categories: { advertising: true }, record: true, gpc: true });
    expect(decodeUsNat(gppFor(granted, settings))).toMatchObject({ SaleOptOut: 1, Gpc: true });
    const ignoring = { ...settings, signals: { gpc: false, dnt: false } };
    expect(decodeUsNat(gppFor(granted, ignoring))).toMatchObject({ SaleOptOut: 2, Gpc: true });
  });

  it('a site without an advertising category neither sells nor shares: notices and opt-outs not applicable', () => {
    const noAds = settingsWith({ gpp: { enabled: true } }, ['essential', 'analytics']);
    expect(decodeUsNat(gppFor(stateWith(), noAds))).toMatchObject({
      SharingNotice: 1,
      SaleOptOutNotice: 0,
      SaleOptOut: 0,
      SharingOptOut: 0,
      TargetedAdvertisingOptOut: 0,
    });
  });

  it('MSPA fields follow the config', () => {
    const covered = settingsWith({ gpp: { mspaCoveredTransaction: true } });
    expect(decodeUsNat(gppFor(stateWith(), covered))).toMatchObject({
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 1,
      MspaServiceProviderMode: 2,
    });
    const provider = settingsWith({ gpp: { mspaCoveredTransaction: true, mspaMode: 'service-provider' } });
    expect(decodeUsNat(gppFor(stateWith(), provider))).toMatchObject({
      MspaOptOutOptionMode: 2,
      MspaServiceProviderMode: 1,
    });
  });

  it('refuses a malformed section instead of writing a wrong string', () => {
    const [core, gpc] = usnatFor(stateWith(), settings);
    expect(() => encodeUsNat([{ ...core, SensitiveDataProcessing: [0, 0] }, gpc])).toThrow(RangeError);
    expect(() => encodeUsNat([{ ...core, SaleOptOut: 4 as 1 }, gpc])).toThrow(RangeError);
  });
});
