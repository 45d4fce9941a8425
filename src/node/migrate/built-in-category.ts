import type { BuiltInCategory } from '../../core/config/types';

/**
 * Names other tools give to what consentry's built-in categories are. Only unambiguous ones: a
 * "functional" or "preferences" category stays a category of its own.
 */
const SAME_AS: { [name: string]: BuiltInCategory } = {
  necessary: 'essential',
  'strictly-necessary': 'essential',
  essential: 'essential',
  required: 'essential',
  analytics: 'analytics',
  analytic: 'analytics',
  statistics: 'analytics',
  statistic: 'analytics',
  stats: 'analytics',
  performance: 'analytics',
  measurement: 'analytics',
  advertising: 'advertising',
  advertisement: 'advertising',
  ads: 'advertising',
  ad: 'advertising',
  marketing: 'advertising',
  targeting: 'advertising',
  retargeting: 'advertising',
};

/** The built-in category an old category or purpose id (already an id) stands for, if any. */
export function builtInFor(id: string): BuiltInCategory | undefined {
  return Object.hasOwn(SAME_AS, id) ? SAME_AS[id] : undefined;
}
