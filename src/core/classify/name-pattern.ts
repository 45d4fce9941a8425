/**
 * Does `name` match `pattern`, where each `*` stands for any run of characters (none included) and
 * everything else is literal and case-sensitive (`ph_*_posthog` matches `ph_phc_abc_posthog`)?
 * Vendors put a site or project token in the middle of their keys, so a prefix alone cannot name them.
 * Linear in practice: each literal piece is searched for once, left to right, no backtracking needed
 * since the first fit of a piece leaves the most room for the pieces after it.
 */
export function matchesName(pattern: string, name: string): boolean {
  const pieces = pattern.split('*');
  const last = pieces.length - 1;
  if (!last) return pattern == name;
  if (!name.startsWith(pieces[0])) return false;
  let at = pieces[0].length;
  for (let i = 1; i < last; i++) {
    const found = name.indexOf(pieces[i], at);
    if (found < 0) return false;
    at = found + pieces[i].length;
  }
  return name.length - pieces[last].length >= at && name.endsWith(pieces[last]);
}
