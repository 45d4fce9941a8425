import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every relative link in the docs written for this issue leads to a file that exists and, with a
// #fragment, to a heading that exists there (GitHub's anchor rules), so the docs cannot point nowhere.

const ROOT = new URL('../../', import.meta.url).pathname;
const CHECKED = [
  'docs/README.md',
  'docs/config.md',
  'docs/api.md',
  'docs/markup.md',
  'docs/regions.md',
  'docs/blocking.md',
  'docs/browsers.md',
  'docs/recipes.md',
  'docs/migration.md',
  'docs/quick-start.md',
  'docs/architecture.md',
  'CHANGELOG.md',
  'README.md',
  'examples/plain-html/README.md',
  'examples/react-vite/README.md',
  'examples/vue/README.md',
  'examples/svelte/README.md',
  'examples/nextjs/README.md',
];

/** GitHub's heading anchors: lower case, punctuation dropped (letters of any script kept), spaces to '-'. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  for (const [, heading] of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  }
  return anchors;
}

function linksOf(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((href) => !/^[a-z]+:/i.test(href));
}

describe.each(CHECKED)('%s', (file) => {
  it('has only relative links that resolve, anchors included', () => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const broken = linksOf(text).filter((href) => {
      const [path, fragment] = href.split('#');
      const target = path ? normalize(join(dirname(join(ROOT, file)), path)) : join(ROOT, file);
      if (!existsSync(target)) return true;
      return !!fragment && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(decodeURIComponent(fragment));
    });
    expect(broken).toEqual([]);
  });
});

it('anchors follow GitHub: punctuation dropped, other scripts kept, duplicates numbered', () => {
  expect([...anchorsOf('## CNZZ / Umeng (友盟)\n## IAB TCF v2.2\n## `texts`\n## A\n## A')]).toEqual([
    'cnzz--umeng-友盟',
    'iab-tcf-v22',
    'texts',
    'a',
    'a-1',
  ]);
});
