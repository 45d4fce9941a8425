import { median } from './stats.mjs';
import { pageMainThread } from './cpu-time.mjs';

const isSdk = (url, sdkPaths) => {
  try {
    return sdkPaths.some((path) => new URL(url).pathname.startsWith(path));
  } catch {
    return false;
  }
};
const fmt = (value) => (value === null ? '–' : value.toFixed(1));
/** Thread (CPU) time when the trace has it: steadier than wall time on a shared machine. */
const msOf = (e) => (e.tdur ?? e.dur) / 1000;
const shortUrl = (url) => (url ? url.replace(/^https?:\/\/[^/]+/, '') : '(inline/page)');

function frameOf(stack) {
  const frame = stack?.find((f) => f.url) || stack?.[0];
  return frame ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : null;
}

/**
 * One trace's figures: SDK compile and evaluate time per script, script-forced layouts and style
 * recalcs (a JS stack on the event means script asked for geometry or styles synchronously).
 */
function oneTrace(events, sdkPaths, url) {
  const thread = pageMainThread(events, url);
  const main = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread);
  const perScript = new Map();
  const add = (url, field, ms) => {
    const row = perScript.get(url) || { compile: 0, evaluate: 0, calls: 0 };
    row[field] += ms;
    perScript.set(url, row);
  };
  for (const e of main) {
    const data = e.args?.data || {};
    if (e.name === 'EvaluateScript' && isSdk(data.url, sdkPaths)) add(shortUrl(data.url), 'evaluate', msOf(e));
    if ((e.name === 'v8.compile' || e.name === 'V8.CompileCode') && isSdk(data.url || e.args?.fileName, sdkPaths))
      add(shortUrl(data.url || e.args?.fileName), 'compile', msOf(e));
    if (e.name === 'FunctionCall' && isSdk(data.url, sdkPaths)) add(shortUrl(data.url), 'calls', msOf(e));
  }
  const forced = [];
  for (const e of main) {
    if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') continue;
    const stack = e.args?.beginData?.stackTrace;
    if (!stack?.length) continue;
    forced.push({
      kind: e.name === 'Layout' ? 'layout' : 'style',
      ms: msOf(e),
      at: frameOf(stack),
      sdk: stack.some((f) => isSdk(f.url, sdkPaths)),
    });
  }
  const total = (name) => main.filter((e) => e.name === name).reduce((s, e) => s + msOf(e), 0);
  return {
    perScript,
    forced,
    layoutMs: total('Layout'),
    styleMs: total('UpdateLayoutTree'),
    layouts: main.filter((e) => e.name === 'Layout').length,
  };
}

export function summarizeTrace(traces, { sdkPaths, url }) {
  const all = traces.map((events) => oneTrace(events, sdkPaths, url));
  const lines = [
    'Thread (CPU) time from the trace.',
    '',
    '| SDK script | compile ms | evaluate ms (incl. compile) | later calls ms |',
    '| --- | ---: | ---: | ---: |',
  ];
  const urls = [...new Set(all.flatMap((t) => [...t.perScript.keys()]))];
  for (const url of urls) {
    const pick = (field) => median(all.map((t) => t.perScript.get(url)?.[field] || 0));
    lines.push(`| ${url} | ${fmt(pick('compile'))} | ${fmt(pick('evaluate'))} | ${fmt(pick('calls'))} |`);
  }
  lines.push(
    '',
    `Layout: ${fmt(median(all.map((t) => t.layoutMs)))} ms in ${median(all.map((t) => t.layouts))} passes; style recalc ${fmt(median(all.map((t) => t.styleMs)))} ms (whole page).`,
  );
  const forcedBySdk = all.map((t) => t.forced.filter((f) => f.sdk));
  lines.push(
    `Forced by SDK code (per run, median): ${median(forcedBySdk.map((f) => f.filter((x) => x.kind === 'layout').length))} layouts, ${median(forcedBySdk.map((f) => f.filter((x) => x.kind === 'style').length))} style recalcs, ${fmt(median(forcedBySdk.map((f) => f.reduce((s, x) => s + x.ms, 0))))} ms.`,
  );
  const sites = new Map();
  for (const f of forcedBySdk.flat()) {
    const key = `${f.kind} at ${f.at}`;
    const row = sites.get(key) || { n: 0, ms: 0 };
    row.n++;
    row.ms += f.ms;
    sites.set(key, row);
  }
  for (const [key, { n, ms }] of [...sites.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) {
    lines.push(`- ${key}: ${(n / traces.length).toFixed(1)}×/run, ${(ms / traces.length).toFixed(2)} ms/run`);
  }
  return lines.join('\n');
}

/**
 * Self and total (inclusive) time per SDK function from CPU profiles (100 µs sampling), median over
 * runs. Native work a function calls into (a cookie read, a DOM insertion) counts as its self time.
 */
export function summarizeProfile(profiles, { sdkPaths, top = 15 } = {}) {
  const keyOf = ({ functionName, url, lineNumber, columnNumber }) =>
    `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}:${columnNumber + 1}`;
  const perRun = profiles.map((profile) => {
    const self = new Map();
    const total = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const child of n.children || []) parent.set(child, n.id);
    const deltas = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const ms = (deltas[i + 1] ?? deltas[i]) / 1000;
      const leaf = byId.get(id).callFrame;
      if (isSdk(leaf.url, sdkPaths)) self.set(keyOf(leaf), (self.get(keyOf(leaf)) || 0) + ms);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at).callFrame;
        if (!isSdk(frame.url, sdkPaths)) continue;
        const key = keyOf(frame);
        if (seen.has(key)) continue;
        seen.add(key);
        total.set(key, (total.get(key) || 0) + ms);
      }
    });
    return { self, total };
  });
  const ranked = (field) => {
    const keys = [...new Set(perRun.flatMap((run) => [...run[field].keys()]))];
    return keys
      .map((key) => [key, median(perRun.map((run) => run[field].get(key) || 0))])
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  };
  const selfTotal = median(perRun.map((run) => [...run.self.values()].reduce((s, v) => s + v, 0)));
  return [
    '',
    `CPU profile: ${fmt(selfTotal)} ms of samples with SDK code on top (median). Most self time:`,
    ...ranked('self').map(([k, v]) => `- ${fmt(v)} ms ${k}`),
    '',
    'Most total time (including callees):',
    ...ranked('total').map(([k, v]) => `- ${fmt(v)} ms ${k}`),
  ].join('\n');
}
