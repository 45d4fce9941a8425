import { medianOf } from './stats.mjs';

/**
 * The bars of issue 8, checked against this run's medians. Main-thread time is judged on thread (CPU)
 * time from the trace, the steadier figure on a shared machine; the wall-clock figures are in the table.
 * @returns {string} a markdown list, or '' when consentry or vanilla-cookieconsent was not measured
 */
export function barsSection(sdks, results) {
  const consentry = results.get('consentry');
  const vanilla = results.get('vanilla-cookieconsent');
  if (!consentry || !vanilla || !sdks.some((s) => s.id === 'consentry')) return '';
  const base = { first: results.get('baseline-held').first, returning: results.get('baseline-run').returning };
  const of = (runs, field) => medianOf(runs, field);
  const added = (which, visit, field) => of(which[visit], field) - of(base[visit], field);
  const bars = [];
  const ratioBar = (label, a, b, limit, unit) => {
    const ratio = a / b;
    bars.push(
      `- ${ratio <= limit ? 'met' : '**not met**'}: ${label} ≤ ${limit}× vanilla-cookieconsent's: ${a.toFixed(1)} ${unit} vs ${b.toFixed(1)} ${unit} = ${ratio.toFixed(2)}×`,
    );
  };
  ratioBar('bytes on a returning visit', of(consentry.returning, 'sdkBytes') / 1024, of(vanilla.returning, 'sdkBytes') / 1024, 0.25, 'KB');
  ratioBar('bytes on a first visit', of(consentry.first, 'sdkBytes') / 1024, of(vanilla.first, 'sdkBytes') / 1024, 0.75, 'KB');
  for (const visit of ['first', 'returning']) {
    ratioBar(
      `main-thread task CPU added, ${visit} visit`,
      added(consentry, visit, 'taskCpuMs'),
      added(vanilla, visit, 'taskCpuMs'),
      0.5,
      'ms',
    );
    ratioBar(`script CPU added, ${visit} visit`, added(consentry, visit, 'scriptCpuMs'), added(vanilla, visit, 'scriptCpuMs'), 0.5, 'ms');
  }
  const peers = sdks.filter((s) => s.id !== 'consentry' && !s.id.startsWith('consentry-'));
  const fastest = Math.min(...peers.map((s) => of(results.get(s.id).first, 'bannerAt')));
  const banner = of(consentry.first, 'bannerAt');
  bars.push(
    `- ${banner <= fastest ? 'met' : '**not met**'}: banner visible no later than the fastest peer: ${Math.round(banner)} ms vs ${Math.round(fastest)} ms`,
  );
  const cls = Math.max(of(consentry.first, 'cls'), of(consentry.returning, 'cls'));
  bars.push(`- ${cls === 0 ? 'met' : '**not met**'}: CLS 0 (first and returning visit): ${cls.toFixed(3)}`);
  return '### Bars (issue 8), this run\n\n' + bars.join('\n');
}
