/**
 * A model of how Google tags resolve consent commands, per Google's Consent Mode documentation, for tests:
 * a `default` applies to the visitor when it has no `region` or one of its regions matches; per consent type
 * the most specific match wins (subdivision "US-CA" over country "US" over no region); an `update` overrides
 * every default. Not consentry code: the fake gtag.js of the e2e pages and the unit tests share it.
 */
export type ConsentValues = { [type: string]: string };

export function createConsentModel(visitorRegion: string) {
  const region = visitorRegion.toUpperCase();
  const values: ConsentValues = {};
  const specificity: { [type: string]: number } = {};
  let updated = false;

  const matchOf = (regions: unknown): number => {
    if (!Array.isArray(regions)) return 0;
    let best = -1;
    for (const code of regions.map((entry) => String(entry).toUpperCase())) {
      if (code === region) best = Math.max(best, code.includes('-') ? 2 : 1);
      else if (region.startsWith(code + '-')) best = Math.max(best, 1);
    }
    return best;
  };

  return {
    values,
    /** One `gtag('consent', …)` command. */
    consent(command: string, payload: { [key: string]: unknown }) {
      if (command === 'update') {
        updated = true;
        for (const [type, value] of Object.entries(payload)) if (/_/.test(type) && type !== 'wait_for_update') values[type] = String(value);
        return;
      }
      if (command !== 'default' || updated) return;
      const level = matchOf(payload.region);
      if (level < 0) return;
      for (const [type, value] of Object.entries(payload)) {
        if (type === 'region' || type === 'wait_for_update') continue;
        if (level >= (specificity[type] ?? -1)) {
          values[type] = String(value);
          specificity[type] = level;
        }
      }
    },
  };
}
