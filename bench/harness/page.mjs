/**
 * The one page every variant serves: a landing page with a few KB of text, a hero image with its
 * size reserved, a reserved ad slot, and three tags (analytics script in <head>, ad script in the
 * body, an inline pixel at the end). A variant supplies the SDK markup and the way it marks a tag.
 */

/** The three tags, identical in every variant; `category` uses the SDK-neutral names. */
export const tags = (tracker) => [
  { service: 'site-analytics', category: 'analytics', where: 'head', src: tracker + '/analytics.js' },
  { service: 'ad-network', category: 'advertising', where: 'body', src: tracker + '/ads.js' },
  {
    service: 'ad-pixel',
    category: 'advertising',
    where: 'end',
    code: `new Image().src=${JSON.stringify(tracker + '/pixel.gif')}+'?ev=PageView&t='+Date.now();`,
  },
];

/** What the tags load when they run: the sign, in Resource Timing, that a tag fired. */
export const TAG_URL_PATTERNS = { analytics: '/analytics.js', ads: '/ads.js', pixel: '/pixel.gif' };

const PARAGRAPHS = [
  'Cirrus Edge runs your application on servers in forty cities, so the first byte reaches a visitor from a machine a few milliseconds away. Deploys are atomic: the new version takes every request at once, and the previous one stays ready for an instant rollback.',
  'Static assets are stored in every region and revalidated in the background. Dynamic routes run close to the visitor and reach your database through pooled connections, so a cold start costs what a warm one does.',
  'Logs stream to the dashboard within a second and are kept for thirty days. Alerts go to e-mail, chat or a webhook, and each one links to the request that triggered it, with its headers and timing.',
  'Teams share projects with roles for owners, developers and billing contacts. Every change to a setting is recorded with who made it and when, and can be exported for an audit.',
  'Pricing is per request and per gigabyte served, with no charge for idle time. The free tier covers one hundred thousand requests a month, which is enough for most personal sites and every prototype.',
  'Migration takes an afternoon: point the DNS at us, import the environment variables, and push. Our command-line tool detects the framework and writes the build settings for you.',
];

const CSS = `body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1d2430}
header,main,footer{max-width:960px;margin:0 auto;padding:0 20px}
header{display:flex;gap:24px;align-items:center;height:64px}
nav a{margin-right:16px;color:#234}
.hero{display:block;width:100%;height:auto;aspect-ratio:3/1;border-radius:8px}
#ad-slot{height:90px;margin:24px 0;background:#fafafa}
footer{padding:40px 20px;color:#667}`;

/**
 * @param {{ headFirst?: string, headEnd?: string, bodyEnd?: string, tag: (tag: any) => string, tracker: string, title: string }} variant
 */
export function pageHtml({ headFirst = '', headEnd = '', bodyEnd = '', tag, tracker, title }) {
  const all = tags(tracker);
  const at = (where) =>
    all
      .filter((t) => t.where === where)
      .map(tag)
      .join('\n');
  const paragraphs = [...PARAGRAPHS, ...PARAGRAPHS.slice(0, 3)];
  return `<!doctype html>
<html lang="en"><head>
${headFirst}
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Cirrus Edge: ${title}</title>
<style>${CSS}</style>
${at('head')}
${headEnd}
</head><body>
<header><strong>Cirrus Edge</strong><nav><a href="/">Product</a><a href="/">Pricing</a><a href="/">Docs</a><a href="/">Blog</a></nav></header>
<main>
<h1>Deploy to the edge in one command</h1>
<img class="hero" src="/hero.png" width="1200" height="400" alt="">
<p>${paragraphs[0]}</p>
<div id="ad-slot"></div>
${at('body')}
${paragraphs
  .slice(1)
  .map((p, i) => (i % 3 === 0 ? `<h2>Section ${i / 3 + 1}</h2>` : '') + `<p>${p}</p>`)
  .join('\n')}
</main>
<footer>© Cirrus Edge · <a href="/privacy">Privacy</a> · <a href="#" data-consent-open>Cookie settings</a></footer>
${at('end')}
${bodyEnd}
</body></html>`;
}
