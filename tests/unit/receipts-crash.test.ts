import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type Location } from './receipts/backends';

const BIN = fileURLToPath(new URL('../../bin/consentry.mjs', import.meta.url));

/** `consentry receipts serve` in a child process; resolves with its origin once it listens. */
function serveInChild(location: Location): Promise<{ child: ChildProcess; origin: string }> {
  const where = 'data' in location ? ['--data', location.data] : ['--database', location.database];
  const child = spawn(
    process.execPath,
    [BIN, 'receipts', 'serve', ...where, '--port', '0', '--rate-burst', '100000', '--rate-per-second', '100000'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /POST receipts to\s+(http:\/\/\S+?)\/consent-receipts/.exec(output);
      if (match) resolve({ child, origin: match[1] });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`receipts serve exited (${code}) before listening:\n${output}`)));
  });
}

for (const backend of BACKENDS) {
  describe.skipIf(!!backend.missing)(`receipts service killed mid-batch (${backend.name})`, () => {
    beforeAll(() => backend.setup(), 60_000);
    afterAll(() => backend.teardown(), 30_000);

    it('every receipt acknowledged before SIGKILL is there after restart, and the chain verifies', { timeout: 240_000 }, async () => {
      const location = await backend.fresh();
      const { child, origin } = await serveInChild(location);
      const acknowledged: string[] = [];
      let failed = 0;
      let sent = 0;
      let killed = false;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // 40 clients post back to back; once 300 receipts are acknowledged the server is killed with requests in flight.
      const client = async (n: number) => {
        for (let i = 0; i < 200 && !killed; i++) {
          const consentId = `crash-${n}-${i}-xxxxx`;
          sent += 1;
          try {
            const response = await fetch(origin + '/consent-receipts', {
              method: 'POST',
              body: JSON.stringify({
                consentId,
                time: new Date().toISOString(),
                revision: 1,
                method: 'accept-all',
                categories: { analytics: true },
                services: {},
              }),
            });
            if (response.status === 202) acknowledged.push(consentId);
            else failed += 1;
          } catch {
            failed += 1;
          }
          if (acknowledged.length >= 300 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 40 }, (_, n) => client(n)));
      await exited;
      expect(killed).toBe(true);
      // Requests were still in flight when the server died: the kill did land mid-batch.
      expect(failed).toBeGreaterThan(0);
      expect(sent).toBeGreaterThan(acknowledged.length);

      const reopened = await backend.open(location);
      try {
        const stored = new Set<string>();
        for await (const receipt of reopened.store.each()) stored.add(receipt.consentId);
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
        expect((await reopened.store.verify()).ok).toBe(true);
        // Acknowledged or not, every stored receipt was written whole: the chain has no holes.
        expect((await reopened.store.verify()).checked).toBe(stored.size);
      } finally {
        await reopened.store.close();
      }

      // Restarted, the service takes receipts again and chains them on after the ones it had.
      const restarted = await serveInChild(location);
      try {
        const response = await fetch(restarted.origin + '/consent-receipts', {
          method: 'POST',
          body: JSON.stringify({
            consentId: 'after-restart-1',
            time: new Date().toISOString(),
            revision: 1,
            method: 'custom',
            categories: {},
            services: {},
          }),
        });
        expect(response.status).toBe(202);
      } finally {
        const stopped = new Promise((resolve) => restarted.child.once('exit', resolve));
        restarted.child.kill('SIGTERM');
        await stopped;
      }
      const final = await backend.open(location);
      try {
        expect(await final.store.verify()).toMatchObject({ ok: true });
        expect(await final.store.count({ consentId: 'after-restart-1' })).toBe(1);
      } finally {
        await final.store.close();
      }
    });
  });
}
