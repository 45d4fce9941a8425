import { describe, expect, it } from 'vitest';
import { crawl } from '../../src/node/cli/crawl/crawl';
import { sameOriginLinks } from '../../src/node/cli/crawl/same-origin-links';
import { parseStartUrl } from '../../src/node/cli/crawl/start-url';
import { compileUrlPattern, createUrlFilter } from '../../src/node/cli/crawl/url-pattern';
import { InputError } from '../../src/node/cli/errors';

describe('parseStartUrl', () => {
  it('adds https:// to a bare host, keeps http(s), drops the fragment', () => {
    expect(parseStartUrl('example.com').href).toBe('https://example.com/');
    expect(parseStartUrl('localhost:3000/a').href).toBe('https://localhost:3000/a');
    expect(parseStartUrl('127.0.0.1:8080').href).toBe('https://127.0.0.1:8080/');
    expect(parseStartUrl('http://127.0.0.1:8080/x#top').href).toBe('http://127.0.0.1:8080/x');
  });
  it('refuses other schemes and non-URLs with a readable InputError', () => {
    expect(() => parseStartUrl('file:///etc/passwd')).toThrow(/only http:\/\/ and https:\/\//);
    expect(() => parseStartUrl('ftp://example.com/')).toThrow(InputError);
    expect(() => parseStartUrl('http://')).toThrow(/not a URL/);
  });
});

describe('url patterns', () => {
  const url = (path: string) => new URL('https://example.com' + path);
  it('* stays within a segment, ** crosses, no leading slash matches anywhere', () => {
    expect(compileUrlPattern('/blog/*')(url('/blog/post'))).toBe(true);
    expect(compileUrlPattern('/blog/*')(url('/blog/2024/post'))).toBe(false);
    expect(compileUrlPattern('/blog/**')(url('/blog/2024/post'))).toBe(true);
    expect(compileUrlPattern('*.pdf')(url('/docs/a.pdf'))).toBe(true);
    expect(compileUrlPattern('/about')(url('/about-us'))).toBe(false);
    expect(compileUrlPattern('/search?q=*')(url('/search?q=x'))).toBe(true);
  });
  it('re: patterns are regular expressions over path and query', () => {
    expect(compileUrlPattern('re:^/(en|zh)/')(url('/zh/pricing'))).toBe(true);
    expect(compileUrlPattern('re:^/(en|zh)/')(url('/de/pricing'))).toBe(false);
  });
  it('include narrows, exclude wins', () => {
    const filter = createUrlFilter({ include: ['/docs/**'], exclude: ['/docs/private/**'] });
    expect(filter(url('/docs/a'))).toBe(true);
    expect(filter(url('/docs/private/a'))).toBe(false);
    expect(filter(url('/blog'))).toBe(false);
    expect(createUrlFilter({ include: [], exclude: [] })(url('/anything'))).toBe(true);
  });
});

describe('sameOriginLinks', () => {
  it('keeps the start origin only, without fragments, downloads or duplicates', () => {
    const links = sameOriginLinks(
      [
        '/a',
        '/a#section',
        'b?x=1',
        'https://example.com:444/c',
        'http://example.com/d',
        'https://other.example/e',
        'javascript:alert(1)',
        'mailto:x@example.com',
        '/file.pdf',
        '/img.PNG',
        'http://[invalid',
      ],
      'https://example.com/dir/page',
      'https://example.com',
    );
    expect(links).toEqual(['https://example.com/a', 'https://example.com/dir/b?x=1']);
  });
});

describe('crawl', () => {
  const site: Record<string, string[]> = {
    '/': ['/a', '/b', 'https://evil.example/x', '/a#frag'],
    '/a': ['/a1', '/a2', '/'],
    '/b': ['/b1', '/skip/me'],
    '/a1': ['/deep'],
    '/a2': [],
    '/b1': [],
    '/deep': [],
    '/skip/me': [],
  };
  const run = (options: { maxPages: number; maxDepth: number; concurrency?: number; exclude?: string[] }) => {
    const visited: string[] = [];
    return crawl({
      start: new URL('https://example.com/'),
      maxPages: options.maxPages,
      maxDepth: options.maxDepth,
      concurrency: options.concurrency ?? 2,
      filter: createUrlFilter({ include: [], exclude: options.exclude || [] }),
      visit: async (url) => {
        visited.push(url);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        return { result: new URL(url).pathname, links: site[new URL(url).pathname] || [] };
      },
    }).then((results) => ({ results, visited }));
  };

  it('goes breadth-first, never off the origin, each page once, results in discovery order', async () => {
    const { results, visited } = await run({ maxPages: 100, maxDepth: 5, exclude: ['/skip/**'], concurrency: 1 });
    expect(results).toEqual(['/', '/a', '/b', '/a1', '/a2', '/b1', '/deep']);
    expect(visited.every((url) => url.startsWith('https://example.com/'))).toBe(true);
    expect(new Set(visited).size).toBe(visited.length);
  });
  it('visits the same pages when pages run in parallel', async () => {
    const { results, visited } = await run({ maxPages: 100, maxDepth: 5, exclude: ['/skip/**'], concurrency: 3 });
    expect([...results].sort()).toEqual(['/', '/a', '/a1', '/a2', '/b', '/b1', '/deep']);
    expect(visited.length).toBe(7);
  });
  it('stops at the depth and the page limit', async () => {
    expect((await run({ maxPages: 100, maxDepth: 0 })).results).toEqual(['/']);
    expect((await run({ maxPages: 100, maxDepth: 1 })).results).toEqual(['/', '/a', '/b']);
    expect((await run({ maxPages: 4, maxDepth: 5, concurrency: 1 })).results).toEqual(['/', '/a', '/b', '/a1']);
  });
});
