import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL server for the tests: Debian's `postgresql` package, a fresh data directory in a temp
 * folder, a free loopback port, trust auth. initdb refuses to run as root, so as root it runs as the
 * `postgres` user the package creates.
 */
function binDir(): string | null {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

export const POSTGRES_BIN = binDir();
export const POSTGRES_MISSING = POSTGRES_BIN
  ? ''
  : 'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin): install Debian\'s "postgresql" package to run the PostgreSQL half of these tests';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  url: string;
  /** Stops without a clean shutdown (like a crash) when `immediate`. */
  stop(immediate?: boolean): void;
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!POSTGRES_BIN) throw new Error(POSTGRES_MISSING);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'));
  const asUser = (command: string, args: string[]) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [string, string[]];
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const [cmd, argv] = asUser(join(POSTGRES_BIN!, command), args);
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'consentry', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  // fsync stays on: the crash test relies on committed meaning durable.
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`, 'start']);
  return {
    url: `postgres://consentry@127.0.0.1:${port}/postgres`,
    stop(immediate = false) {
      try {
        run('pg_ctl', ['-D', data, '-m', immediate ? 'immediate' : 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
