/**
 * What a response may leave untouched, in the runtime's own terms (ConsentState.categories/services):
 * a tag runs when its service's own grant says so, else when its category is granted.
 */
export interface Grants {
  categories: ReadonlySet<string>;
  /** A service's effective grant, where the config declares the service. */
  services: ReadonlyMap<string, boolean>;
}

export function grantsOf(categories: Iterable<string>, services: { [id: string]: boolean } = {}): Grants {
  return { categories: new Set(['essential', ...categories]), services: new Map(Object.entries(services)) };
}

/** Nothing but `essential`: the always-rewrite mode, and what a visitor without a valid opt-in record gets. */
export const ESSENTIAL_ONLY: Grants = grantsOf([]);

/**
 * The rule of the runtime gate (`isGranted` in src/core/policy/grant.ts) on the server's shape of grants: a
 * service's own grant wins, else its category's. Public (`consentry/rewrite`), hence its own signature.
 */
export function isGranted(grants: Grants, category: string, service?: string): boolean {
  const own = service ? grants.services.get(service) : undefined;
  if (own != null) return own;
  return grants.categories.has(category);
}

/** A short, stable name for a set of grants (ETag variants, logs). */
export function grantsKey(grants: Grants): string {
  const parts = [...grants.categories].sort();
  for (const [id, on] of [...grants.services].sort()) if (!on) parts.push('!' + id);
  let hash = 0x811c9dc5;
  for (const char of parts.join('.')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return 'cs' + hash.toString(36);
}
