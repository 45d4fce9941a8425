import type { TrackerCategory } from '../host-category';

/*
 * Well-known vendors' browser storage, for the loader's storage guard: [name pattern, category], where `*`
 * stands for any run of characters (a project token, a session id). Hand-kept until the vendor catalogue
 * (data/vendors/) generates it in this shape. Only names no site would pick for its own data: a site that
 * does can reclassify one by declaring it (`services[].storage`), which wins over this table.
 * Storage-support probes (`__mplss_*`, `__support__`) are left out on purpose: dropping a probe's write
 * makes a library believe storage is broken for the rest of the page, even after consent. So are opt-out
 * markers (PostHog's `__ph_opt_in_out_<token>`, Mixpanel's `__mp_opt_in_out_<token>`): a site that answers a
 * refusal with `opt_out_capturing()` must have it stick, and it records a refusal, not the visitor.
 */

/** localStorage and sessionStorage keys (either store). */
export const LOADER_STORAGE_KEYS: Array<[string, TrackerCategory]> = [
  // PostHog, posthog-js 1.449.2 dist/module.js; seen from dist/array.full.js in Chromium (tests/e2e/blocking-storage-vendors.test.ts):
  // localStorage ph_<token>_posthog; sessionStorage ph_<token>_posthog, _primary_window_exists, _session_registered_properties
  ['ph_*_posthog', 'analytics'],
  ['ph_*_window_id', 'analytics'],
  ['ph_*_primary_window_exists', 'analytics'],
  ['ph_*_session_registered_properties', 'analytics'],
  // Mixpanel, mixpanel-browser 2.83.0 dist/mixpanel.umd.js: persistence `mp_<token>_mixpanel`, tab ids
  // `mp_tab_id_*` / `mp_gen_new_tab_id_*`, request queues `__mpq_<token>_ev|_pp|_gr`; seen in Chromium (same test):
  // localStorage __mpq_<token>_ev, mp_<token>_mixpanel; sessionStorage mp_gen_new_tab_id_mixpanel_<token>, mp_tab_id_mixpanel_<token>
  ['mp_*', 'analytics'],
  ['__mpq_*', 'analytics'],
  // Amplitude Browser SDK 2 (docs "Browser SDK 2 … Cookies and storage": `AMP_<key>`, `AMP_unsent_<key>`)
  ['AMP_*', 'analytics'],
  // Segment analytics.js (docs "Analytics.js … Storage": `ajs_anonymous_id`, `ajs_user_id`, `ajs_user_traits`, `ajs_group_*`)
  ['ajs_*', 'analytics'],
  // Hotjar (docs "Hotjar Cookie Information": `_hjSessionUser_<id>`, `_hjSession_<id>` … also in localStorage)
  ['_hj*', 'analytics'],
  // Datadog RUM (docs "Browser RUM … sessionPersistence: 'local-storage'" stores the session as `_dd_s`)
  ['_dd_s', 'analytics'],
  // Sentry Session Replay, getsentry/sentry-javascript packages/replay/src/constants.ts REPLAY_SESSION_KEY (sessionStorage)
  ['sentryReplaySession', 'analytics'],
];

/** IndexedDB database names. */
export const LOADER_DATABASES: Array<[string, TrackerCategory]> = [
  // Mixpanel, mixpanel-browser 2.83.0 dist/mixpanel-with-recorder.js: session recorder and feature flags (both seen in Chromium)
  ['mixpanelBrowserDb', 'analytics'],
  ['mixpanelFlagsDb', 'analytics'],
];
