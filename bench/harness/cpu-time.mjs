/**
 * Main-thread CPU time from a Chromium trace: thread time (`tdur`), which, unlike the wall-clock
 * durations of Performance.getMetrics, leaves out the time the renderer waited for a core. On a busy
 * machine (the benchmark shares two cores with whatever else runs) it is the steadier figure.
 */
export const CPU_TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.compile'];

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'V8.CompileCode',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'v8.run',
  'v8.callFunction',
]);
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * The page's renderer main thread: the thread that parsed the page's HTML. (Tracing is browser-wide:
 * other renderers, such as Chromium's own WebUI, show up in the same trace.)
 */
export function pageMainThread(events, url) {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  return parse ? `${parse.pid}:${parse.tid}` : undefined;
}

/**
 * Sum of thread time of the outermost events of a kind (nested ones are inside their parent's). Script
 * counts what DevTools counts as scripting: evaluation, calls, compilation, and event/timer/rAF
 * dispatch (a script's onload handler and what it renders run inside one).
 */
function outermostThreadTime(events, kinds) {
  const list = events.filter((e) => e.ph === 'X' && kinds.has(e.name) && typeof e.tdur === 'number').sort((a, b) => a.ts - b.ts);
  let end = -Infinity;
  let total = 0;
  for (const e of list) {
    if (e.ts < end) continue;
    end = e.ts + e.dur;
    total += e.tdur;
  }
  return total / 1000;
}

/** { scriptCpuMs, taskCpuMs } of the page's main thread, or nulls when the trace has no such thread. */
export function cpuTimes(events, url) {
  const main = pageMainThread(events, url);
  if (!main) return { scriptCpuMs: null, taskCpuMs: null };
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main);
  return { scriptCpuMs: outermostThreadTime(mine, SCRIPT_EVENTS), taskCpuMs: outermostThreadTime(mine, TASK_EVENTS) };
}
