import type { Settings } from './types';

/**
 * The compiled config: what `consentry build-config --compiled` prints, the production form. It carries the
 * Settings the validator made where the site owner works (every default filled in), the release that made
 * them and a hash of them, so the loader can apply them without fetching the validator: a visitor's first
 * page then downloads the loader and the UI, nothing else.
 *
 * The loader does not trust it blindly. A compiled config from another release (its Settings may have
 * another shape), one whose hash does not match (edited by hand after compiling) or one missing a part the
 * loader reads is refused with one console error, and every non-essential tag stays held, as for any
 * invalid config. A raw config still goes through the full validator.
 */
export interface CompiledConfig {
  /** The release that compiled it; the marker that tells a compiled config from a raw one. */
  consentryCompiled: string;
  /** FNV-1a of `JSON.stringify(settings)`, 8 hex digits: a hand edit shows, a deliberate forgery is the owner's own page. */
  hash: string;
  settings: Settings;
}

export const COMPILED_MARK = 'consentryCompiled';

/** FNV-1a, 32 bits: a few lines in the loader, enough to catch an edit made without compiling again. */
export function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x1000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Validated Settings as the compiled config the loader applies without the validator. */
export function compileSettings(settings: Settings, version: string): CompiledConfig {
  // Round-tripped first: the hash is over the text the loader will see (no undefined, no prototype).
  const plain = JSON.parse(JSON.stringify(settings)) as Settings;
  return { [COMPILED_MARK]: version, hash: hashOf(JSON.stringify(plain)), settings: plain } as CompiledConfig;
}

/**
 * What the loader reads without checking each value: its part must be there, with this type, as an own
 * property (a polluted Object.prototype must not supply it). 'o' object, 'a' array, 's' string, 'n' number,
 * 'O' object or null.
 */
const SHAPE: { [key in keyof Settings]: string } = {
  revision: 'n',
  language: 's',
  categories: 'a',
  services: 'a',
  cookie: 'o',
  texts: 'o',
  ui: 'o',
  regions: 'o',
  signals: 'o',
  minors: 'o',
  crossBorder: 'O',
  blocking: 'o',
  receipts: 'O',
  integrations: 'o',
};
const kindOf = (value: unknown) =>
  Array.isArray(value) ? 'a' : value === null ? 'null' : typeof value == 'object' ? 'o' : typeof value == 'number' ? 'n' : typeof value == 'string' ? 's' : '?';
const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const fits = (object: any, key: string, kind: string) =>
  own(object, key) && (kind == 'O' ? object[key] === null || kindOf(object[key]) == 'o' : kindOf(object[key]) == kind);

/**
 * `undefined` for a raw config (no marker: validate it); the Settings of a compiled config that passes the
 * cheap structural check; an Error, naming the fix, for one that does not.
 */
export function readCompiled(config: unknown, version: string): Settings | Error | undefined {
  if (!config || typeof config != 'object' || !own(config, COMPILED_MARK)) return;
  const { consentryCompiled: release, hash, settings } = config as CompiledConfig;
  const refuse = (why: string) => new Error(`consentry: compiled config refused (${why}); tags stay held. Run \`consentry build-config --compiled\` again`);
  if (release !== version) return refuse(`compiled by release ${release}, this loader is ${version}`);
  if (!settings || kindOf(settings) != 'o' || hash !== hashOf(JSON.stringify(settings))) return refuse('its hash does not match its settings: edited after compiling?');
  const missing = Object.entries(SHAPE).find(([key, kind]) => !fits(settings, key, kind)) ||
    (['name', 'expiresDays'] as const).find((key) => !own(settings.cookie, key)) ||
    (['assetsUrl', 'nonce'] as const).find((key) => !fits(settings.ui, key, 's')) ||
    (!fits(settings.blocking, 'rules', 'a') && 'blocking.rules') ||
    settings.categories.find((category) => kindOf(category) != 'o' || !fits(category, 'id', 's'));
  if (missing) return refuse(`settings incomplete at ${JSON.stringify(missing)}`);
  return settings;
}
