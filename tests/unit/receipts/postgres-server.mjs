import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL server for the receipts tests and bench/receipts.mjs: Debian's `postgresql` package, a
 * fresh data directory in a temp folder, a free loopback port, trust auth. initdb refuses to run as root, so
 * as root it runs as the `postgres` user the package creates. Plain JavaScript so the benchmark can use it.
 */
function binDir() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

export const POSTGRES_BIN = binDir();
export const POSTGRES_MISSING = POSTGRES_BIN
  ? ''
  : 'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin): install Debian\'s "postgresql" package (apt-get install -y postgresql) to run the PostgreSQL half';

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres() {
  const bin = POSTGRES_BIN;
  if (!bin) throw new Error(POSTGRES_MISSING);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'));
  if (root) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  /** @param {string} command @param {string[]} args */
  const run = (command, args) => {
    const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'consentry', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  // fsync and synchronous_commit stay at their defaults: the crash test relies on committed meaning durable.
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`,
    'start',
  ]);
  return {
    url: `postgres://consentry@127.0.0.1:${port}/postgres`,
    /** @param {boolean} [immediate] stop without a clean shutdown, like a crash */
    stop(immediate = false) {
      try {
        run('pg_ctl', ['-D', data, '-m', immediate ? 'immediate' : 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
