import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The auto-blocker's cost on a page of 2,000 elements with 30 tags comes from bench/auto-blocker.mjs
 * (written separately). It is run when present; its result is printed as it reports it.
 */
export async function autoBlockerSection(url, options = {}) {
  if (!existsSync(fileURLToPath(url)))
    return '_Auto-blocker (2,000 elements, 30 tags): not measured, bench/auto-blocker.mjs is not there yet._';
  try {
    const module = await import(url.href);
    const run = module.runAutoBlockerBench || module.run || module.default;
    if (typeof run !== 'function')
      return '_Auto-blocker: bench/auto-blocker.mjs exports no runnable function (expected `run`, `runAutoBlockerBench` or a default export)._';
    const result = await run(options);
    return (
      '### Auto-blocker (2,000 elements, 30 tags)\n\n' +
      (typeof result === 'string' ? result : result?.markdown || JSON.stringify(result, null, 2))
    );
  } catch (error) {
    return `_Auto-blocker: bench/auto-blocker.mjs failed: ${error.message}_`;
  }
}
