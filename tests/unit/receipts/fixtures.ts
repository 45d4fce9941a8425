/** What the SDK sends today (src/parts/receipts.ts), plus the fields of the regimes work (issue 19). */
export const receipt = (overrides: Record<string, unknown> = {}) => ({
  consentId: 'abcDEF123456',
  time: '2026-03-01T10:00:00.000Z',
  revision: 3,
  categories: { necessary: true, analytics: true, advertising: false },
  services: { 'google-analytics': true },
  method: 'custom',
  region: 'DE',
  url: 'https://shop.example/cart?email=ann@example.com#top',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  ...overrides,
});
