import { REGION } from '../../core/config/patterns';
import type { Settings } from '../../core/config/types';
import { validateConfig } from '../../core/config/validate';
import type { DocumentContext } from './document-context';
import { grantedFromCookieHeader } from './granted-from-cookie';
import { grantsOf, type Grants } from './grants';

export interface GrantsSource {
  /** Whether grants depend on the request's cookie (then shared caches must vary on it). */
  readonly variesByCookie: boolean;
  grantsFor(context?: DocumentContext): Grants;
}

/**
 * Fixed grants (a list; `[]` = always rewrite), or per request from the consent cookie through the same
 * `decide()` as the runtime. Without a region from the request, a literal `regions.source` code (what
 * the runtime itself would use) applies.
 */
export function createGrantsSource(settings: Settings | null, granted: readonly string[] | 'from-cookie'): GrantsSource {
  if (granted !== 'from-cookie') {
    const fixed = grantsOf(granted);
    return { variesByCookie: false, grantsFor: () => fixed };
  }
  const deciding = settings || validateConfig({});
  const literalRegion = REGION.test(deciding.regions.source) ? deciding.regions.source : null;
  return {
    variesByCookie: true,
    grantsFor: (context = {}) => grantedFromCookieHeader(context.cookie, deciding, { ...context, region: context.region ?? literalRegion }),
  };
}
