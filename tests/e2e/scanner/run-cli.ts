import { spawn } from 'node:child_process';
import { main } from '../../../src/node/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in this process (fast; what most tests use). */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

/** The real `consentry` command in a child process: exit codes as a CI pipeline sees them. */
export function runBin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const bin = new URL('../../../bin/consentry.mjs', import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
