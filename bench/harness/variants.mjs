import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileAsset } from './servers.mjs';

/**
 * The SDKs under test, each set up the way its documentation recommends, for the same three
 * categories and the same three tags. A variant says how it marks a held tag, what it serves, how its
 * banner is found, and how a visitor accepts everything (to record a returning visitor's consent).
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const file = (path) => resolve(ROOT, path);
/** The consentry build under test; BENCH_DIST points at another one (e.g. to compare a change). */
export const consentryDist = () => resolve(process.env.BENCH_DIST || resolve(ROOT, 'dist'));
const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** A tag written to run at once: the baseline of a visit where everything is granted. */
const plainTag = (t) => (t.src ? `<script async src="${attr(t.src)}"></script>` : `<script>${t.code}</script>`);
/** A tag that never runs: the baseline of a visit where nothing is granted yet. */
const inertTag = (t) =>
  t.src ? `<script type="text/plain" src="${attr(t.src)}"></script>` : `<script type="text/plain">${t.code}</script>`;

export const baselineHeld = {
  id: 'baseline-held',
  name: 'no consent script, tags held',
  tag: inertTag,
  assets: {},
  sdkPaths: [],
};

export const baselineRun = {
  id: 'baseline-run',
  name: 'no consent script, tags run',
  tag: plainTag,
  assets: {},
  sdkPaths: [],
};

const CONSENTRY_CONFIG = {
  categories: [{ id: 'essential' }, { id: 'analytics' }, { id: 'advertising' }],
  services: [
    { id: 'site-analytics', category: 'analytics', name: 'Site analytics' },
    { id: 'ad-network', category: 'advertising', name: 'Ad network' },
    { id: 'ad-pixel', category: 'advertising', name: 'Conversion pixel' },
  ],
  ui: { privacyPolicyUrl: '/privacy' },
};

/**
 * The config as production pages carry it (README quick start): compiled by this checkout's
 * `consentry build-config --compiled`, so the loader applies it without the validator file.
 */
let compiledConfig;
const compiledConsentryConfig = () => {
  if (compiledConfig) return compiledConfig;
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
  try {
    writeFileSync(join(dir, 'consent.json'), JSON.stringify(CONSENTRY_CONFIG));
    return (compiledConfig = execFileSync(
      process.execPath,
      [file('bin/consentry.mjs'), 'build-config', join(dir, 'consent.json'), '--compiled', '--json'],
      { encoding: 'utf8' },
    ).trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * consentry as a site uses it: the loader first in <head>, the inline config right after it; compiled
 * (the production path) unless `raw` (what the site owner writes, validated in the browser).
 * @param {{ id: string, name: string, dist: () => string, base: string, raw?: boolean }} build
 */
const CONSENTRY_FILES = ['consentry.min.js', 'consentry-parts.min.js', 'consentry-ui.min.js'];

export function consentryVariant({ id, name, dist, base, raw = false }) {
  const loader = `<script src="${base}consentry.min.js"></script>`;
  const config = `<script type="application/json" id="consentry-config">${raw ? json(CONSENTRY_CONFIG) : compiledConsentryConfig()}</script>`;
  return {
    id,
    name,
    headFirst: `${loader}\n${config}`,
    tag: (t) =>
      t.src
        ? `<script type="text/plain" data-consent="${t.category}" src="${attr(t.src)}"></script>`
        : `<script type="text/plain" data-consent="${t.category}">${t.code}</script>`,
    files: () => CONSENTRY_FILES.map((file) => resolve(dist(), file)),
    assets: () => Object.fromEntries(CONSENTRY_FILES.map((file) => [base + file, fileAsset(resolve(dist(), file), 'text/javascript')])),
    sdkPaths: [base],
    banner: { host: 'consentry-ui', selector: '.banner' },
    ready: () => window.Consentry?.get().status === 'pending',
    acceptAll: () => window.Consentry.acceptAll(),
    consentCookie: /^consentry$/,
  };
}

export const consentry = consentryVariant({ id: 'consentry', name: 'consentry', dist: consentryDist, base: '/dist/' });

/**
 * More consentry builds to compare in the same run, from BENCH_COMPARE=dir1,dir2 (each holding
 * consentry.min.js, consentry-parts.min.js and consentry-ui.min.js); each is named after its folder and
 * given the raw config (an older build may not read a compiled one). BENCH_RAW=1 adds this build with
 * the raw config too.
 */
export function comparedBuilds() {
  const builds = (process.env.BENCH_COMPARE || '')
    .split(',')
    .filter(Boolean)
    .map((dir, i) => {
      const parts = dir.replace(/\/+$/, '').split('/');
      const label = parts.slice(parts.at(-1) === 'dist' ? -2 : -1).join('/');
      return consentryVariant({
        id: `consentry-${i + 1}`,
        name: `consentry (${label}, raw config)`,
        dist: () => resolve(dir),
        base: `/compare-${i + 1}/`,
        raw: true,
      });
    });
  if (process.env.BENCH_RAW)
    builds.unshift(
      consentryVariant({ id: 'consentry-raw', name: 'consentry (raw config)', dist: consentryDist, base: '/raw/', raw: true }),
    );
  return builds;
}

const CC_CATEGORIES = { analytics: 'analytics', advertising: 'ads' };
const CC_CONFIG = {
  // Its default hides the banner when navigator.webdriver is set, as it is under automation.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, ads: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description:
            'We use essential cookies to run this site and, with your consent, analytics and advertising cookies to measure visits and show relevant ads.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
          footer: '<a href="/privacy">Privacy policy</a>',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Essential', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Counting visits and how the site is used.', linkedCategory: 'analytics' },
            { title: 'Advertising', description: 'Showing and measuring ads.', linkedCategory: 'ads' },
          ],
        },
      },
    },
  },
};

