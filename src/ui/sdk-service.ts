import type { ServiceSettings, Settings } from '../core/config/types';
import { consentCookieName } from '../core/policy/consent-cookie';
import { RECEIPTS_KEY, SETTINGS_KEY, TEXTS_KEY } from '../core/storage-keys';
import type { UiTexts } from '../core/texts/page-texts';

function days(count: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(count);
  } catch {
    return count + ' d';
  }
}

/**
 * The SDK's own cookie and storage keys, listed under the essential category like any service's: the
 * visitor sees everything kept on their device, the consent tool's included (docs/security.md, "What
 * consentry itself stores", says when each is written). First party: the site is the provider.
 */
export function sdkService(settings: Settings, texts: UiTexts, lang: string, essential: string): ServiceSettings {
  const local = (key: string, purpose: string) => ({ key, type: 'local' as const, purpose });
  return {
    id: 'consentry',
    category: essential,
    name: 'Consentry',
    provider: location.hostname,
    purpose: '',
    privacyPolicyUrl: '',
    cookies: [
      {
        name: consentCookieName(settings.cookie, location.protocol == 'https:'),
        purpose: texts.sdkCookiePurpose,
        duration: days(settings.cookie.expiresDays, lang),
      },
    ],
    storage: [
      local(SETTINGS_KEY, texts.sdkCachePurpose),
      local(TEXTS_KEY, texts.sdkCachePurpose),
      ...(settings.receipts ? [local(RECEIPTS_KEY, texts.sdkReceiptsPurpose)] : []),
    ],
    hosts: [],
  };
}
