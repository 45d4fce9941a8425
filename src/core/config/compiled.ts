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
 * What the loader reads without checking each value: each path must be there, as own properties all the
 * way (a polluted Object.prototype must not supply it), with this kind: a array, o object, s string,
 * n number. Kept as one string: the check ships in every page view.
 */
const SHAPE =
  'revision n,language s,categories a,services a,cookie o,cookie.name s,texts o,ui o,ui.assetsUrl s,ui.nonce s,regions o,regions.rules a,signals o,minors o,blocking o,blocking.rules a,integrations o';
const own = (object: object, key: string) => Object.hasOwn(object, key);
const kindOf = (value: unknown) => (Array.isArray(value) ? 'a' : value === null ? '-' : (typeof value)[0]);
/** The value at a dotted path through own properties only, or undefined. */
const at = (object: any, path: string) =>
  path.split('.').reduce((value, key) => (value && typeof value == 'object' && own(value, key) ? value[key] : undefined), object);

/**
 * `undefined` for a raw config (no marker: validate it); the Settings of a compiled config that passes the
 * cheap structural check; an Error, naming the fix, for one that does not.
 */
export function readCompiled(config: unknown, version: string): Settings | Error | undefined {
  if (!config || typeof config != 'object' || !own(config, COMPILED_MARK)) return;
  const { consentryCompiled: release, hash, settings } = config as CompiledConfig;
  const why =
    release !== version
      ? `compiled by release ${release}, this loader is ${version}`
      : hash !== hashOf(JSON.stringify(settings))
        ? 'its hash does not match its settings: edited after compiling?'
        : kindOf(settings) != 'o' ||
            SHAPE.split(',').some((entry) => kindOf(at(settings, entry.slice(0, -2))) != entry.slice(-1)) ||
            settings.categories.some((category) => kindOf(at(category, 'id')) != 's')
          ? 'settings incomplete'
          : '';
  return why
    ? new Error(`consentry: compiled config refused (${why}); tags stay held. Run consentry build-config --compiled again`)
    : settings;
}
