import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Hit, VendorFiles } from './harness';

/*
 * The vendors, each installed as its documentation says: its official snippet (the npm package's own copy where
 * it ships one, else the snippet's few DOM steps written out, never marked), its real browser build served under
 * its real CDN host, its real ingestion host. The snippets are the vendors' published install code in substance;
 * where this file writes one out it does exactly what the published one does to the page (create a queue stub,
 * insert one async <script> before the first script), with the method list shortened to what the page calls.
 */

const require = createRequire(import.meta.url);
// A package's folder, from its main file (not every package exports its package.json).
const packageDir = (name: string) => {
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(`node_modules/${name}`)) dir = dirname(dir);
  return dir;
};
const read = (file: string) => readFileSync(file, 'utf8');

export interface Vendor extends VendorFiles {
  name: string;
  /** HTML after the loader and config in <head>. */
  snippet: string;
  /** The library's first event reaching its ingestion host. */
  sent(hit: Hit): boolean;
  /** Makes a library that batches send now, as it does when the visitor leaves the tab. */
  flush?(page: Page): Promise<void>;
  /**
   * The snippet writes a `<script src>` into the HTML. The browser's preload scanner fetches it before any script
   * runs, so at run time it is requested (never run); only the HTML rewriter can hold it (issue 18: "zero leaks,
   * except requests written in the HTML that only the rewriter can stop"). Its page is served rewritten.
   */
  staticTag?: string;
  /** The CDN hosts its snippet names, to load the library from the site's origin instead (harness selfHosted). */
  cdn?: string[];
}

/** The tab is hidden: every batching library here flushes on `visibilitychange` to hidden. */
const hideTab = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
  });

const posthog: Vendor = {
  name: 'PostHog (posthog-js)',
  files: { 'us-assets.i.posthog.com/static/': join(packageDir('posthog-js'), 'dist') },
  // posthog.com/docs/libraries/js: the snippet loads <api_host with -assets>/static/array.js.
  snippet: `<script>
!function(t,e){if(e.__SV)return;window.posthog=e;e._i=[];e.init=function(i,s,a){
  function g(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}}
  var p=t.createElement("script");p.type="text/javascript";p.crossOrigin="anonymous";p.async=!0;
  p.src=s.api_host.replace(".i.posthog.com","-assets.i.posthog.com")+"/static/array.js";
  var r=t.getElementsByTagName("script")[0];r.parentNode.insertBefore(p,r);
  var u=e;a="posthog";"capture identify register reset opt_out_capturing".split(" ").forEach(function(m){g(u,m)});e._i.push([i,s,a])};e.__SV=1}(document,window.posthog||[]);
posthog.init('phc_vendorSuiteToken', { api_host: 'https://us.i.posthog.com', defaults: '2025-05-24', person_profiles: 'identified_only' });
posthog.capture('hello');
</script>`,
  sent: (hit) => hit.host == 'us.i.posthog.com' && /^\/(e|i\/v0\/e|batch|capture)\//.test(hit.path),
  flush: hideTab,
};

const mixpanelDir = join(packageDir('mixpanel-browser'), 'dist');
const mixpanel: Vendor = {
  name: 'Mixpanel (mixpanel-browser, session recording on)',
  files: {
    'cdn.mxpnl.com/libs/mixpanel-2-latest.min.js': join(mixpanelDir, 'mixpanel.min.js'),
    // The recorder and targeting modules it loads from beside itself, named with their content hash.
    'cdn.mxpnl.com/libs/': join(mixpanelDir, 'async-modules'),
  },
  // docs.mixpanel.com/docs/tracking-methods/sdks/javascript: the package ships the snippet itself.
  snippet: `<script>${read(join(mixpanelDir, 'mixpanel-jslib-snippet.min.js'))}</script>
<script>
mixpanel.init('mpVendorSuiteToken', { record_sessions_percent: 100, track_pageview: true });
mixpanel.track('hello');
</script>`,
  sent: (hit) => hit.host == 'api-js.mixpanel.com' && hit.path.startsWith('/track'),
  cdn: ['cdn.mxpnl.com'],
  flush: hideTab,
};

