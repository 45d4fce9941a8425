import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReceiptStore, openPGlite } from '../../src/node/receipts';
import { runReceipts } from '../../src/node/receipts/receipts-command';

const dir = mkdtempSync(join(tmpdir(), 'consentry-receipts-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runReceipts(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
};

const row = (i: number, receivedAt: string) => ({
  receivedAt,
  consentId: `cli-visitor-${i}`,
  decidedAt: receivedAt,
  revision: i,
  method: 'custom',
  regime: null,
  region: 'FR',
  language: 'fr',
  categories: { analytics: i % 2 === 0 },
  services: {},
  consents: null,
  crossBorder: null,
  ageGroup: null,
  textsHash: null,
  page: null,
  userAgent: null,
  clientAddress: null,
});

describe('consentry receipts verify | export | prune', { timeout: 180_000 }, () => {
  it('verifies, exports with filters, prunes, and reports tampering with exit code 1', async () => {
    const data = join(dir, 'log');
    const db = await openPGlite(data);
    const store = await createReceiptStore(db);
    const old = new Date(Date.now() - 40 * 31 * 24 * 3600 * 1000).toISOString();
    await store.append([row(1, old), row(2, new Date().toISOString()), row(3, new Date().toISOString())]);
    await store.close();

    const verified = await run('verify', '--data', data);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^Chain intact: 3 receipts checked/);
    expect(verified.stdout).toMatch(/Chain head: row 3, [0-9a-f]{64}/);

    const out = join(dir, 'export.csv');
    expect((await run('export', '--data', data, '--format', 'csv', '--revision', '2', '--out', out)).code).toBe(0);
    const csv = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(',cli-visitor-2,');
    const jsonl = await run('export', '--data', data, '--consent-id', 'cli-visitor-3');
    expect(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).consentId),
    ).toEqual(['cli-visitor-3']);

    const pruned = await run('prune', '--data', data, '--retention-months', '36');
    expect(pruned.stdout).toMatch(/Deleted 1 receipts older than 36 months; the chain now starts after row 1/);
    expect((await run('verify', '--data', data, '--json')).stdout).toContain('"prunedThrough": 1');

    const tamper = await openPGlite(data);
    await tamper.query(`UPDATE consent_receipts SET categories = '{"analytics": true}' WHERE seq = 3`);
    await tamper.close();
    const broken = await run('verify', '--data', data);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^CHAIN BROKEN/);
    expect(broken.stdout).toContain('row 3 does not match its hash');
  });

  it('refuses bad input with exit code 2 and never creates a store to verify', async () => {
    const missing = await run('verify', '--data', join(dir, 'typo'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no receipts store at');
    expect((await run('prune', '--data', join(dir, 'log'))).stderr).toContain('--retention-months');
    expect((await run('export', '--data', join(dir, 'log'), '--format', 'xml')).code).toBe(2);
    expect((await run('launch')).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });
});
