import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';

// What Chromium requests that the rewriter used to leave in place (issue 24 #11); the e2e test
// tests/e2e/rewrite-preload-scanner.test.ts shows each request happening, and not after rewriting.
const GA = 'https://www.google-analytics.com/analytics.js';
const DC = 'https://ad.doubleclick.net/pixel.gif';
const CDN = 'https://cdn.unlisted.example/tag.js';
const PAGE = 'https://shop.example/';

const settings = validateConfig({ services: [{ id: 'maps', category: 'advertising', hosts: ['maps.example.net'] }] });
const rewrite = (html: string, granted: string[] = []) =>
  createRewriter({ settings, grantedCategories: granted }).rewrite(html, { url: PAGE });

describe('in SVG and MathML, where the parser fetches nothing but the preload scanner does', () => {
  it.each([
    [`<svg><link rel="stylesheet" href="${GA}"></svg>`, `<svg><link rel="stylesheet" data-href="${GA}" data-consent="analytics"></svg>`],
    [
      `<math><link rel=preload as=script href="${GA}"></math>`,
      `<math><link rel="preload" as="script" data-href="${GA}" data-consent="analytics"></math>`,
    ],
    [`<svg><video poster="${DC}"></video></svg>`, `<svg><video data-poster="${DC}" data-consent="advertising"></video></svg>`],
    [`<math><input type=image src="${DC}"></math>`, `<math><input type="image" data-src="${DC}" data-consent="advertising"></math>`],
    // An SVG script's type decides whether its inline code runs: only its URL moves.
    [`<svg><script src="${GA}">draw()</script></svg>`, `<svg><script data-src="${GA}" data-consent="analytics">draw()</script></svg>`],
    [
      `<div><svg><g><link rel=modulepreload href="${GA}"></g></svg></div>`,
      `<div><svg><g><link rel="modulepreload" data-href="${GA}" data-consent="analytics"></g></svg></div>`,
    ],
  ])('%s', (input, output) => {
    expect(rewrite(input)).toBe(output);
  });

  it('leaves foreign tags that fetch nothing', () => {
    const html = `<svg><link rel=canonical href="${GA}"><script type="text/plain" src="${GA}"></script><input type=text src="${DC}"></svg>`;
    expect(rewrite(html)).toBe(html);
  });
});

describe('tags and attributes the browser loads that the rewriter did not know', () => {
  it.each([
    [`<frameset><frame src="${DC}"></frameset>`, `<frameset><frame data-src="${DC}" data-consent="advertising"></frameset>`],
    [`<body background="${DC}">`, `<body data-background="${DC}" data-consent="advertising">`],
    [
      `<table background="${DC}"><tr background="${DC}"><td background="${DC}">x`,
      `<table data-background="${DC}" data-consent="advertising"><tr data-background="${DC}" data-consent="advertising"><td data-background="${DC}" data-consent="advertising">x`,
    ],
    [`<input type=" Image " src="${DC}" alt="go">`, `<input type=" Image " data-src="${DC}" alt="go" data-consent="advertising">`],
    [`<link rel="compression-dictionary" href="${GA}">`, `<link rel="compression-dictionary" data-href="${GA}" data-consent="analytics">`],
  ])('%s', (input, output) => {
    expect(rewrite(input)).toBe(output);
  });

  it("drops a repeated <body>'s background that the first body's marking would release, and says so", () => {
    // The parser merges the second tag into the first body, keeping data-consent="analytics": held there,
    // the ad image would load on an analytics grant.
    const held: unknown[] = [];
    const rewriter = createRewriter({ settings, grantedCategories: ['analytics'], onHeld: (tag) => held.push(tag) });
    const input = `<body data-consent="analytics"><p>x</p><body background="${DC}" class="b">`;
    expect(rewriter.rewrite(input, { url: PAGE })).toBe(`<body data-consent="analytics"><p>x</p><body class="b">`);
    expect(held).toEqual([{ tagName: 'body', url: DC, category: 'advertising', dropped: true }]);
    // Unmarked first body: the second's held form merges whole, with its own marking.
    expect(rewrite(`<body class="a"><body background="${DC}">`)).toBe(
      `<body class="a"><body data-background="${DC}" data-consent="advertising">`,
    );
  });

  it('leaves an input that is not an image, and a background on an element that loads none', () => {
    const html = `<input type=text src="${DC}"><div background="${DC}"></div>`;
    expect(rewrite(html)).toBe(html);
  });
});

describe('tags the owner marked but wrote in a form that loads at once', () => {
  it.each([
    [
      `<script data-consent="analytics" src="${CDN}"></script>`,
      `<script data-consent="analytics" data-src="${CDN}" type="text/plain"></script>`,
    ],
    [
      `<script type="module" data-consent="analytics" src="${CDN}"></script>`,
      `<script type="text/plain" data-consent="analytics" data-src="${CDN}" data-type="module"></script>`,
    ],
    [`<script data-consent="analytics">track()</script>`, `<script data-consent="analytics" type="text/plain">track()</script>`],
    [
      `<img data-consent="advertising" src="${CDN}" srcset="${CDN} 2x">`,
      `<img data-consent="advertising" data-src="${CDN}" data-srcset="${CDN} 2x">`,
    ],
    [
      `<iframe data-service="maps" src="https://maps.example.net/"></iframe>`,
      `<iframe data-service="maps" data-src="https://maps.example.net/"></iframe>`,
    ],
    [`<link rel=stylesheet data-consent="analytics" href="${CDN}">`, `<link rel="stylesheet" data-consent="analytics" data-href="${CDN}">`],
    // A service the config does not declare, and a category it does not know, are never granted.
    [`<img data-service="nope" src="${CDN}">`, `<img data-service="nope" data-src="${CDN}">`],
    [`<img data-consent="constructor" src="${CDN}">`, `<img data-consent="constructor" data-src="${CDN}">`],
  ])('%s', (input, output) => {
    expect(rewrite(input)).toBe(output);
  });

  it('leaves them as written once their category or service is granted, and essential ones always', () => {
    const html = `<script data-consent="analytics" src="${CDN}"></script><iframe data-service="maps" src="https://maps.example.net/"></iframe>`;
    expect(rewrite(html, ['analytics', 'advertising'])).toBe(html);
    const essential = `<script data-consent="essential" src="${CDN}"></script>`;
    expect(rewrite(essential)).toBe(essential);
  });

  it('keeps an owner’s placeholder: a src next to its own data-src is what shows until consent', () => {
    const html = `<img data-consent="advertising" src="/placeholder.svg" data-src="${DC}">`;
    expect(rewrite(html)).toBe(html);
  });

  it('reads an empty marking as none, as the runtime does, and classifies the URL', () => {
    expect(rewrite(`<img data-consent="" src="${DC}">`)).toBe(`<img data-consent="advertising" data-src="${DC}">`);
    expect(rewrite(`<img data-consent="" src="${CDN}">`)).toBe(`<img data-consent="" src="${CDN}">`);
  });

  it('is final: a second pass changes nothing', () => {
    const once = rewrite(
      `<script data-consent="analytics" src="${CDN}"></script><svg><video poster="${DC}"></video></svg><body background="${DC}">`,
    );
    expect(rewrite(once)).toBe(once);
  });
});
