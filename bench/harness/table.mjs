import { median, medianOf, ratio } from './stats.mjs';

const kb = (bytes) => (bytes === null ? '–' : (bytes / 1024).toFixed(1) + ' KB');
const ms = (value) => (value === null ? '–' : Math.round(value) + ' ms');
const signedMs = (value) => (value === null ? '–' : (value >= 0 ? '+' : '') + value.toFixed(1) + ' ms');
const cls = (value) => (value === null ? '–' : value.toFixed(3));

/**
 * The figures of one visit kind for each SDK, the main-thread ones as the difference of medians to
 * the matching baseline.
 * @returns {{ label: string, values: (number|null)[], format: (v: number|null) => string, extra?: string[], floor?: number }[]}
 */
function rows(sdkRuns, baselineRuns, { firstVisit }) {
  const base = (field) => medianOf(baselineRuns, field);
  const added = (field) => (runs) => {
    const value = medianOf(runs, field);
    return value === null ? null : value - base(field);
  };
  const list = [
    {
      label: 'SDK bytes downloaded (gzip)',
      pick: (runs) => medianOf(runs, 'sdkBytes'),
      format: kb,
      extra: (runs) => `${median(runs.map((r) => r.sdkFiles.length))} file(s)`,
    },
  ];
  if (firstVisit) list.push({ label: 'banner visible (from navigation start)', pick: (runs) => medianOf(runs, 'bannerAt'), format: ms });
  list.push(
    { label: 'first contentful paint', pick: (runs) => medianOf(runs, 'fcp'), format: ms },
    { label: 'script time added (ScriptDuration, wall)', pick: added('scriptMs'), format: signedMs, floor: 0.5 },
    { label: 'task time added (TaskDuration, wall)', pick: added('taskMs'), format: signedMs, floor: 0.5 },
    { label: 'script CPU added (trace thread time)', pick: added('scriptCpuMs'), format: signedMs, floor: 0.5 },
    { label: 'task CPU added (trace thread time)', pick: added('taskCpuMs'), format: signedMs, floor: 0.5 },
    { label: 'long tasks (count)', pick: (runs) => medianOf(runs, 'longTasks'), format: (v) => (v === null ? '–' : String(v)) },
    { label: 'long tasks (total)', pick: (runs) => medianOf(runs, 'longTaskMs'), format: ms },
    { label: 'CLS', pick: (runs) => medianOf(runs, 'cls'), format: cls, floor: 1e-4 },
  );
  return list.map((row) => ({
    label: row.label,
    values: sdkRuns.map((runs) => row.pick(runs)),
    extra: row.extra ? sdkRuns.map((runs) => row.extra(runs)) : null,
    format: row.format,
    floor: row.floor,
  }));
}

/**
 * The markdown table: one column per SDK and a last column with consentry's figure as a ratio to
 * vanilla-cookieconsent's from the same run.
 * @param {{ sdks: any[], results: Map<string, { first: any[], returning: any[] }>, configBytes?: number[] }} input
 */
export function markdownTable({ sdks, results, configBytes }) {
  const consentryIndex = sdks.findIndex((s) => s.id === 'consentry');
  const vanillaIndex = sdks.findIndex((s) => s.id === 'vanilla-cookieconsent');
  const header = ['figure (median)', ...sdks.map((s) => s.name), 'consentry ÷ vanilla-cookieconsent'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const [title, visit, baselineId, firstVisit] of [
    ['**First visit** (no consent stored)', 'first', 'baseline-held', true],
    ['**Returning visit** (accepted all earlier)', 'returning', 'baseline-run', false],
  ]) {
    lines.push(`| ${title} |${' |'.repeat(header.length - 1)}`);
    const sdkRuns = sdks.map((s) => results.get(s.id)[visit]);
    const visitRows = rows(sdkRuns, results.get(baselineId)[visit], { firstVisit });
    if (configBytes)
      visitRows.splice(1, 0, { label: 'inline config in the page (gzip, every visit)', values: configBytes, format: kb, extra: null });
    for (const row of visitRows) {
      const cells = row.values.map((v, i) => row.format(v) + (row.extra ? ` (${row.extra[i]})` : ''));
      const r =
        consentryIndex < 0 || vanillaIndex < 0 ? 'n/a' : ratio(row.values[consentryIndex], row.values[vanillaIndex], { floor: row.floor });
      lines.push(`| ${row.label} | ${cells.join(' | ')} | ${r} |`);
    }
  }
  return lines.join('\n');
}

/** The baselines' absolute figures, for reading the "added" rows. */
export function baselineLine(results) {
  const describe = (id, visit) => {
    const runs = results.get(id)[visit];
    return `script ${ms(medianOf(runs, 'scriptMs'))} (CPU ${ms(medianOf(runs, 'scriptCpuMs'))}), task ${ms(medianOf(runs, 'taskMs'))} (CPU ${ms(medianOf(runs, 'taskCpuMs'))}), FCP ${ms(medianOf(runs, 'fcp'))}, long tasks ${medianOf(runs, 'longTasks')}, CLS ${cls(medianOf(runs, 'cls'))}`;
  };
  return `Baselines (no consent script): tags held: ${describe('baseline-held', 'first')}; tags run: ${describe('baseline-run', 'returning')}.`;
}
