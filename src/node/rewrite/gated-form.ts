/** Elements whose legacy `background=` attribute Chromium loads as an image (HTMLBodyElement, table parts). */
const BACKGROUND_TAGS = ['body', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'];

/**
 * The markup the runtime gate activates (src/loader/effects/kinds.ts, activate.ts): a held element keeps each
 * fetching attribute under `data-<name>`, a held script has `type="text/plain"` (its real type, if any, in
 * `data-type`), and `data-consent`/`data-service` say what it waits for. Tag names are lower-case here.
 */
export const FETCH_ATTRIBUTES: { readonly [tagName: string]: readonly string[] } = {
  script: ['src'],
  img: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src', 'srcset'],
  embed: ['src'],
  object: ['data'],
  // imagesrcset: a preload hint the gate does not restore; holding it is harmless, leaving it leaks.
  link: ['href', 'imagesrcset'],
  // Fetched by the browser (and most by its preload scanner); the gate restores them like the others.
  frame: ['src'],
  input: ['src'],
  ...Object.fromEntries(BACKGROUND_TAGS.map((name) => [name, ['background']])),
};

/** Attributes whose value is a srcset list rather than one URL. */
export const SRCSET_ATTRIBUTES: ReadonlySet<string> = new Set(['srcset', 'imagesrcset']);

/**
 * `<link>` relations that make the browser fetch or connect. Others (canonical, alternate, …) are read by
 * crawlers and never requested by the page, so they are left alone.
 */
export const FETCHING_LINK_RELS: ReadonlySet<string> = new Set([
  'stylesheet',
  'preload',
  'prefetch',
  'modulepreload',
  'preconnect',
  'dns-prefetch',
  'icon',
  'compression-dictionary',
]);

/** `type` values that make a `<script src>` fetch and run (HTML's JavaScript MIME type essences, and module). */
export const RUNNABLE_SCRIPT_TYPES: ReadonlySet<string> = new Set([
  '',
  'module',
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

export const HELD_PREFIX = 'data-';
