import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPGlite } from '../../src/node/receipts';

const root = mkdtempSync(join(tmpdir(), 'consentry-receipts-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// `consentry receipts serve --data ./logs/consent` and the demo's data folder on a fresh clone: the folders
// above the database's own do not exist yet (PGlite alone fails with ENOENT).
it('opens an embedded store in a folder whose parents do not exist yet', { timeout: 120_000 }, async () => {
  const data = join(root, 'not', 'yet', 'there');
  const db = await openPGlite(data);
  expect((await db.query<{ one: number }>('select 1 as one', []))[0].one).toBe(1);
  await db.close();
  expect(existsSync(join(data, 'PG_VERSION'))).toBe(true);
});
