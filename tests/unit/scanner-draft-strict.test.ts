import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { createClassifier } from '../../src/node/cli/classify/classifier';
import { builtInTables } from '../../src/node/cli/classify/tables';
import { aggregate } from '../../src/node/cli/report/aggregate';
import { draftConfig } from '../../src/node/cli/report/draft-config';
import type { ScanReport } from '../../src/node/cli/report/scan-report';
import type { PageVisit, RequestObservation } from '../../src/node/cli/types';
import type { Settings } from '../../src/core/config/types';
import { heldCategory } from '../../src/core/classify/third-party';

// The scanner drafts strict mode's allowlist: third-party hosts the vendor catalogue files as essential
// (payments, CAPTCHAs, bot protection) become an essential service's hosts, so the draft, applied with
// blocking.thirdParty "hold", lets them through and holds every other unknown host.

const SITE = 'https://www.shop.example';
const NOW = Date.UTC(2025, 0, 1);

const request = (url: string, resourceType = 'script'): RequestObservation => ({
  url,
  host: new URL(url).host,
  resourceType,
  method: 'GET',
  frame: SITE + '/',
  initiators: [SITE + '/'],
  redirectedFrom: [],
});

function scan(settings: Settings | null): ScanReport {
  const visits: PageVisit[] = [
    {
      url: SITE + '/checkout',
      depth: 0,
      status: 200,
      error: null,
      timedOut: false,
      consentry: true,
      consentBy: 'click',
      links: [],
      snapshots: [
        {
          phase: 'before-consent',
          url: SITE + '/checkout',
          cookies: [],
          storage: [],
          requests: [
            request('https://js.stripe.com/v3/'),
            request('https://m.stripe.network/inner.html', 'document'),
            request('https://www.google.com/recaptcha/api.js'),
            request('https://cdn.unlisted.test/widget.js'),
            request('https://static.shop.example/app.js'),
          ],
        },
      ],
    },
  ];
  const classifier = createClassifier({ tables: builtInTables, settings, siteOrigin: SITE });
  return {
    tool: { name: 'consentry', version: '0.0.0' },
    startUrl: SITE + '/',
    origin: SITE,
    scannedAt: new Date(NOW).toISOString(),
    durationMs: 1,
    consentry: true,
    pages: [],
    ...aggregate(visits, classifier, SITE, NOW),
    visits,
  };
}

describe('the scanner drafts the essential allowlist', () => {
  it('files catalogue-essential hosts as essential, with the vendor', () => {
    const report = scan(null);
    const stripe = report.requests.find((r) => r.host == 'js.stripe.com')!;
    expect(stripe.classification).toMatchObject({ category: 'essential', vendor: 'stripe' });
    expect(report.requests.find((r) => r.host == 'cdn.unlisted.test')!.classification.category).toBe('unclassified');
  });

  it("drafts them as essential services' hosts, with a purpose that says why, and leaves unknown hosts out", () => {
    const draft = draftConfig(scan(null), null);
    const stripe = draft.services!.find((s) => s.id == 'stripe')!;
    expect(stripe).toMatchObject({ category: 'essential' });
    expect(stripe.hosts!.sort()).toEqual(['js.stripe.com', 'm.stripe.network']);
    expect(String(stripe.purpose)).toMatch(/strictly necessary.*vendor catalogue: essential/);
    expect(draft.services!.flatMap((s) => s.hosts || [])).not.toContain('cdn.unlisted.test');
    expect(draft.blocking).toBeUndefined();
  });

  it('keeps strict mode in the draft; applied, the draft lets the essential hosts through and holds the unknown one', () => {
    const settings = validateConfig({ blocking: { thirdParty: 'hold', unknownCategory: 'analytics' } });
    const draft = draftConfig(scan(settings), settings);
    expect(draft.blocking).toEqual({ thirdParty: 'hold', unknownCategory: 'analytics' });
    const applied = validateConfig(draft);
    const page = SITE + '/checkout';
    expect(heldCategory('https://js.stripe.com/v3/', applied, page)).toMatchObject({ category: 'essential', service: 'stripe' });
    expect(heldCategory('https://cdn.unlisted.test/widget.js', applied, page)).toEqual({ category: 'analytics', unknown: true });
    expect(heldCategory('https://static.shop.example/app.js', applied, page)).toBeNull();
  });
});
