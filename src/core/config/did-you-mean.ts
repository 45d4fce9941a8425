/** Edit distance (insertions, deletions, substitutions), one row at a time. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (const char of a) {
    let diagonal = row[0]++;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + +(char != b[j - 1]));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** `; did you mean "layout"?` when `key` is a near miss (case or up to 2 edits) of one of `known`, else ''. */
export function didYouMean(key: string, known: string[]): string {
  let best = '';
  let bestDistance = 3;
  // Long keys are never near misses of short names; skipping them keeps hostile keys cheap.
  if (key.length < 41)
    for (const name of known) {
      const d = distance(key.toLowerCase(), name.toLowerCase());
      if (d < bestDistance && d * 2 < name.length) (best = name), (bestDistance = d);
    }
  return best && '; did you mean "' + best + '"?';
}
