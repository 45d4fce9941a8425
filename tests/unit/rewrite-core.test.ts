import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';
import type { HeldTag } from '../../src/node/rewrite/document-gate';
import { classifyUrlFull } from '../../src/node/rewrite/classify-url-full';

const GA = 'https://www.google-analytics.com/analytics.js';
const GTM = 'https://www.googletagmanager.com/gtag/js?id=G-1';
const DC = 'https://ad.doubleclick.net/pixel.gif';
const PAGE = 'https://shop.example/products/1';

const settings = validateConfig({
  services: [{ id: 'maps', category: 'advertising', hosts: ['maps.example.net'] }],
  blocking: {
    rules: [
      { match: 'cdn.partner.example/tags/', category: 'analytics' },
      { match: '/own/track', category: 'analytics' },
    ],
  },
});
const always = createRewriter({ settings, grantedCategories: [] });
const rewrite = (html: string, url = PAGE) => always.rewrite(html, { url });

describe('held forms', () => {
  it.each([
    [`<script async src="${GTM}"></script>`, `<script async="" data-src="${GTM}" type="text/plain" data-consent="analytics"></script>`],
    [
      `<script type="module" src="${GA}"></script>`,
      `<script type="text/plain" data-src="${GA}" data-type="module" data-consent="analytics"></script>`,
    ],
    [
      `<script type=" Module " src="${GA}"></script>`,
      `<script type="text/plain" data-src="${GA}" data-type="module" data-consent="analytics"></script>`,
    ],
    [
      `<script type="text/javascript" src="${GA}" defer></script>`,
      `<script type="text/plain" data-src="${GA}" defer="" data-consent="analytics"></script>`,
    ],
    [`<img src="${DC}" width=1 height=1 alt="">`, `<img data-src="${DC}" width="1" height="1" alt="" data-consent="advertising">`],
    [
      `<img src="/logo.png" srcset="/a.png 1x, ${DC} 2x">`,
      `<img data-src="/logo.png" data-srcset="/a.png 1x, ${DC} 2x" data-consent="advertising">`,
    ],
    [
      `<iframe src="https://maps.example.net/embed?q=1" loading=lazy></iframe>`,
      `<iframe data-src="https://maps.example.net/embed?q=1" loading="lazy" data-consent="advertising" data-service="maps"></iframe>`,
    ],
    [
      `<video poster="${DC}" src="/v.mp4" controls></video>`,
      `<video data-poster="${DC}" data-src="/v.mp4" controls="" data-consent="advertising"></video>`,
    ],
    [`<audio src="${DC}"></audio>`, `<audio data-src="${DC}" data-consent="advertising"></audio>`],
    [
      `<picture><source srcset="${DC} 1x"><img src="/a.png"></picture>`,
      `<picture><source data-srcset="${DC} 1x" data-consent="advertising"><img src="/a.png"></picture>`,
    ],
    [`<embed src="${DC}">`, `<embed data-src="${DC}" data-consent="advertising">`],
    [`<object data="${DC}"></object>`, `<object data-data="${DC}" data-consent="advertising"></object>`],
    [
      `<link rel="stylesheet" href="https://cdn.partner.example/tags/x.css">`,
      `<link rel="stylesheet" data-href="https://cdn.partner.example/tags/x.css" data-consent="analytics">`,
    ],
    [`<link rel=preload as=script href="${GA}">`, `<link rel="preload" as="script" data-href="${GA}" data-consent="analytics">`],
    [`<link rel="modulepreload" href="${GA}">`, `<link rel="modulepreload" data-href="${GA}" data-consent="analytics">`],
    [`<link rel="Prefetch  dns-prefetch" href="${GA}">`, `<link rel="Prefetch  dns-prefetch" data-href="${GA}" data-consent="analytics">`],
    [
      `<link rel=preload as=image imagesrcset="${DC} 2x" href="/a.png">`,
      `<link rel="preload" as="image" data-imagesrcset="${DC} 2x" data-href="/a.png" data-consent="advertising">`,
    ],
    [`<script src="/own/track.js"></script>`, `<script data-src="/own/track.js" type="text/plain" data-consent="analytics"></script>`],
    [`<image src="${DC}">`, `<img data-src="${DC}" data-consent="advertising">`],
    [`<img src="${DC}"/>`, `<img data-src="${DC}" data-consent="advertising"/>`],
  ])('%s', (input, output) => {
    expect(rewrite(input)).toBe(output);
  });

  it('keeps every other attribute, values re-escaped as the parser read them', () => {
    expect(rewrite(`<script src='${GA}?a=1&amp;b="2"' integrity=sha384-x crossorigin nonce="n0" id=x data-foo='é&lt;'></script>`)).toBe(
      `<script data-src="${GA}?a=1&amp;b=&quot;2&quot;" integrity="sha384-x" crossorigin="" nonce="n0" id="x" data-foo="é<" type="text/plain" data-consent="analytics"></script>`,
    );
  });

  it('replaces a data-src the tag already had (a lazy-loader placeholder) rather than keeping two', () => {
    expect(rewrite(`<img data-src="/lazy.png" src="${DC}">`)).toBe(`<img data-src="${DC}" data-consent="advertising">`);
  });

  it('takes the first of duplicated attributes, as browsers do, and drops the rest', () => {
    expect(rewrite(`<img src="${DC}" src="/b.png">`)).toBe(`<img data-src="${DC}" data-consent="advertising">`);
  });
});

