import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/node/cli/classify/classifier';
import { SDK_STORAGE_KEYS } from '../../src/node/cli/classify/sdk-storage';
import { builtInTables } from '../../src/node/cli/classify/tables';
import type { Setter } from '../../src/node/cli/types';

const ROOT = new URL('../../', import.meta.url).pathname;
const SITE = 'https://www.shop.example';
const none: Setter = { kind: 'unknown' };
const classifier = createClassifier({ tables: builtInTables, settings: null, siteOrigin: SITE });
const purpose = (key: string, type: 'local' | 'session' = 'local') => classifier.storage({ type, key, origin: SITE, setBy: none });

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/** The `consentry:<name>` string literals the SDK's code holds (the scanner's own code left out). */
const keysInSdkSource = () => {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src')).filter((file) => !relative(ROOT, file).startsWith('src/node/cli/')))
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`](consentry:[a-z][\w-]*)['"`]/g)) keys.add(match[1]);
  return [...keys].sort();
};

describe("the scanner report says what each of the SDK's own storage keys holds", () => {
  it('knows every key the SDK writes, and no other (a new key in src/ fails here until it has its own text)', () => {
    expect(keysInSdkSource()).toEqual(['consentry:receipts', 'consentry:settings', 'consentry:texts']);
    expect([...SDK_STORAGE_KEYS].sort()).toEqual(keysInSdkSource());
  });

  it('describes each one for what it is: consentry:settings is no receipt queue', () => {
    expect(purpose('consentry:settings')).toMatchObject({ category: 'essential', provider: 'consentry', source: 'sdk' });
    expect(purpose('consentry:settings').purpose).toMatch(/^Caches the site's validated consent configuration/);
    expect(purpose('consentry:texts').purpose).toMatch(/interface texts .* in the visitor's language/);
    expect(purpose('consentry:receipts').purpose).toBe("Consent receipts waiting to be sent to the site's consent log");
    const purposes = SDK_STORAGE_KEYS.map((key) => purpose(key).purpose);
    expect(new Set(purposes).size).toBe(SDK_STORAGE_KEYS.length);
    expect(purposes.filter((text) => /receipt/i.test(text))).toHaveLength(1);
  });

  it('does not call an unknown consentry: key, or an SDK key name in sessionStorage, essential', () => {
    expect(purpose('consentry:tracking-id')).toMatchObject({ category: 'unclassified', source: 'none' });
    expect(purpose('consentry:settings', 'session')).toMatchObject({ category: 'unclassified' });
  });

  it('matches the storage table of docs/security.md, which a cookie declaration is written from', () => {
    const security = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
    for (const key of SDK_STORAGE_KEYS) expect(security).toMatch(new RegExp('\\| `localStorage` \\| `' + key + '` \\|'));
  });
});
