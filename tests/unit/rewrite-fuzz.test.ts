import fc from 'fast-check';
import { parse, parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { classifyUrl } from '../../src/node/rewrite/classify-url';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';
import { FETCH_ATTRIBUTES } from '../../src/node/rewrite/gated-form';
import { grantsOf, isGranted } from '../../src/node/rewrite/grants';
import { planGate } from '../../src/node/rewrite/plan-gate';

// Random HTML, well- and ill-formed, dense in the tags and attributes the rewriter cares about.
const PAGE = 'https://shop.example/';
const settings = validateConfig({ services: [{ id: 'maps', category: 'advertising', hosts: ['maps.example.net'] }] });
const granted = ['analytics'];
const rewriter = createRewriter({ settings, grantedCategories: granted });
const grants = grantsOf(granted);
const classify = (url: string) => {
  try {
    return classifyUrl(new URL(url.trim(), PAGE).href, settings, PAGE);
  } catch {
    return null;
  }
};

const url = fc.constantFrom(
  'https://ad.doubleclick.net/p.gif',
  'https://www.google-analytics.com/a.js',
  '//connect.facebook.net/x.js',
  'https://maps.example.net/e?a=1&amp;b=2',
  'https://AD.DOUBLECLICK.NET:443/x',
  ' https://ad.doubleclick.net/sp ',
  '/own.js',
  'own.png',
  'https://shop.example/x',
  'https://cdn.example.org/lib.js',
  'data:,x',
  'https://[bad',
  '/a.png 1x, https://ad.doubleclick.net/b.png 2x',
  'https://ad.doubleclick.net/c,d.png 1x',
  '',
);
const attrName = fc.constantFrom(
  'src',
  'SRC',
  'srcset',
  'href',
  'rel',
  'type',
  'poster',
  'data',
  'imagesrcset',
  'data-src',
  'data-consent',
  'data-service',
  'data-type',
  'alt',
  'class',
  'async',
  'language',
  'a"b',
  '=x',
  "'",
  '<',
  'encoding',
  'color',
  'background',
  'data-background',
);
const attrValue = fc.oneof(
  url,
  fc.constantFrom(
    'stylesheet',
    'preload',
    'canonical',
    'compression-dictionary',
    'module',
    'text/plain',
    'text/javascript',
    'analytics',
    'maps',
    'image',
    'essential',
    'x"y',
    "a'b",
    '&quot;',
    'é<>',
    'text/html',
    'red',
  ),
  fc.string({ maxLength: 6 }),
);
const attribute = fc
  .tuple(attrName, attrValue, fc.constantFrom('"', "'", '', 'none'))
  .map(([name, value, quote]) =>
    quote === 'none'
      ? name
      : quote === ''
        ? `${name}=${value.replace(/[\s>"'=<`]/g, '') || 'v'}`
        : `${name}=${quote}${value.split(quote).join('')}${quote}`,
  );
const tagName = fc.constantFrom(
  'script',
  'img',
  'iframe',
  'video',
  'audio',
  'source',
  'embed',
  'object',
  'link',
  'image',
  'IMG',
  'Script',
  'noscript',
  'svg',
  'math',
  'foreignObject',
  'desc',
  'mi',
  'annotation-xml',
  'template',
  'textarea',
  'title',
  'style',
  'table',
  'tr',
  'td',
  'caption',
  'colgroup',
  'select',
  'option',
  'p',
  'div',
  'picture',
  'xmp',
  'plaintext',
  'b',
  'a',
  'font',
  'form',
  'button',
  'head',
  'body',
  'html',
  'frameset',
  'iframe',
  'noembed',
  'frame',
  'input',
  'thead',
  'tbody',
  'tfoot',
  'th',
);
const startTag = fc
  .tuple(tagName, fc.array(attribute, { maxLength: 5 }), fc.constantFrom('>', '/>', ' >', '', '\n>'))
  .map(([name, attrs, close]) => `<${name}${attrs.map((a) => ' ' + a).join('')}${close}`);
const endTag = tagName.map((name) => `</${name}>`);
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '<',
    '&',
    '&amp;',
    '&lt;img src=x>',
    '\r\n',
    '\0',
    '<!--',
    '-->',
    '<!doctype html>',
    '<![CDATA[',
    ']]>',
    '</',
    '😀',
    '\ud83d',
    'document.write(\'<img src="https://ad.doubleclick.net/w">\')',
  ),
);
const html = fc
  .array(fc.oneof({ weight: 3, arbitrary: startTag }, { weight: 2, arbitrary: endTag }, { weight: 3, arbitrary: text }), { maxLength: 40 })
  .map((parts) => parts.join(''));

type Node = T.ChildNode | T.Element;
const isElement = (node: Node): node is T.Element => 'tagName' in node;
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const attrsOf = (el: T.Element) => Object.fromEntries(el.attrs.map((a) => [a.name, a.value]));
const viewOf = (el: T.Element) => ({
  name: el.tagName,
  foreign: el.namespaceURI !== HTML_NS,
  get: (name: string) => attrsOf(el)[name] ?? null,
});
const serviceCategory = (id: string) => settings.services.find((service) => service.id === id)?.category;

/**
 * The parser merges a repeated `<body>`'s attributes into the first body, so its element is not one tag's
 * plan: each attribute is kept, or (a fetch attribute) held or dropped, and whatever is held waits for its
 * own category — never for a marking that another tag brought.
 */
function expectBodyHeldSafely(before: Record<string, string>, after: Record<string, string>, where: string) {
  const fetching = FETCH_ATTRIBUTES.body;
  const added = ['data-consent', 'data-service', ...fetching.map((name) => 'data-' + name)];
  // The first tag's held form brings its marking and held attributes; a later tag's own then do not land.
  const held = fetching.some((name) => name in before && !(name in after));
  for (const [name, value] of Object.entries(before)) {
    if (fetching.includes(name) || (added.includes(name) && held)) continue;
    expect(after[name], `${where} keeps ${name}`).toBe(value);
  }
  for (const name of Object.keys(after)) {
    if (!(name in before)) expect(added, `${where} adds ${name}`).toContain(name);
  }
  for (const name of fetching) {
    const heldUrl = after['data-' + name];
    const found = heldUrl != null && heldUrl !== before['data-' + name] ? classify(heldUrl) : null;
    if (!found || isGranted(grants, found.category, found.service)) continue;
    const waitsFor = after['data-consent'] || serviceCategory(after['data-service'] || '');
    expect(waitsFor, `${where}: held ${name} waits for its own category`).toBe(found.category);
  }
}

/** An output element is its input, or the input in held form: fetch attributes moved, markers added. */
function expectSameOrHeld(input: T.Element, output: T.Element, where: string) {
  const before = attrsOf(input);
  const after = attrsOf(output);
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const plan = planGate(viewOf(input), { classify, grants, serviceCategory });
  const expected = { ...before };
  for (const [from, to] of plan?.moves || []) {
    expected[to] = expected[from];
    delete expected[from];
  }
  for (const [name, value] of plan?.sets || []) expected[name] = value;
  const sorted = (attrs: Record<string, string>) => JSON.stringify(Object.entries(attrs).sort());
  if (input.tagName === 'body' && sorted(after) !== sorted(expected)) {
    return expectBodyHeldSafely(before, after, where);
  }
  expect(plan, `${where}: changed but not held`).not.toBeNull();
  expect(after, where).toEqual(expected);
}

function children(node: T.ParentNode): Node[] {
  const content = (node as T.Template).content;
  return [...(content ? content.childNodes : []), ...node.childNodes] as Node[];
}

/** Same tree, element for element; noscript text compared as the markup it is without scripting. */
function compareTrees(input: T.ParentNode, output: T.ParentNode, path: string) {
  const a = children(input);
  const b = children(output);
  expect(
    b.map((n) => n.nodeName),
    path,
  ).toEqual(a.map((n) => n.nodeName));
  a.forEach((node, i) => {
    const other = b[i];
    const where = `${path}/${node.nodeName}[${i}]`;
    if (isElement(node) && isElement(other)) {
      expectSameOrHeld(node, other, where);
      // A rewritten output must be final: nothing left to hold. (A body may merge several tags, each final
      // alone, into an element no one tag wrote; the rewrite-twice check below covers it tag by tag.)
      if (other.tagName !== 'body') expect(planGate(viewOf(other), { classify, grants, serviceCategory }), where).toBeNull();
      compareTrees(node, other, where);
    } else if (node.nodeName === '#text') {
      const inText = (node as T.TextNode).value;
      const outText = (other as T.TextNode).value;
      const parent = node.parentNode as T.Element;
      if (parent && parent.tagName === 'noscript' && parent.namespaceURI === HTML_NS) {
        compareTrees(parseFragment(inText), parseFragment(outText), where + '(noscript)');
      } else {
        expect(outText, where).toBe(inText);
      }
    } else if (node.nodeName === '#comment') {
      expect((other as T.CommentNode).data, where).toBe((node as T.CommentNode).data);
    }
  });
}

// FUZZ_SEED replays a run that failed (fast-check prints its seed); FUZZ_RUNS explores further.
const FUZZ_OPTIONS = { numRuns: Number(process.env.FUZZ_RUNS) || 3000, seed: Number(process.env.FUZZ_SEED) || undefined };

describe('fuzzed HTML', () => {
  it('never throws, parses to the same DOM but for held tags, and is final', () => {
    fc.assert(
      fc.property(html, (input) => {
        let held = 0;
        const counting = createRewriter({ settings, grantedCategories: granted, onHeld: () => held++ });
        const output = counting.rewrite(input, { url: PAGE });
        if (held === 0) expect(output).toBe(input);
        compareTrees(parse(input), parse(output), '');
        expect(rewriter.rewrite(output, { url: PAGE })).toBe(output);
      }),
      FUZZ_OPTIONS,
    );
  }, 300_000);

  it('gives the same output however the input is split', () => {
    fc.assert(
      fc.property(html, fc.array(fc.nat(), { maxLength: 6 }), (input, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((x, y) => x - y);
        const engine = rewriter.engine({ url: PAGE });
        let out = '';
        let from = 0;
        for (const at of [...points, input.length]) {
          out += engine.write(input.slice(from, at));
          from = at;
        }
        expect(out + engine.end()).toBe(rewriter.rewrite(input, { url: PAGE }));
      }),
      FUZZ_OPTIONS,
    );
  }, 300_000);

  it('covers every kind of fetching tag in its generator', () => {
    expect(Object.keys(FETCH_ATTRIBUTES).every((name) => tagName.canShrinkWithoutContext(name))).toBe(true);
  });
});