const amplitudeDir = join(packageDir('@amplitude/analytics-browser'), 'lib/scripts');
const amplitude: Vendor = {
  name: 'Amplitude (@amplitude/analytics-browser)',
  // The snippet asks for the gzip file by name, with the SRI hash of its content (the CDN serves it decoded).
  files: { 'cdn.amplitude.com/libs/analytics-browser-2.48.1-min.js.gz': join(amplitudeDir, 'amplitude-min.js') },
  answers: { 'api2.amplitude.com/2/httpapi': '{"code":200,"events_ingested":1,"payload_size_bytes":1,"server_upload_time":1}' },
  // amplitude.com/docs/sdks/analytics/browser/browser-sdk-2: the package ships the snippet itself.
  snippet: `<script>${read(join(amplitudeDir, 'amplitude-snippet-min.js'))}</script>
<script>
amplitude.init('ampVendorSuiteKey');
amplitude.track('hello');
</script>`,
  sent: (hit) => hit.host == 'api2.amplitude.com' && hit.path.startsWith('/2/httpapi'),
  cdn: ['cdn.amplitude.com'],
};

const datadog: Vendor = {
  name: 'Datadog RUM (@datadog/browser-rum, session replay on)',
  files: { 'www.datadoghq-browser-agent.com/us1/v7/': join(packageDir('@datadog/browser-rum'), 'bundle') },
  // docs.datadoghq.com/real_user_monitoring/.../browser/setup/client/ "CDN async": a stub with onReady, one script.
  snippet: `<script>
(function(h,o,u,n,d){h=h[d]=h[d]||{q:[],onReady:function(c){h.q.push(c)}};d=o.createElement(u);d.async=1;d.src=n;
n=o.getElementsByTagName(u)[0];n.parentNode.insertBefore(d,n)})(window,document,'script','https://www.datadoghq-browser-agent.com/us1/v7/datadog-rum.js','DD_RUM');
window.DD_RUM.onReady(function() {
  window.DD_RUM.init({ clientToken: 'pubVendorSuiteToken', applicationId: '00000000-0000-4000-8000-000000000000', site: 'datadoghq.com',
    service: 'shop', sessionSampleRate: 100, sessionReplaySampleRate: 100, trackUserInteractions: true });
});
</script>`,
  sent: (hit) => hit.host == 'browser-intake-datadoghq.com' && hit.path.startsWith('/api/v2/rum'),
  cdn: ['www.datadoghq-browser-agent.com'],
  // It batches for 30 s; once its session and first view exist, a hidden tab makes it send them.
  // Its listeners ignore untrusted events, so the visitor really leaves: the page's exit sends the batch.
  flush: async (page) => {
    await page.waitForFunction(() => !!(window as { DD_RUM?: { getInternalContext(): unknown } }).DD_RUM?.getInternalContext?.());
    await page.goto('about:blank');
  },
};

const SENTRY_VERSION = (require('@sentry/browser/package.json') as { version: string }).version;
const SENTRY_KEY = 'abcdef0123456789abcdef0123456789';
const SENTRY_DSN = `https://${SENTRY_KEY}@o123456.ingest.us.sentry.io/7654321`;
/**
 * Sentry's Loader Script (docs.sentry.io/platforms/javascript/install/loader/) is made per project by Sentry's
 * servers and is not on npm; this stand-in, served under its host, does what it does with the defaults: a
 * `Sentry.onLoad` stub, the CDN bundle inserted, then `window.sentryOnLoad` and `Sentry.init` with the project's DSN.
 */
const sentryLoader = `(function(w,d){var q=[];w.Sentry={onLoad:function(f){q.push(f)}};var s=d.createElement('script');
s.src='https://browser.sentry-cdn.com/${SENTRY_VERSION}/bundle.min.js';s.crossOrigin='anonymous';
s.addEventListener('load',function(){if(w.sentryOnLoad)w.sentryOnLoad();q.forEach(function(f){f()});
if(!w.Sentry.getClient())w.Sentry.init({});});
var f=d.getElementsByTagName('script')[0];f.parentNode.insertBefore(s,f)})(window,document);`;

