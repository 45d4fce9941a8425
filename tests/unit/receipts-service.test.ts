import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiptsService, receiptsHandler, type ReceiptsServiceOptions } from '../../src/node/receipts';
import { BACKENDS, type Opened } from './receipts/backends';
import { receipt } from './receipts/fixtures';

async function serve(opened: Opened, options: Partial<ReceiptsServiceOptions> = {}) {
  const service = createReceiptsService({ store: opened.store, batch: { flushMs: 2 }, ...options });
  const server: Server = createServer(receiptsHandler(service));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    service,
    origin,
    post: (body: unknown, headers: Record<string, string> = {}) =>
      fetch(origin + '/consent-receipts', {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      }),
    async close() {
      await service.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

for (const backend of BACKENDS) {
  describe.skipIf(!!backend.missing)(`receipts service on ${backend.name}`, { timeout: 30_000 }, () => {
    beforeAll(() => backend.setup(), 60_000);
    afterAll(() => backend.teardown(), 30_000);

    it('stores what was posted, acknowledges with 202 after commit, and finds it by consent id, time and revision', async () => {
      const opened = await backend.open(await backend.fresh());
      const site = await serve(opened);
      try {
        const before = new Date();
        const first = await site.post(
          receipt({ regime: 'opt-in', language: 'de', textsHash: 'k3Jd9aQ1', consents: { 'cross-border': false } }),
        );
        expect(first.status).toBe(202);
        const { seq } = await first.json();
        // Acknowledged means committed: a fresh read sees it at once.
        expect((await opened.store.find({ consentId: 'abcDEF123456' })).map((r) => r.seq)).toEqual([seq]);
        expect((await site.post(receipt({ consentId: 'other-visitor-1', revision: 4 }))).status).toBe(202);

        const [stored] = await opened.store.find({ consentId: 'abcDEF123456' });
        expect(stored).toMatchObject({
          consentId: 'abcDEF123456',
          decidedAt: '2026-03-01T10:00:00.000Z',
          revision: 3,
          method: 'custom',
          regime: 'opt-in',
          language: 'de',
          textsHash: 'k3Jd9aQ1',
          region: 'DE',
          categories: { necessary: true, analytics: true, advertising: false },
          services: { 'google-analytics': true },
          consents: { 'cross-border': false },
          // Nothing needless: no query string or fragment, the browser and its major version only, no address.
          page: 'https://shop.example/cart',
          userAgent: 'Chrome 131',
          clientAddress: null,
        });
        expect(Date.parse(stored.receivedAt)).toBeGreaterThanOrEqual(before.getTime() - 1000);
        expect((await opened.store.find({ revision: 4 })).map((r) => r.consentId)).toEqual(['other-visitor-1']);
        expect(await opened.store.find({ from: new Date(Date.now() + 60_000) })).toEqual([]);
        expect((await opened.store.find({ from: before.toISOString().slice(0, 10), to: new Date(Date.now() + 60_000) })).length).toBe(2);
        expect((await opened.store.verify()).ok).toBe(true);
      } finally {
        await site.close();
        await opened.store.close();
      }
    });

    it('keeps a truncated client address only when the owner opts in', async () => {
      const opened = await backend.open(await backend.fresh());
      const site = await serve(opened, { storeClientAddress: true });
      try {
        expect((await site.post(receipt())).status).toBe(202);
        expect((await opened.store.find())[0].clientAddress).toBe('127.0.0.0');
      } finally {
        await site.close();
        await opened.store.close();
      }
    });

    it('refuses malformed, invalid and oversized bodies with a clear 4xx and stores nothing', async () => {
      const opened = await backend.open(await backend.fresh());
      const site = await serve(opened, { maxBytes: 2048 });
      try {
        const notJson = await site.post('{"consentId": ');
        expect(notJson.status).toBe(400);
        expect((await notJson.json()).error).toMatch(/JSON/);
        const invalid = await site.post(receipt({ categories: { analytics: 'yes' } }));
        expect(invalid.status).toBe(422);
        expect((await invalid.json()).error).toMatch(/categories\.analytics/);
        expect((await site.post(receipt({ consentId: 'x' }))).status).toBe(422);
        expect((await site.post(receipt({ time: '1970-01-01T00:00:00Z' }))).status).toBe(422);
        expect(await site.post([receipt()])).toHaveProperty('status', 422);
        const big = receipt({ services: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`service-${i}`, true])) });
        expect(JSON.stringify(big).length).toBeGreaterThan(2048);
        const oversized = await site.post(big);
        expect(oversized.status).toBe(413);
        // Without a Content-Length (chunked), the cap holds while reading.
        const chunked = await fetch(site.origin + '/consent-receipts', {
          method: 'POST',
          body: new ReadableStream({
            start(controller) {
              for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
              controller.close();
            },
          }),
          duplex: 'half',
        } as RequestInit);
        expect(chunked.status).toBe(413);
        expect((await fetch(site.origin + '/consent-receipts')).status).toBe(405);
        expect(await opened.store.count()).toBe(0);
      } finally {
        await site.close();
        await opened.store.close();
      }
    });

    it('rate-limits a flood from one client (429 with Retry-After) and stores only what it let through', async () => {
      const opened = await backend.open(await backend.fresh());
      const site = await serve(opened, { rateLimit: { burst: 10, perSecond: 0.01 } });
      try {
        const statuses = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            site.post(receipt({ consentId: `flood-client-${i}` })).then(async (r) => {
              if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
              return r.status;
            }),
          ),
        );
        expect(statuses.filter((s) => s === 202)).toHaveLength(10);
        expect(statuses.filter((s) => s === 429)).toHaveLength(50);
        expect(await opened.store.count()).toBe(10);
      } finally {
        await site.close();
        await opened.store.close();
      }
    });

    it('verify detects an edited row, a deleted row, rows swapped and rows cut from the end', async () => {
      const location = await backend.fresh();
      const opened = await backend.open(location);
      try {
        const rows = Array.from({ length: 6 }, (_, i) => ({
          receivedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
          consentId: `visitor-000${i}`,
          decidedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
          revision: 1,
          method: 'accept-all',
          regime: null,
          region: null,
          language: null,
          categories: { analytics: true, advertising: i % 2 === 0 },
          services: {},
          consents: null,
          crossBorder: null,
          ageGroup: null,
          textsHash: null,
          page: null,
          userAgent: null,
          clientAddress: null,
        }));
        await opened.store.append(rows.slice(0, 3));
        await opened.store.append(rows.slice(3));
        expect(await opened.store.verify()).toMatchObject({ ok: true, checked: 6, head: { seq: 6 } });

        // Edit: a refusal turned into a grant after the fact.
        await opened.sql(`UPDATE consent_receipts SET categories = '{"analytics": true, "advertising": true}' WHERE seq = 2`);
        let report = await opened.store.verify();
        expect(report.ok).toBe(false);
        expect(report.problems).toEqual([expect.objectContaining({ seq: 2, kind: 'edited' })]);
        await opened.sql(`UPDATE consent_receipts SET categories = '{"analytics": true, "advertising": false}' WHERE seq = 2`);
        expect((await opened.store.verify()).ok).toBe(true);

        // Reorder: two rows swap places (their contents move, positions stay). Row 5 no longer follows from
        // the hash now stored before it either.
        await opened.sql(`UPDATE consent_receipts SET seq = -seq WHERE seq IN (3, 4)`);
        await opened.sql(`UPDATE consent_receipts SET seq = CASE seq WHEN -3 THEN 4 ELSE 3 END WHERE seq IN (-3, -4)`);
        report = await opened.store.verify();
        expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
          [3, 'edited'],
          [4, 'edited'],
          [5, 'edited'],
        ]);
        await opened.sql(`UPDATE consent_receipts SET seq = -seq WHERE seq IN (3, 4)`);
        await opened.sql(`UPDATE consent_receipts SET seq = CASE seq WHEN -3 THEN 4 ELSE 3 END WHERE seq IN (-3, -4)`);
        expect((await opened.store.verify()).ok).toBe(true);

        // Delete: a row in the middle, then the newest one.
        await opened.sql(`DELETE FROM consent_receipts WHERE seq = 4`);
        report = await opened.store.verify();
        expect(report.problems).toEqual([expect.objectContaining({ seq: 4, kind: 'missing' })]);
        await opened.sql(`DELETE FROM consent_receipts WHERE seq = 6`);
        report = await opened.store.verify();
        expect(report.problems.map((p) => p.kind)).toEqual(['missing', 'missing']);
        expect(report.problems[1].message).toMatch(/6.*deleted from the end/);
      } finally {
        await opened.store.close();
      }
    });

    it('with a server key, a chain recomputed without the key does not verify', async () => {
      const location = await backend.fresh();
      const opened = await backend.open(location, 'server-secret');
      const row = {
        receivedAt: '2026-02-01T00:00:00.000Z',
        consentId: 'visitor-keyed',
        decidedAt: '2026-02-01T00:00:00.000Z',
        revision: 1,
        method: 'custom',
        regime: null,
        region: null,
        language: null,
        categories: { analytics: false },
        services: {},
        consents: null,
        crossBorder: null,
        ageGroup: null,
        textsHash: null,
        page: null,
        userAgent: null,
        clientAddress: null,
      };
      await opened.store.append([row]);
      expect((await opened.store.verify()).ok).toBe(true);
      await opened.store.close();
      // Someone with database access but no key rewrites the row and the chain with plain sha256.
      const forger = await backend.open(location, null);
      const { createChainHasher } = await import('../../src/node/receipts');
      const forged = { ...row, categories: { analytics: true } };
      const hash = await createChainHasher(null)('', 1, forged);
      await forger.sql(`UPDATE consent_receipts SET categories = '{"analytics": true}', hash = $1 WHERE seq = 1`, [hash]);
      await forger.sql(`UPDATE consent_receipt_chain SET hash = $1`, [hash]);
      await forger.store.close();
      const owner = await backend.open(location, 'server-secret');
      try {
        expect((await owner.store.verify()).problems.map((p) => p.kind)).toEqual(['edited']);
      } finally {
        await owner.store.close();
      }
    });

    it('retention prunes receipts older than N months and the rest still verifies from the checkpoint', async () => {
      const opened = await backend.open(await backend.fresh());
      try {
        const now = Date.now();
        const monthsAgo = (m: number) => new Date(now - m * 31 * 24 * 3600 * 1000).toISOString();
        const row = (i: number, receivedAt: string) => ({
          receivedAt,
          consentId: `retained-${i}-xx`,
          decidedAt: receivedAt,
          revision: 1,
          method: 'custom',
          regime: null,
          region: null,
          language: null,
          categories: { analytics: true },
          services: {},
          consents: null,
          crossBorder: null,
          ageGroup: null,
          textsHash: null,
          page: null,
          userAgent: null,
          clientAddress: null,
        });
        await opened.store.append([
          row(1, monthsAgo(30)),
          row(2, monthsAgo(25)),
          row(3, monthsAgo(13)),
          row(4, monthsAgo(2)),
          row(5, monthsAgo(0)),
        ]);
        // The service prunes at start (and every 6 hours) when it has a retention policy.
        const service = createReceiptsService({ store: opened.store, retentionMonths: 24 });
        expect(await service.retention).toEqual({ deleted: 2, prunedThrough: 2 });
        await service.close();
        expect((await opened.store.find({ limit: 10 })).map((r) => r.seq)).toEqual([5, 4, 3]);
        expect(await opened.store.verify()).toMatchObject({ ok: true, checked: 3, prunedThrough: 2 });
        await opened.store.append([row(6, monthsAgo(0))]);
        const { prune } = opened.store;
        expect(await prune(new Date(monthsAgo(12)))).toEqual({ deleted: 1, prunedThrough: 3 });
        expect(await opened.store.verify()).toMatchObject({ ok: true, checked: 3, prunedThrough: 3 });
        // A deletion made to look like an earlier prune is still caught: the checkpoint does not cover it.
        await opened.sql('DELETE FROM consent_receipts WHERE seq = 4');
        expect((await opened.store.verify()).problems.map((p) => p.kind)).toEqual(['missing']);
      } finally {
        await opened.store.close();
      }
    });

    it('exports JSON Lines that round-trip and CSV that spreadsheets cannot execute', async () => {
      const opened = await backend.open(await backend.fresh());
      const site = await serve(opened, { adminToken: 'admin-token-for-tests' });
      try {
        await site.post(receipt());
        await site.post(
          receipt({
            consentId: 'second-visitor',
            method: 'reject-all',
            categories: { analytics: false },
            url: 'https://shop.example/=HYPERLINK("x")',
          }),
        );
        const auth = { authorization: 'Bearer admin-token-for-tests' };
        const jsonl = await fetch(site.origin + '/consent-receipts/admin/export?format=jsonl', { headers: auth });
        expect(jsonl.status).toBe(200);
        expect(jsonl.headers.get('content-disposition')).toMatch(/attachment; filename="consent-receipts-.*\.jsonl"/);
        const lines = (await jsonl.text())
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(lines).toEqual((await opened.store.find()).reverse());

        const csv = await (
          await fetch(site.origin + '/consent-receipts/admin/export?format=csv&consentId=second-visitor', { headers: auth })
        ).text();
        const [header, line, end] = csv.split('\r\n');
        expect(header.split(',').slice(0, 4)).toEqual(['seq', 'receivedAt', 'consentId', 'decidedAt']);
        expect(line).toContain(',second-visitor,');
        expect(line).toContain(',!analytics,');
        expect(end).toBe('');
        expect(csv.split('\r\n')).toHaveLength(3);
        expect((await fetch(site.origin + '/consent-receipts/admin/export?format=csv')).status).toBe(401);
      } finally {
        await site.close();
        await opened.store.close();
      }
    });

    it('keeps where the choice was made and a signal override in the chain; rows without them verify as before', async () => {
      const opened = await backend.open(await backend.fresh());
      try {
        const base = {
          receivedAt: '2026-12-01T00:00:00.000Z',
          decidedAt: '2026-12-01T00:00:00.000Z',
          revision: 1,
          method: 'custom',
          regime: null,
          region: null,
          language: 'en',
          categories: { analytics: false, advertising: true },
          services: {},
          consents: null,
          crossBorder: null,
          ageGroup: null,
          textsHash: null,
          page: null,
          userAgent: null,
          clientAddress: null,
        };
        // A row as schema version 1 wrote it (no via, no override), then one from this SDK's record.
        await opened.store.append([{ ...base, consentId: 'visitor-old-1' }]);
        await opened.store.append([{ ...base, consentId: 'visitor-gpc-1', via: 'dialog', signalOverride: true }]);
        expect(await opened.store.verify()).toMatchObject({ ok: true, checked: 2 });
        const [stored] = await opened.store.find({ consentId: 'visitor-gpc-1' });
        expect(stored).toMatchObject({ via: 'dialog', signalOverride: true });
        // Erasing the override afterwards (as if the visitor had never overridden their signal) is detected.
        await opened.sql(`UPDATE consent_receipts SET signal_override = NULL WHERE consent_id = 'visitor-gpc-1'`);
        expect((await opened.store.verify()).problems.map((p) => p.kind)).toEqual(['edited']);
      } finally {
        await opened.store.close();
      }
    });

    it('migrations are recorded and run once', async () => {
      const location = await backend.fresh();
      const first = await backend.open(location);
      await first.store.close();
      const again = await backend.open(location);
      try {
        expect(await again.sql('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
      } finally {
        await again.store.close();
      }
    });

    if (backend.name === 'postgres') {
      it('several app servers writing to one database keep one consistent chain', async () => {
        const location = await backend.fresh();
        const servers = await Promise.all([0, 1, 2].map(() => backend.open(location)));
        const sites = await Promise.all(servers.map((opened) => serve(opened, { rateLimit: false })));
        try {
          const results = await Promise.all(
            Array.from({ length: 300 }, (_, i) => sites[i % 3].post(receipt({ consentId: `multi-server-${i}` })).then((r) => r.status)),
          );
          expect(results.every((s) => s === 202)).toBe(true);
          const report = await servers[0].store.verify();
          expect(report).toMatchObject({ ok: true, checked: 300, head: { seq: 300 } });
        } finally {
          for (const site of sites) await site.close();
          for (const opened of servers) await opened.store.close();
        }
      });
    }
  });
}