describe('left exactly as written', () => {
  it.each([
    [
      'inline scripts, whatever they load',
      `<script>var s=document.createElement('script');s.src='${GA}';document.head.appendChild(s)</script>`,
    ],
    ['a script the owner marked', `<script type="text/plain" data-consent="analytics" src="${GA}"></script>`],
    ['an element the owner marked', `<iframe data-consent="advertising" data-src="${DC}"></iframe>`],
    ['a data script', `<script type="application/ld+json" src="${GA}"></script>`],
    ['an unknown script type', `<script type="text/x-template" src="${GA}"></script>`],
    ['links that fetch nothing', `<link rel=canonical href="${GA}"><link rel="alternate" hreflang=de href="${DC}">`],
    ['same-origin URLs', `<script src="/app.js"></script><img src="https://shop.example/x.png">`],
    ['unknown third parties', `<script src="https://cdn.jsdelivr.net/npm/x"></script>`],
    ['SVG scripts and images', `<svg><script href="${GA}"></script><image href="${DC}"/></svg>`],
    [
      'URLs in text, comments, textarea, title, style',
      `<!-- <img src="${DC}"> --><textarea><img src="${DC}"></textarea><title><script src="${GA}"></title><style>@import "${GA}";</style><p>${DC}</p>`,
    ],
    ['non-http URLs', `<img src="data:image/gif;base64,R0lGOD"><iframe src="javascript:void 0"></iframe>`],
    ['an unparsable URL', `<img src="https://[bad">`],
  ])('%s', (_label, html) => {
    expect(rewrite(html)).toBe(html);
  });

  it('byte for byte, whatever the markup, when nothing is held', () => {
    const page =
      '\uFEFF<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\r\n<HTML LANG=en><Head>\r\n<META charset=utf-8>' +
      "<script>if (a < b && c > d) document.write('<img src=x>')</script><p class='a'  id = b>x &amp y &notit; \u0000 <br/>" +
      '<table><tr><td>1<td>2</table><pre>\n\nkeep</pre><div unclosed<p>broken " \'<<>></div></p></span><!-- c --!><![CDATA[x]]>' +
      '<svg viewBox="0 0 1 1"><foreignObject><img src=/own.png></foreignObject></svg><math><mi>x</mi></math><template><b>t</b></template>';
    expect(rewrite(page)).toBe(page);
  });
});

describe('namespaces as browsers build them', () => {
  // TAG is a tracker <img> the browser creates in HTML (and fetches); text around it must not change.
  it.each([
    ['a self-closed <math/>', `<math/><script>document.write('<img src="${DC}">')</script>TAG`],
    ['nested <math><math>, left by an HTML tag', `<math><math>TAG`],
    ['an <svg> closed by its parent', `<div><svg><g></div>TAG`],
    ['an HTML integration point', `<svg><foreignObject>TAG</foreignObject></svg>`],
  ])('%s', (_label, html) => {
    expect(rewrite(html.replace('TAG', `<img src="${DC}">`))).toBe(
      html.replace('TAG', `<img data-src="${DC}" data-consent="advertising">`),
    );
  });

  it('holds a tag the tree builder ignores where it stands: the preload scanner still sees it', () => {
    expect(rewrite(`<select><img src="${DC}"></select>`)).toBe(`<select><img data-src="${DC}" data-consent="advertising"></select>`);
  });
});

describe('document base URL', () => {
  it('resolves relative URLs against the first <base href>, as the preload scanner does', () => {
    expect(rewrite(`<base href="https://www.google-analytics.com/"><script src="analytics.js"></script>`)).toBe(
      `<base href="https://www.google-analytics.com/"><script data-src="analytics.js" type="text/plain" data-consent="analytics"></script>`,
    );
    const second = `<base href="/x/"><base href="https://www.google-analytics.com/"><script src="analytics.js"></script>`;
    expect(rewrite(second)).toBe(second);
  });

  it('treats protocol-relative URLs as third-party even when the page URL is unknown', () => {
    expect(always.rewrite(`<script src="//connect.facebook.net/en_US/fbevents.js"></script>`)).toBe(
      `<script data-src="//connect.facebook.net/en_US/fbevents.js" type="text/plain" data-consent="advertising"></script>`,
    );
  });
});