/** Sentry's CDN bundle (browser.sentry-cdn.com/<version>/bundle.min.js) is @sentry/browser as an IIFE on `Sentry`; built the same way. */
export async function buildSentryFiles(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await build({
    stdin: { contents: `export * from '@sentry/browser';`, resolveDir: packageDir('@sentry/browser'), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'Sentry',
    outfile: join(dir, 'bundle.min.js'),
    logLevel: 'error',
    define: { __SENTRY_DEBUG__: 'false' },
  });
  // The loader passes the DSN it was made for: Sentry.init({}) reads it from the loader's defaults.
  writeFileSync(
    join(dir, 'loader.min.js'),
    sentryLoader.replace('w.Sentry.init({})', `w.Sentry.init({dsn:${JSON.stringify(SENTRY_DSN)}})`),
  );
}

export const sentry = (dir: string): Vendor => ({
  name: 'Sentry (@sentry/browser, Loader Script)',
  files: {
    [`js.sentry-cdn.com/${SENTRY_KEY}.min.js`]: join(dir, 'loader.min.js'),
    [`browser.sentry-cdn.com/${SENTRY_VERSION}/bundle.min.js`]: join(dir, 'bundle.min.js'),
  },
  snippet: `<script>window.sentryOnLoad = function () { Sentry.init({ dsn: ${JSON.stringify(SENTRY_DSN)}, release: 'shop@1' }); Sentry.captureMessage('hello'); };</script>
<script src="https://js.sentry-cdn.com/${SENTRY_KEY}.min.js" crossorigin="anonymous"></script>`,
  sent: (hit) => hit.host == 'o123456.ingest.us.sentry.io' && hit.path.startsWith('/api/7654321/envelope/'),
  staticTag: `GET js.sentry-cdn.com/${SENTRY_KEY}.min.js`,
  cdn: ['js.sentry-cdn.com'],
});

const SEGMENT_KEY = 'segVendorSuiteKey';
const segmentDir = join(packageDir('@segment/analytics-next'), 'dist/umd');
const segment: Vendor = {
  name: 'Segment (@segment/analytics-next, Analytics.js 2.0)',
  files: {
    [`cdn.segment.com/analytics.js/v1/${SEGMENT_KEY}/analytics.min.js`]: join(segmentDir, 'standalone.js'),
    'cdn.segment.com/analytics-next/bundles/': segmentDir,
  },
  answers: {
    [`cdn.segment.com/v1/projects/${SEGMENT_KEY}/settings`]: JSON.stringify({
      integrations: { 'Segment.io': { apiKey: SEGMENT_KEY, apiHost: 'api.segment.io/v1' } },
      plan: { track: { __default: { enabled: true } } },
    }),
  },
  // segment.com/docs/connections/sources/catalog/libraries/website/javascript/quickstart/: a queue stub whose
  // load() inserts cdn.segment.com/analytics.js/v1/<write key>/analytics.min.js, then page().
  snippet: `<script>
!function(){var i="analytics",analytics=window[i]=window[i]||[];if(analytics.initialize||analytics.invoked)return;analytics.invoked=!0;
analytics.methods=["page","track","identify","ready","reset"];analytics.factory=function(e){return function(){var t=Array.prototype.slice.call(arguments);t.unshift(e);analytics.push(t);return analytics}};
for(var n=0;n<analytics.methods.length;n++){var key=analytics.methods[n];analytics[key]=analytics.factory(key)}
analytics.load=function(key,n){var t=document.createElement("script");t.type="text/javascript";t.async=!0;t.setAttribute("data-global-segment-analytics-key",i);
t.src="https://cdn.segment.com/analytics.js/v1/"+key+"/analytics.min.js";var r=document.getElementsByTagName("script")[0];r.parentNode.insertBefore(t,r);analytics._loadOptions=n};
analytics._writeKey="${SEGMENT_KEY}";analytics.SNIPPET_VERSION="5.2.1";analytics.load("${SEGMENT_KEY}");analytics.page();}();
</script>`,
  sent: (hit) => hit.host == 'api.segment.io' && /^\/v1\/(p|t|page|track|batch)/.test(hit.path),
  cdn: ['cdn.segment.com'],
};

const rollbarDir = join(packageDir('rollbar'), 'dist');
const ROLLBAR_VERSION = (JSON.parse(read(join(packageDir('rollbar'), 'package.json'))) as { version: string }).version;
const rollbar: Vendor = {
  name: 'Rollbar (rollbar)',
  files: { [`cdn.rollbar.com/rollbarjs/refs/tags/v${ROLLBAR_VERSION}/`]: rollbarDir },
  // docs.rollbar.com/docs/browser-js: `_rollbarConfig`, then the snippet, which the package ships.
  snippet: `<script>var _rollbarConfig = { accessToken: 'post_client_item_vendor_suite', captureUncaught: true, captureUnhandledRejections: true, payload: { environment: 'production' } };</script>
<script>${read(join(rollbarDir, 'rollbar.snippet.js'))}</script>
<script>Rollbar.info('hello');</script>`,
  sent: (hit) => hit.host == 'api.rollbar.com' && hit.path.startsWith('/api/1/item'),
  cdn: ['cdn.rollbar.com'],
};

export const VENDORS = (sentryDir: string): Vendor[] => [posthog, mixpanel, amplitude, datadog, sentry(sentryDir), segment, rollbar];
