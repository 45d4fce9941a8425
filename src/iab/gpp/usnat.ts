import type { Settings } from '../../core/config/types';
import type { ConsentState } from '../../core/policy/types';
import { base64Url, fixedInt } from './encoding';

export const USNAT_ID = 7;
export const USNAT_PREFIX = 'usnat';
/** The section version encoded: 2, the MSPA US National release of August 2024 (16 sensitive data types). */
export const USNAT_VERSION = 2;

/** 0 not applicable, 1 yes / opted out / no consent, 2 no / did not opt out / consent (per field, see the spec). */
export type Tristate = 0 | 1 | 2;

/** The core sub-section, field names exactly as the IAB spells them (getField answers by these names). */
export interface UsNatCore {
  Version: number;
  SharingNotice: Tristate;
  SaleOptOutNotice: Tristate;
  SharingOptOutNotice: Tristate;
  TargetedAdvertisingOptOutNotice: Tristate;
  SensitiveDataProcessingOptOutNotice: Tristate;
  SensitiveDataLimitUseNotice: Tristate;
  SaleOptOut: Tristate;
  SharingOptOut: Tristate;
  TargetedAdvertisingOptOut: Tristate;
  /** 16 entries. */
  SensitiveDataProcessing: Tristate[];
  /** 3 entries: ages 13–16, under 13, 16–17. */
  KnownChildSensitiveDataConsents: Tristate[];
  PersonalDataConsents: Tristate;
  MspaCoveredTransaction: 1 | 2;
  MspaOptOutOptionMode: Tristate;
  MspaServiceProviderMode: Tristate;
}

export interface UsNatGpc {
  SubsectionType: 1;
  Gpc: boolean;
}

/** Parsed form as the CMP API returns it: one object per sub-section, in spec order. */
export type UsNatSection = [UsNatCore, UsNatGpc];

const FIELD_ORDER: Array<[keyof UsNatCore, number]> = [
  ['Version', 6],
  ['SharingNotice', 2],
  ['SaleOptOutNotice', 2],
  ['SharingOptOutNotice', 2],
  ['TargetedAdvertisingOptOutNotice', 2],
  ['SensitiveDataProcessingOptOutNotice', 2],
  ['SensitiveDataLimitUseNotice', 2],
  ['SaleOptOut', 2],
  ['SharingOptOut', 2],
  ['TargetedAdvertisingOptOut', 2],
  ['SensitiveDataProcessing', 16],
  ['KnownChildSensitiveDataConsents', 3],
  ['PersonalDataConsents', 2],
  ['MspaCoveredTransaction', 2],
  ['MspaOptOutOptionMode', 2],
  ['MspaServiceProviderMode', 2],
];

/** Core and GPC sub-sections, each padded to whole Base64-URL characters, joined by '.'. */
export function encodeUsNat([core, gpc]: UsNatSection): string {
  let bits = '';
  for (const [name, size] of FIELD_ORDER) {
    const value = core[name];
    if (Array.isArray(value)) {
      // N-Bitfield(2, size): `size` entries of Int(2).
      if (value.length !== size) throw new RangeError(`${name} needs ${size} entries`);
      for (const entry of value) bits += fixedInt(entry, 2);
    } else {
      bits += fixedInt(value, size);
    }
  }
  return base64Url(bits) + '.' + base64Url(fixedInt(gpc.SubsectionType, 2) + (gpc.Gpc ? '1' : '0'));
}

/**
 * The visitor's usnat section from the consent state.
 * - Sale, sharing and targeted advertising are all what the `advertising` category covers: each is opted out
 *   when advertising is not granted, or when GPC is on and the site honours it. Without an `advertising`
 *   category the site neither sells, shares nor targets: the notices and opt-outs are 0 (not applicable).
 * - Notices: the banner and preferences dialog give the processing notice and the opt-out choices (1).
 * - Sensitive data, known children and secondary-use consents: 0 (not applicable); consentry has no categories
 *   for them, so a site processing such data must not rely on this section as it is.
 * - MSPA: not a Covered Transaction (2) unless configured; then Opt-Out Option Mode unless Service Provider.
 */
export function usnatFor(state: ConsentState, settings: Settings): UsNatSection {
  const gpp = settings.integrations.gpp || {};
  const sells = settings.categories.some((category) => category.id === 'advertising');
  const optedOut = !state.categories.advertising || (state.gpc && settings.signals.gpc);
  const notice: Tristate = sells ? 1 : 0;
  const choice: Tristate = sells ? (optedOut ? 1 : 2) : 0;
  const covered = !!gpp.mspaCoveredTransaction;
  const serviceProvider = gpp.mspaMode === 'service-provider';
  return [
    {
      Version: USNAT_VERSION,
      SharingNotice: 1,
      SaleOptOutNotice: notice,
      SharingOptOutNotice: notice,
      TargetedAdvertisingOptOutNotice: notice,
      SensitiveDataProcessingOptOutNotice: 0,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: choice,
      SharingOptOut: choice,
      TargetedAdvertisingOptOut: choice,
      SensitiveDataProcessing: new Array(16).fill(0),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      MspaCoveredTransaction: covered ? 1 : 2,
      MspaOptOutOptionMode: covered ? (serviceProvider ? 2 : 1) : 0,
      MspaServiceProviderMode: covered ? (serviceProvider ? 1 : 2) : 0,
    },
    { SubsectionType: 1, Gpc: state.gpc },
  ];
}
