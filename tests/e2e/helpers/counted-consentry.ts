/**
 * Source of a stand-in for the `consentry` package: the built package, with every createConsent call counted in
 * `window.__createConsentCalls`, so a test can tell that an app created one instance for its page.
 */
export function countedConsentry(distEntry: string): string {
  const entry = JSON.stringify(distEntry);
  return `
    import { createConsent as create } from ${entry};
    export * from ${entry};
    export function createConsent(config) {
      window.__createConsentCalls = (window.__createConsentCalls || 0) + 1;
      return create(config);
    }`;
}

export const createConsentCalls = () => (window as { __createConsentCalls?: number }).__createConsentCalls ?? 0;
