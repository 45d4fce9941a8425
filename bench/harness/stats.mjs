export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median of one field over runs. */
export const medianOf = (runs, field) => median(runs.map((run) => run[field]));

/**
 * a ÷ b as "0.42×"; "n/a" when b is too small for the ratio to mean anything (e.g. CLS 0 vs 0, or a
 * peer that adds no time at all).
 */
export function ratio(a, b, { floor = 1e-9 } = {}) {
  if (a === null || b === null) return 'n/a';
  if (Math.abs(b) < floor) return Math.abs(a) < floor ? '= (both 0)' : 'n/a (÷0)';
  return (a / b).toFixed(2) + '×';
}
