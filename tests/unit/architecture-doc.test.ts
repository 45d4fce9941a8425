import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT } from './package-dist';

// docs/architecture.md is the map of the code. Every path it names in backticks must exist, so a file
// that is moved or renamed fails here instead of leaving the map wrong. Paths under dist/ are checked
// against a real build, and every file the build writes at the top of dist/ must be on the map.

const MAP = 'docs/architecture.md';

/** A code span that starts with one of the repository's top-level folders is a path. */
const FOLDERS = ['src', 'scripts', 'tests', 'data', 'docs', 'dist', 'bin', 'bench', 'demo', 'examples'];
/** A file name without a folder (`rollup.config.mjs`) has to be a file at the repository root. */
const BARE_FILE = /^[\w.-]+\.(?:ts|tsx|mts|mjs|cjs|js|json|md|csv)$/;

/** The paths in a markdown text's inline code spans (fenced blocks are drawings and are not read). */
function pathsNamedIn(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]);
  const isPath = (span: string) =>
    !/\s/.test(span) && ((span.includes('/') && FOLDERS.includes(span.split('/')[0])) || BARE_FILE.test(span));
  return [...new Set(spans.filter(isPath))];
}

/** A segment's pattern: `*` stands for any text, `<lang>` (any word in angle brackets) for a non-empty one. */
function segmentPattern(segment: string): RegExp {
  const parts = segment.split(/(\*|<[^>]+>)/);
  const source = parts.map((part, i) => (i % 2 ? (part === '*' ? '[^/]*' : '[^/]+') : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp('^' + source.join('') + '$');
}

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Whether `path` (relative to `root`, maybe with wildcards) names at least one thing; a trailing `/` asks for a folder. */
function exists(root: string, path: string): boolean {
  let found = [root];
  for (const segment of path.split('/').filter(Boolean)) {
    if (!/[*<]/.test(segment)) {
      found = found.map((folder) => join(folder, segment)).filter((candidate) => existsSync(candidate));
    } else {
      const pattern = segmentPattern(segment);
      found = found.flatMap((folder) =>
        isDirectory(folder)
          ? readdirSync(folder)
              .filter((name) => pattern.test(name))
              .map((name) => join(folder, name))
          : [],
      );
    }
  }
  return found.some((candidate) => !path.endsWith('/') || isDirectory(candidate));
}

const map = readFileSync(join(ROOT, MAP), 'utf8');
const named = pathsNamedIn(map);
const distPaths = named.filter((path) => path.startsWith('dist/'));

describe(MAP, () => {
  beforeAll(async () => {
    await ensureDist();
  }, 600_000);

  it('names paths (the check below reads something)', () => {
    expect(named.length).toBeGreaterThan(50);
    expect(distPaths.length).toBeGreaterThan(10);
  });

  it('names only source paths that exist', () => {
    expect(named.filter((path) => !path.startsWith('dist/') && !exists(ROOT, path))).toEqual([]);
  });

  it('names only dist/ paths the build writes', () => {
    expect(distPaths.filter((path) => !exists(ROOT, path))).toEqual([]);
  });

  it('names every file and folder the build writes at the top of dist/', () => {
    const documented = (entry: string) => distPaths.some((path) => segmentPattern(path.split('/')[1]).test(entry));
    expect(readdirSync(join(ROOT, 'dist')).filter((entry) => !documented(entry))).toEqual([]);
  });

  it('is linked from docs/README.md and README.md', () => {
    expect(readFileSync(join(ROOT, 'docs/README.md'), 'utf8')).toContain('](architecture.md)');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/architecture.md)');
  });
});

describe('the path check itself', () => {
  it('reads inline code spans that start with a repository folder or name a root file, not drawings or package names', () => {
    const text = [
      'See `src/core/policy/decide.ts`, `rollup.config.mjs`, `decide()`, `consentry/rewrite`, `npm run build`.',
      '```',
      'src/only/in/a/drawing.ts',
      '```',
      'And `src/core/texts/packs/<lang>.ts`, `dist/chunks/`.',
    ].join('\n');
    expect(pathsNamedIn(text)).toEqual([
      'src/core/policy/decide.ts',
      'rollup.config.mjs',
      'src/core/texts/packs/<lang>.ts',
      'dist/chunks/',
    ]);
  });

  it('fails a path that does not exist, a pattern that matches nothing, and a file named as a folder', () => {
    expect(exists(ROOT, 'src/core/policy/decide.ts')).toBe(true);
    expect(exists(ROOT, 'src/consent/decides.ts')).toBe(false);
    expect(exists(ROOT, 'src/core/texts/packs/<lang>.ts')).toBe(true);
    expect(exists(ROOT, 'src/core/texts/packs/<lang>.tsx')).toBe(false);
    expect(exists(ROOT, 'tests/e2e/blocking-*.test.ts')).toBe(true);
    expect(exists(ROOT, 'src/loader/effects/')).toBe(true);
    expect(exists(ROOT, 'src/loader/auto.ts/')).toBe(false);
  });
});