export const vanillaCookieconsent = {
  id: 'vanilla-cookieconsent',
  name: 'vanilla-cookieconsent 3.1',
  headEnd: '<link rel="stylesheet" href="/vendor/cookieconsent/cookieconsent.css">',
  bodyEnd: `<script src="/vendor/cookieconsent/cookieconsent.umd.js"></script>
<script>CookieConsent.run(${json(CC_CONFIG)});</script>`,
  tag: (t) =>
    t.src
      ? `<script type="text/plain" data-category="${CC_CATEGORIES[t.category]}" src="${attr(t.src)}"></script>`
      : `<script type="text/plain" data-category="${CC_CATEGORIES[t.category]}">${t.code}</script>`,
  assets: () => ({
    '/vendor/cookieconsent/cookieconsent.css': fileAsset(file('node_modules/vanilla-cookieconsent/dist/cookieconsent.css'), 'text/css'),
    '/vendor/cookieconsent/cookieconsent.umd.js': fileAsset(
      file('node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js'),
      'text/javascript',
    ),
  }),
  sdkPaths: ['/vendor/cookieconsent/'],
  banner: { selector: '#cc-main .cm' },
  ready: () => !!window.CookieConsent && !!document.querySelector('#cc-main .cm'),
  acceptAll: () => window.CookieConsent.acceptCategory('all'),
  consentCookie: /^cc_cookie$/,
};

const KLARO_CONFIG = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  storageName: 'klaro',
  lang: 'en',
  acceptAll: true,
  mustConsent: false,
  privacyPolicy: '/privacy',
  translations: { en: { purposes: { analytics: 'Analytics', advertising: 'Advertising' } } },
  services: [
    { name: 'site-analytics', title: 'Site analytics', purposes: ['analytics'] },
    { name: 'ad-network', title: 'Ad network', purposes: ['advertising'] },
    { name: 'ad-pixel', title: 'Conversion pixel', purposes: ['advertising'] },
  ],
};

export const klaro = {
  id: 'klaro',
  name: 'klaro 0.7',
  headFirst: `<script>window.klaroConfig=${json(KLARO_CONFIG)};</script>
<script defer data-config="klaroConfig" src="/vendor/klaro/klaro.js"></script>`,
  tag: (t) =>
    t.src
      ? `<script type="text/plain" data-type="text/javascript" data-name="${t.service}" data-src="${attr(t.src)}"></script>`
      : `<script type="text/plain" data-type="text/javascript" data-name="${t.service}">${t.code}</script>`,
  assets: () => ({
    '/vendor/klaro/klaro.js': fileAsset(file('node_modules/klaro/dist/klaro.js'), 'text/javascript'),
  }),
  sdkPaths: ['/vendor/klaro/'],
  banner: { selector: '#klaro .cookie-notice, #klaro .cookie-modal' },
  ready: () => !!window.klaro && !!document.querySelector('#klaro .cookie-notice'),
  acceptAll: () => {
    const manager = window.klaro.getManager();
    manager.changeAll(true);
    manager.saveAndApplyConsents();
  },
  consentCookie: /^klaro$/,
};

export const SDKS = [consentry, vanillaCookieconsent, klaro];

/** Gzip size of a variant's inline config: bytes the page pays for besides the SDK files. */
export const inlineConfigMarkup = (variant) =>
  [variant.headFirst, variant.bodyEnd]
    .filter(Boolean)
    .join('')
    .replace(/<script[^>]*src=[^>]*><\/script>/g, '');
