/**
 * Runs the demo as a person would (`npm run demo`, or `node demo/server.mjs`), waits for the URL it prints,
 * and checks that its home page and the loader it names are served. Used by the fresh-clone check and its
 * cheaper unit test.
 */
import { spawn } from 'node:child_process';

const SITE_LINE = /Site \(script tag\)\s+(http:\/\/\S+?)\/?\s*$/m;

/**
 * Starts the demo in its own process group (npm starts a shell that starts node: stopping must reach all).
 * @param {string} dir  the repository to run it in
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export function startDemoProcess(dir, command, args, { timeoutMs = 120_000, env = process.env } = {}) {
  const child = spawn(command, args, { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      clearTimeout(timer);
      stop().then(() => reject(new Error(`${why}\n--- demo output ---\n${output}`)));
    };
    const timer = setTimeout(() => fail(`the demo printed no URL within ${timeoutMs / 1000} s`), timeoutMs);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(SITE_LINE);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', read);
      resolve({ url: match[1], stop });
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => fail(`the demo exited (code ${code}) before printing its URL`));
  });
}

/**
 * Fetches the demo's home page and the loader script it includes; throws naming what is wrong.
 * @param {string} url  the demo's origin, as printed
 * @returns {Promise<{ pageBytes: number, loaderBytes: number }>}
 */
export async function checkHomePage(url) {
  const page = await fetch(url + '/');
  const html = await page.text();
  if (page.status !== 200) throw new Error(`${url}/ answered ${page.status}`);
  const loader = html.match(/<script src="([^"]*consentry\.min\.js)"/)?.[1];
  if (!loader) throw new Error(`${url}/ has no consentry.min.js script tag`);
  const script = await fetch(new URL(loader, url + '/'));
  const code = await script.text();
  if (script.status !== 200 || !code.includes('consentry')) throw new Error(`${loader} answered ${script.status} (${code.length} bytes)`);
  return { pageBytes: html.length, loaderBytes: code.length };
}