describe('<noscript>', () => {
  it('holds a noscript pixel: a visitor without JavaScript can never consent', () => {
    expect(rewrite(`<noscript><img height=1 src="${DC}"></noscript><img src="${DC}">`)).toBe(
      `<noscript><img height="1" data-src="${DC}" data-consent="advertising"></noscript><img data-src="${DC}" data-consent="advertising">`,
    );
  });

  it('copes with an unclosed noscript', () => {
    expect(rewrite(`<noscript><img src="${DC}">`)).toBe(`<noscript><img data-src="${DC}" data-consent="advertising">`);
  });
});

describe('grants', () => {
  it('leaves granted categories untouched and holds the rest', () => {
    const rewriter = createRewriter({ settings, grantedCategories: ['analytics'] });
    expect(rewriter.variesByCookie).toBe(false);
    expect(rewriter.rewrite(`<script src="${GA}"></script><img src="${DC}">`)).toBe(
      `<script src="${GA}"></script><img data-src="${DC}" data-consent="advertising">`,
    );
  });

  it('holds nothing under blocking.autoBlock: false, like the runtime', () => {
    const off = createRewriter({ settings: validateConfig({ blocking: { autoBlock: false } }), grantedCategories: [] });
    expect(off.rewrite(`<script src="${GA}"></script>`)).toBe(`<script src="${GA}"></script>`);
  });

  it('uses the host table alone without settings', () => {
    const bare = createRewriter({ settings: null, grantedCategories: [] });
    expect(bare.rewrite(`<img src="${DC}">`)).toBe(`<img data-src="${DC}" data-consent="advertising">`);
  });

  it('holds more with the full table, and a site rule can still release a host', () => {
    const host = 'https://ads.yahoo.com/px.js';
    expect(always.rewrite(`<script src="${host}"></script>`)).toBe(`<script src="${host}"></script>`);
    const full = createRewriter({ settings, grantedCategories: [], classifier: classifyUrlFull });
    expect(full.rewrite(`<script src="${host}"></script>`)).toContain('data-consent="advertising"');
    const released = createRewriter({
      settings: validateConfig({ blocking: { rules: [{ match: 'ads.yahoo.com', category: 'essential' }] } }),
      grantedCategories: [],
      classifier: classifyUrlFull,
    });
    expect(released.rewrite(`<script src="${host}"></script>`)).toBe(`<script src="${host}"></script>`);
  });

  it('reports each held tag', () => {
    const held: HeldTag[] = [];
    createRewriter({ settings, grantedCategories: [], onHeld: (tag) => held.push(tag) }).rewrite(
      `<script src="${GA}"></script><iframe src="https://maps.example.net/e"></iframe><img src=/x.png>`,
      { url: PAGE },
    );
    expect(held).toEqual([
      { tagName: 'script', url: GA, category: 'analytics', service: undefined },
      { tagName: 'iframe', url: 'https://maps.example.net/e', category: 'advertising', service: 'maps' },
    ]);
  });
});

describe('catalogue path patterns (issue 18)', () => {
  const PIXEL = 'https://www.facebook.com/tr?id=1&amp;ev=PageView';
  const PIXEL_URL = 'https://www.facebook.com/tr?id=1&ev=PageView';

  it.each([
    ['the runtime classifier', always],
    ['the full classifier', createRewriter({ settings, grantedCategories: [], classifier: classifyUrlFull })],
  ])('holds the Meta pixel on www.facebook.com/tr, static and inside <noscript>, with %s', (_name, rewriter) => {
    const out = rewriter.rewrite(`<img height="1" width="1" src="${PIXEL}"><noscript><img src="${PIXEL}"></noscript>`, { url: PAGE });
    expect(out).not.toMatch(/ src="https:\/\/www\.facebook\.com/);
    expect(out.match(/data-consent="advertising"/g)).toHaveLength(2);
    expect(out).toContain(`data-src="${PIXEL}"`);
  });

  it('leaves a link to the www.facebook.com page alone', () => {
    const html = '<img src="https://www.facebook.com/images/fb_icon.png">';
    expect(rewrite(html)).toBe(html);
  });

  it('the full classifier knows every catalogue pattern, and lets an essential one (reCAPTCHA) through', () => {
    expect(classifyUrlFull(PIXEL_URL, settings, PAGE)).toEqual({ category: 'advertising' });
    expect(classifyUrlFull('https://www.google.com/recaptcha/api.js', settings, PAGE)).toBeNull();
  });
});
